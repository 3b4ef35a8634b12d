/// Finds the outlets a paragraph credits: "according to Interfax", "he was quoted by
/// Interfax", "told the BBC", "reports VoR's Polina Chernitsa", "in an interview with the
/// BBC's Kim Ghattas", "Interfax reported". A named thing counts only when it is an
/// outlet (listed, or named like one: "… Television", "… News Agency", "TVN24 television").
struct SourceCredits {
    private(set) var names: [String] = []
    /// The word ranges of the current window, kept between windows to be reused.
    private var wordStorage: [Range<Int>] = []

    mutating func add(_ name: String) {
        var name = name
        name.withUTF8 { add($0) }
    }

    /// Records a credited name, without the quotes, brackets and stops it picked up from
    /// its sentence, unless the story already credits it (in any case).
    mutating func add(_ name: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var end = name.count
        while start < end, let length = Self.junkLength(name, startingAt: start) { start += length }
        while start < end, let length = Self.junkLength(name, endingAt: end) { end -= length }
        guard start < end else { return }
        let trimmed = String(decoding: UnsafeBufferPointer(rebasing: name[start..<end]), as: UTF8.self)
        // A story credits a handful of names: comparing with each beats keeping a set.
        guard !names.contains(where: { Self.equalIgnoringCase($0, trimmed) }) else { return }
        if names.isEmpty { names.reserveCapacity(4) }  // rather than regrowing from one
        names.append(trimmed)
    }

    /// `a.lowercased() == b.lowercased()`, without building either when both are ASCII.
    private static func equalIgnoringCase(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        let asciiVerdict = a.withUTF8 { a in
            b.withUTF8 { b -> Bool? in
                guard a.allSatisfy({ $0 < 0x80 }) && b.allSatisfy({ $0 < 0x80 }) else { return nil }
                return a.count == b.count
                    && zip(a, b).allSatisfy { ByteScalars.asciiLower($0) == ByteScalars.asciiLower($1) }
            }
        }
        return asciiVerdict ?? (a.lowercased() == b.lowercased())
    }

    /// The length of the punctuation scalar at `start`, if it is one a name sheds:
    /// " ' ( ) [ ] , . ; : space, and the curly quotes “ ” ‘ ’ (E2 80 9C/9D/98/99).
    private static func junkLength(_ bytes: UnsafeBufferPointer<UInt8>, startingAt start: Int) -> Int? {
        if isJunk(bytes[start]) { return 1 }
        guard start + 3 <= bytes.count, bytes[start] == 0xE2, bytes[start + 1] == 0x80 else { return nil }
        return isCurlyQuote(bytes[start + 2]) ? 3 : nil
    }

    /// The same, for the scalar that ends at `end`.
    private static func junkLength(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int? {
        if isJunk(bytes[end - 1]) { return 1 }
        guard end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80 else { return nil }
        return isCurlyQuote(bytes[end - 1]) ? 3 : nil
    }

    private static func isJunk(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D, 0x2C, 0x2E, 0x3B, 0x3A, 0x20: true
        default: false
        }
    }

    private static func isCurlyQuote(_ last: UInt8) -> Bool {
        last == 0x9C || last == 0x9D || last == 0x98 || last == 0x99
    }

    /// Reads only the words around a possible cue: word starts are found eight bytes at
    /// a time, and a word is looked at only when its first letter could start a cue, so
    /// the paragraph is never split into words as a whole.
    mutating func scan(_ text: ArraySlice<UInt8>) {
        let slots = Self.cuePrefixSlots
        text.withUnsafeBufferPointer { buffer in
            var resumeAt = 0
            WordAtATime.forEachWordStart(in: buffer) { start in
                guard start >= resumeAt, Self.hasCuePrefix(buffer, at: start, slots: slots)
                else { return }
                var end = start + 1
                while end < buffer.count && buffer[end] != 0x20 && buffer[end] != 0x2C { end += 1 }
                if end < buffer.count && buffer[end] == 0x2C { end += 1 }
                guard Self.mayBeCue(UnsafeBufferPointer(rebasing: buffer[start..<end])) else { return }
                // "said" and its kin credit only a capitalized subject: most have none.
                if Self.isVerbOnly(buffer[start], length: end - start)
                    && !Self.follows(capitalizedWordIn: buffer, before: start)
                {
                    return
                }
                if let resume = scanWindow(buffer, around: start, wordEnd: end) { resumeAt = resume }
            }
        }
    }

