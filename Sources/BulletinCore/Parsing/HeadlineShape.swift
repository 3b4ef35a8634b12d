/// Whether a line, on its own shape, reads as a headline rather than a sentence:
/// short, no closing full stop, no sentence boundary inside, not starting in lowercase.
enum HeadlineShape {
    /// Longest headline, as a width: a character of an alphabet or abugida (Latin, Cyrillic,
    /// Greek, Arabic, Devanagari…) counts one, as `TextLine.width` counts it; a Chinese, Japanese
    /// or Korean character counts three, about as much as a short word says (80 of them make a
    /// long headline). UTF-8 bytes, the former measure, gave a Russian or Greek headline half
    /// the letters of an English one, and are still what CJK characters count.
    static let maximumWidth = 250
    static let maximumWords = 32

    /// At most `maximumWidth` wide. Bytes are looked at only when there are more of them than
    /// that (never, for most lines), and not at all past three bytes a unit of width.
    static func fitsLength(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count > maximumWidth else { return true }
        guard bytes.count <= 3 * maximumWidth else { return false }
        var width = 0
        for byte in bytes where byte & 0xC0 != 0x80 {  // the first byte of each character
            // U+3000 and above (0xE3…): CJK punctuation, kana, Han, Hangul, fullwidth forms and
            // the supplementary planes' Han. Below: alphabets, abugidas, general punctuation.
            width += byte >= 0xE3 ? 3 : 1
        }
        return width <= maximumWidth
    }

    static func looksLikeHeadline(_ shape: TextShape) -> Bool {
        let bytes = shape.bytes
        guard !bytes.isEmpty, fitsLength(bytes) else { return false }
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
        guard bytes.last == 0x3F, fitsLength(bytes), shape.ending == .question else { return false }
        guard !shape.startsLowercase, shape.hasLetter, shape.wordCount <= 10 else { return false }
        return !(shape.isTitleCase || shape.isAllCaps || shape.isCaseless) && !shape.containsSentenceBoundary
    }
}
