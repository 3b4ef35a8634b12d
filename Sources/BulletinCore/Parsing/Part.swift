/// A segment read for what it is. `nameLine` is a short name that is either a byline
/// ending a story or a short headline starting one; only its neighbours can tell.
///
/// 24 bytes, not 40 (issue #14: a file of tiny stories has a part every 10 bytes of text, all
/// held while its layout is judged and its stories assembled): a paragraph's bytes are kept as
/// `ParagraphBytes` (16 bytes, not an `ArraySlice`'s 32), and a byline, rare and the only
/// other case over 16 bytes, in a box of its own.
enum Part {
    case headline(String)
    case paragraph(ParagraphBytes)
    case preformatted(String)
    indirect case byline(name: String, affiliation: String?)
    case nameLine(String)
    case signOff(credits: [String])
    case separator

    var startsStory: Bool {
        switch self {
        case .headline, .nameLine, .separator, .signOff: true
        default: false
        }
    }
}

/// A paragraph's bytes: a range of a byte array, either the cleaned text's own bytes (where
/// its lines stand joined already, nearly always) or a joined copy. Half an `ArraySlice`
/// (which keeps a base address and 64-bit bounds beside its owner): the offsets are 32-bit,
/// as `TextLine`'s are, which `BulletinParser.largestText` allows.
struct ParagraphBytes {
    private let start: UInt32
    private let end: UInt32
    private let storage: [UInt8]

    init(_ storage: [UInt8], _ range: Range<Int>) {
        precondition(range.upperBound <= storage.count && storage.count <= Int(UInt32.max))
        start = UInt32(truncatingIfNeeded: range.lowerBound)
        end = UInt32(truncatingIfNeeded: range.upperBound)
        self.storage = storage
    }

    /// All of `storage`.
    init(_ storage: [UInt8]) { self.init(storage, 0..<storage.count) }

    var bytes: ArraySlice<UInt8> { storage[Int(start)..<Int(end)] }
    var count: Int { Int(end &- start) }
}

/// Turns segments into parts: joins prose lines, keeps preformatted lines, and reads
/// each prose segment's shape.
struct PartReader {
    let text: CleanText

    func parts(_ segments: [Segment]) -> [Part] { segments.compactMap { part($0, oneStory: false) } }

    /// The parts of a text that stays one story whatever it holds (a framed wire item's
    /// body): there a headline, a name line and a paragraph all become the same prose, so a
    /// segment that would read the same as each is a paragraph without its shape measured.
    func bodyParts(_ segments: [Segment]) -> [Part] {
        var parts: [Part] = []
        parts.reserveCapacity(segments.count)
        for segment in segments {
            if let part = part(segment, oneStory: true) { parts.append(part) }
        }
        return parts
    }

    /// The parts of `segmenter`'s segments, read as it makes them, each with the blank lines
    /// above it (what `LayoutJudge` weighs).
    func placedParts(_ segmenter: Segmenter) -> (parts: [Part], placements: [LayoutJudge.Placement]) {
        var parts: [Part] = []
        var placements: [LayoutJudge.Placement] = []
        // A block is one part, nearly always: sized once rather than regrown (issue #14).
        parts.reserveCapacity(segmenter.blockCount)
        placements.reserveCapacity(segmenter.blockCount)
        segmenter.forEachSegment { segment in
            guard let part = part(segment, oneStory: false) else { return }
            parts.append(part)
            placements.append(LayoutJudge.Placement(gapBefore: text.lines[segment.lines.lowerBound].blankLinesBefore))
        }
        return (parts, placements)
    }

