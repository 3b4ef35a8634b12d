extension LayoutJudge {
    /// A short line after a story's text, over a byline with text right under it ("Estas son
    /// las medidas que ha tomado el gobierno para vencer a los hackers / Por Johnny Castro /
    /// Pese a amenazas …"), heads the story the byline signs, even where the file sets its
    /// stories apart by no wider gap than its paragraphs. Read the other way — the line closing
    /// the story above and the byline signing it — the text under the byline would be a story
    /// without a headline in the middle of a file. The byline must sit no further from the line
    /// than the line from the text above it, and the text no further from the byline; a line
    /// right under a headline is its standfirst, and stays a paragraph.
    static func headsBylinedText(_ parts: [Part], _ placements: [Placement], _ index: Int) -> Bool {
        guard index >= 1, index + 2 < parts.count, case .byline = parts[index + 1], isBody(parts, index + 2)
        else { return false }
        switch parts[index - 1] {
        case .paragraph, .preformatted, .signOff: break
        default: return false
        }
        let gap = placements[index].gapBefore
        return placements[index + 1].gapBefore <= gap && placements[index + 2].gapBefore <= gap
    }
}
