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
}
