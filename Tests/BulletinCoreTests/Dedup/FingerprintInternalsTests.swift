@testable import BulletinCore
import Testing

/// The fast paths of featurizing must give what the general paths give.
@Suite struct FingerprintInternalsTests {
    /// Random ASCII prose with the characters the folding rules treat specially.
    static func asciiText(seed: UInt64, length: Int) -> String {
        let alphabet = Array("abcXYZ019 .,'`$+<=>|~-\n\n\t\r\u{0B}\u{0C}\"()".utf8)
        var state = seed
        var bytes: [UInt8] = []
        for _ in 0..<length {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(alphabet[Int(state >> 33) % alphabet.count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("ASCII text folds, tokenizes and hashes exactly as the Unicode path does", arguments: 0..<60)
    func asciiFastPathMatchesTheUnicodePath(seed: Int) {
        let headline = Self.asciiText(seed: UInt64(seed) &+ 1000, length: seed % 3 == 0 ? 0 : 60)
        // Some bodies long enough for several batches of the fast path's 256 tokens.
        let text = Self.asciiText(seed: UInt64(seed), length: seed % 4 == 3 ? 3000 : 400)
        // A trailing "é" sends the whole text through the Unicode (NFKC) path.
        let fast = FoldedText(headline: headline, body: text)
        let general = FoldedText(headline: headline, body: text + " é")
        #expect(general.headlineTokens.count == fast.headlineTokens.count)
        #expect(general.bodyTokens.count == fast.bodyTokens.count + 1)
        #expect(Array(general.bytes.prefix(fast.bytes.count)) == fast.bytes)
        for (a, b) in zip(fast.headlineTokens + fast.bodyTokens, general.headlineTokens + general.bodyTokens) {
            #expect(a.hash == b.hash && a.start == b.start && a.end == b.end)
            #expect(a.isCapitalized == b.isCapitalized && a.hasDigit == b.hasDigit && a.paragraph == b.paragraph)
        }
    }

    @Test("a token's hash is StableHash.word of its folded bytes")
    func tokenHashesAreOfTheFoldedBytes() {
        let folded = FoldedText(headline: "", body: "Sales ROSE 1,500.5 units; Don't")
        let words = folded.bodyTokens.map { Array(folded.bytes[Int($0.start)..<Int($0.end)]) }
        #expect(words.map { String(decoding: $0, as: UTF8.self) } == ["sales", "rose", "1500.5", "units", "dont"])
        #expect(folded.bodyTokens.map(\.hash) == words.map { $0.withUnsafeBufferPointer(StableHash.word) })
    }

    @Test("word hashes: no two of 39,000 words collide, whatever their length")
    func wordHashesAreDistinct() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789.".utf8)
        var words: Set<[UInt8]> = []
        // Every word of one to three of these bytes, then longer ones across the 8-byte steps.
        for a in letters {
            words.insert([a])
            for b in letters {
                words.insert([a, b])
                for c in letters.prefix(20) { words.insert([a, b, c]) }
            }
        }
        var state: UInt64 = 42
        for length in 4...24 {
            for _ in 0..<500 {
                words.insert((0..<length).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return letters[Int(state >> 33) % letters.count]
                })
            }
        }
        let hashes = Set(words.map { $0.withUnsafeBufferPointer(StableHash.word) })
        #expect(words.count > 39_000)
        #expect(hashes.count == words.count)
        // Inside a longer buffer (the tail read in one load) the hash is the same.
        for word in words.prefix(3000) {
            let padded = Array("0123456789".utf8) + word + Array("xyz".utf8)
            let inside = padded.withUnsafeBufferPointer { StableHash.word(in: $0, 10..<(10 + word.count)) }
            #expect(inside == word.withUnsafeBufferPointer(StableHash.word))
        }
        // Lengths that differ only by a trailing step of eight bytes are told apart too.
        #expect(StableHash.word("abcdefgh") != StableHash.word("abcdefghabcdefgh"))
    }

    @Test("distinct count: repeats dropped, zero counted once")
    func distinctCountDropsRepeats() {
        #expect(StoryFingerprint.distinctCount(of: [7, 0, 7, 1 << 63, 0, 42, 42, 1 << 63]) == 4)
        #expect(StoryFingerprint.distinctCount(of: []) == 0)
        // Enough values to fill several table sizes, each repeated up to three times.
        let many = (0..<5_000).flatMap { Array(repeating: StableHash.mix(UInt64($0)), count: 1 + $0 % 3) }
        #expect(StoryFingerprint.distinctCount(of: many) == 5_000)
    }

    static func tokens(_ text: String) -> [FoldedToken] { FoldedText(headline: "", body: text).bodyTokens }

    static func shingles(_ text: String, size: Int = 3, seed: UInt64 = 1) -> [UInt64] {
        StoryFingerprint.shingles(of: tokens(text), size: size, seed: seed)
    }

    @Test("a shingle's hash depends on the order of its words and on each word")
    func shingleHashIsOrderSensitive() {
        let orders = ["storm cuts power", "cuts storm power", "power cuts storm", "storm power cuts",
                      "cuts power storm", "power storm cuts", "storm cuts powers", "storms cuts power",
                      "storm storm storm", "storm storm power"]
        let hashes = orders.map { Self.shingles($0) }
        #expect(hashes.allSatisfy { $0.count == 1 })
        #expect(Set(hashes.map { $0[0] }).count == orders.count)
        // Repeated words within a text: "a b c a b c" has 3 distinct shingles of 4.
        #expect(Self.shingles("gale lashes coast gale lashes coast").count == 4)
        #expect(StoryFingerprint.distinctCount(of: Self.shingles("gale lashes coast gale lashes coast")) == 3)
        // The seed is part of every shingle: it is the minhash permutation.
        #expect(Self.shingles("storm cuts power", seed: 2) != Self.shingles("storm cuts power"))
    }

    @Test("shingles made only of stopwords are skipped, unless nothing else is left")
    func stopwordShingles() {
        // "one of the" is only stopwords; "of the storms" and "the storms hit" are not.
        #expect(Self.shingles("one of the storms hit").count == 2)
        #expect(Self.shingles("one of the storms hit") == Self.shingles("of the storms hit"))
        #expect(Self.shingles("one of the").count == 1)
        #expect(Self.shingles("").isEmpty)
    }

    /// The shingles as the definition says, window by window (`shingleHash` for each).
    static func referenceShingles(_ words: [FoldedToken], size: Int, seed: UInt64) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        let span = min(size, words.count)
        let start = StableHash.combine(seed, UInt64(span))
        let windows = 0...(words.count - span)
        let all = words.withUnsafeBufferPointer { buffer in
            windows.map { StoryFingerprint.shingleHash(buffer, from: $0, span: span, start: start) }
        }
        let informative = windows.filter { first in
            !words[first..<(first + span)].allSatisfy { Stopwords.contains(tokenHash: $0.hash) }
        }.map { all[$0] }
        return informative.isEmpty ? all : informative
    }

    @Test("the rolling shingle hashes equal the window-by-window definition", arguments: 0..<30)
    func rollingMatchesDefinition(seed: Int) {
        // Mostly stopwords and short words, so that skipped shingles and the fallback both occur.
        let vocabulary = ["the", "of", "a", "said", "storm", "power", "x", "0", "and", "on"]
        var state = UInt64(seed)
        for length in [0, 1, 2, 3, 4, 7, 40] {
            let words = (0..<length).map { _ in
                state = StableHash.mix(state)
                return vocabulary[Int(state % UInt64(seed % 3 == 0 ? 3 : vocabulary.count))]
            }
            let tokens = Self.tokens(words.joined(separator: " "))
            for size in 1...4 {
                #expect(StoryFingerprint.shingles(of: tokens, size: size, seed: UInt64(seed))
                    == Self.referenceShingles(tokens, size: size, seed: UInt64(seed)))
            }
        }
    }

