#if canImport(Glibc)
import Glibc
#endif

/// IPTC 7901 items (dpa and many European agencies): after SOH a header (station and
/// sequence, priority digit, category, word count, source), keyword lines ending in `/`;
/// after STX optional take lines, the headline ending " =", a byline, the text, then the
/// editors' sections ("# Notebook", "## Note to editors", "not for publication"), and after
/// ETX the filing time.
enum IPTC7901Reader {
    /// "eca062 4 i 211 ccccb   dpa 061": a station-and-sequence token, a priority digit and a
    /// category of one to three letters.
    static func isHeader(_ header: ArraySlice<UInt8>) -> Bool {
        if let ascii = isHeader(ascii: header) { return ascii }
        guard let first = WireLines.lines(header).first(where: { !WireLines.text($0).trimmingSpaces.isEmpty }) else {
            return false
        }
        let tokens = WireLines.words(WireLines.text(first))
        guard tokens.count >= 4, tokens[0].count >= 4, tokens[0].contains(where: \.isNumber),
            tokens[1].count == 1, let digit = tokens[1].first, ("1"..."6").contains(digit),
            (1...3).contains(tokens[2].count), tokens[2].allSatisfy(\.isLetter)
        else { return false }
        return true
    }

    /// The same answer read from the bytes of an ASCII header (where a byte is a Character),
    /// nil for any other: every control-framed item is asked (an ANPA header as well), and the
    /// lines, Strings and words of the general reading cost ~6,000 instructions an item.
    /// As there: the first line with a visible byte, its control bytes dropped (DLE a space,
    /// tab kept), trailing spaces and tabs off, split at spaces.
    private static func isHeader(ascii header: ArraySlice<UInt8>) -> Bool? {
        header.withUnsafeBufferPointer { bytes -> Bool? in
            guard WordAtATime.isASCII(bytes) else { return nil }
            // The first line (CR, LF or CRLF ends one) holding a byte from "!" to "~".
            var start = 0
            var visible = false
            var end = 0
            while end < bytes.count {
                let byte = bytes[end]
                if byte == 0x0A || byte == 0x0D {
                    if visible { break }
                    start = end + 1
                } else if byte > 0x20 && byte < 0x7F {
                    visible = true
                }
                end += 1
            }
            guard visible else { return false }
            // The line as `WireLines.text` makes it, then its first three words and whether a fourth.
            var line: [UInt8] = []
            line.reserveCapacity(end - start)
            for byte in bytes[start..<end] {
                if byte == 0x10 { line.append(0x20) } else if byte >= 0x20 && byte != 0x7F || byte == 0x09 { line.append(byte) }
            }
            while let last = line.last, last == 0x20 || last == 0x09 { line.removeLast() }
            var words: [Range<Int>] = []
            var wordStart: Int?
            for (index, byte) in line.enumerated() {
                if byte == 0x20 {
                    if let open = wordStart { words.append(open..<index) }
                    wordStart = nil
                } else if wordStart == nil {
                    wordStart = index
                }
                if words.count == 4 { break }
            }
            if let open = wordStart, words.count < 4 { words.append(open..<line.count) }
            guard words.count >= 4 else { return false }
            let station = line[words[0]]
            let priority = line[words[1]]
            let category = line[words[2]]
            func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
            return station.count >= 4 && station.contains(where: ByteScalars.isDigit)
                && priority.count == 1 && priority.first! >= 0x31 && priority.first! <= 0x36
                && (1...3).contains(category.count) && category.allSatisfy(isLetter)
        }
    }

