extension Verdicts {
    /// A question or exclamation in a script without letter case, closing no other sentence on
    /// its line: "…أين يُمكن رؤية دليل على ذلك ؟". Its shape cannot say whether
    /// it heads a story (`HeadlineShape.looksLikeHeadline` lets such a line be one, for "أنقذوا
    /// ليبيا!") or closes one; right over a line that closes no sentence, between paragraphs
    /// written in sentences, it closes the story above and the line under it is the headline
    /// (`questionEndsTheStoryAbove`), as a question in sentence case does in a cased script.
    /// Only a line with a clause in it (`holdsAClause`): a sentence of text. A headline has
    /// none: not one of the 116 SaudiNewsNet headlines of the parse corpus's tuning part, whose
    /// "كليبات إليسا تحصد “مليار” مشاهدة!" heads its story over the paper's credit line "عين
    /// اليوم – متابعات", a line as short as a headline. Asked only of the first of a run of two
    /// headline-shaped lines inside text.
    func isCaselessQuestion(_ candidate: Candidate) -> Bool {
        guard let text = LayoutJudge.candidateText(parts, placements, candidate.index) else { return false }
        let shape = TextShape(Array(text.utf8)[...])
        guard shape.ending == .question && shape.isCaseless && !shape.containsSentenceBoundary else { return false }
        return Self.holdsAClause(shape.bytes)
    }

    /// A comma inside the line, Latin, Arabic or Chinese ("، أين يُمكن", "，"), or the
    /// enumeration comma of Chinese and Japanese ("、"): a clause of a sentence.
    static func holdsAClause(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let (scalar, length) = ByteScalars.scalar(in: bytes, at: index)
            switch scalar {
            case ",", "\u{060C}", "\u{FF0C}", "\u{3001}": return true
            default: index += length
            }
        }
        return false
    }
}
