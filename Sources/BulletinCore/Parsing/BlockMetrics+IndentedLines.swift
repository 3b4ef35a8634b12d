/// A one-line paragraph in a file that marks its paragraphs by indenting their first lines:
/// it is written as one indented line, and the paragraph under it opens indented too
/// ("    https://www.hs-merseburg.de/tinpaedagogik" / "    Nachfolgend lesen Sie das Policy
/// Paper …"). A wrapped paragraph's second line sits at the block's margin, never at the
/// indent, so two lines in a row at the same indent, deeper than the margin, are two
/// paragraphs where the wrapper did not break the first (the next line's first word would
/// have fitted on it). A block indented as a whole has its margin at that indent, and is
/// judged as any other block. Asks two lines' indents and one word's width.
extension BlockMetrics {
    func opensIndentedParagraph(after index: Int) -> Bool {
        let line = text.lines[index]
        let next = text.lines[index + 1]
        return line.indent > baseIndent && next.indent == line.indent && deliberate(index)
    }
}