    static func item(_ bytes: ArraySlice<UInt8>) -> WireItem? {
        let stx = bytes.firstIndex(ofByte: WireFraming.stx)
        let textStart = stx.map { $0 + 1 } ?? bytes.startIndex
        // The ETX that ends the text comes after its STX: one before it (a fuzz finding) made
        // the text's range run backwards.
        let etx = bytes[textStart...].firstIndex(ofByte: WireFraming.etx)
        var item = WireItem(metadata: WireMetadata(format: .iptc7901))
        let headerLines = WireLines.lines(bytes[..<(stx ?? bytes.startIndex)]).map { WireLines.text($0).trimmingSpaces }
            .filter { !$0.isEmpty }
        if let first = headerLines.first {
            let tokens = WireLines.wordStrings(first)
            item.metadata.urgency = Int(tokens[1]).flatMap(Urgency.iptcPriority)
            item.metadata.category = tokens[2]
            if let source = tokens.dropFirst(4).first(where: { $0.first?.isLetter == true && $0.count >= 2 && $0 != tokens[4] })
                ?? tokens.dropFirst(3).last(where: { $0.first?.isLetter == true })
            {
                item.metadata.agency = String(source.prefix { $0 != "-" })
            }
            let keywords = headerLines.dropFirst().filter { $0.hasSuffix("/") }
            if !keywords.isEmpty {
                item.metadata.slug = keywords.map { String($0.dropLast(1)) }.joined(separator: "/")
            }
        }
        readText(bytes[textStart..<(etx ?? bytes.endIndex)], into: &item)
        if let etx {
            for line in WireLines.lines(bytes[(etx + 1)...]) {
                if let time = FiledTime.iptcTrailer(WireLines.text(line).trimmingSpaces) { item.metadata.filedAt = time }
            }
        }
        markService(&item)
        return item.headline != nil || !item.blocks.isEmpty ? item : nil
    }

