/// The decision: exact lookup, LSH candidates, then resemblance, containment and guards.
extension DuplicateIndex {
    /// Decides without inserting (the first half of `ingest`).
    package func decide(_ fingerprint: StoryFingerprint) -> DedupDecision {
        if liveSlot(of: fingerprint.storyID) != nil {
            return .duplicate(of: fingerprint.id, match: .exact, similarity: 1)
        }
        guard fingerprint.shingleCount > 0 else { return .new(id: fingerprint.id) }
        var best: (slot: Int, verdict: NearVerdict)?
        for slot in candidates(of: fingerprint) {
            guard let verdict = judge(fingerprint, against: slot) else { continue }
            if best == nil || verdict.resemblance > best!.verdict.resemblance
                || (verdict.resemblance == best!.verdict.resemblance && slot < best!.slot) {
                best = (slot, verdict)
            }
        }
        guard let best else { return .new(id: fingerprint.id) }
        return .duplicate(of: columns.id(at: best.slot).hex, match: best.verdict.match,
                          similarity: best.verdict.similarity)
    }

    /// Live slots sharing the lead key, a short body's headline key or at least one LSH band with
    /// the fingerprint, at most `maxCandidates`.
    func candidates(of fingerprint: StoryFingerprint) -> [Int] {
        var found: [Int] = []
        let limit = configuration.maxCandidates
        let keys = bandKeys
        let hashCount = configuration.hashCount
        fingerprint.signature.withUnsafeBufferPointer { signature in
            let bandHashes = (0..<keys.bandCount).map { keys.hash(band: $0, signature: signature) }
            var touched: UInt32 = 0
            for band in 0..<keys.bandCount { touched |= bandTables[band].touch(hash: bandHashes[band]) }
            columns.signatures.withUnsafeBufferPointer { stored in
                // A key table (lead key, or a short body's headline key) files slots by a key column.
                func collect(_ key: UInt32, in table: SlotTable, keyColumn: [UInt32]) {
                    let seed = keys.seed
                    table.forEachSlot(of: Self.leadHash(key, seed: seed), rehash: { Self.leadHash(keyColumn[$0], seed: seed) }) { slot in
                        if keyColumn[slot] == key, columns.isLive(slot), !found.contains(slot) {
                            found.append(slot)
                        }
                        return found.count < limit
                    }
                }
                if fingerprint.leadKey != 0 {
                    collect(fingerprint.leadKey, in: leadTable, keyColumn: columns.leadKeys)
                }
                if fingerprint.headlineKey != 0, fingerprint.isShortBody, found.count < limit {
                    collect(fingerprint.headlineKey, in: headlineTable, keyColumn: columns.headlineKeys)
                }
                // Every home entry empty: no band has a candidate (and the reads above are used).
                for band in 0..<keys.bandCount where found.count < limit && touched != 0 {
                    let rehash = { (slot: Int) in keys.hash(band: band, signature: stored, offset: slot * hashCount) }
                    bandTables[band].forEachSlot(of: bandHashes[band], rehash: rehash) { slot in
                        if keys.bandsEqual(band: band, signature, stored, secondOffset: slot * hashCount), columns.isLive(slot),
                            !found.contains(slot)
                        {
                            found.append(slot)
                        }
                        return found.count < limit
                    }
                }
            }
        }
        return found
    }

    /// Why a candidate is (or is not) the same story; nil when it is not.
    func judge(_ fingerprint: StoryFingerprint, against slot: Int) -> NearVerdict? {
        let evidence = evidence(fingerprint, against: slot)
        return NearVerdict(evidence, configuration)
    }

    func evidence(_ fingerprint: StoryFingerprint, against slot: Int) -> MatchEvidence {
        let hashCount = configuration.hashCount
        let equal = fingerprint.signature.withUnsafeBufferPointer { signature in
            columns.signatures.withUnsafeBufferPointer { stored in
                SignatureComparison.equalBytes(signature, stored, offset: slot * hashCount)
            }
        }
        let oldNumbers = columns.numberMask(at: slot)
        let oldNames = columns.nameMasks[slot]
        let oldLeadNumbers = columns.leadNumberMask(at: slot)
        return MatchEvidence(
            resemblance: MinHasher.resemblance(equalPositions: equal, of: hashCount),
            oldShingles: Int(columns.shingleCounts[slot]),
            newShingles: fingerprint.shingleCount,
            numbersOnlyOld: oldNumbers.countMissing(from: fingerprint.numberMask),
            numbersOnlyNew: fingerprint.numberMask.countMissing(from: oldNumbers),
            leadNumbersOnlyOld: (oldLeadNumbers & ~fingerprint.leadNumberMask).nonzeroBitCount,
            leadNumbersOnlyNew: (fingerprint.leadNumberMask & ~oldLeadNumbers).nonzeroBitCount,
            namesOnlyOld: (oldNames & ~fingerprint.leadNameMask).nonzeroBitCount,
            namesOnlyNew: (fingerprint.leadNameMask & ~oldNames).nonzeroBitCount,
            sameLead: fingerprint.leadKey != 0 && fingerprint.leadKey == columns.leadKeys[slot],
            newIsLead: fingerprint.bodyIsLead,
            sameHeadline: fingerprint.headlineKey != 0 && fingerprint.headlineKey == columns.headlineKeys[slot],
            bothShort: fingerprint.isShortBody && columns.shortBodyWords[slot] != 0,
            shortBodyWordsOnlyOld: (columns.shortBodyWords[slot] & ~fingerprint.shortBodyWords).nonzeroBitCount,
            shortBodyWordsOnlyNew: (fingerprint.shortBodyWords & ~columns.shortBodyWords[slot]).nonzeroBitCount)
    }
}

