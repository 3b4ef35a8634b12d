/// A crosshead in a file that marks its paragraphs by indenting their first lines: a line at
/// the block's margin, under a line that ends a sentence and over an indented first line,
/// that ends no sentence itself and is shaped as a headline ("…que ha espoleado la impaciencia
/// de muchos sectores." / "RECUPERAR LA CONFIANZA" / "    En este contexto, Boric retorna …"),
/// or is a short label closed by a colon ("…genutzt werden." / "Pressekontakt:" / "    Bundesamt
/// für Sicherheit …", bsi.bund.de). The last line of a wrapped paragraph sits there too, but it
/// ends the paragraph's last sentence, or goes on with it in lower case ("auch die UNESCO
/// bereits des Themas angenommen. [2]"), or follows a colon that announces it ("Twitter:" /
/// "@cjonesanderson"); the crosshead's first word may not have fitted on the line above, so the
/// wrap alone does not show the typed break. A question is no crosshead here: a paragraph's
/// last line is as often one ("…eingesetzt wird.”" / "Inwiefern macht The Woman King das
/// anders?", an interview's question wrapped over two lines).
/// The line above may be a one-line paragraph at the indent ("    Alles Gute zum neuen Jahr &
/// viel Spaß mit der neuen Ausgabe!" / "Weitere Topthemen des Monats:", gitarrebass.de); then
/// the crosshead opens with a capital letter, since the second line of a paragraph wrapped
/// after a sentence's end at the margin may open with anything ("    BASLE, March 13 - Group
/// 1986 net profit 541 mln Swiss francs vs." / "529 mln", a Reuters table's lead).
/// Asks three lines' flags and widths, and the shape of one short line.
extension BlockMetrics {
    func opensCrosshead(after index: Int) -> Bool {
        guard index + 2 < block.upperBound else { return false }
        let line = text.lines[index]
        let crosshead = text.lines[index + 1]
        let opening = text.lines[index + 2]
        guard
            line.endsSentence && crosshead.indent == baseIndent
                && opening.indent > baseIndent && crosshead.end - crosshead.start <= 200
                && text.bytes[line.end - 1] != 0x3A
        else { return false }
        if line.indent > baseIndent && !ByteScalars.isUppercase(firstScalar(crosshead)) { return false }
        let shape = TextShape(text.bytes[crosshead.start..<crosshead.end])
        if !crosshead.endsSentence { return HeadlineShape.looksLikeHeadline(shape) }
        return isLabel(shape)
    }

    /// "Pressekontakt:", "Zusatzinformationen:", "Weitere Topthemen des Monats:": short, and a
    /// headline's shape without its colon.
    private func isLabel(_ shape: TextShape) -> Bool {
        guard shape.bytes.last == 0x3A, shape.bytes.count <= 60 else { return false }
        return HeadlineShape.looksLikeHeadline(TextShape(shape.bytes.dropLast()))
    }

    private func firstScalar(_ line: TextLine) -> Unicode.Scalar {
        ByteScalars.scalar(in: text.bytes[line.start..<line.end], at: line.start).0
    }
}
