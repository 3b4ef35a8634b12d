/// A desk that writes its headlines in capitals writes every one so: in a file whose first
/// headline and at least one more are in capitals, and whose every line marked as a story
/// start (after a sign-off, a separator or a wider gap) is too, a candidate in mixed case
/// ("Musk-KI mit rebellischer Ader", "2. Sam Ponder") is a crosshead or a list line inside a
/// story. A file that marks a mixed-case headline somewhere (copy of two desks, "COOPER LASER
/// RESCHEDULES …" then "Asian banks halt dollar's slide" after the sign-off) writes both.
/// A line in a script without letter case ("武汉的声音") cannot be in capitals and is left to
/// the other rules.
extension Verdicts {
    mutating func demotingLinesUnlikeTheFileCapitals(floating: [Int]) {
        guard let first = candidates.indices.first(where: { kept[$0] }), candidates[first].anchored,
            Self.shape(parts[candidates[first].index])?.isAllCaps == true
        else { return }
        let gap = paragraphGap
        var capitals = 0
        for position in candidates.indices where kept[position] {
            let candidate = candidates[position]
            guard let shape = Self.shape(parts[candidate.index]) else { continue }
            if shape.isAllCaps {
                capitals += 1
            } else if !shape.isCaseless && (candidate.anchored || isMarked(candidate.index, paragraphGap: gap)) {
                return
            }
        }
        guard capitals >= 2 else { return }
        for position in floating where kept[position] {
            guard let shape = Self.shape(parts[candidates[position].index]) else { continue }
            if !shape.isAllCaps && !shape.isCaseless { kept[position] = false }
        }
    }

    /// After a separator line, or a wider gap than between the file's paragraphs.
    private func isMarked(_ index: Int, paragraphGap: Int?) -> Bool {
        guard index > 0 else { return false }
        if case .separator = parts[index - 1] { return true }
        return paragraphGap.map { placements[index].gapBefore > $0 } ?? false
    }

    private static func shape(_ part: Part) -> TextShape? {
        guard case .headline(let text) = part else { return nil }
        return TextShape(Array(text.utf8)[...])
    }
}
