/// One non-blank line of cleaned text: a byte range into `CleanText.bytes` with its
/// leading whitespace measured and removed and its trailing whitespace dropped.
///
/// 24 bytes, not 48: a file of tiny lines holds one per 11 bytes of text, and they all live
/// while the file is parsed (issue #14). Offsets and columns are kept in 32 bits, which
/// `TextCleaner.fits` guarantees; flags are packed in one byte.
struct TextLine: Sendable {
    private var storedStart: UInt32
    private var storedEnd: UInt32
    private var storedIndent: UInt32
    private var storedWidth: UInt32
    private var storedBlankLinesBefore: UInt32
    private var flags: UInt8

    var start: Int { Int(storedStart) }
    var end: Int { Int(storedEnd) }
    /// Columns of leading whitespace (tabs expanded to stops of 8).
    var indent: Int { Int(storedIndent) }
    /// Columns up to the last visible character, indent included: what a wrapper measures.
    var width: Int { Int(storedWidth) }
    /// Blank lines between this line and the previous one; runs are counted, not stored,
    /// so a million blank lines cost one integer.
    var blankLinesBefore: Int { Int(storedBlankLinesBefore) }
    /// A form feed: a page break, which bulletins use as a story separator.
    var isFormFeed: Bool { flags & Flag.formFeed != 0 }
    /// Two spaces in a row somewhere in the line (the paragraph joiner collapses them).
    var hasDoubleSpace: Bool { flags & Flag.doubleSpace != 0 }
    /// A pipe, a byte that may start a box-drawing character, or two spaces in a row:
    /// the line could be a table row. Measured once, when the line is cleaned.
    var mayBeTableRow: Bool { flags & Flag.tableRow != 0 }
    /// Ends with a full stop, question or exclamation mark, colon or ellipsis, through
    /// closing quotes (`BlockMetrics.endsSentence`): asked of every line of a block.
    var endsSentence: Bool { flags & Flag.sentenceEnd != 0 }

    var isEmpty: Bool { storedStart == storedEnd }

    private enum Flag {
        static let formFeed: UInt8 = 1
        static let doubleSpace: UInt8 = 2
        static let tableRow: UInt8 = 4
        static let sentenceEnd: UInt8 = 8
    }

    /// Every value must fit in 32 bits: `TextCleaner.clean` sees to that (`TextCleaner.fits`).
    init(
        start: Int, end: Int, indent: Int, width: Int, blankLinesBefore: Int, isFormFeed: Bool = false,
        hasDoubleSpace: Bool = false, mayBeTableRow: Bool = false, endsSentence: Bool = false
    ) {
        storedStart = UInt32(truncatingIfNeeded: start)
        storedEnd = UInt32(truncatingIfNeeded: end)
        storedIndent = UInt32(truncatingIfNeeded: indent)
        storedWidth = UInt32(truncatingIfNeeded: width)
        storedBlankLinesBefore = UInt32(truncatingIfNeeded: blankLinesBefore)
        flags =
            (isFormFeed ? Flag.formFeed : 0) | (hasDoubleSpace ? Flag.doubleSpace : 0)
            | (mayBeTableRow ? Flag.tableRow : 0) | (endsSentence ? Flag.sentenceEnd : 0)
    }
}

/// The bulletin after whitespace cleaning: NFC UTF-8 bytes and the lines within them.
/// Each line's bytes are followed by one space, so the lines of a hard-wrapped paragraph
/// read, nearly always, as one run of `bytes` already joined the way prose is joined.
struct CleanText: Sendable {
    var bytes: [UInt8]
    var lines: [TextLine]
}
