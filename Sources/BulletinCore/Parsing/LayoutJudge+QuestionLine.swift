extension Verdicts {
    /// A run of two headline-shaped lines inside a story's text: a question in sentence case
    /// ("Δοκίμασες να τις αναμέιξεις με κάτι άλλο που της αρέσει?"), then a line that closes no
    /// sentence. Where both stand alone between paragraphs written in sentences, and the file's
    /// headline-shaped lines seldom close a sentence (at most a quarter of them), the question is
    /// the last line of the story above and the line under it heads the next: a headline is
    /// written without a full stop, and a question in sentence case is as often a story's
    /// closing line or an interviewer's question as a headline (`HeadlineShape.isPlainQuestion`).
    /// So does a question or exclamation in a script without letter case (`isCaselessQuestion`).
    /// Measured only for a run that qualifies, so other files pay nothing.
    func questionEndsTheStoryAbove(_ first: Candidate, _ last: Candidate) -> Bool {
        guard standsAlone(first.index), standsAlone(last.index), closesSentence(first.index - 1),
            closesSentence(last.index + 1), !candidateClosesSentence(last),
            first.isPlainQuestion || isCaselessQuestion(first)
        else { return false }
        return candidates.count(where: candidateClosesSentence) * 4 <= candidates.count
    }

    /// A blank line above the part and above the one after it: a block of its own, not a line
    /// of hard-wrapped text set apart by its shape.
    private func standsAlone(_ index: Int) -> Bool {
        placements[index].gapBefore > 0 && (index + 1 == parts.count || placements[index + 1].gapBefore > 0)
    }

    /// A paragraph ending with a full stop or a question mark: text written in sentences.
    private func closesSentence(_ index: Int) -> Bool {
        guard index >= 0, index < parts.count, case .paragraph(let paragraph) = parts[index] else { return false }
        return Self.closes(TextShape(paragraph.bytes))
    }

    private func candidateClosesSentence(_ candidate: Candidate) -> Bool {
        guard let text = LayoutJudge.candidateText(parts, placements, candidate.index) else { return false }
        return Self.closes(TextShape(Array(text.utf8)[...]))
    }

    private static func closes(_ shape: TextShape) -> Bool {
        shape.ending == .sentence || shape.ending == .question
    }
}
