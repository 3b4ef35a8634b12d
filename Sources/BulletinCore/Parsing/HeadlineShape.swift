/// Whether a line, on its own shape, reads as a headline rather than a sentence:
/// short, no closing full stop, no sentence boundary inside, not starting in lowercase.
enum HeadlineShape {
    /// Longest headline, as a width: a character of two UTF-8 bytes (accented Latin, Greek,
    /// Cyrillic, Hebrew, Arabic) counts one, like an ASCII one; any other counts its bytes, as
    /// every character did before (a Chinese, Japanese or Korean character says about as much
    /// as a short word: 84 of them make a paragraph). Bytes alone gave a Russian or Greek
    /// headline half the letters of an English one.
    static let maximumWidth = 250
    static let maximumWords = 32
    /// The longest question a headline in a script without letter case asks, in words: 16, the
    /// longest of the Arabic question headlines of `make lang-eval`'s tuning stories ("ما هي
    /// الترتيبات التي اتخذتموها في مجلس الخدمة العسكرية لتعديل ما يلزم وفقا للتوجيه السامي الكريم؟"),
    /// while its Arabic stories' questions of text run to 35. Chinese and Japanese, written
    /// without spaces, count one word a line and are not limited by it.
    static let longestCaselessQuestion = 16

    /// At most `maximumWidth` wide. Bytes are looked at only when there are more of them than
    /// that, eight at a time, and not at all past two bytes a unit of width.
    static func fitsLength(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count > maximumWidth else { return true }
        guard bytes.count <= 2 * maximumWidth else { return false }
        return bytes.count - bytes.withUnsafeBufferPointer(twoByteCharacters) <= maximumWidth
    }

    /// `fitsLength` for a part about to be judged: a line of more bytes than `maximumWidth` that
    /// ends a sentence is a paragraph without measuring its width, since no headline ends so
    /// (`looksLikeHeadline`, `isPlainQuestion`) and most long lines do.
    static func mayFit(_ shape: TextShape) -> Bool {
        guard shape.bytes.count > maximumWidth else { return true }
        let ending = shape.ending
        return (ending == .open || ending == .question) && fitsLength(shape.bytes)
    }

    /// How many characters of two bytes `buffer` holds: lead bytes 110xxxxx.
    private static func twoByteCharacters(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while index + 8 <= buffer.count {
            let word = WordAtATime.load(buffer, at: index)
            // Bit 7 of each byte, with bits 6 and 5 of the same byte shifted beside it.
            count += (word & (word << 1) & ~(word << 2) & WordAtATime.high).nonzeroBitCount
            index += 8
        }
        while index < buffer.count {
            if buffer[index] & 0xE0 == 0xC0 { count += 1 }
            index += 1
        }
        return count
    }

    static func looksLikeHeadline(_ shape: TextShape) -> Bool {
        let bytes = shape.bytes
        guard !bytes.isEmpty else { return false }
        // Cheapest and most telling first: most paragraphs end with a full stop.
        let ending = shape.ending
        if ending == .sentence || ending == .clause { return false }
        guard fitsLength(bytes) else { return false }
        guard !shape.startsLowercase, shape.hasLetter, shape.wordCount <= maximumWords else { return false }
        guard !shape.opensWithClosingBracket else { return false }
        // The last line of a Chinese story, signed by its writer ("…城！（评论员 罗博 萧海川）").
        if shape.isCaseless && HanCredit.closesWithCredit(bytes) { return false }
        // A question or exclamation ends a headline in capitals or title case, or in a script
        // without letter case ("أنقذوا ليبيا!"), where case cannot say.
        if ending == .question && !(shape.isTitleCase || shape.isAllCaps || shape.isCaseless) { return false }
        // A question of more words than `longestCaselessQuestion` in such a script is a sentence
        // of the text, as a question in sentence case of more than ten is (`isPlainQuestion`).
        if ending == .question && shape.isCaseless && shape.wordCount > longestCaselessQuestion { return false }
        // Unless another sentence runs into the question on its line ("…來的？或者，…來的？").
        if ending == .question && shape.isCaseless && shape.asksAfterAnotherSentence { return false }
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
