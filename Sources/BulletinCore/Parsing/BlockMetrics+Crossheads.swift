/// A crosshead in a file that marks its paragraphs by indenting their first lines: a line at
/// the block's margin, under a line that ends a sentence and over an indented first line,
/// that ends no sentence itself and is shaped as a headline ("…que ha espoleado la impaciencia
/// de muchos sectores." / "RECUPERAR LA CONFIANZA" / "    En este contexto, Boric retorna …").
/// The last line of a wrapped paragraph sits there too, but it ends the paragraph's last
/// sentence, or goes on with it in lower case ("auch die UNESCO bereits des Themas angenommen.
/// [2]"), or follows a colon that announces it ("Twitter:" / "@cjonesanderson"); the
/// crosshead's first word may not have fitted on the line above, so the wrap alone does not show
/// the typed break. Asks three lines' flags and widths, and the shape of one short line.
extension BlockMetrics {
    func opensCrosshead(after index: Int) -> Bool {
        guard index + 2 < block.upperBound else { return false }
        let line = text.lines[index]
        let crosshead = text.lines[index + 1]
        let opening = text.lines[index + 2]
        guard line.endsSentence && !crosshead.endsSentence && crosshead.indent == baseIndent
            && opening.indent > baseIndent && line.indent == baseIndent && crosshead.end - crosshead.start <= 200
            && text.bytes[line.end - 1] != 0x3A
        else { return false }
        return HeadlineShape.looksLikeHeadline(TextShape(text.bytes[crosshead.start..<crosshead.end]))
    }
}
