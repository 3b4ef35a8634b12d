/// Headline-shaped lines one after another inside a story's text, the last of them over the
/// byline or time line that heads a story ("Keep Talking Sports! / Next-Gen HAMR Platters
/// Promise 80TB Hard Drives / standfirst / By Matthew Humphries"): a page signs the top of a
/// story, never a list line or the last line of the story above, so the signed line heads the
/// next story and the lines above it end the story before. Each asks only about a run's last
/// line and the parts right under it.
extension Verdicts {
    /// The last of three or more lines is signed and none above it is: it heads a story of its
    /// own, the lines above it are a run of their own.
    func lastHeadsSignedStory(_ run: ArraySlice<Int>) -> Bool {
        guard run.count >= 3, candidates[run.last!].signed else { return false }
        return !run.dropLast().contains { candidates[$0].signed }
    }

    /// Of two lines, the second stands over a paragraph and then a byline or time line (its
    /// standfirst and its signature), and the first is signed by nothing: the second heads the
    /// story, the first is the last line of the story above. A second line right over the
    /// signature may as well be the first one's standfirst (`signingRunOverSignature`).
    func headsItsStandfirstAndSignature(_ first: Candidate, _ last: Candidate) -> Bool {
        guard !first.signed, last.signed else { return false }
        let index = last.index
        return index + 2 < parts.count && isBody(index + 1) && LayoutJudge.isSignature(parts[index + 2])
    }

    /// Two lines over a byline or time line ("Microsoft moves to erase its carbon footprint … /
    /// Microsoft will invest US$1 billion … / By Reuters"): a headline and its standfirst,
    /// which the signature under the pair signs. The first keeps the story's place among the
    /// file's signed headlines.
    mutating func signingRunOverSignature(_ run: ArraySlice<Int>) {
        let last = candidates[run.last!].index
        guard last + 1 < parts.count, LayoutJudge.isSignature(parts[last + 1]) else { return }
        candidates[run.first!].signed = true
    }
}
