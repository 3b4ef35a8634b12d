/// Whether a line, on its own shape, reads as a headline rather than a sentence:
/// short, no closing full stop, no sentence boundary inside, not starting in lowercase.
enum HeadlineShape {
    static let maximumBytes = 250
    static let maximumWords = 32

    static func looksLikeHeadline(_ shape: TextShape) -> Bool {
        let bytes = shape.bytes
        guard !bytes.isEmpty, bytes.count <= maximumBytes else { return false }
        // Cheapest and most telling first: most paragraphs end with a full stop.
        let ending = shape.ending
        if ending == .sentence || ending == .clause { return false }
        guard !shape.startsLowercase, shape.hasLetter, shape.wordCount <= maximumWords else { return false }
        // A question or exclamation ends a headline in capitals or title case, or in a script
        // without letter case ("أنقذوا ليبيا!"), where case cannot say.
        if ending == .question && !(shape.isTitleCase || shape.isAllCaps || shape.isCaseless) { return false }
        return !shape.containsSentenceBoundary
    }

    /// A short question in sentence case: "Кто они?", "Kto zatrzyma Australię?", "Why now?".
    /// Outside English, headlines are written so; in English it is as often a crosshead or
    /// an interviewer's question. Its shape alone does not say: the file's layout does
    /// (`LayoutJudge`). Not an exclamation, which is as often a web page's aside.
    static func isPlainQuestion(_ shape: TextShape) -> Bool {
        let bytes = shape.bytes
        guard bytes.last == 0x3F, bytes.count <= maximumBytes, shape.ending == .question else { return false }
        guard !shape.startsLowercase, shape.hasLetter, shape.wordCount <= 10 else { return false }
        return !(shape.isTitleCase || shape.isAllCaps || shape.isCaseless) && !shape.containsSentenceBoundary
    }
}
