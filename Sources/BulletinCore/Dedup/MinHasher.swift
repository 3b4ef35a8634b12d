/// b-bit MinHash (b = 8) over 64-bit shingle hashes.
///
/// Value i of the signature is the low byte of min over shingles of the high 32 bits of
/// `shingle × multiplier[i]` (multiply-shift hashing; the shingle hashes are already uniformly
/// mixed, so one multiply per (shingle, i) is enough). Two signatures agree at a position with
/// probability J + (1 − J)/256 where J is the Jaccard resemblance of the shingle sets.
struct MinHasher: Sendable {
    let multipliers: [UInt64]

    init(hashCount: Int, seed: UInt64) {
        multipliers = (0..<hashCount).map { StableHash.stream(seed: seed, index: $0) | 1 }
    }

    /// `shingles` must be non-empty; duplicates are harmless.
    func signature(of shingles: [UInt64]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: multipliers.count) { out, initialized in
            multipliers.withUnsafeBufferPointer { multipliers in
                shingles.withUnsafeBufferPointer { shingles in
                    // Four positions per pass over the shingles: four independent minimum
                    // chains keep the multiplier busy instead of waiting on one comparison.
                    var position = 0
                    while position + 4 <= multipliers.count {
                        let (m0, m1, m2, m3) = (multipliers[position], multipliers[position + 1],
                                                multipliers[position + 2], multipliers[position + 3])
                        var (a0, a1, a2, a3) = (UInt64.max, UInt64.max, UInt64.max, UInt64.max)
                        for shingle in shingles {
                            a0 = min(a0, (shingle &* m0) >> 32)
                            a1 = min(a1, (shingle &* m1) >> 32)
                            a2 = min(a2, (shingle &* m2) >> 32)
                            a3 = min(a3, (shingle &* m3) >> 32)
                        }
                        out[position] = UInt8(truncatingIfNeeded: a0)
                        out[position + 1] = UInt8(truncatingIfNeeded: a1)
                        out[position + 2] = UInt8(truncatingIfNeeded: a2)
                        out[position + 3] = UInt8(truncatingIfNeeded: a3)
                        position += 4
                    }
                    for (offset, multiplier) in multipliers[position...].enumerated() {
                        var minimum = UInt64.max
                        for shingle in shingles { minimum = min(minimum, (shingle &* multiplier) >> 32) }
                        out[position + offset] = UInt8(truncatingIfNeeded: minimum)
                    }
                }
            }
            initialized = multipliers.count
        }
    }

    /// Unbiased resemblance estimate from the count of equal bytes: agreement by chance is 1/256.
    static func resemblance(equalPositions: Int, of hashCount: Int) -> Double {
        let observed = Double(equalPositions) / Double(hashCount)
        return max(0, (observed - 1.0 / 256) / (1 - 1.0 / 256))
    }
}
