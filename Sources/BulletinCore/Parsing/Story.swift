/// One news story found in a bulletin.
package struct Story: Sendable, Hashable {
    package var headline: String
    /// Body blocks in order; a preformatted block (a table) keeps its "\n" line breaks.
    package var paragraphs: [String]
    /// The writer, without "By ": "H. Mustafa", "Jane Smith".
    package var byline: String?
    /// The place as written at the start of the first paragraph: "MOSCOW", "UNITED NATIONS".
    /// The paragraph keeps it.
    package var dateline: String?
    /// Agencies and outlets the text credits, as written, de-duplicated, in order of first mention.
    package var sources: [String]
    /// BCP 47 tag; "und" when the guess is unsure.
    package var language: String
    /// What the wire framing said about the item (nil for plain text): slug, version,
    /// urgency, filing time, editors' notes.
    package var wire: WireMetadata? {
        get { if case .value(let metadata)? = wireStorage { metadata } else { nil } }
        set { wireStorage = newValue.map(OutOfLine.value) }
    }
    /// Out of line: inline, the metadata made a story 202 bytes instead of 88, even plain
    /// text's, which has none, and the parser's array of a file's stories grows by doubling —
    /// a 16 MB file of 600,000 tiny stories held 327 MB of it at the peak (issue #14).
    private var wireStorage: OutOfLine<WireMetadata>?

    package var bodyText: String { paragraphs.joined(separator: "\n\n") }

    /// Words of `bodyText`: runs of characters between whitespace that hold a letter or digit.
    package var wordCount: Int { WordCounter.count(bodyText) }

    package init(
        headline: String, paragraphs: [String], byline: String? = nil, dateline: String? = nil,
        sources: [String] = [], language: String = "en", wire: WireMetadata? = nil
    ) {
        self.headline = headline
        self.paragraphs = paragraphs
        self.byline = byline
        self.dateline = dateline
        self.sources = sources
        self.language = language
        wireStorage = wire.map(OutOfLine.value)
    }
}

/// A value kept on the heap, one pointer inline, with value semantics (`indirect`).
private indirect enum OutOfLine<Value: Hashable & Sendable>: Hashable, Sendable {
    case value(Value)
}

/// The record's `word_count`: pieces of text between spaces, newlines and tabs that hold a
/// letter or a digit.
package enum WordCounter {
    package static func count(_ text: String) -> Int {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(count) ?? 0
    }

    /// Counts each word once, at its first letter or digit, 64 bytes a step: each block
    /// becomes two bit masks (spaces; letters and digits), and the words starting in it are
    /// counted from those with a few integer operations, without a branch per byte (prose has
    /// too many short words for such branches to be predicted).
    private static func count(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var afterSpace: UInt64 = 1  // the text starts as if after a space
        var index = 0
        while index + 64 <= utf8.count {
            var spaces: UInt64 = 0
            var alphanumerics: UInt64 = 0
            for lane in 0..<8 {
                let word = WordAtATime.load(utf8, at: index + lane * 8)
                spaces |= packed(spaceBytes(word)) << (lane * 8)
                alphanumerics |= packed(alphanumericBytes(word)) << (lane * 8)
            }
            words += wordStarts(spaces: spaces, alphanumerics: alphanumerics, afterSpace: &afterSpace)
            index += 64
        }
        // The last, short block; the bytes past the end are neither, so they start nothing.
        var spaces: UInt64 = 0
        var alphanumerics: UInt64 = 0
        for offset in 0..<(utf8.count - index) {
            let byteClass = byteClasses[Int(utf8[index + offset])]
            spaces |= UInt64(byteClass & 1) << offset
            alphanumerics |= UInt64(byteClass >> 1) << offset
        }
        return words + wordStarts(spaces: spaces, alphanumerics: alphanumerics, afterSpace: &afterSpace)
    }

    /// The words starting in a block of 64 bytes given as masks (bit i for byte i): a letter or
    /// digit starts one when the last space-or-alphanumeric byte before it is a space.
    /// `afterSpace` carries that state from block to block (1: the block starts after a space).
    @inline(__always)
    static func wordStarts(spaces: UInt64, alphanumerics: UInt64, afterSpace: inout UInt64) -> Int {
        let others = ~(spaces | alphanumerics)
        // The byte after each space, and on through the run of other bytes that follows it
        // (punctuation: "— word"): adding the run's first bit to the run carries along it and
        // stops at the byte that ends it, which the xor then marks with the run.
        let afterSpaces = spaces << 1 | afterSpace
        let reached = afterSpaces | ((others &+ (afterSpaces & others)) ^ others)
        afterSpace = spaces >> 63 | (reached & others) >> 63
        return (alphanumerics & reached).nonzeroBitCount
    }

    /// A high bit in each byte of `word` that is a space, a newline or a tab.
    @inline(__always)
    private static func spaceBytes(_ word: UInt64) -> UInt64 {
        WordAtATime.bytesEqual(word, 0x20) | WordAtATime.bytesEqual(word, 0x0A) | WordAtATime.bytesEqual(word, 0x09)
    }

    /// A high bit in each byte of `word` that is an ASCII letter or digit, or not ASCII.
    @inline(__always)
    private static func alphanumericBytes(_ word: UInt64) -> UInt64 {
        let low7 = word & ~WordAtATime.high  // the high bit itself counts as a letter
        let letters = WordAtATime.bytesInRange(low7 | WordAtATime.ones &* 0x20, UInt8(ascii: "a"), UInt8(ascii: "z"))
        let digits = WordAtATime.bytesInRange(low7, UInt8(ascii: "0"), UInt8(ascii: "9"))
        return (word & WordAtATime.high) | letters | digits
    }

    /// The eight high bits of `mask` (one per byte) as the low eight bits, byte i's at bit i.
    @inline(__always)
    private static func packed(_ mask: UInt64) -> UInt64 {
        ((mask >> 7) &* 0x0102_0408_1020_4080) >> 56
    }

    /// Bit 0: a space between words (space, newline, tab). Bit 1: a letter or a digit; any
    /// non-ASCII byte is taken as part of a letter: cheap and right for prose.
    private static let byteClasses: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        if byte == 0x20 || byte == 0x0A || byte == 0x09 { return 1 }
        return byte >= 0x80 || (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 ? 2 : 0
    }
}
