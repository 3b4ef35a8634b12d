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
        let text = Self.asciiText(seed: UInt64(seed), length: 400)
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

    @Test("distinct hashes: repeats dropped, zero kept, first-seen order")
    func distinctHashesDropRepeats() {
        var set = DistinctHashes(capacity: 5)
        for hash: UInt64 in [7, 0, 7, 1 << 63, 0, 42, 42, 1 << 63] { set.insert(hash) }
        #expect(set.elements == [7, 0, 1 << 63, 42])
        #expect(DistinctHashes(capacity: 0).isEmpty)
    }

    @Test("the signature does not depend on shingle order or repeats")
    func signatureIgnoresOrderAndRepeats() {
        let hasher = MinHasher(hashCount: 61, seed: 9)  // not a multiple of four: the tail loop runs too
        let shingles: [UInt64] = (0..<200).map { StableHash.mix(UInt64($0)) }
        let expected = (0..<61).map { position in
            UInt8(truncatingIfNeeded: shingles.map { ($0 &* hasher.multipliers[position]) >> 32 }.min()!)
        }
        #expect(hasher.signature(of: shingles) == expected)
        #expect(hasher.signature(of: shingles.reversed() + shingles.prefix(50)) == expected)
    }
}
