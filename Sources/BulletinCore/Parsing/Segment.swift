/// A run of lines that reads as one unit: a paragraph or headline (prose), a table or
/// list (preformatted, line breaks kept), or a separator.
struct Segment: Sendable {
    enum Kind: Sendable { case prose, preformatted, separator }

    var kind: Kind
    /// Indices into `CleanText.lines`.
    var lines: Range<Int>
}
