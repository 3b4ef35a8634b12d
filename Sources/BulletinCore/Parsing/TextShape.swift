/// Measures of a short piece of text that tell a headline from a sentence: how it ends,
/// how it is capitalized, whether it holds a sentence boundary.
struct TextShape {
    enum Ending { case sentence, question, clause, open }

    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = ByteScalars.trimmed(bytes) }

    /// The last mark that matters, looking through closing quotes and brackets, and through
    /// the space French sets before a closing guillemet ("… masculine. »") and the corner
    /// brackets and fullwidth parentheses of Chinese and Japanese ("…ないの？」").
    var ending: Ending {
        var end = bytes.endIndex
        var afterClosing = false
        while let (scalar, start) = ByteScalars.lastScalar(in: bytes, before: end) {
            switch scalar {
            case "\"", "'", "\u{201D}", "\u{2019}", "\u{BB}", ")", "]", "\u{203A}",
                "\u{300D}", "\u{300F}", "\u{FF09}", "\u{3011}":  // 」 』 ） 】
                end = start
                afterClosing = true
                continue
            case " " where afterClosing, "\u{A0}" where afterClosing, "\u{202F}" where afterClosing:
                end = start
                afterClosing = false
                continue
            case ".", "\u{2026}", ";": return endsWithInitialism(before: end) ? .open : .sentence
            case "\u{3002}", "\u{06D4}", "\u{FF0E}": return .sentence  // 。 ۔ ．
            case "!", "?", "\u{061F}", "\u{FF1F}", "\u{FF01}": return .question  // ؟ ？ ！
            case ",", ":", "-", "\u{2013}", "\u{2014}", "\u{060C}", "\u{FF0C}", "\u{3001}", "\u{FF1A}":
                return .clause  // ، ， 、 ：
            case "\u{201C}":  // “ closing a German or Czech quotation: „… als du.“
                end = start
                afterClosing = true
                continue
            default: return .open
            }
        }
        return .open
    }

    /// "talks in the U.S." ends with a period that closes an abbreviation, not a sentence.
    /// Two periods in a row never close one: "…مسلسل صح النوم غ.." is web text cut short with
    /// an ellipsis, though its last word is as short as an initialism.
    private func endsWithInitialism(before end: Int) -> Bool {
        let wordStart = (bytes[..<end].lastIndex(of: 0x20) ?? (bytes.startIndex - 1)) + 1
        let word = bytes[wordStart..<end]
        if word.count >= 2 && bytes[end - 2] == 0x2E { return false }
        let dots = word.reduce(0) { $0 + ($1 == 0x2E ? 1 : 0) }
        return dots >= 2 && word.count <= 8 && !word.contains { $0 >= 0x61 && $0 <= 0x7A } && !Self.isDottedNumber(word)
    }

    /// "」って言ってたけど、「…？": a line opening with a closing corner bracket, white corner
    /// bracket, lenticular bracket or fullwidth parenthesis goes on with a quotation begun above
    /// it: text, never a headline.
    var opensWithClosingBracket: Bool {
        guard bytes.count >= 3, let first = bytes.first, first == 0xE3 || first == 0xEF else { return false }
        switch ByteScalars.scalar(in: bytes, at: bytes.startIndex).0 {
        case "\u{300D}", "\u{300F}", "\u{3011}", "\u{FF09}": return true  // 」 』 】 ）
        default: return false
        }
    }

    var startsLowercase: Bool {
        guard !bytes.isEmpty else { return false }
        return ByteScalars.isLowercase(ByteScalars.scalar(in: bytes, at: bytes.startIndex).0)
    }

    struct CaseCounts { var upper = 0, lower = 0 }

    var caseCounts: CaseCounts {
        var counts = CaseCounts()
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x41 && byte <= 0x5A {
                    counts.upper += 1
                } else if byte >= 0x61 && byte <= 0x7A {
                    counts.lower += 1
                }
                index += 1
            } else {
                let (scalar, length) = ByteScalars.scalar(in: bytes, at: index)
                if ByteScalars.isUppercase(scalar) {
                    counts.upper += 1
                } else if ByteScalars.isLowercase(scalar) {
                    counts.lower += 1
                }
                index += length
            }
        }
        return counts
    }

    /// Wire style: every cased letter a capital (a stray lowercase "s" in "GOV'Ts" is allowed).
    /// Gives up as soon as the lowercase letters seen rule it out: most lines are not.
    /// A line whose letters are mostly of a script without case is written in that script, not
    /// in capitals, whatever acronym it names: "RHS收集了在實驗中的學生和老師們發來的意見" (PUD's
    /// Chinese) has three capitals and no lowercase letter, and taken for a line in capitals it
    /// made the file's headlines look set in capitals, so that a Chinese headline naming
    /// "Facebook" was read as a crosshead inside the story above (`demotingLinesUnlikeTheFileCapitals`).
    var isAllCaps: Bool {
        guard bytes.withUnsafeBufferPointer(Self.mayBeAllCaps) else { return false }
        var upper = 0
        var lower = 0
        var caseless = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x41 && byte <= 0x5A { upper += 1 } else if byte >= 0x61 && byte <= 0x7A { lower += 1 }
                index += 1
            } else {
                let (scalar, length) = ByteScalars.scalar(in: bytes, at: index)
                if ByteScalars.isUppercase(scalar) {
                    upper += 1
                } else if ByteScalars.isLowercase(scalar) {
                    lower += 1
                } else if Self.isCaselessLetter(scalar) {
                    caseless += 1
                }
                index += length
            }
            if lower * 10 > upper + (bytes.endIndex - index) { return false }
        }
        return upper >= 3 && lower * 10 <= upper && caseless < upper
    }

    /// False when the first sixteen bytes rule `isAllCaps` out, as they do for most lines:
    /// when even the lowercase letters among them are more than a tenth of the capitals
    /// the rest could hold, the whole cannot pass.
    static func mayBeAllCaps(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 16 else { return true }
        let lowercase =
            WordAtATime.lowercaseLetterCount(WordAtATime.load(bytes, at: 0))
            + WordAtATime.lowercaseLetterCount(WordAtATime.load(bytes, at: 8))
        return lowercase * 10 <= bytes.count - lowercase
    }

    /// Share of the words that matter which start with a capital: "Syria Talks Stall as Envoys Meet".
    var isTitleCase: Bool {
        var significant = 0
        var capitalized = 0
        for word in ByteScalars.words(bytes) where !Vocabulary.isMinorWord(word) {
            let first = ByteScalars.scalar(in: word, at: word.startIndex).0
            guard ByteScalars.isLetter(first) else { continue }
            significant += 1
            if ByteScalars.isUppercase(first) { capitalized += 1 }
        }
        return significant >= 2 && capitalized * 10 >= significant * 7
    }

    /// ". " followed by a capital after a real word: "He left. Then…". Initials ("H."),
    /// initialisms ("U.S.") and titles ("Dr.") do not end sentences. In a script without
    /// letter case (Arabic, Hebrew…) a letter of it after ". " starts the next sentence, as
    /// one after Arabic's own question mark does ("من أين …؟ أو ذلك …"). A mark inside a
    /// quotation that closes later on the line is the quote's (`isInsideQuotation`); a "! " or
    /// "? " between Chinese or Japanese phrases parts a headline's phrases (`partsHanPhrases`).
    var containsSentenceBoundary: Bool {
        // Only a ".", "?", "!" or Arabic "؟"'s lead byte (0xD8) can open one: the bytes between
        // are skipped eight at a time (the byte loop cost ~300 instructions a short line the
        // segmenter asks about, most of them rows of a results table with no such mark).
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset + 2 < buffer.count {
                offset = Self.boundaryMarkOffset(buffer, from: offset)
                guard offset + 2 < buffer.count else { return false }
                if opensSentenceBoundary(at: bytes.startIndex + offset) { return true }
                offset += 1
            }
            return false
        }
    }

    /// The first offset from `start` holding ".", "?", "!" or 0xD8; `buffer.count` if none.
    private static func boundaryMarkOffset(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var offset = start
        while offset + 8 <= buffer.count {
            let word = WordAtATime.load(buffer, at: offset)
            let marks =
                WordAtATime.bytesEqual(word, 0x2E) | WordAtATime.bytesEqual(word, 0x3F) | WordAtATime.bytesEqual(word, 0x21)
                | WordAtATime.bytesEqual(word, 0xD8)
            if marks != 0 { return offset + marks.trailingZeroBitCount / 8 }
            offset += 8
        }
        while offset < buffer.count {
            let byte = buffer[offset]
            if byte == 0x2E || byte == 0x3F || byte == 0x21 || byte == 0xD8 { return offset }
            offset += 1
        }
        return buffer.count
    }

    /// Whether the mark at `index` (two bytes at least before the end) ends a sentence that
    /// another follows on the line.
    private func opensSentenceBoundary(at index: Int) -> Bool {
        let byte = bytes[index]
        if (byte == 0x2E || byte == 0x3F || byte == 0x21) && bytes[index + 1] == 0x20 {
            let next = ByteScalars.scalar(in: bytes, at: index + 2).0
            if ByteScalars.isUppercase(next) || next == "\"" || next == "\u{201C}" || (Self.isCaselessLetter(next) && !Self.closesEllipsis(bytes, index)) {
                let wordStart = (bytes[..<index].lastIndex(of: 0x20) ?? (bytes.startIndex - 1)) + 1
                let word = bytes[wordStart..<index]
                // A one-letter word is an initial in any script: "H.", "É.", Arabic "د." (Dr).
                let initial = !word.isEmpty && ByteScalars.scalar(in: word, at: word.startIndex).1 == word.count
                if byte != 0x2E || !(initial || Vocabulary.isAbbreviation(word) || Self.isOrdinal(word, in: bytes)),
                    byte == 0x2E || !Self.partsHanPhrases(bytes, at: index),
                    !Self.isInsideQuotation(bytes, at: index)
                {
                    return true
                }
            }
        } else if byte == 0xD8 && bytes[index + 1] == 0x9F && index + 3 < bytes.endIndex && bytes[index + 2] == 0x20
            && Self.isCaselessLetter(ByteScalars.scalar(in: bytes, at: index + 3).0) && !Self.isInsideQuotation(bytes, at: index)
        {
            return true  // "؟ " and a letter: Arabic's question mark ends a sentence as "?" does
        }
        return false
    }

    /// "den 45. Präsidenten", "do 45. prezydenta", "12. Розширення": two or three digits before
    /// the period, after a word or at the start of the line, are an ordinal or a list number
    /// (German, the Slavic languages, Turkish and Greek write them so), not a sentence's end.
    /// After a comma ("Wiesbaden, 11. November") they stay a boundary: a date line, not a headline.
    private static func isOrdinal(_ word: ArraySlice<UInt8>, in bytes: ArraySlice<UInt8>) -> Bool {
        guard word.count >= 2, word.count <= 3, word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        guard word.startIndex - 2 >= bytes.startIndex else { return word.startIndex == bytes.startIndex }
        let (before, _) = ByteScalars.lastScalar(in: bytes, before: word.startIndex - 1) ?? (" ", 0)
        return ByteScalars.isLowercase(before)
    }

    /// "التفاصيل.. شركة": two or more dots are a pause in a headline, not a sentence's end.
    private static func closesEllipsis(_ bytes: ArraySlice<UInt8>, _ index: Int) -> Bool {
        index > bytes.startIndex && bytes[index - 1] == 0x2E
    }

    /// A letter of a script without case: Arabic, Hebrew, Chinese… (ASCII never is).
    static func isCaselessLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic && !properties.isUppercase && !properties.isLowercase
            && !properties.changesWhenCaseMapped
    }

    /// No cased letter at all: Arabic, Chinese, Hebrew… (digits and marks aside).
    var isCaseless: Bool {
        let counts = caseCounts
        return counts.upper == 0 && counts.lower == 0 && hasLetter
    }

    /// `wordsBetweenSpaces`, eight bytes a step: a word starts at a byte that is no space after
    /// one that is (or at the start).
    var wordCount: Int { bytes.withUnsafeBufferPointer(Self.wordsBetweenSpaces) }

    static func wordsBetweenSpaces(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var spaceBefore: UInt64 = 1  // the byte before the next word loaded is a space (or none)
        var offset = 0
        while offset + 8 <= buffer.count {
            let spaces = WordAtATime.bytesEqual(WordAtATime.load(buffer, at: offset), 0x20)
            // The high bit of each byte after a space: the spaces moved up a byte, the last
            // word's last byte into the first.
            let afterSpace = spaces << 8 | spaceBefore << 7
            words += WordAtATime.highBitsCounted(~spaces & afterSpace & WordAtATime.high)
            spaceBefore = spaces >> 63
            offset += 8
        }
        var previousIsSpace = spaceBefore == 1
        while offset < buffer.count {
            let isSpace = buffer[offset] == 0x20
            if previousIsSpace && !isSpace { words += 1 }
            previousIsSpace = isSpace
            offset += 1
        }
        return words
    }

    var hasLetter: Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let (scalar, length) = ByteScalars.scalar(in: bytes, at: index)
            if ByteScalars.isLetter(scalar) { return true }
            index += length
        }
        return false
    }
}

extension Sequence<UInt8> {
    /// Words between single spaces, as the cleaner leaves them.
    var wordsBetweenSpaces: Int {
        var words = 0
        var previous: UInt8 = 0x20
        for byte in self {
            if previous == 0x20 && byte != 0x20 { words += 1 }
            previous = byte
        }
        return words
    }
}
