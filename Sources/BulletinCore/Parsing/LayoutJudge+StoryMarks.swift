/// How a file marks where each of its stories begins: separator lines, or the same wider gap
/// than between its paragraphs. Where it does, only the mark ends a story.
extension LayoutJudge {
    /// Whether the file's wider gap is its separator: at least two gaps after text wider than
    /// between paragraphs, every one of the same width and followed by a headline candidate.
    /// A file that widens the gap above some of its stories by one line and others by two
    /// (the seed bulletin) is laid out by hand, and may leave a story's headline unmarked.
    static func gapMarksEveryStory(_ parts: [Part], _ placements: [Placement], paragraphGap: Int?) -> Bool {
        guard let paragraphGap else { return false }
        var width: Int?
        var count = 0
        for index in parts.indices.dropFirst()
        where placements[index].gapBefore > paragraphGap
            && endsText(parts, placements, before: index, gap: paragraphGap)
        {
            switch parts[index] {
            case .headline, .nameLine: break
            default: return false
            }
            if let width, width != placements[index].gapBefore { return false }
            width = placements[index].gapBefore
            count += 1
        }
        return count >= 2
    }

    /// The judged file's paragraph gap, where the file marks every story: with separator lines
    /// (two or more) or with the same wider gap before each. Nil where it does not.
    static func markedParagraphGap(_ parts: [Part], placements: [Placement]) -> Int? {
        guard let gap = paragraphGap(parts, placements: placements) else { return nil }
        var separators = 0
        for part in parts {
            guard case .separator = part else { continue }
            separators += 1
            if separators >= 2 { return gap }
        }
        return gapMarksEveryStory(parts, placements, paragraphGap: gap) ? gap : nil
    }
}
