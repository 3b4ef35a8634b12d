/// A crosshead typed wider than the file's wrapper fills, flush at the margin between
/// indented paragraphs: "…ni recompensa\"" / "Grupo Conti asegura haber hackeado Ministerio de
/// Hacienda y contar con 1 terrabyte de información de contribuyentes" (115 columns in a file
/// wrapped at 78) / "    Lunes 18 abril, 2022" (larepublica.net, independent-tuning 0150).
/// `opensCrosshead` asks that the line above end a sentence, since a wrapped paragraph's last
/// line sits at the margin too; but a line wider than the wrapper fills, with a space a
/// wrapper could have broken at, was never wrapped (`typedAbove`), so the break over it was
/// typed however the line above ends, and an indented line under it opens the next paragraph.
/// Asks two lines' indents and widths, and one line's bytes for a space.
extension BlockMetrics {
    func opensTypedCrosshead(after index: Int) -> Bool {
        guard let typedAbove, index + 2 < block.upperBound else { return false }
        let crosshead = text.lines[index + 1]
        guard crosshead.indent == baseIndent, crosshead.width > typedAbove,
            text.lines[index + 2].indent > baseIndent
        else { return false }
        return holdsSpace(crosshead)
    }
}
