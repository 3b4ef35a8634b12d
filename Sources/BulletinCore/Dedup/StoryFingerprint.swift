/// Everything the index needs to know about one story, computed once from its text.
public struct StoryFingerprint: Sendable {
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

    /// The story's stable id (`StoryIdentity.id`).
    public var id: String { storyID.hex }

    init(headline: String, bodyText: String, configuration: DedupConfiguration, minHasher: MinHasher) {
        let folded = FoldedText(headline: headline, body: bodyText)
        storyID = StoryIdentity.storyID(of: folded)
        let body = CreditLines.removing(from: folded.bodyTokens)
        let words = body.count >= configuration.shingleSize ? body : folded.headlineTokens + body
        let shingles = Self.distinctShingles(of: words, size: configuration.shingleSize)
        shingleCount = shingles.count
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
        leadKey = Self.leadKey(of: body, shingleSize: configuration.shingleSize)
    }

    /// The first `leadKeyWords` words of the body, hashed to 32 bits (never 0).
    static let leadKeyWords = 12
    static func leadKey(of words: [FoldedToken], shingleSize: Int) -> UInt32 {
        guard words.count >= leadKeyWords + shingleSize else { return 0 }
        var hash = StableHash.mix(0x6C65_6164)  // "lead"
        for word in words.prefix(leadKeyWords) { hash = StableHash.combine(hash, word.hash) }
        return max(1, UInt32(truncatingIfNeeded: hash >> 32))
    }

    /// Distinct hashes of `size`-word shingles, skipping shingles made only of stopwords
    /// (unless that leaves nothing), in no particular order. A text shorter than `size` words is
    /// one shingle.
    static func distinctShingles(of words: [FoldedToken], size: Int) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        let span = min(size, words.count)
        let count = words.count - span + 1
        var all = [UInt64](repeating: 0, count: count)
        var informative = DistinctHashes(capacity: count)
        let isStopword = words.map { Stopwords.contains(tokenHash: $0.hash) }
        for start in 0..<count {
            var hash = StableHash.mix(UInt64(span))
            var onlyStopwords = true
            for offset in 0..<span {
                hash = StableHash.combine(hash, words[start + offset].hash)
                onlyStopwords = onlyStopwords && isStopword[start + offset]
            }
            all[start] = hash
            if !onlyStopwords { informative.insert(hash) }
        }
        if !informative.isEmpty { return informative.elements }
        var everything = DistinctHashes(capacity: count)
        for hash in all { everything.insert(hash) }
        return everything.elements
    }
}

/// A set of well-mixed 64-bit hashes, sized once: open addressing in a power-of-two table at
/// most half full. Cheaper than sorting to drop repeats, which is all the shingles need.
struct DistinctHashes {
    private var slots: [UInt64]
    private var hasZero = false
    private(set) var elements: [UInt64] = []

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        elements.reserveCapacity(capacity)
    }

    var isEmpty: Bool { elements.isEmpty }

    mutating func insert(_ hash: UInt64) {
        // 0 marks an empty slot, so the value 0 is remembered apart.
        guard hash != 0 else {
            if !hasZero { elements.append(0) }
            hasZero = true
            return
        }
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: hash >> 3) & mask
        while true {
            let slot = slots[position]
            if slot == hash { return }
            if slot == 0 {
                slots[position] = hash
                elements.append(hash)
                return
            }
            position = (position + 1) & mask
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