    private func part(_ segment: Segment, oneStory: Bool) -> Part? {
        switch segment.kind {
        case .separator: return .separator
        case .preformatted: return .preformatted(preformattedText(segment.lines))
        case .prose: break
        }
        let joined = proseText(segment.lines)
        guard joined.count > 0 else { return nil }
        var bytes = joined.bytes
        if !segment.isNoSignOff, let credits = StandaloneLines.signOff(bytes) { return .signOff(credits: credits) }
        if let byline = StandaloneLines.byline(bytes) {
            return .byline(name: byline.name, affiliation: byline.affiliation)
        }
        // "… an ounce. (Reporting by …)": the credit is dropped later; judge the text before it.
        if let creditStart = StandaloneLines.trailingCreditStart(bytes) {
            bytes = ByteScalars.trimmed(bytes[..<creditStart])
        } else if oneStory && readsAlikeAsAnyProse(bytes) {
            return .paragraph(joined)
        }
        let shape = TextShape(bytes)
        guard HeadlineShape.mayFit(shape) else { return .paragraph(joined) }
        // A segment ending a sentence is a paragraph whatever else it looks like: decide
        // that before the costlier shape measures.
        if segment.lines.count > 1 && BlockMetrics.endsSentence(bytes) { return .paragraph(joined) }
        let fitsOnHeadlineLines =
            segment.lines.count == 1 || shape.isAllCaps || (segment.lines.count == 2 && shape.isTitleCase)
        guard fitsOnHeadlineLines else { return .paragraph(joined) }
        // "Related Stories", "NOTAS RELACIONADAS": shaped as a name, but a page's label
        // (`PageFurniture`), which signs no story; as a headline candidate it stays text.
        if let name = StandaloneLines.endByline(bytes), !PageFurniture.isFurniture(name) { return .nameLine(name) }
        if HeadlineShape.looksLikeHeadline(shape) || HeadlineShape.isPlainQuestion(shape) {
            return .headline(ByteScalars.string(bytes))
        }
        return .paragraph(joined)
    }

    /// Whether `bytes` (a segment with no inline credit) become the same prose of a story as a
    /// headline (`bytes` themselves), a name line (`StandaloneLines.endByline`: the text
    /// trimmed and without a leading dash) and a paragraph (`bytes`): a story's prose makes no
    /// difference between them.
    private func readsAlikeAsAnyProse(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        return first != 0x2D && first != 0x20 && first != 0xE2 && last != 0x20
    }

    /// Lines joined by one space, inner runs of spaces collapsed; a word hyphenated across
    /// a line end ("Russian-\nbacked") is joined without a space.
    func proseText(_ lines: Range<Int>) -> ParagraphBytes {
        joinedInPlace(lines).map { ParagraphBytes(text.bytes, $0) } ?? ParagraphBytes(joinedCopy(lines))
    }

    /// Where the joined lines already stand in `text.bytes`, when nothing needs changing:
    /// the cleaner follows each line with one space, so lines without runs of spaces and
    /// without a hyphenated word across their break are joined already. Nil otherwise.
    private func joinedInPlace(_ lines: Range<Int>) -> Range<Int>? {
        guard !lines.isEmpty else { return nil }
        var previous = text.lines[lines.lowerBound]
        guard !previous.isEmpty, !previous.hasDoubleSpace else { return nil }
        for index in lines.dropFirst() {
            let line = text.lines[index]
            guard !line.isEmpty, !line.hasDoubleSpace, line.start == previous.end + 1 else { return nil }
            if previous.end - previous.start >= 2 && text.bytes[previous.end - 1] == 0x2D
                && text.bytes[previous.end - 2] != 0x20 && text.bytes[previous.end - 2] != 0x2D
                && text.bytes[line.start] >= 0x61
                && text.bytes[line.start] <= 0x7A
                && !Self.opensWithConjunction(text.bytes[line.start..<line.end])
            {
                return nil  // "Russian-" + "backed": joined without the space
            }
            previous = line
        }
        return text.lines[lines.lowerBound].start..<previous.end
    }

