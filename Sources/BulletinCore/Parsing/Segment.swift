/// A run of lines that reads as one unit: a paragraph or headline (prose), a table or
/// list (preformatted, line breaks kept), or a separator.
struct Segment: Sendable {
    enum Kind: Sendable { case prose, preformatted, separator }

    var kind: Kind
    /// Indices into `CleanText.lines`.
    var lines: Range<Int>
    /// One line, its bytes as the part reader reads them (no run of spaces for the joiner to
    /// collapse), that the segmenter already found is no sign-off (`StandaloneLines.signOff`
    /// is nil): the part reader does not ask again. The segmenter asks it of every short line,
    /// the part reader of every segment, and most segments of a table's feed are one short line.
    var isNoSignOff = false
}
