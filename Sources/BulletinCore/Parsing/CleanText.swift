/// One non-blank line of cleaned text: a byte range into `CleanText.bytes` with its
/// leading whitespace measured and removed and its trailing whitespace dropped.
struct TextLine: Sendable {
    var start: Int
    var end: Int
    /// Columns of leading whitespace (tabs expanded to stops of 8).
    var indent: Int
    /// Columns up to the last visible character, indent included: what a wrapper measures.
    var width: Int
    /// Blank lines between this line and the previous one; runs are counted, not stored,
    /// so a million blank lines cost one integer.
    var blankLinesBefore: Int
    /// A form feed: a page break, which bulletins use as a story separator.
    var isFormFeed: Bool = false
    /// Two spaces in a row somewhere in the line (the paragraph joiner collapses them).
    var hasDoubleSpace = false
    /// A pipe, a byte that may start a box-drawing character, or two spaces in a row:
    /// the line could be a table row. Measured once, when the line is cleaned.
    var mayBeTableRow = false
    /// Ends with a full stop, question or exclamation mark, colon or ellipsis, through
    /// closing quotes (`BlockMetrics.endsSentence`): asked of every line of a block.
    var endsSentence = false

    var isEmpty: Bool { start == end }
}

/// The bulletin after whitespace cleaning: NFC UTF-8 bytes and the lines within them.
/// Each line's bytes are followed by one space, so the lines of a hard-wrapped paragraph
/// read, nearly always, as one run of `bytes` already joined the way prose is joined.
struct CleanText: Sendable {
    var bytes: [UInt8]
    var lines: [TextLine]
}
