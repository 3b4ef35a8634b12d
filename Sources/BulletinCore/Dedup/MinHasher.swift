/// b-bit one-permutation MinHash (b = 8) with optimal densification, over 64-bit shingle hashes.
///
/// The shingle hashes are uniformly mixed and seeded (`StoryFingerprint.shingles`), so they serve
/// as the random permutation themselves. One pass over them splits the hash space into
/// `hashCount` bins: a shingle's high 32 bits pick its bin (multiply-shift), its low 32 bits
/// compete there, and each bin keeps its minimum (one permutation hashing, Li, Owen & Zhang,
/// NIPS 2012). One step per shingle instead of one per shingle and signature position.
///
/// A bin no shingle fell into (most bins of a text of a few words, about one of a typical
/// story) borrows the minimum of the first filled bin on its own probe sequence, which depends
/// only on the bin and the seed (optimal densification, Shrivastava, ICML 2017). Two texts walk
/// the same sequences, and the first bin that either of them filled is equally likely to be any
/// of those, so every position still agrees with probability J, the Jaccard resemblance of the
/// shingle sets, and the positions stay nearly independent, even for a text of one shingle.
///
/// Value i of the signature is the low byte of bin i's minimum: two signatures agree at a
/// position with probability J + (1 − J)/256.
struct MinHasher: Sendable {
    /// Per bin, the start of the pseudo-random walk over bins that fills it when it is empty.
    let probeSeeds: [UInt64]

    var hashCount: Int { probeSeeds.count }

    init(hashCount: Int, seed: UInt64) {
        precondition(hashCount >= 1 && hashCount <= 1 << 32)
        probeSeeds = (0..<hashCount).map { StableHash.stream(seed: seed, index: $0) }
    }

    /// `shingles` must be non-empty; their order and repeats do not change the signature.
    func signature(of shingles: [UInt64]) -> [UInt8] {
        precondition(!shingles.isEmpty, "an empty text has no minhash signature")
        let hashCount = self.hashCount
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: hashCount) { bins in
            // UInt64.max marks an empty bin: a minimum is at most 32 bits.
            bins.initialize(repeating: .max)
            shingles.withUnsafeBufferPointer { shingles in
                for shingle in shingles {
                    let bin = Self.bin(shingle >> 32, of: hashCount)
                    bins[bin] = min(bins[bin], shingle & 0xFFFF_FFFF)
                }
            }
            return [UInt8](unsafeUninitializedCapacity: hashCount) { signature, initialized in
                for bin in 0..<hashCount {
                    var minimum = bins[bin]
                    if minimum == .max { minimum = bins[filledBin(probing: bin, bins: UnsafeBufferPointer(bins))] }
                    signature[bin] = UInt8(truncatingIfNeeded: minimum)
                }
                initialized = hashCount
            }
        }
    }

    /// The first bin holding a shingle on `bin`'s probe sequence: a linear congruential walk
    /// from the bin's seed, whose high 32 bits pick the next bin (a multiply per step; a text of
    /// one shingle takes about `hashCount` steps for each of its empty bins).
    private func filledBin(probing bin: Int, bins: UnsafeBufferPointer<UInt64>) -> Int {
        var state = probeSeeds[bin]
        // With one bin filled, the walk misses it for 64 × hashCount steps with probability
        // about e^-64: the bound is only there to make the loop certain to end.
        for _ in 0..<(64 * hashCount) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let candidate = Self.bin(state >> 32, of: hashCount)
            if bins[candidate] != .max { return candidate }
        }
        return bins.indices.first { bins[$0] != .max }!
    }

    /// Maps a uniform 32-bit value to 0..<count without division (multiply-shift).
    @inline(__always)
    private static func bin(_ value32: UInt64, of count: Int) -> Int {
        Int(truncatingIfNeeded: (value32 &* UInt64(truncatingIfNeeded: count)) >> 32)
    }

    /// Unbiased resemblance estimate from the count of equal bytes: agreement by chance is 1/256.
    static func resemblance(equalPositions: Int, of hashCount: Int) -> Double {
        let observed = Double(equalPositions) / Double(hashCount)
        return max(0, (observed - 1.0 / 256) / (1 - 1.0 / 256))
    }
}