    /// `text`: the bytes between STX and ETX. Its lines are read one at a time (`WireLines.Cursor`):
    /// the first eight kept for the heading, the rest taken as they come, with no array of them.
    static func readText(_ text: ArraySlice<UInt8>, into item: inout WireItem) {
        var cursor = WireLines.Cursor(text)
        // The lines read so far: the first eight, and more only while the heading needs them.
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(8)
        while lines.count < 8, let line = cursor.next() { lines.append(line) }
        var index = 0
        var takes: [String] = []
        // The heading: take lines, the headline, a byline; it ends at the first line ending in "=".
        // Each line's ending told from its bytes where it is ASCII: making a String of each of the
        // eight cost ~5,000 instructions an item.
        let headingEnd = lines.firstIndex { WireLines.endsWithEquals(ascii: $0) ?? WireLines.text($0).trimmingSpaces.hasSuffix("=") }
        var headingLines: [String] = []
        while true {
            if index == lines.count {
                guard let line = cursor.next() else { break }
                lines.append(line)
            }
            let line = WireLines.text(lines[index]).trimmingSpaces
            if line.isEmpty {
                if headingEnd == nil && !headingLines.isEmpty { break }
                index += 1
                if headingEnd.map({ index > $0 }) ?? false { break }
                continue
            }
            if headingEnd == nil && !headingLines.isEmpty { break }
            headingLines.append(line)
            index += 1
            if let headingEnd, index > headingEnd { break }
        }
        for line in headingLines {
            // `dropLast(1)`, not `dropLast()`: the default argument is Collection's, which counts
            // every Character of the line first.
            let content = line.hasSuffix("=") ? String(line.dropLast(1)).trimmingSpaces : line
            if item.headline == nil, takes.count < 3, let marker = VersionMarker.takeMarker(content) {
                takes.append(marker)
            } else if item.headline == nil, let urgency = Urgency.word(content) {
                item.metadata.urgency = min(item.metadata.urgency ?? 9, urgency)
            } else if item.headline == nil && (content == "EXTRA" || content == "(Achtung)" || content == "Achtung") {
                takes.append(content)
            } else if item.headline != nil, content.lowercased().hasPrefix("by ") {
                let name = String(content.dropFirst(3))
                // `name.split(separator: ",").first`: the first run of Characters other than a
                // comma, found without splitting the whole name (~11,000 instructions a byline).
                let firstPart = name.drop { $0 == "," }.prefix { $0 != "," }
                let writer = firstPart.isEmpty ? name : String(firstPart).trimmingSpaces
                item.byline = writer.lowercased().hasPrefix("dpa") ? nil : writer
            } else if item.headline == nil {
                item.headline = content
            } else {
                item.headline! += " " + content
            }
        }
        let versions = takes.filter { $0 != "EXTRA" && !WireLines.contains($0, literal: "Achtung") }
        if !versions.isEmpty { item.metadata.version = versions.joined(separator: " ") }
        if item.metadata.versionKind == .kill { item.metadata.isWithdrawn = true }

        // The text, up to the editors' sections; their notes become the ednote. The text's
        // lines go into one buffer, where each starts (to take closing lines off again).
        var body: [UInt8] = []
        // Room for every remaining line and its LF at once, rather than growing line by line.
        body.reserveCapacity(text.count + 1)
        var lineStarts: [Int] = []
        // About one line a 40 bytes of a dpa text, sized at once: grown from one, the array was
        // reallocated five or six times an item.
        lineStarts.reserveCapacity(text.count / 40 + 8)
        var notes: [String] = []
        var section: String?
        // Whether the open section's lines are notes to keep: judged once a section, not a line.
        var sectionKeepsNotes = false
        // The text's lines after the heading, found and judged among the bytes: a line is looked
        // at by its first visible byte and copied at once, where taking each line as a slice and
        // appending it cost ~800 instructions a line of a dpa feed.
        let bodyStart = index < lines.count ? lines[index].startIndex : cursor.position
        text.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            let origin = text.startIndex
            let count = bytes.count
            func next(_ byte: UInt8, from start: Int) -> Int {
                guard start < count, let found = memchr(base + start, Int32(byte), count - start) else { return count }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            }
            // As `WireLines.lines` finds them: CR, LF and CRLF end a line.
            var start = bodyStart - origin
            var nextLF = -1
            var nextCR = -1
            while start < count {
                if nextLF < start { nextLF = next(0x0A, from: start) }
                if nextCR < start { nextCR = next(0x0D, from: start) }
                let end = min(nextLF, nextCR)
                defer {
                    start = end + 1
                    if end < count, base[end] == 0x0D, start < count, base[start] == 0x0A { start += 1 }
                }
                var shown = start
                while shown < end, base[shown] <= 0x20 || base[shown] == 0x7F { shown += 1 }
                if shown < end {
                    let first = base[shown]
                    if first == 0x23 {  // #
                        let heading = WireLines.text(text[(origin + shown)..<(origin + end)]).drop { $0 == "#" || $0 == " " }
                            .lowercased()
                        section = heading
                        sectionKeepsNotes = keepsNotes(heading)
                        continue
                    }
                    // Only a line opening "*" or "t" can be the rule or the sentence.
                    if first == 0x2A || first | 0x20 == 0x74, isNotForPublication(text[(origin + shown)..<(origin + end)]) {
                        section = "not for publication"
                        sectionKeepsNotes = false
                        continue
                    }
                }
                guard section != nil else {
                    lineStarts.append(body.count)
                    let line = UnsafeBufferPointer(start: base + start, count: end - start)
                    if WordAtATime.containsControlOtherThanTab(line) {
                        WireLines.append(text[(origin + start)..<(origin + end)], to: &body)
                    } else {
                        // As `WireLines.append`: trailing spaces and tabs off.
                        var kept = line.count
                        while kept > 0, line[kept - 1] == 0x20 || line[kept - 1] == 0x09 { kept -= 1 }
                        body.append(contentsOf: UnsafeBufferPointer(rebasing: line[..<kept]))
                    }
                    body.append(0x0A)
                    continue
                }
                if sectionKeepsNotes {
                    let note = WireLines.text(text[(origin + start)..<(origin + end)]).trimmingSpaces.drop { $0 == "-" || $0 == " " }
                    if !note.isEmpty { notes.append(String(note)) }
                }
            }
        }
        // dpa's closing initials ("dpa wsz jln npr") after a text without sections.
        while let start = lineStarts.last {
            let line = body[start..<(body.count - 1)]
            guard line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || isInitialsLine(String(decoding: line, as: UTF8.self)) else { break }
            body.removeSubrange(start...)
            lineStarts.removeLast()
        }
        item.appendText(body)
        if !notes.isEmpty { item.metadata.ednote = notes.joined(separator: "; ") }
    }

    /// A section whose lines are notes to editors: "Note to editors", a refile's or a
    /// correction's note.
    static func keepsNotes(_ heading: String) -> Bool {
        WireLines.contains(heading, literal: "note to editors") || WireLines.contains(heading, literal: "refile")
            || WireLines.contains(heading, literal: "correction")
    }

    /// "The following information is not (intended) for publication".
    /// "* * * *" and "The following information is not (intended) for publication" open the
    /// part not for publication.
    static func isNotForPublication(_ line: ArraySlice<UInt8>) -> Bool {
        // "* * * *" compared byte by byte: `starts(with:)` an array literal made the array at
        // every body line.
        if line.count >= 7, line.first == 0x2A, isStarsRule(line), line.dropFirst(7).allSatisfy({ $0 <= 0x20 }) {
            return true
        }
        guard let first = line.first, first | 0x20 == 0x74 else { return false }  // t or T
        return ByteScalars.hasPrefix(line, "the following information is not", caseInsensitive: true)
    }

    /// "* * * *" at the start of `line` (at least seven bytes).
    private static func isStarsRule(_ line: ArraySlice<UInt8>) -> Bool {
        let start = line.startIndex
        return line[start] == 0x2A && line[start + 1] == 0x20 && line[start + 2] == 0x2A && line[start + 3] == 0x20
            && line[start + 4] == 0x2A && line[start + 5] == 0x20 && line[start + 6] == 0x2A
    }

    /// "dpa wsz jln npr": the agency and the editors' initials.
    static func isInitialsLine(_ line: String) -> Bool {
        // The first word must start with "d" or "D" (a paragraph of text seldom does): checked
        // on the bytes before splitting the line into words.
        guard let first = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), first | 0x20 == 0x64 else { return false }
        var line = line
        if let ascii = line.withUTF8({ bytes -> Bool? in
            guard WordAtATime.isASCII(bytes), !bytes.contains(0x0D) else { return nil }
            return isInitialsLine(ascii: bytes)
        }) {
            return ascii
        }
        let words = WireLines.words(line.trimmingSpaces)
        guard words.count >= 2, words[0].lowercased().hasPrefix("dpa") else { return false }
        return words.dropFirst().allSatisfy { $0.count <= 4 && $0.allSatisfy(\.isLowercase) }
    }

    /// The same answer from the bytes of an ASCII line without CR (where `WireLines.words` splits
    /// at spaces and a byte is a Character): trimmed of spaces and tabs at both ends, the first
    /// word opens with "dpa" in any case, and each further word is one to four letters a–z.
    private static func isInitialsLine(ascii line: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var end = line.count
        while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        var words = 0
        var index = start
        while index < end {
            guard line[index] != 0x20 else {
                index += 1
                continue
            }
            var wordEnd = index
            while wordEnd < end, line[wordEnd] != 0x20 { wordEnd += 1 }
            let word = UnsafeBufferPointer(rebasing: line[index..<wordEnd])
            if words == 0 {
                guard word.count >= 3, ByteScalars.asciiLower(word[0]) == 0x64, ByteScalars.asciiLower(word[1]) == 0x70,
                    ByteScalars.asciiLower(word[2]) == 0x61
                else { return false }
            } else {
                guard word.count <= 4, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
            }
            words += 1
            index = wordEnd
        }
        return words >= 2
    }

    /// Copyright fill ("ryryryry copyright by dpa"); "Impressum" and test messages are told by
    /// `ServiceMessage` for every framing.
    static func markService(_ item: inout WireItem) {
        if case .text(let pieces) = item.blocks.first, let text = pieces.first,
            text.withUnsafeBufferPointer({ ByteSearch.contains($0, "ryryryry") })
        {
            item.metadata.isServiceMessage = true
        }
    }
}
