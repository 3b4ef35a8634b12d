/// A story may end with a note on its author: "About the author / Scott Cunningham / Senior
/// Vice President of Technology and Ad Operations at IAB, and General Manager of the IAB Tech
/// Lab", then the file's wider gap and the next story's headline. The line under the name
/// heads nothing — nothing stands under it but the file's mark of a new story, and a headline
/// needs text — so it is the last line of the story above, as it is over a separator line
/// (`Verdicts.closesUnderAName`). Read as a headline it would hold the run of headline-shaped
/// lines open across the gap and take the next story's headline for its standfirst.
extension LayoutJudge {
    /// `parts` with the line under such a name, over a wider gap than the file's paragraphs and
    /// than the gaps above it, turned into a paragraph.
    static func demotingAuthorNotesBeforeWiderGaps(_ parts: [Part], placements: [Placement]) -> [Part] {
        guard parts.count >= 4, let gap = paragraphGap(parts, placements: placements) else { return parts }
        var result = parts
        for index in parts.indices.dropFirst(2) where index + 1 < parts.count {
            let text: String
            switch parts[index] {
            case .headline(let headline): text = headline
            default: continue
            }
            // Above the name: the story's text, or a label over the name ("About the author").
            guard case .nameLine = parts[index - 1] else { continue }
            switch parts[index - 2] {
            case .paragraph, .preformatted, .headline: break
            default: continue
            }
            let under = placements[index + 1].gapBefore
            guard under > gap, under > placements[index].gapBefore, under > placements[index - 1].gapBefore else {
                continue
            }
            switch parts[index + 1] {
            case .headline, .nameLine: result[index] = .paragraph(ParagraphBytes(Array(text.utf8)))
            default: continue
            }
        }
        return result
    }
}
