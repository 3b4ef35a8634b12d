/// The per-story data the index keeps (its columns; not `StoryRecord`, a store line), as parallel arrays of integers (no texts, no objects):
/// about 130 bytes a story with the default 60-byte signature.
struct IndexColumns: Sendable, Equatable {
    /// Marks an evicted slot in `receivedAt` until the next compaction removes it.
    static let deadMark = UInt32.max

    let hashCount: Int
    /// Two words per slot: the 16-byte id, needed to answer `duplicate(of:)`.
    var idWords: [UInt64] = []
    /// `hashCount` bytes per slot: the b-bit minhash signature, which is also the source of the
    /// LSH band keys (so tables never store keys).
    var signatures: [UInt8] = []
    /// Whole seconds since the epoch of the first sighting, or `deadMark`.
    var receivedAt: [UInt32] = []
    /// Distinct shingles (saturating at 65,535), for containment estimates.
    var shingleCounts: [UInt16] = []
    /// Three words per slot: the numbers guard's body mask (two words) and lead mask.
    var numberMasks: [UInt64] = []
    /// The names guard's 64-bit mask.
    var nameMasks: [UInt64] = []
    /// `StoryFingerprint.leadKey`, to find the slot again when the lead table grows.
    var leadKeys: [UInt32] = []
    /// `StoryFingerprint.headlineKey` and `shortBodyWords` (not 0 only for a short body).
    var headlineKeys: [UInt32] = []
    var shortBodyWords: [UInt64] = []

    init(hashCount: Int) {
        self.hashCount = hashCount
    }

    var count: Int { receivedAt.count }

    mutating func append(id: StoryID, fingerprint: StoryFingerprint, receivedAt time: UInt32) -> Int {
        idWords.append(id.high)
        idWords.append(id.low)
        signatures.append(contentsOf: fingerprint.signature)
        receivedAt.append(time)
        shingleCounts.append(UInt16(clamping: fingerprint.shingleCount))
        numberMasks.append(fingerprint.numberMask.low)
        numberMasks.append(fingerprint.numberMask.high)
        numberMasks.append(fingerprint.leadNumberMask)
        nameMasks.append(fingerprint.leadNameMask)
        leadKeys.append(fingerprint.leadKey)
        headlineKeys.append(fingerprint.headlineKey)
        shortBodyWords.append(fingerprint.shortBodyWords)
        return receivedAt.count - 1
    }

    func id(at slot: Int) -> StoryID { StoryID(high: idWords[2 * slot], low: idWords[2 * slot + 1]) }
    func isLive(_ slot: Int) -> Bool { receivedAt[slot] != Self.deadMark }
    func numberMask(at slot: Int) -> FeatureMask {
        FeatureMask(low: numberMasks[3 * slot], high: numberMasks[3 * slot + 1])
    }
    func leadNumberMask(at slot: Int) -> UInt64 { numberMasks[3 * slot + 2] }

    /// The records of `slots`, in that order.
    func keeping(_ slots: [Int]) -> IndexColumns {
        var kept = IndexColumns(hashCount: hashCount)
        kept.idWords.reserveCapacity(2 * slots.count)
        kept.signatures.reserveCapacity(hashCount * slots.count)
        kept.receivedAt.reserveCapacity(slots.count)
        kept.shingleCounts.reserveCapacity(slots.count)
        kept.numberMasks.reserveCapacity(3 * slots.count)
        kept.nameMasks.reserveCapacity(slots.count)
        kept.leadKeys.reserveCapacity(slots.count)
        kept.headlineKeys.reserveCapacity(slots.count)
        kept.shortBodyWords.reserveCapacity(slots.count)
        for slot in slots {
            kept.idWords.append(contentsOf: idWords[(2 * slot)..<(2 * slot + 2)])
            kept.signatures.append(contentsOf: signatures[(hashCount * slot)..<(hashCount * slot + hashCount)])
            kept.receivedAt.append(receivedAt[slot])
            kept.shingleCounts.append(shingleCounts[slot])
            kept.numberMasks.append(contentsOf: numberMasks[(3 * slot)..<(3 * slot + 3)])
            kept.nameMasks.append(nameMasks[slot])
            kept.leadKeys.append(leadKeys[slot])
            kept.headlineKeys.append(headlineKeys[slot])
            kept.shortBodyWords.append(shortBodyWords[slot])
        }
        return kept
    }

    /// Bytes held by the arrays' elements (not their spare capacity).
    var byteCount: Int {
        idWords.count * 8 + signatures.count + receivedAt.count * 4 + shingleCounts.count * 2
            + numberMasks.count * 8 + nameMasks.count * 8 + leadKeys.count * 4
            + headlineKeys.count * 4 + shortBodyWords.count * 8
    }
}

extension UInt32 {
    /// Seconds since the epoch, clamped to what a record can hold (below the dead mark).
    init(storySeconds seconds: Double) {
        guard seconds.isFinite, seconds > 0 else {
            self = 0
            return
        }
        self = seconds >= Double(IndexColumns.deadMark - 1) ? IndexColumns.deadMark - 1 : UInt32(seconds)
    }
}
