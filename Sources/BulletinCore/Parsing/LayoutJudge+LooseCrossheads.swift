/// A desk that sets its headlines tight on their text (no blank line under the headline, one
/// between paragraphs) sets a crosshead as it sets a paragraph: "DGB: BRÜCKENSPERRUNG BELEGT DIE
/// VERSÄUMNISSE DER LETZTEN JAHRE" right over "Lüdenscheid/Südwestfalen. Die DGB-Regionen …",
/// but "MARKANTES TRANSPARENT" a blank line above and below, between two paragraphs of that
/// story. Where the file's first line heads its story so and at least one more headline-shaped
/// line is set tight on text, a line between paragraphs at the paragraph gap over the text
/// under it, which the file marks neither with a separator nor a wider gap, is a crosshead
/// inside the story: the file's own headlines are the lines set tight. Asked only of a file
/// that shows the habit, so files that set every line a blank line apart are left alone.
extension Verdicts {
    /// The floating candidates (by position) that stand loose between paragraphs in a file that
    /// sets its headlines tight on their text.
    func looseCrossheads(floating: [Int], isMarked: [Bool], paragraphGap: Int?) -> [Int] {
        guard let paragraphGap, paragraphGap >= 1, let first = candidates.first, first.index == 0,
            isSetTightOverText(0, paragraphGap: paragraphGap),
            candidates.count(where: { isSetTightOverText($0.index, paragraphGap: paragraphGap) }) >= 2
        else { return [] }
        return floating.filter { position in
            let index = candidates[position].index
            return !isMarked[position] && isBody(index - 1) && isBody(index + 1)
                && placements[index + 1].gapBefore >= paragraphGap
        }
    }

    /// Fewer blank lines under the line than between the file's paragraphs, over text.
    private func isSetTightOverText(_ index: Int, paragraphGap: Int) -> Bool {
        isBody(index + 1) && placements[index + 1].gapBefore < paragraphGap
    }
}
