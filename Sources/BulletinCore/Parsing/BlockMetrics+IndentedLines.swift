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
        guard line.indent > baseIndent && next.indent == line.indent else { return false }
        return deliberate(index) || opensAtTheIndent(index)
            || (opensWithHan(next) && line.width + 2 <= (wrapWidth ?? Int.max) - 2)
    }

    /// The line opens a paragraph at the indent, under a line the wrapper did not carry on
    /// (its next word would have fitted there): a one-line paragraph, even where it fills the
    /// line to the margin ("    Johnny Castro johnnycastro.asesor@larepublica.net | Viernes 22
    /// abril, 2022", 78 columns at a wrap of 78, over "    En medio de las críticas …",
    /// larepublica.net, independent-tuning 0150). Under a line the wrapper filled, a line at
    /// the indent goes on with it: a hanging indent ("    -- Aguia de Ouro samba school to
    /// present theme on raising awareness of" / "       animal rights. The most committed can
    /// join the parade with their pets" / "       through the initiative, …", a PR Newswire
    /// release), whose lines under the first all sit at the indent.
    private func opensAtTheIndent(_ index: Int) -> Bool {
        index > block.lowerBound && text.lines[index - 1].indent < text.lines[index].indent && deliberate(index - 1)
    }

    /// A line that opens with a Chinese or Japanese character (U+3000–U+9FFF: CJK punctuation,
    /// kana, ideographs; after an opening quotation mark “ or 「), before which any wrapper may
    /// break: a wrapper that breaks only at spaces never sets such a paragraph's next line at
    /// the indent, and one that breaks anywhere would have put its first character on the line
    /// above ("  图注：测试表明，有关人在高空中喝酒更容易醉的传言是不正确的" over
    /// "  然后是责任的问题。…", Guangming Online via the independent corpus).
    private func opensWithHan(_ line: TextLine) -> Bool {
        var index = line.start
        if index + 3 <= line.end && text.bytes[index] == 0xE2 && text.bytes[index + 1] == 0x80
            && text.bytes[index + 2] == 0x9C
        {
            index += 3  // “
        }
        guard index < line.end else { return false }
        return text.bytes[index] >= 0xE3 && text.bytes[index] <= 0xE9
    }
}