    /// The first four letters of a cue word or reporting verb ("acco", "said", "via "),
    /// compared as one integer; rules out "the", "that", "to" without finding the word's end.
    @inline(__always)
    private static func hasCuePrefix(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, slots: [UInt32]) -> Bool {
        var key: UInt32 = 0
        if start + 4 <= buffer.count {
            key = UInt32(bigEndian: UnsafeRawPointer(buffer.baseAddress! + start).loadUnaligned(as: UInt32.self))
        } else {
            for offset in 0..<4 {
                key = key << 8 | UInt32(start + offset < buffer.count ? buffer[start + offset] : 0x20)
            }
        }
        key |= 0x2020_2020  // ASCII letters to lowercase; space stays space
        return slots[cueSlot(key)] == key
    }

    /// acco adde inte told quot citi cite carr repo said says spea "via " "via," wrot
    private static let cuePrefixes: [UInt32] = [
        0x6163_636F, 0x6164_6465, 0x696E_7465, 0x746F_6C64, 0x7175_6F74, 0x6369_7469, 0x6369_7465, 0x6361_7272,
        0x7265_706F, 0x7361_6964, 0x7361_7973, 0x7370_6561, 0x7669_6120, 0x7669_612C, 0x7772_6F74,
    ]

    /// The prefixes by perfect hash: each alone in its slot of 32 (empty slots hold zero,
    /// which no key is), so any word is answered by one multiply and one comparison,
    /// without a branch on its first letter.
    private static let cuePrefixSlots: [UInt32] = {
        var slots = [UInt32](repeating: 0, count: 32)
        for prefix in cuePrefixes {
            precondition(slots[cueSlot(prefix)] == 0, "cue prefixes collide: choose another multiplier")
            slots[cueSlot(prefix)] = prefix
        }
        return slots
    }()

