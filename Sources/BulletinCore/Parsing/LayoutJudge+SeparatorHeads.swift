/// A story under a separator line is often headed by more than its headline: a second line
/// (a byline the reader did not take, a standfirst) one gap wider than the file's paragraphs
/// ("~~~" / "La voix des nuls" / (blank) / "Par Un documentaire de Kristen Falchon"). Such a
/// line is marked by the separator above its story's head, not by a gap of its own: a file
/// whose every marked line is so marked is laid out by separators, and a candidate elsewhere
/// is a crosshead or a caption inside a story.
extension Verdicts {
    /// How many parts back the head of a story may reach from a separator: headline, byline,
    /// time line, one more headline-shaped line. Bounded, so each candidate costs a constant.
    static let separatorHeadReach = 4

    /// Whether the part at `index` is in the head of a story right under a separator: only
    /// headlines, name lines and bylines stand between it and the separator.
    func isHeadedBySeparator(_ index: Int) -> Bool {
        var previous = index - 1
        while previous >= 0 && index - previous <= Self.separatorHeadReach {
            switch parts[previous] {
            case .separator: return true
            case .headline, .nameLine, .byline: previous -= 1
            default: return false
            }
        }
        return false
    }
}
