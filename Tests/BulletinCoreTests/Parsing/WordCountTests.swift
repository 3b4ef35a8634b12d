@testable import BulletinCore
import Testing

/// `Story.wordCount` (the record's `word_count`) against the plain statement of what a word is.
@Suite struct WordCountTests {
    /// Pieces between spaces, newlines and tabs that hold a letter or digit (any non-ASCII
    /// character counts as a letter).
    static func reference(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            .filter { $0.unicodeScalars.contains { !$0.isASCII || $0.properties.isAlphabetic || ("0"..."9").contains($0) } }
            .count
    }

    @Test("words are counted once each, punctuation-only pieces not at all")
    func examples() {
        #expect(WordCounter.count("") == 0)
        #expect(WordCounter.count("  \n\t ") == 0)
        #expect(WordCounter.count("MOSCOW - The U.S. said \"no\" -- twice, in 2024.") == 8)
        // Non-ASCII characters count as letters (cheap, and right for prose): "—" and "«»" are words.
        #expect(WordCounter.count("— «» ... 1,500 café") == 4)
    }

    /// Texts are counted in blocks of 64 bytes with the state carried across: lengths of one
    /// block and many, words and punctuation runs that straddle a block's edge, texts without
    /// any space.
    @Test("random text: the same count as the reference", arguments: 0..<60)
    func matchesTheReference(seed: Int) {
        let alphabet = seed % 5 == 4 ? Array("abZ9.,-—é") : Array(seed % 2 == 0 ? "ab Z9 \n\t.,-—\"'é«" : "abcdefghZ9 .,-")
        var state = UInt64(seed) &+ 1
        var text = ""
        for _ in 0..<(seed % 3 == 0 ? 100 : 130 + 37 * seed) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text.append(alphabet[Int(state >> 33) % alphabet.count])
        }
        #expect(WordCounter.count(text) == Self.reference(text))
    }

    /// Every length through four blocks, so a word, a space or a punctuation run lands on
    /// each side of every block edge; bytes of every class.
    @Test("every length up to 256 bytes: the same count as the reference", arguments: ["a b", "ab —, «x» 9\t", "—-- a\n", "x"])
    func everyLength(pattern: String) {
        let bytes = Array(pattern.utf8)
        for length in 0...256 {
            let text = String(decoding: (0..<length).map { bytes[$0 % bytes.count] }, as: UTF8.self)
            #expect(WordCounter.count(text) == Self.reference(text), "length \(length)")
        }
    }
}