    @inline(__always)
    private static func cueSlot(_ key: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x5790_F82E_C1D3_FCFF) >> 59)
    }

    /// Runs the cue rules on the words from a little before `wordStart` to a little
    /// after; returns where scanning may resume when a credit consumed words.
    private mutating func scanWindow(_ buffer: UnsafeBufferPointer<UInt8>, around wordStart: Int, wordEnd: Int) -> Int?
    {
        // A verb needs the few words before it, a cue the name after it; "said" is only a verb.
        let onlyVerb = Self.isVerbOnly(buffer[wordStart], length: wordEnd - wordStart)
        var low = max(0, wordStart - 60)
        while low > 0 && buffer[low - 1] != 0x20 { low -= 1 }
        var high = onlyVerb ? wordEnd : min(buffer.count, wordStart + 240)
        while high < buffer.count && buffer[high] != 0x20 { high += 1 }
        var words = WordList(
            UnsafeBufferPointer(rebasing: buffer[low..<high]), splittingThrough: wordStart - low, storage: &wordStorage)
        defer { words.returnStorage(to: &wordStorage) }
        guard let index = words.ranges.firstIndex(where: { $0.lowerBound == wordStart - low }) else { return nil }
        if let skip = Self.cueLength(&words, at: index) {
            let end = collectCredits(&words, from: index + skip)
            return words.has(end) ? low + words.ranges[end].lowerBound : high
        }
        if Self.isReportingVerb(words, at: index) { creditPrecedingOutlet(&words, before: index) }
        return nil
    }

    /// The words a cue or a reporting verb starts with (a trailing stop or comma allowed),
    /// switched on first letter before any comparison.
    private static func mayBeCue(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count >= 3 && word.count <= 10 else { return false }
        let last = word[word.count - 1]
        let bare = last == 0x2C || last == 0x2E || last == 0x3B ? UnsafeBufferPointer(rebasing: word.dropLast()) : word
        switch ByteScalars.asciiLower(word[0]) {
        case 0x61: return matches(bare, "according") || matches(bare, "added")
        case 0x69: return matches(bare, "interview")
        case 0x74: return matches(bare, "told")
        case 0x71: return matches(bare, "quoted")
        case 0x63: return matches(bare, "citing") || matches(bare, "cited") || matches(bare, "carried")
        case 0x72: return matches(bare, "reports") || matches(bare, "reported")
        case 0x73: return matches(bare, "said") || matches(bare, "says") || matches(bare, "speaking")
        case 0x76: return matches(bare, "via")
        case 0x77: return matches(bare, "wrote")
        default: return false
        }
    }

    /// "said", "says", "wrote", "added" only ever follow their outlet.
    private static func isVerbOnly(_ first: UInt8, length: Int) -> Bool {
        (first == 0x73 && length <= 5) || first == 0x77 || (first == 0x61 && length <= 6)
    }

    /// Whether the word before `start` (or the one before a "news agency"-like word)
    /// starts with a capital. A cheap filter before the full rule.
    private static func follows(capitalizedWordIn buffer: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
        var end = start - 1
        for _ in 0..<3 {
            while end >= 0 && buffer[end] == 0x20 { end -= 1 }
            guard end >= 0 else { return false }
            var begin = end
            while begin > 0 && buffer[begin - 1] != 0x20 { begin -= 1 }
            let first = buffer[begin]
            if (first >= 0x41 && first <= 0x5A) || first >= 0xC0 { return true }
            end = begin - 1
        }
        return false
    }

    /// Equal after the first byte, which the caller has already compared case-insensitively.
    @inline(__always)
    private static func matches(_ word: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        guard text.utf8CodeUnitCount == word.count else { return false }
        for offset in 1..<word.count where word[offset] != text.utf8Start[offset] { return false }
        return true
    }

    /// Words that introduce a credited outlet, and how many words the cue spans.
    /// Switching on length first keeps the common case (no cue) to one comparison.
    private static func cueLength(_ words: inout WordList, at index: Int) -> Int? {
        switch words.length(index) {
        case 9:
            if words.word(index, is: "according", caseInsensitive: true) && words.word(index + 1, is: "to") { return 2 }
            if words.word(index, is: "interview", caseInsensitive: true) && words.word(index + 1, is: "with") {
                return 2
            }
        case 4:
            if words.word(index, is: "told") { return 1 }
        case 6:
            if words.word(index, is: "quoted") && words.word(index + 1, is: "by") { return 2 }
            if words.word(index, is: "citing", caseInsensitive: true) { return 1 }
        case 5:
            if words.word(index, is: "cited") && words.word(index + 1, is: "by") { return 2 }
        case 7:
            if words.word(index, is: "reports") { return 1 }
            if words.word(index, is: "carried") && words.word(index + 1, is: "by") { return 2 }
        case 8:
            if words.word(index, is: "reported") { return words.word(index + 1, is: "by") ? 2 : 1 }
            if words.word(index, is: "speaking") && words.word(index + 1, is: "to") { return 2 }
        case 3:
            if words.word(index, is: "via") { return 1 }
        default:
            break
        }
        return nil
    }

    /// "said", "reported," "says.": a verb an outlet may be the subject of.
    private static func isReportingVerb(_ words: WordList, at index: Int) -> Bool {
        let range = words.ranges[index]
        guard range.count >= 4, range.count <= 9, words.bytes[range.lowerBound] != 0x20 else { return false }
        var end = range.upperBound
        let last = words.bytes[end - 1]
        if last == 0x2C || last == 0x2E || last == 0x3B { end -= 1 }
        let bare = UnsafeBufferPointer(rebasing: words.bytes[range.lowerBound..<end])
        switch bare.first {
        case 0x73: return matches(bare, "said") || matches(bare, "says")
        case 0x72: return matches(bare, "reported") || matches(bare, "reports")
        case 0x71: return matches(bare, "quoted")
        case 0x63: return matches(bare, "cited")
        case 0x77: return matches(bare, "wrote")
        case 0x61: return matches(bare, "added")
        default: return false
        }
    }

    /// Reads a name, and for a list ("according to Voice of Russia, Interfax") the names
    /// after it; returns the index after what it consumed.
    private mutating func collectCredits(_ words: inout WordList, from start: Int) -> Int {
        var index = start
        var consumed = false
        while words.has(index) {
            guard let phrase = Self.properName(&words, from: index) else { break }
            let isCredit =
                phrase.withBytes(in: words, KnownOutlets.isOutlet) || Self.isOutletWord(&words, at: phrase.end)
            guard isCredit else { break }
            phrase.withBytes(in: words) { add($0) }
            index = phrase.end
            consumed = true
            guard phrase.continuesList else { break }
            if words.word(index, is: "and") { index += 1 }
        }
        return consumed ? index : start
    }

    /// "told TVN24 television", "the Daily Nation newspaper": the word after the name says what it is.
    private static func isOutletWord(_ words: inout WordList, at index: Int) -> Bool {
        guard words.has(index) else { return false }
        var range = words.ranges[index]
        while range.upperBound > range.lowerBound && words.bytes[range.upperBound - 1] < 0x41 {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        let word = UnsafeBufferPointer(rebasing: words.bytes[range])
        switch word.count {
        case 5: return word.elementsEqual("radio".utf8) || word.elementsEqual("daily".utf8)
        case 6: return word.elementsEqual("agency".utf8)
        case 7: return word.elementsEqual("channel".utf8) || word.elementsEqual("website".utf8)
        case 8: return word.elementsEqual("magazine".utf8)
        case 9: return word.elementsEqual("newspaper".utf8)
        case 10: return word.elementsEqual("television".utf8)
        case 11: return word.elementsEqual("broadcaster".utf8)
        default: return false
        }
    }

    /// "Interfax reported", "the BBC said", "Xinhua news agency said": a listed outlet
    /// right before a reporting verb, looking past the words that describe it.
    private mutating func creditPrecedingOutlet(_ words: inout WordList, before verbIndex: Int) {
        var index = verbIndex
        while index > 0 {
            let previous = index - 1
            let describes =
                words.word(previous, is: "agency") || words.word(previous, is: "news")
                || words.word(previous, is: "newspaper") || words.word(previous, is: "television")
                || words.word(previous, is: "radio") || words.word(previous, is: "channel")
            guard describes else { break }
            index = previous
        }
        guard index > 0 else { return }
        // Outlets are capitalized; most words before "said" are not, and are skipped cheaply.
        let first = words.firstByte(index - 1)
        guard (first >= 0x41 && first <= 0x5A) || first >= 0xC0 else { return }
        // Only a listed outlet counts here: test its last word before looking any further.
        guard KnownOutlets.isLastWordOfKnownName(words.buffer(index - 1)) else { return }
        for length in 1...3 where index - length >= 0 {
            let phrase = (index - length)...(index - 1)
            let end = words.ranges[index - 1].upperBound
            let isCredit = words.withJoinedBytes(phrase, endingAt: end) {
                KnownOutlets.isKnown($0) && ByteScalars.isUppercase(ByteScalars.scalar(in: $0, at: 0).0)
            }
            if isCredit {
                words.withJoinedBytes(phrase, endingAt: end) { add($0) }
                return
            }
        }
    }

    /// Consecutive words of a `WordList`; the last one may be cut short (its punctuation
    /// or possessive dropped).
    struct ProperName {
        var words: ClosedRange<Int>
        /// Where the last word's kept bytes end, in `WordList.bytes`.
        var lastEnd: Int
        /// The index of the word after the name (and after any "the" or dropped word).
        var end: Int
        /// Ended with a comma or is followed by "and": another name may follow.
        var continuesList: Bool

        /// The words joined by single spaces.
        func withBytes<Result>(in list: WordList, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            list.withJoinedBytes(words, endingAt: lastEnd, body)
        }
    }

    /// Capitalized words (with "of", "de", "for" between them) from `start`, after an
    /// optional "the"; stops at punctuation or a possessive, which it drops.
    static func properName(_ words: inout WordList, from start: Int) -> ProperName? {
        var index = start
        if words.word(index, is: "the", caseInsensitive: true) { index += 1 }
        let firstWord = index
        var partCount = 0
        var lastEnd = 0
        var continuesList = false
        while partCount < 6 && words.has(index) {
            let wordStart = words.ranges[index].lowerBound
            var word = UnsafeBufferPointer(rebasing: words.bytes[words.ranges[index]])
            let firstByte = word[0]
            let first = ByteScalars.scalar(in: word, at: 0).0
            let isConnector = partCount > 0 && Self.isConnector(word)
            guard ByteScalars.isUppercase(first) || (ByteScalars.isDigit(firstByte) && partCount > 0) || isConnector
            else { break }
            var stop = false
            if let possessive = possessiveStart(word) {
                word = UnsafeBufferPointer(rebasing: word[..<possessive])
                stop = true
            }
            while let last = word.last, Self.isTrailingPunctuation(last) || last >= 0x80 {
                if last >= 0x80 {
                    guard let (scalar, scalarStart) = ByteScalars.lastScalar(in: word, before: word.count),
                        !ByteScalars.isLetter(scalar)
                    else { break }
                    word = UnsafeBufferPointer(rebasing: word[..<scalarStart])
                } else {
                    if last == 0x2C { continuesList = true }
                    word = UnsafeBufferPointer(rebasing: word.dropLast())
                }
                stop = true
            }
            // A word trimmed to nothing ends the name without joining it.
            if !word.isEmpty {
                partCount += 1
                lastEnd = wordStart + word.count
            }
            index += 1
            if stop { break }
        }
        // Drop connectors the name ended on ("Voice of" → "Voice").
        while partCount > 0 {
            let lastWord = firstWord + partCount - 1
            let lastStart = words.ranges[lastWord].lowerBound
            guard isConnector(UnsafeBufferPointer(rebasing: words.bytes[lastStart..<lastEnd])) else { break }
            partCount -= 1
            if partCount > 0 { lastEnd = words.ranges[lastWord - 1].upperBound }
        }
        guard partCount > 0 else { return nil }
        if words.word(index, is: "and") { continuesList = true }
        return ProperName(
            words: firstWord...(firstWord + partCount - 1), lastEnd: lastEnd, end: index, continuesList: continuesList)
    }

    /// Punctuation a name picks up from its sentence: , . ; : ) " ! ?
    @inline(__always)
    private static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2C, 0x2E, 0x3B, 0x3A, 0x29, 0x22, 0x21, 0x3F: true
        default: false
        }
    }

    private static func isConnector(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        switch word.count {
        case 1: return word[0] == 0x26  // &
        case 2: return word.elementsEqual("of".utf8) || word.elementsEqual("de".utf8)
        case 3: return word.elementsEqual("for".utf8)
        default: return false
        }
    }

    /// Index of "'s" or "’s" ending a word.
    private static func possessiveStart(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        let end = word.count
        if end > 2, word[end - 1] == 0x73, word[end - 2] == 0x27 { return end - 2 }
        if end > 4, word[end - 1] == 0x73, word[end - 4] == 0xE2, word[end - 3] == 0x80, word[end - 2] == 0x99 {
            return end - 4
        }
        return nil
    }
}
