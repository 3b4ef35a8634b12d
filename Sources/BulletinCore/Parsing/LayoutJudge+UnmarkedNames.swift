/// A name line closes the story above it only where the file could end a story there. In a
/// file that marks every story (separator lines, or the same wider gap before each:
/// `LayoutJudge.markedParagraphGap`), a name set at no more than the paragraph gap under the
/// text ("… sagte: „Dieser" / "Bob Fischer" / "Folgen Sie uns auf Twitter …", all one blank line
/// apart, the next story two below) is a line of that story — an author's name, a quotation's
/// source ("Richard Stallman") — so the headline-shaped line under it is judged as any unmarked
/// candidate, not as the head of a story the name closed.
extension Verdicts {
    /// Whether the name line at `index` stands unmarked inside a marked file's text.
    static func isUnmarkedName(
        _ index: Int, in parts: [Part], placements: [LayoutJudge.Placement], markedGap: Int?
    ) -> Bool {
        guard let markedGap, index > 0, LayoutJudge.isBody(parts, index - 1) else { return false }
        return placements[index].gapBefore <= markedGap
    }
}
