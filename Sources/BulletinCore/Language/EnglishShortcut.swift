/// The one language bulletind can tell without its model: English prose in plain ASCII, thick
/// with English function words. Most wire copy is that, and CLD2 spends about 100,000
/// instructions on a story's 384-byte sample (some 270 a byte); this scan spends about ten a byte.
///
/// It says yes only where the model says "en" anyway: at least `minimumWords` words, no letter
/// outside ASCII (typographic quotes, dashes and no-break spaces are allowed), and enough of the
/// words among the commonest English function words, some of them words that no other language
/// written in Latin letters uses ("the", "that", "which"…; `isEnough`). Anything else goes to the
/// model, so a tag can change only where the shortcut fires and the model would not say "en".
/// That never happened where it was measured (2026-12-06): the Leipzig sentences of lingua-py's
/// test data, three to a sample (317 of 333 English samples take it, none of 24,356 in 74 other
/// languages; 301 with the first rule alone); Reuters-21578 and BBC articles of the parse corpus
/// (every one that takes it English to CLD2 too); and, as tests (`EnglishShortcutTests`), the
/// multilingual corpus's news text, the parse corpus and every story of the English fixtures.
enum EnglishShortcut {
    static let minimumWords = 12

    /// The commonest words of English news prose; `true` for those no other Latin-script
    /// language writes.
    static let words: [(String, englishOnly: Bool)] = [
        ("the", true), ("and", true), ("that", true), ("with", true), ("from", true), ("said", true),
        ("which", true), ("were", true), ("been", true), ("this", true), ("would", true), ("have", true),
        ("has", true), ("was", true), ("his", true), ("their", true), ("they", true), ("who", true),
        ("of", false), ("to", false), ("a", false), ("in", false), ("is", false), ("for", false), ("on", false),
        ("as", false), ("by", false), ("at", false), ("it", false), ("its", false), ("be", false), ("are", false),
        ("he", false), ("an", false), ("will", false), ("after", false), ("but", false), ("not", false),
        ("had", false),
    ]

    /// Open addressing over the words packed eight bits a letter, the first letter in the low
    /// byte (as a little-endian load reads them), 128 slots; an entry is the packed word
    /// shifted left by one, its low bit set for an English-only word. 0 is an empty slot.
    private static let table: [UInt64] = {
        var slots = [UInt64](repeating: 0, count: 128)
        for (word, englishOnly) in words {
            let packed = word.utf8.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            var slot = slotOf(packed)
            while slots[slot] != 0 { slot = (slot + 1) & 127 }
            slots[slot] = packed << 1 | (englishOnly ? 1 : 0)
        }
        return slots
    }()

    @inline(__always)
    private static func slotOf(_ packed: UInt64) -> Int { Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 57) }

    /// 0 for no function word, 1 for one, 2 for an English-only one.
    @inline(__always)
    private static func kind(_ packed: UInt64, _ table: UnsafeBufferPointer<UInt64>) -> Int {
        var slot = slotOf(packed)
        while true {
            let entry = table[slot]
            if entry == 0 { return 0 }
            if entry >> 1 == packed { return 1 + Int(entry & 1) }
            slot = (slot + 1) & 127
        }
    }

    /// A high bit in each byte of `word` that is an ASCII letter once lowered (`lowered` is
    /// `word` with 0x20 set in every byte). Exact for every byte, 0x80 and up included: no
    /// sum carries into the next byte.
    @inline(__always)
    private static func letters(_ word: UInt64, lowered: UInt64) -> UInt64 {
        let low7 = lowered & ~WordAtATime.high
        let atLeastA = low7 &+ WordAtATime.ones &* (0x80 - 0x61)
        let pastZ = low7 &+ WordAtATime.ones &* (0x80 - 0x7B)
        return atLeastA & ~pastZ & ~word & WordAtATime.high
    }

    /// A quarter of the words function words, two of them English-only; or a sixth, three of
    /// them English-only: copy thick with names, figures and rare words, which the model reads
    /// as English too (the second rule, 2026-12-06: of English samples of the multilingual corpus
    /// (one from each sentence on) and the parse corpus, 1,458 of 1,821 take it, not 1,286; none of
    /// another language, and CLD2 says "en" for every one that does).
    @inline(__always)
    static func isEnough(functionWords: Int, englishOnly: Int, of words: Int) -> Bool {
        functionWords * 4 >= words && englishOnly >= 2 || functionWords * 6 >= words && englishOnly >= 3
    }

    static func isEnglish(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        let count = text.count
        var words = 0
        var functionWords = 0
        var englishOnly = 0
        return table.withUnsafeBufferPointer { table in
            var index = 0
            while index < count {
                let byte = base[index]
                if (byte | 0x20) &- 0x61 < 26 {
                    // A word: letters to the next byte that is not one. Only words of up to five
                    // letters can be function words, so only those are looked up. Eight bytes
                    // a step where eight remain: most words end inside the first.
                    var length = 0
                    var packed: UInt64 = 0
                    if index + 8 <= count {
                        let eight = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                        let lowered = eight | WordAtATime.ones &* 0x20
                        length = (~letters(eight, lowered: lowered) & WordAtATime.high).trailingZeroBitCount / 8
                        if length < 8 { packed = lowered & ((1 << (8 * UInt64(length))) &- 1) }
                    } else {
                        length = 1
                    }
                    if length == 8 || index + 8 > count {
                        // A long word, or the sample's last bytes: one byte a step from here.
                        while index + length < count, (base[index + length] | 0x20) &- 0x61 < 26 { length += 1 }
                        if length <= 5 {
                            packed = 0
                            for offset in 0..<length { packed |= UInt64(base[index + offset] | 0x20) << (8 * UInt64(offset)) }
                        }
                    }
                    words += 1
                    if length <= 5 {
                        let found = kind(packed, table)
                        if found > 0 { functionWords += 1 }
                        if found == 2 { englishOnly += 1 }
                    }
                    index += length
                } else if byte < 0x80 {
                    index += 1
                } else if byte == 0xE2, index + 2 < count, base[index + 1] == 0x80 || base[index + 1] == 0x81 {
                    // U+2000–U+206F (’ “ ” – — …) and U+00A0 end a word like a space; any other
                    // character outside ASCII is for the model.
                    index += 3
                } else if byte == 0xC2, index + 1 < count, base[index + 1] == 0xA0 {
                    index += 2
                } else {
                    return false
                }
            }
            return words >= minimumWords && Self.isEnough(functionWords: functionWords, englishOnly: englishOnly, of: words)
        }
    }
}
