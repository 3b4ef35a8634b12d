/// Everything the index needs to know about one story, computed once from its text.
package struct StoryFingerprint: Sendable {
    /// The exact identity (SHA-256 of the normalized text).
    let storyID: StoryID
    /// Distinct word shingles of the body (the headline stands in when the body is too short);
    /// 0 when the text has no words, which leaves only exact matching.
    let shingleCount: Int
    /// b-bit minhash signature of the shingles, `hashCount` bytes.
    let signature: [UInt8]
    /// Figures of the body (128 bits, two per figure) and of the lead alone (64 bits, sparser so
    /// a revised lead figure is not hidden by a collision): the numbers guard.
    let numberMask: FeatureMask
    let leadNumberMask: UInt64
    /// Capitalized non-stopwords of the lead (64 bits, two per name): the names guard.
    let leadNameMask: UInt64
    /// Hash of the body's opening shingles (0 when the body is too short): a second way to find
    /// a trimmed copy, which keeps the lead however much of the rest it drops.
    let leadKey: UInt32
    /// The body is just the words its lead key hashes: if the key matches another story's,
    /// this body is that story's opening, wholly inside it, however few shingles say so.
    let bodyIsLead: Bool
    /// Hash of the folded headline's words (0 for a headline of none): with the lead key, what
    /// vouches for a copy trimmed to a few shingles; with `shortBodyWords`, for a short body.
    let headlineKey: UInt32
    /// A short body (`isShortBody`) is found under its headline too and judged by its words: a
    /// one-sentence story copied with one word cut keeps too few of its shingles for the bands
    /// or the estimates. Two bits of each of its words; 0 for any other body.
    let shortBodyWords: UInt64

    /// The story's stable id (`StoryID(of:)`).
    package var id: String { storyID.hex }

    init(headline: String, bodyText: String, configuration: DedupConfiguration, minHasher: MinHasher) {
        let folded = FoldedText(headline: headline, body: bodyText)
        storyID = StoryID(folded)
        let body = CreditLines.removing(from: folded.bodyTokens)
        let words = body.count >= configuration.shingleSize ? body : folded.headlineTokens + body
        let shingles = Self.shingles(of: words, size: configuration.shingleSize, seed: configuration.seed)
        shingleCount = Self.distinctCount(of: shingles)
        signature = shingles.isEmpty
            ? [UInt8](repeating: 0xFF, count: configuration.hashCount) : minHasher.signature(of: shingles)

        var numbers = FeatureMask()
        var leadNumbers: UInt64 = 0
        var names: UInt64 = 0
        for (position, token) in body.enumerated() {
            let inLead = token.paragraph == 0 && position < configuration.leadWordLimit
            if token.hasDigit {
                numbers.insert(token.hash)
                if inLead { leadNumbers |= FeatureMask.twoBits(token.hash) }
            } else if inLead, token.isCapitalized, !Stopwords.contains(tokenHash: token.hash) {
                names |= FeatureMask.twoBits(token.hash)
            }
        }
        numberMask = numbers
        leadNumberMask = leadNumbers
        leadNameMask = names
        let lead = Self.leadWords(of: body)
        leadKey = Self.leadKey(of: lead)
        bodyIsLead = lead.count == body.count && !lead.isEmpty
        headlineKey = Self.headlineKey(of: folded.headlineTokens)
        var bodyWords: UInt64 = 0
        if body.count >= Self.shortBodyMinimumWords, shingleCount < Self.shortBodyShingles {
            for token in body { bodyWords |= FeatureMask.twoBits(token.hash) }
        }
        shortBodyWords = bodyWords
    }

    /// A body of `shortBodyMinimumWords` words or more and fewer distinct shingles than
    /// `shortBodyShingles` is short: one word cut from a sentence of under 18 words leaves less
    /// than 60 % of its shingles in common, and so few shingles fill few of the signature's
    /// bins, which makes every estimate coarse. Below six words one word is too much of a body
    /// to say anything by.
    static let shortBodyShingles = 16
    static let shortBodyMinimumWords = 6

    /// Whether the body is short (its word mask is kept: a body of six words sets bits).
    var isShortBody: Bool { shortBodyWords != 0 }

    /// The folded headline's words hashed to 32 bits (never 0); 0 for a headline of no words.
    static func headlineKey(of words: [FoldedToken]) -> UInt32 {
        guard !words.isEmpty else { return 0 }
        var hash = StableHash.mix(0x6865_6164)  // "head"
        for word in words { hash = StableHash.combine(hash, word.hash) }
        return max(1, UInt32(truncatingIfNeeded: hash >> 32))
    }

    /// The lead key hashes the first `leadKeyWords` words of the body to 32 bits (never 0); a
    /// body of fewer words has none (0). A body of just that many words has a key too: a
    /// two-sentence brief cut to its first sentence keeps no other way to its original. A first
    /// paragraph of `shortLeadWords` to `leadKeyWords` words is the key by itself, whatever
    /// follows: a brief opening with one short sentence ("Ci sono più di 330 membri
    /// dell'equipaggio a bordo.") and cut to it is found the same way, and shares too few
    /// shingles with its original for the bands to find it.
    static let leadKeyWords = 12
    static let shortLeadWords = 6

    /// The words the lead key hashes; none when the body has no key.
    static func leadWords(of words: [FoldedToken]) -> ArraySlice<FoldedToken> {
        let firstParagraph = words.prefix(leadKeyWords).prefix { $0.paragraph == words.first?.paragraph }
        if firstParagraph.count >= shortLeadWords { return firstParagraph }
        return words.count >= leadKeyWords ? words.prefix(leadKeyWords) : []
    }

    static func leadKey(of keyWords: ArraySlice<FoldedToken>) -> UInt32 {
        guard !keyWords.isEmpty else { return 0 }
        var hash = StableHash.mix(0x6C65_6164)  // "lead"
        for word in keyWords { hash = StableHash.combine(hash, word.hash) }
        return max(1, UInt32(truncatingIfNeeded: hash >> 32))
    }

    /// Hashes of the `size`-word shingles, skipping shingles made only of stopwords (unless that
    /// leaves nothing), in text order with repeats: they change neither a minhash signature nor
    /// `distinctCount`. A text shorter than `size` words is one shingle.
    static func shingles(of words: [FoldedToken], size: Int, seed: UInt64) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        let span = min(size, words.count)
        let count = words.count - span + 1
        // Seeding every shingle makes its hash the minhash permutation (see `MinHasher`); the
        // span keeps a two-word text from hashing like a three-word shingle.
        let start = StableHash.combine(seed, UInt64(span))
        // The polynomial of the window ending at each word, rolled along: in with the new
        // word, out with the one `span` words back (weight B^span once shifted), so each word is
        // read twice whatever the span; `shingleHash` gives the same values.
        var outWeight: UInt64 = 1
        for _ in 0..<span { outWeight &*= StableHash.polynomialBase }
        let startTerm = start &* outWeight
        return words.withUnsafeBufferPointer { words in
            [UInt64](unsafeUninitializedCapacity: count) { hashes, kept in
                // How many words up to the current one are stopwords: a shingle ending here is
                // only stopwords when the run covers it.
                var stopwordRun = 0
                var window: UInt64 = 0
                for last in words.indices {
                    let word = words[last].hash
                    stopwordRun = Stopwords.contains(tokenHash: word) ? stopwordRun + 1 : 0
                    window = StableHash.polynomialStep(window, word)
                    if last >= span { window &-= words[last - span].hash &* outWeight }
                    if last + 1 >= span {
                        // Written always, kept only when informative: no branch to mispredict.
                        hashes[kept] = StableHash.mix(startTerm &+ window)
                        kept += stopwordRun < span ? 1 : 0
                    }
                }
                guard kept == 0 else { return }
                for first in 0..<count { hashes[first] = shingleHash(words, from: first, span: span, start: start) }
                kept = count
            }
        }
    }

    /// Words `first ..< first + span` hashed in order, with a single mix.
    @inline(__always)
    static func shingleHash(_ words: UnsafeBufferPointer<FoldedToken>, from first: Int, span: Int, start: UInt64) -> UInt64 {
        var hash = start
        for position in first..<(first + span) { hash = StableHash.polynomialStep(hash, words[position].hash) }
        return StableHash.mix(hash)
    }

    /// How many different values `hashes` holds (well-mixed 64-bit hashes, so their bits can
    /// index a table directly): open addressing in a power-of-two table at most half full,
    /// on the stack for any ordinary story. Cheaper than sorting, and nothing else needs the set.
    static func distinctCount(of hashes: [UInt64]) -> Int {
        var size = 16
        while size < 2 * hashes.count { size <<= 1 }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: size) { slots in
            slots.initialize(repeating: 0)
            let mask = size - 1
            // 0 marks an empty slot, so the value 0 is counted apart.
            var hasZero = false
            var count = 0
            for hash in hashes {
                guard hash != 0 else {
                    hasZero = true
                    continue
                }
                var position = Int(truncatingIfNeeded: hash >> 3) & mask
                while slots[position] != 0, slots[position] != hash { position = (position + 1) & mask }
                if slots[position] == 0 {
                    slots[position] = hash
                    count += 1
                }
            }
            return count + (hasZero ? 1 : 0)
        }
    }
}

/// A 128-bit Bloom-style set (two bits per feature hash). Set difference is read off the bits:
/// a bit of `self` absent from `other` proves a feature of `self` missing from `other`; two
/// bits per feature make it less likely that collisions hide one.
struct FeatureMask: Sendable, Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    mutating func insert(_ hash: UInt64) {
        for bit in [hash >> 57, (hash >> 50) & 127] {
            if bit < 64 { low |= 1 << bit } else { high |= 1 << (bit - 64) }
        }
    }

    /// Bits of `self` that `other` lacks.
    func countMissing(from other: FeatureMask) -> Int {
        (low & ~other.low).nonzeroBitCount + (high & ~other.high).nonzeroBitCount
    }

    /// Two bits of a 64-bit mask for one feature.
    static func twoBits(_ hash: UInt64) -> UInt64 {
        (1 << (hash >> 58)) | (1 << ((hash >> 52) & 63))
    }
}
