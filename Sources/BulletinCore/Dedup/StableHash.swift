/// Deterministic 64-bit hashing for features that end up in snapshots.
///
/// Swift's `Hasher` is randomly seeded per process, so anything that is persisted or must agree
/// across machines (token, shingle and band hashes) goes through these fixed functions instead.
enum StableHash {
    /// A word's hash: eight bytes at a time through the finalizer below. A word under eight
    /// bytes is one step, with its length in the top byte, so no two short words collide.
    /// (FNV-1a, before, chained a multiply per byte: most of the cost of folding a text.)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        word(in: bytes, 0..<bytes.count)
    }

    /// `word` of `storage[range]`. The last bytes are read in one load when eight bytes of
    /// `storage` end where the word does (a word inside a folded text, nearly always).
    /// Inlined: folding calls it once a token, and the call cost about a fifth of the hash.
    @inline(__always)
    static func word(in storage: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash = UInt64(truncatingIfNeeded: range.count) << 56
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            hash = mix(hash ^ WordAtATime.load(storage, at: index))
            index += 8
        }
        let rest = range.upperBound - index
        var tail: UInt64 = 0
        if rest > 0, range.upperBound >= 8 {
            tail = WordAtATime.load(storage, at: range.upperBound - 8) >> UInt64(64 - 8 * rest)
        } else {
            for (offset, byte) in storage[index..<range.upperBound].enumerated() { tail |= UInt64(byte) << UInt64(8 * offset) }
        }
        return mix(hash ^ tail)
    }

    /// `word` of a string's UTF-8 (the fixed word lists).
    static func word(_ text: String) -> UInt64 {
        Array(text.utf8).withUnsafeBufferPointer { word($0) }
    }

    /// The splitmix64 finalizer: turns a weakly mixed value (a word's bytes, a combination) into
    /// one whose every bit depends on every input bit, which minhash and table positions rely on.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Order-sensitive combination of two hashes ("a b" must differ from "b a").
    @inline(__always)
    static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix((first &* 0x9E37_79B9_7F4A_7C15) ^ second)
    }

    /// One word of an order-sensitive polynomial over hashes: a shingle is
    /// `mix(((start·B + w₀)·B + w₁)·B + w₂)`, a multiply-add per word and one `mix` per shingle
    /// where `combine` would mix after every word. B is odd, so shingles that differ in one word
    /// never collide (and `mix` is a bijection); swapping two words collides only when their
    /// hashes agree in their low 61 bits (B − 1 and B + 1 hold three factors of 2 between them).
    @inline(__always)
    static func polynomialStep(_ hash: UInt64, _ next: UInt64) -> UInt64 {
        hash &* polynomialBase &+ next
    }
    static let polynomialBase: UInt64 = 0xFF51_AFD7_ED55_8CCD

    /// The n-th value of a splitmix64 stream from `seed`: used to derive minhash parameters.
    static func stream(seed: UInt64, index: Int) -> UInt64 {
        mix(seed &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
    }
}
