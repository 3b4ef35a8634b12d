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

extension LayoutJudge {
    /// A question standing as a paragraph right above a dateline lead: "Genel kurul çağrısı
    /// yapılırsa Ulusoy'un seçime girip giremeyeceğine kim karar verir?" over "ANKARA (AA) - …",
    /// "- Se acuerdan ustedes de eso que se llamaba la voz de la conciencia?" over "MADRID, 8 Mar.
    /// (EFE) - …". A dateline opens a story's first paragraph, so the line right above it heads
    /// that story; asked as one sentence (none closes inside it), a question there is its
    /// headline, as a line trailing off in an ellipsis is (`promotingTrailingOffLinesOverDatelines`),
    /// while a line closing with a full stop stays the last of the story above. Longer questions
    /// than `HeadlineShape.isPlainQuestion` admits (ten words) are headlines in languages that
    /// write them in sentence case: their shape alone cannot tell them from a story's closing
    /// question, the dateline under them can. A dialogue dash before it ("- ", Spanish) is the
    /// headline's own. Asked only of a short paragraph ending in a question mark.
    static func isQuestionOverDateline(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let last = bytes.last, last == 0x3F || last == 0x9F else { return false }  // "?", or "？" "؟"
        var text = bytes
        let dashes: [StaticString] = ["- ", "\u{2013} ", "\u{2014} "]
        if let dash = dashes.first(where: { ByteScalars.hasPrefix(text, $0) }) {
            text = text.dropFirst(dash.utf8CodeUnitCount)
        }
        let shape = TextShape(text)
        guard let mark = ByteScalars.lastScalar(in: shape.bytes, before: shape.bytes.endIndex)?.0,
            mark == "?" || mark == "\u{FF1F}" || mark == "\u{061F}"
        else { return false }
        return shape.ending == .question && HeadlineShape.fitsLength(shape.bytes) && !shape.startsLowercase
            && shape.hasLetter && shape.wordCount <= HeadlineShape.maximumWords && !shape.containsSentenceBoundary
    }
}
