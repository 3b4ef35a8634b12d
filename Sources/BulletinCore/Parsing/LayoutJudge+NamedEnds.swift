/// A story may end with its author's name and a line about them ("About the author /
/// Scott Cunningham / Senior Vice President of Technology and Ad Operations at IAB" and then
/// a separator): the name line does not open a story there, and the line under it, with
/// nothing after it but the separator, heads nothing. It is the last line of the story above.
extension Verdicts {
    /// Whether the candidate at `index` stands under a name line that follows text or a
    /// headline-shaped line of the story (not under a separator or at the file's top), with a
    /// separator right under it.
    func closesUnderAName(_ index: Int) -> Bool {
        guard index >= 2, index + 1 < parts.count, case .nameLine = parts[index - 1],
            case .separator = parts[index + 1]
        else { return false }
        switch parts[index - 2] {
        case .paragraph, .preformatted, .headline: return true
        default: return false
        }
    }
}