/// What the signatures and masks say about a pair (first sighting "old", occurrence "new").
struct MatchEvidence: Sendable, Equatable {
    var resemblance: Double
    var oldShingles: Int
    var newShingles: Int
    var numbersOnlyOld: Int
    var numbersOnlyNew: Int
    var leadNumbersOnlyOld: Int
    var leadNumbersOnlyNew: Int
    var namesOnlyOld: Int
    var namesOnlyNew: Int
    /// The bodies open with the same words (`StoryFingerprint.leadKey`).
    var sameLead: Bool
    /// The occurrence's body is no more than the words of its lead key (`StoryFingerprint.bodyIsLead`).
    var newIsLead: Bool = false
    /// The headlines fold to the same words (`StoryFingerprint.headlineKey`).
    var sameHeadline: Bool = false
    /// Both bodies are short (`StoryFingerprint.isShortBody`); then the bits of each body's
    /// word mask the other lacks.
    var bothShort: Bool = false
    var shortBodyWordsOnlyOld: Int = 0
    var shortBodyWordsOnlyNew: Int = 0

    /// Estimated share of the smaller shingle set inside the larger: from J = |A∩B| / |A∪B|,
    /// |A∩B| = J (|A| + |B|) / (1 + J). Known, not estimated, when the occurrence is just the
    /// lead it shares: a copy cut to a one-sentence lead has a handful of shingles, too few
    /// for a 60-bin signature to estimate anything of.
    var containment: Double {
        if sameLead && newIsLead { return 1 }
        let smaller = min(oldShingles, newShingles)
        guard smaller > 0 else { return 0 }
        let shared = resemblance * Double(oldShingles + newShingles) / (1 + resemblance)
        return min(1, shared / Double(smaller))
    }
}

/// An accepted near match and how to report it.
struct NearVerdict: Sendable, Equatable {
    var match: DuplicateMatch
    var similarity: Double
    var resemblance: Double

    init?(_ evidence: MatchEvidence, _ configuration: DedupConfiguration) {
        let resemblance = evidence.resemblance
        let containment = evidence.containment
        // Two short bodies under the same headline that differ in a word or two: the headline
        // vouches for what so few shingles cannot ("… mediante el patrocinio …" copied as
        // "… mediante patrocinio …" keeps 5 of 8).
        let shortUnderItsHeadline = configuration.shortBodyChangedBits > 0 && evidence.sameHeadline && evidence.bothShort
            && evidence.shortBodyWordsOnlyOld + evidence.shortBodyWordsOnlyNew <= configuration.shortBodyChangedBits
        let resembles = resemblance >= configuration.resemblanceThreshold || shortUnderItsHeadline
        // The same opening words vouch for a copy cut down to its lead, however short; under the
        // same headline too, for a lower estimate of containment.
        let containmentNeeded = evidence.sameLead && evidence.sameHeadline
            ? configuration.sameLeadAndHeadlineContainment : configuration.containmentThreshold
        let contained = containment >= containmentNeeded
            && (resemblance >= configuration.containmentMinimumResemblance || evidence.sameLead)
        guard resembles || contained else { return nil }
        if Self.differs(evidence.numbersOnlyOld, evidence.numbersOnlyNew, minimum: configuration.numberGuardMinimum)
            || Self.differs(evidence.leadNumbersOnlyOld, evidence.leadNumbersOnlyNew, minimum: configuration.numberGuardMinimum)
            || Self.differs(evidence.namesOnlyOld, evidence.namesOnlyNew, minimum: configuration.nameGuardMinimum) {
            return nil
        }
        self.resemblance = resemblance
        let grew = Double(evidence.newShingles) >= Double(evidence.oldShingles) * (1 + configuration.updateGrowth)
        if contained, grew {
            match = .update
            similarity = containment
        } else {
            match = .near
            similarity = resemblance >= configuration.resemblanceThreshold || !contained ? resemblance : containment
        }
    }

    /// A guard trips when each side has something the other lacks: a substitution, not a cut or
    /// an addition.
    private static func differs(_ onlyOld: Int, _ onlyNew: Int, minimum: Int) -> Bool {
        minimum > 0 && onlyOld >= minimum && onlyNew >= minimum
    }
}

enum SignatureComparison {
    /// Number of positions where two signatures hold the same byte, eight bytes at a time.
    @inline(__always)
    static func equalBytes(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>, offset: Int) -> Int {
        let count = first.count
        var equal = 0
        var index = 0
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while index + 8 <= count {
            let a = UnsafeRawPointer(first.baseAddress! + index).loadUnaligned(as: UInt64.self)
            let b = UnsafeRawPointer(second.baseAddress! + offset + index).loadUnaligned(as: UInt64.self)
            let x = a ^ b
            // High bit of each byte of `zero` is set exactly where that byte of x is zero.
            let zero = ~(((x & low7) &+ low7) | x | low7)
            equal += zero.nonzeroBitCount
            index += 8
        }
        while index < count {
            if first[index] == second[offset + index] { equal += 1 }
            index += 1
        }
        return equal
    }
}