    private func joinedCopy(_ lines: Range<Int>) -> [UInt8] {
        var capacity = 0
        for index in lines { capacity += text.lines[index].end - text.lines[index].start + 1 }
        return text.bytes.withUnsafeBufferPointer { source in
            [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                count = 0
                for index in lines {
                    let line = text.lines[index]
                    guard !line.isEmpty else { continue }
                    if count > 0 {
                        let first = source[line.start]
                        // "Russian-" + "backed", but not a dash ("five --" + "two officers").
                        let hyphenated =
                            out[count - 1] == 0x2D && count >= 2 && out[count - 2] != 0x20 && out[count - 2] != 0x2D
                            && first >= 0x61 && first <= 0x7A
                            && !Self.opensWithConjunction(text.bytes[line.start..<line.end])
                        if !hyphenated {
                            out[count] = 0x20
                            count += 1
                        }
                    }
                    let lineBytes = UnsafeBufferPointer(rebasing: source[line.start..<line.end])
                    if line.hasDoubleSpace {
                        count += Self.copyCollapsingSpaces(lineBytes, to: out.baseAddress! + count)
                    } else {
                        (out.baseAddress! + count).update(from: lineBytes.baseAddress!, count: lineBytes.count)
                        count += lineBytes.count
                    }
                }
            }
        }
    }

    /// A line opening with "und", "oder", "and", "or"…, as a whole word: the hyphen above it
    /// ends the first half of a pair ("Beige-" + "oder anderen Rotnuancen", "Sonnen-" + "und
    /// Windstrom"), which keeps its space, rather than a word broken across the line end.
    /// Asked only where a line ending in a hyphen meets one opening in lowercase.
    static func opensWithConjunction(_ line: ArraySlice<UInt8>) -> Bool {
        var end = line.startIndex
        while end < line.endIndex && end - line.startIndex <= 5 && line[end] >= 0x61 && line[end] <= 0x7A { end += 1 }
        let word = line[line.startIndex..<end]
        if end < line.endIndex && line[end] == 0x2E { return ByteScalars.hasPrefix(word, "bzw") && word.count == 3 }
        // "rock-" + "and-roll" is one word.
        guard end == line.endIndex || line[end] == 0x20 else { return false }
        return Vocabulary.contains(pairConjunctions, word)
    }

    /// Words joining the two halves of a pair whose first half is cut short with a hyphen:
    /// German, English, French, Spanish, Portuguese, Italian, Polish ("bzw." with its stop).
    /// Not "to": "lean-" + "to" is one word.
    private static let pairConjunctions: [StaticString] = [
        "und", "oder", "sowie", "bis", "and", "or", "nor", "et", "ou", "y", "o", "e", "u", "i", "lub", "oraz",
    ]

    /// Copies `line`, turning each run of spaces into one; returns the bytes written.
    private static func copyCollapsingSpaces(_ line: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>)
        -> Int
    {
        var written = 0
        var index = 0
        while index < line.count {
            // Copy up to the next space, then one space, then skip any more.
            var end = index
            while end < line.count && line[end] != 0x20 { end += 1 }
            (out + written).update(from: line.baseAddress! + index, count: end - index)
            written += end - index
            guard end < line.count else { break }
            out[written] = 0x20
            written += 1
            index = end + 1
            while index < line.count && line[index] == 0x20 { index += 1 }
        }
        return written
    }

    /// Lines joined by "\n", each keeping its indent relative to the block.
    /// Written through a pointer into a buffer of its exact size: appending each line's indent
    /// and bytes to an Array cost more than the rest of reading a results table.
    func preformattedText(_ lines: Range<Int>) -> String {
        var base = Int.max
        var size = 0
        for index in lines {
            let line = text.lines[index]
            base = min(base, line.indent)
            size += line.indent + (line.end - line.start) + 1
        }
        guard !lines.isEmpty else { return "" }
        size -= base * lines.count
        return text.bytes.withUnsafeBufferPointer { source in
            String(unsafeUninitializedCapacity: size) { out in
                var written = 0
                for index in lines {
                    let line = text.lines[index]
                    // As an Array's `isEmpty` decided: no newline before the first byte written.
                    if written > 0 {
                        out[written] = 0x0A
                        written += 1
                    }
                    let indent = line.indent - base
                    if indent > 0 {
                        (out.baseAddress! + written).initialize(repeating: 0x20, count: indent)
                        written += indent
                    }
                    let count = line.end - line.start
                    if count > 0 {
                        (out.baseAddress! + written).initialize(from: source.baseAddress! + line.start, count: count)
                        written += count
                    }
                }
                return written
            }
        }
    }
}
