/// Tuning of `DuplicateIndex`. The defaults are justified by `make dedup-eval` (precision,
/// recall and F1 on the labeled corpus; `scripts/dedup-eval.sh --sweep` shows each default
/// against its neighbours) and `DedupBenchmark` (memory, speed).
package struct DedupConfiguration: Sendable, Equatable {
    // MARK: Layout — part of the snapshot format; a snapshot made with other values is refused.

    /// Words per shingle. 3 keeps common phrases from matching while one edited word
    /// disturbs only 3 shingles.
    package var shingleSize: Int
    /// MinHash values kept per story (one byte each: b-bit minhash with b = 8), which is also the
    /// number of one-permutation bins (`MinHasher`).
    package var hashCount: Int
    /// LSH bands (each an open-addressing table of story slots) and rows per band.
    /// `bandCount * rowsPerBand` must not exceed `hashCount`. 20 × 3 finds a candidate with
    /// probability 1 - (1 - J³)²⁰: 0.93 at resemblance 0.5, 0.999 at 0.7 (a trimmed copy that keeps
    /// the lead is also found through the lead key).
    package var bandCount: Int
    package var rowsPerBand: Int
    /// Seed of the shingle hashes (the minhash permutation) and of the densification walks;
    /// fixed so ids, signatures and snapshots agree everywhere.
    package var seed: UInt64

    // MARK: Decision — may change between runs without invalidating a snapshot.

    /// Estimated Jaccard resemblance of the word-shingle sets at or above which two bodies are
    /// near duplicates.
    package var resemblanceThreshold: Double
    /// Estimated share of the shorter body's shingles found in the longer one at or above which
    /// a trimmed or extended copy is a duplicate…
    package var containmentThreshold: Double
    /// …provided the resemblance is at least this (a one-paragraph brief is not a "trimmed copy"
    /// of a long feature that happens to quote it).
    package var containmentMinimumResemblance: Double
    /// Containment enough when the bodies open with the same words under the same headline: a
    /// copy trimmed to a short body has few shingles, whose estimate of being inside the
    /// original comes out low (0.61 for a two-paragraph story cut to its first sentence).
    package var sameLeadAndHeadlineContainment: Double
    /// Two short bodies (`StoryFingerprint.shortBodyShingles`) under the same headline are near
    /// duplicates when their word masks (two bits a word) differ in at most this many bits: a
    /// word cut (up to 2) or changed (up to 4); the guards still apply. 0 turns this off.
    package var shortBodyChangedBits: Int
    /// An occurrence that contains the first sighting and has this much more (0.15 = 15 %)
    /// shingles is reported as `.update` instead of `.near`.
    package var updateGrowth: Double
    /// Numbers guard: figures present in each text and absent from the other (a recurring
    /// series with new figures, a corrected toll) keep two stories apart. The value is how many
    /// differing figures each side must have; 0 turns the guard off.
    package var numberGuardMinimum: Int
    /// Names guard: capitalized words of the lead paragraph present in each text and absent
    /// from the other (templated briefs that differ in the company) keep two stories apart.
    /// 0 turns the guard off.
    package var nameGuardMinimum: Int
    /// How many words of the first paragraph count as the lead for the names guard.
    package var leadWordLimit: Int
    /// At most this many distinct candidates are checked per lookup, so a long-running
    /// templated series cannot make lookups grow with the store.
    package var maxCandidates: Int
    /// Optional time window in seconds: `evictExpired(now:)` drops stories first seen longer
    /// ago than this. nil keeps every story.
    package var retentionWindow: Double?

    package init(
        shingleSize: Int = 3,
        hashCount: Int = 60,
        bandCount: Int = 20,
        rowsPerBand: Int = 3,
        seed: UInt64 = 0x6275_6C6C_6574_696E,  // "bulletin"
        resemblanceThreshold: Double = 0.6,
        containmentThreshold: Double = 0.7,
        containmentMinimumResemblance: Double = 0.3,
        sameLeadAndHeadlineContainment: Double = 0.5,
        shortBodyChangedBits: Int = 4,
        updateGrowth: Double = 0.15,
        numberGuardMinimum: Int = 1,
        nameGuardMinimum: Int = 1,
        leadWordLimit: Int = 60,
        maxCandidates: Int = 64,
        retentionWindow: Double? = nil
    ) {
        precondition(shingleSize >= 1 && hashCount >= 1 && bandCount >= 1 && rowsPerBand >= 1)
        precondition(bandCount * rowsPerBand <= hashCount && rowsPerBand <= 8)
        self.shingleSize = shingleSize
        self.hashCount = hashCount
        self.bandCount = bandCount
        self.rowsPerBand = rowsPerBand
        self.seed = seed
        self.resemblanceThreshold = resemblanceThreshold
        self.containmentThreshold = containmentThreshold
        self.containmentMinimumResemblance = containmentMinimumResemblance
        self.sameLeadAndHeadlineContainment = sameLeadAndHeadlineContainment
        self.shortBodyChangedBits = shortBodyChangedBits
        self.updateGrowth = updateGrowth
        self.numberGuardMinimum = numberGuardMinimum
        self.nameGuardMinimum = nameGuardMinimum
        self.leadWordLimit = leadWordLimit
        self.maxCandidates = maxCandidates
        self.retentionWindow = retentionWindow
    }

    package static let `default` = DedupConfiguration()

    /// Identifies everything that shapes stored signatures and tables; written into snapshots.
    var layoutFingerprint: UInt64 {
        var hash = StableHash.mix(UInt64(FeatureVersion.current))
        for value in [UInt64(shingleSize), UInt64(hashCount), UInt64(bandCount), UInt64(rowsPerBand), seed] {
            hash = StableHash.combine(hash, value)
        }
        return hash
    }
}

/// Bumped whenever folding, shingling or guard features change meaning, so old snapshots are
/// refused and the daemon rebuilds from its store. 3: one-permutation minhash over polynomial
/// shingle hashes (signatures of version 2 were 60 independent minima), and token hashes by
/// `StableHash.word` (they were FNV-1a). 4: a character of Han or kana is a token of its own,
/// and Arabic and Hebrew optional marks are left out of token hashes (story ids unchanged: the
/// folded bytes are the same; a version-3 snapshot is rebuilt from the store at the first start).
/// 5: a Hangul syllable is a token of its own too, and a short first paragraph (6–11 words) is
/// the lead key by itself (ids unchanged again; a version-4 snapshot is rebuilt from the store).
/// 6: a short body's headline key and word mask are kept (ids unchanged; a version-5 snapshot
/// has no such columns and is rebuilt from the store).
enum FeatureVersion {
    static let current = 6
}
