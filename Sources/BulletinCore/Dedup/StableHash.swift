/// Deterministic 64-bit hashing for features that end up in snapshots.
///
/// Swift's `Hasher` is randomly seeded per process, so anything that is persisted or must agree
/// across machines (token, shingle and band hashes) goes through these fixed functions instead.
enum StableHash {
    /// FNV-1a over bytes: simple, stable, and fast enough for short tokens.
    @inline(__always)
    static func fnv1a<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash = fnv1aStart
        for byte in bytes { hash = fnv1aStep(hash, byte) }
        return hash
    }

    /// FNV-1a a byte at a time, for a hash kept up to date while bytes are written.
    static let fnv1aStart: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always)
    static func fnv1aStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }

    /// The splitmix64 finalizer: turns a weakly mixed value (FNV, a combination) into one whose
    /// every bit depends on every input bit, which minhash and table positions rely on.
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
