/// A desk that sets its headlines tight on their text (no blank line under the headline, one
/// between paragraphs: "08.11.2021 | Online-Fachtag zum Intersex Day of Remembrance" over
/// "Aktualisiert am 08.11.2021") marks each headline by that: of two headline-shaped lines
/// after a story's text, the one set tight over what follows heads the next story, and the one
/// above it at the paragraph gap ("Mensaje de response para boletines", a page's last line) is
/// the last line of the story above — not the headline of a story whose first line is the
/// second. Only in a file whose paragraph gap is a blank line or more and that sets at least
/// three of its headline-shaped lines so: elsewhere a line under a headline is its standfirst
/// or credit (`Verdicts.judge`), and one line set tight says nothing of the file's habit.
extension Verdicts {
    /// How many candidates sit tight on the part under them: fewer blank lines below than the
    /// file's paragraph gap (one or more).
    func tightlySetCandidates(paragraphGap: Int?) -> Int {
        guard let paragraphGap, paragraphGap >= 1 else { return 0 }
        return candidates.count { isSetTight($0.index, paragraphGap: paragraphGap) }
    }

    /// The second of two lines after text is set tight over what follows, the first at the
    /// paragraph gap over it, in a file that sets at least three candidates tight.
    func headsTightOverItsText(_ first: Candidate, _ last: Candidate, paragraphGap: Int?, tightlySet: Int) -> Bool {
        guard let paragraphGap, paragraphGap >= 1, tightlySet >= 3 else { return false }
        return isSetTight(last.index, paragraphGap: paragraphGap) && !isSetTight(first.index, paragraphGap: paragraphGap)
    }

    private func isSetTight(_ index: Int, paragraphGap: Int) -> Bool {
        index + 1 < parts.count && placements[index + 1].gapBefore < paragraphGap
    }
}
