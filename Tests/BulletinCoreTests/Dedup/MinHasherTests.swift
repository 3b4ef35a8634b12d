@testable import BulletinCore
import Testing

/// One-permutation minhash with optimal densification (`MinHasher`): the signature is a function
/// of the set alone, and equal positions estimate the Jaccard resemblance without bias and with
/// about the spread of independent positions, tiny sets included.
@Suite struct MinHasherTests {
    /// Well-mixed, distinct 64-bit values standing in for shingle hashes.
    static func hashes(_ count: Int, from first: Int) -> [UInt64] {
        (first..<(first + count)).map { StableHash.mix(UInt64($0)) }
    }

    @Test("a set's signature ignores the order and the repeats of its shingles", arguments: [1, 2, 5, 60, 400])
    func signatureIsOfTheSet(size: Int) {
        let hasher = MinHasher(hashCount: 60, seed: 9)
        let shingles = Self.hashes(size, from: 1_000)
        let signature = hasher.signature(of: shingles)
        #expect(signature.count == 60)
        #expect(hasher.signature(of: shingles.reversed() + shingles.prefix(3) + shingles) == signature)
        // Densification depends on the bin and the seed only: a hasher made again agrees.
        #expect(MinHasher(hashCount: 60, seed: 9).signature(of: shingles) == signature)
    }

    @Test("one shingle fills every position from its own bin; another seed walks other bins")
    func oneShingleFillsEveryPosition() {
        let shingle: UInt64 = 0x0123_4567_89AB_CDEF
        let signature = MinHasher(hashCount: 60, seed: 9).signature(of: [shingle])
        #expect(signature == [UInt8](repeating: 0xEF, count: 60))
        // Two shingles: every empty bin borrows from one of the two, and both get borrowed from.
        let pair = Self.hashes(2, from: 7)
        let bytes = Set(pair.map { UInt8(truncatingIfNeeded: $0) })
        let two = MinHasher(hashCount: 60, seed: 9).signature(of: pair)
        #expect(Set(two) == bytes)
        #expect(MinHasher(hashCount: 60, seed: 10).signature(of: pair) != two)
    }

    @Test("the estimate tracks the true resemblance, for tiny sets too", arguments: [
        (shared: 1, onlyEach: 0), (shared: 1, onlyEach: 1), (shared: 2, onlyEach: 1), (shared: 1, onlyEach: 2),
        (shared: 3, onlyEach: 1), (shared: 0, onlyEach: 3), (shared: 10, onlyEach: 5), (shared: 40, onlyEach: 40),
        (shared: 150, onlyEach: 20), (shared: 300, onlyEach: 150), (shared: 900, onlyEach: 50),
    ])
    func estimateTracksJaccard(shared: Int, onlyEach: Int) {
        let hashCount = 60
        let jaccard = Double(shared) / Double(shared + 2 * onlyEach)
        let trials = 400
        var sum = 0.0, squaredError = 0.0
        for trial in 0..<trials {
            // Fresh random sets and a fresh seed each trial.
            let base = trial * 10_000
            let common = Self.hashes(shared, from: base)
            let first = common + Self.hashes(onlyEach, from: base + 3_000)
            let second = common + Self.hashes(onlyEach, from: base + 6_000)
            let hasher = MinHasher(hashCount: hashCount, seed: UInt64(trial))
            let equal = zip(hasher.signature(of: first), hasher.signature(of: second)).filter { $0 == $1 }.count
            let estimate = MinHasher.resemblance(equalPositions: equal, of: hashCount)
            sum += estimate
            squaredError += (estimate - jaccard) * (estimate - jaccard)
        }
        // Unbiased: the mean of 400 estimates is within 0.02 of J (its own error is ≤ 0.004;
        // clamping at 0 lifts the mean near J = 0 by about 0.005).
        #expect(abs(sum / Double(trials) - jaccard) < 0.02)
        // Nearly as precise as 60 independent positions (binomial variance, plus the 1/256
        // chance agreements of b-bit values). Tiny sets lose some: two of their shingles may
        // share a bin, whatever the densification (1.4–1.8× here), and the few bytes of two
        // disjoint ones are copied to many positions, so one chance agreement counts many times
        // (the 0.001). Borrowing from the next filled bin instead would make a tiny set's
        // positions move together: 10–15× the independent variance, tried.
        let independent = (jaccard * (1 - jaccard) + 1.0 / 256) / Double(hashCount)
        #expect(squaredError / Double(trials) < 2.5 * independent + 0.001)
    }
}