    @Test("a fingerprint counts distinct word shingles exactly", arguments: 0..<10)
    func shingleCountIsExact(seed: Int) {
        let text = Self.asciiText(seed: UInt64(seed), length: 1_500)
        let fingerprint = StoryFingerprinter(.default).fingerprint(headline: "Head", bodyText: text)
        // Distinct 3-word windows by their folded words, without those made only of stopwords.
        let folded = FoldedText(headline: "Head", body: text)
        let words = CreditLines.removing(from: folded.bodyTokens).map { String(decoding: folded.bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        #expect(words.count >= 3)
        let stopwords = Set(Stopwords.words)
        let windows = Set((0...(words.count - 3)).map { Array(words[$0..<($0 + 3)]) }.filter { !$0.allSatisfy(stopwords.contains) })
        #expect(fingerprint.shingleCount == windows.count)
    }

    /// A first paragraph of six words or more is a lead key by itself; a brief of five has no
    /// key (too many stories could open so), and a twelve-word lead's key is its first twelve.
    @Test func aShortFirstParagraphIsALeadKeyFromSixWords() {
        let fingerprinter = StoryFingerprinter(.default)
        func key(_ paragraphs: [String]) -> UInt32 { fingerprinter.fingerprint(Story(headline: "Рух", paragraphs: paragraphs)).leadKey }
        #expect(key(["Рух матерії є категорією абсолютною."]) == 0)
        let six = "Рух матерії є категорією абсолютною, стійкість."
        #expect(key([six]) != 0)
        #expect(key([six, "Три найбільш яскраво виражені ми називаємо метою, зусиллям та досягненням мети."]) == key([six]))
        let twelve = "one two three four five six seven eight nine ten eleven twelve"
        #expect(key([twelve + " thirteen"]) == key([twelve, "and more"]))
    }
}
