/// One news story found in a bulletin.
public struct Story: Sendable, Hashable {
    public var headline: String
    /// Body blocks in order; a preformatted block (a table) keeps its "\n" line breaks.
    public var paragraphs: [String]
    /// The writer, without "By ": "H. Mustafa", "Jane Smith".
    public var byline: String?
    /// The place as written at the start of the first paragraph: "MOSCOW", "UNITED NATIONS".
    /// The paragraph keeps it.
    public var dateline: String?
    /// Agencies and outlets the text credits, as written, de-duplicated, in order of first mention.
    public var sources: [String]
    /// BCP 47 tag; "und" when the guess is unsure.
    public var language: String

    public var bodyText: String { paragraphs.joined(separator: "\n\n") }

    /// Words of `bodyText`: runs of characters between whitespace that hold a letter or digit.
    public var wordCount: Int {
        paragraphs.reduce(0) { $0 + WordCounter.count($1) }
    }

    public init(
        headline: String, paragraphs: [String], byline: String? = nil, dateline: String? = nil,
        sources: [String] = [], language: String = "en"
    ) {
        self.headline = headline
        self.paragraphs = paragraphs
        self.byline = byline
        self.dateline = dateline
        self.sources = sources
        self.language = language
    }
}

enum WordCounter {
    static func count(_ text: String) -> Int {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(count) ?? 0
    }

    /// Counts each word once, at its first letter or digit, without a branch per byte (prose
    /// has too many short words for the branches to be predicted).
    private static func count(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        byteClasses.withUnsafeBufferPointer { classes in
            // Each byte's step depends on the one before, so a long text is cut, at spaces (where
            // a word cannot straddle the cut), into four stretches counted side by side.
            guard utf8.count >= 128 else {
                var state = Chain()
                for byte in utf8 { state.step(classes[Int(byte)]) }
                return state.words
            }
            var starts = (0, 0, 0, 0)
            func cut(after previous: Int, part: Int) -> Int {
                var cut = max(previous, part * utf8.count / 4)
                while cut < utf8.count, classes[Int(utf8[cut])] & 1 == 0 { cut += 1 }
                return cut
            }
            starts.1 = cut(after: 0, part: 1)
            starts.2 = cut(after: starts.1, part: 2)
            starts.3 = cut(after: starts.2, part: 3)
            let ends = (starts.1, starts.2, starts.3, utf8.count)
            let together = min(ends.0 - starts.0, ends.1 - starts.1, ends.2 - starts.2, ends.3 - starts.3)
            var chains = (Chain(), Chain(), Chain(), Chain())
            let base = utf8.baseAddress!
            let (first, second, third, fourth) = (base + starts.0, base + starts.1, base + starts.2, base + starts.3)
            for offset in 0..<together {
                chains.0.step(classes[Int(first[offset])])
                chains.1.step(classes[Int(second[offset])])
                chains.2.step(classes[Int(third[offset])])
                chains.3.step(classes[Int(fourth[offset])])
            }
            for index in (starts.0 + together)..<ends.0 { chains.0.step(classes[Int(utf8[index])]) }
            for index in (starts.1 + together)..<ends.1 { chains.1.step(classes[Int(utf8[index])]) }
            for index in (starts.2 + together)..<ends.2 { chains.2.step(classes[Int(utf8[index])]) }
            for index in (starts.3 + together)..<ends.3 { chains.3.step(classes[Int(utf8[index])]) }
            return chains.0.words + chains.1.words + chains.2.words + chains.3.words
        }
    }

    /// The count over one stretch that begins at a space or at the start of the text.
    private struct Chain {
        var words = 0
        var wordHasAlphanumeric: UInt8 = 0

        @inline(__always)
        mutating func step(_ byteClass: UInt8) {
            let isAlphanumeric = byteClass >> 1
            words &+= Int(isAlphanumeric & ~wordHasAlphanumeric & 1)
            wordHasAlphanumeric = (wordHasAlphanumeric | isAlphanumeric) & ~byteClass & 1
        }
    }

    /// Bit 0: a space between words (space, newline, tab). Bit 1: a letter or a digit; any
    /// non-ASCII byte is taken as part of a letter: cheap and right for prose.
    private static let byteClasses: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        if byte == 0x20 || byte == 0x0A || byte == 0x09 { return 1 }
        return byte >= 0x80 || (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 ? 2 : 0
    }
}
