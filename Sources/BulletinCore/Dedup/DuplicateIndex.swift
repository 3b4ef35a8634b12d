/// Decides, for each story occurrence, whether it was seen before — exactly (same normalized
/// text) or nearly (MinHash + LSH candidates, then an estimate of resemblance and containment
/// with guards on figures and names) — in memory that does not hold texts.
///
/// A value type: the daemon owns one inside an actor. Lookups cost the same at 10 thousand and
/// at a million stories: one exact-table probe, `bandCount` band-table probes, at most
/// `maxCandidates` signature comparisons; and a table holds at most `maxCandidates` entries of
/// one key, each at a home of its own, so thousands of look-alikes sharing keys cannot lengthen
/// the walks of other lookups (`SlotTable`).
package struct DuplicateIndex: Sendable {
    package let configuration: DedupConfiguration
    let fingerprinter: StoryFingerprinter
    let bandKeys: BandKeys
    var columns: IndexColumns
    /// id → slot, keyed by the id's first word.
    var exactTable: SlotTable
    /// Lead key → slots (`StoryFingerprint.leadKey`).
    var leadTable: SlotTable
    /// Headline key → slots of short bodies (`StoryFingerprint.headlineKey`, `isShortBody`).
    var headlineTable: SlotTable
    /// One table per LSH band: band key → slots.
    var bandTables: [SlotTable]
    var deadCount: Int
    /// Versions of wire stories and their first sightings (`VersionLinking.swift`, #15).
    package internal(set) var versions = VersionIndex()

    package init(configuration: DedupConfiguration = .default) {
        self.configuration = configuration
        fingerprinter = StoryFingerprinter(configuration)
        bandKeys = BandKeys(configuration)
        columns = IndexColumns(hashCount: configuration.hashCount)
        exactTable = SlotTable()
        leadTable = SlotTable()
        headlineTable = SlotTable()
        bandTables = Array(repeating: SlotTable(), count: configuration.bandCount)
        deadCount = 0
    }

    /// Stories currently indexed (first sightings not evicted).
    package var count: Int { columns.count - deadCount }

    /// Bytes held by the index's arrays (columns and tables, without spare array capacity).
    package var memoryFootprint: Int {
        columns.byteCount + 4 * (exactTable.capacity + leadTable.capacity + headlineTable.capacity + bandTables.reduce(0) { $0 + $1.capacity })
    }

    /// Featurizes a story with this index's configuration (pure; the costly part of `ingest`).
    package func fingerprint(_ story: Story) -> StoryFingerprint { fingerprinter.fingerprint(story) }

    /// Decide for one story occurrence; if it is new, insert it (so a later occurrence in the
    /// SAME bulletin can match it). `receivedAt` is seconds since the epoch, for the optional
    /// time-window eviction.
    package mutating func ingest(_ story: Story, receivedAt: Double) -> DedupDecision {
        ingest(fingerprint(story), receivedAt: receivedAt)
    }

    /// `ingest` of a story fingerprinted beforehand, with this index's configuration.
    package mutating func ingest(_ fingerprint: StoryFingerprint, receivedAt: Double) -> DedupDecision {
        let decision = decide(fingerprint)
        if case .new = decision { insert(fingerprint, receivedAt: receivedAt) }
        return decision
    }

    /// Rebuild from the store: re-insert a first-sighted story with its recorded id (no
    /// decision). Idempotent: an id already indexed is skipped, as is an id that is not 32 hex
    /// digits (it cannot have come from `StoryID(of:)`).
    package mutating func restore(id: String, headline: String, bodyText: String, receivedAt: Double) {
        guard let storyID = StoryID(hex: id), liveSlot(of: storyID) == nil else { return }
        let fingerprint = fingerprinter.fingerprint(headline: headline, bodyText: bodyText)
        insert(fingerprint, as: storyID, receivedAt: receivedAt)
    }

    /// Inserts a first sighting under its own id without deciding (the second half of `ingest`).
    package mutating func insert(_ fingerprint: StoryFingerprint, receivedAt: Double) {
        insert(fingerprint, as: fingerprint.storyID, receivedAt: receivedAt)
    }

    /// Optional window: evict stories older than `olderThan` seconds since the epoch (at
    /// whole-second resolution). Space is reclaimed once a quarter of the slots are evicted.
    package mutating func evict(olderThan cutoff: Double) {
        let limit = UInt32(storySeconds: cutoff.rounded(.down))
        columns.receivedAt.withUnsafeMutableBufferPointer { times in
            for slot in times.indices where times[slot] < limit {
                times[slot] = IndexColumns.deadMark
                deadCount += 1
            }
        }
        if deadCount > 0, deadCount * 4 >= columns.count { compact() }
    }

    /// Applies `configuration.retentionWindow`, if any, relative to `now`.
    package mutating func evictExpired(now: Double) {
        guard let window = configuration.retentionWindow else { return }
        evict(olderThan: now - window)
    }

    // MARK: - Inserting

    func liveSlot(of id: StoryID) -> Int? {
        var found: Int?
        let idWords = columns.idWords
        exactTable.forEachSlot(of: id.high, rehash: { idWords[2 * $0] }) { slot in
            if idWords[2 * slot + 1] == id.low, columns.isLive(slot) {
                found = slot
                return false
            }
            return true
        }
        return found
    }

    mutating func insert(_ fingerprint: StoryFingerprint, as id: StoryID, receivedAt: Double) {
        if columns.count >= SlotTable.maximumSlot { makeRoom() }
        let slot = columns.append(id: id, fingerprint: fingerprint, receivedAt: UInt32(storySeconds: receivedAt))
        let idWords = columns.idWords
        exactTable.insert(slot: slot, hash: id.high) { idWords[2 * $0] }
        if fingerprint.leadKey != 0 {
            let leadKeys = columns.leadKeys
            let seed = configuration.seed
            leadTable.insert(slot: slot, hash: Self.leadHash(fingerprint.leadKey, seed: seed), cap: configuration.maxCandidates) {
                Self.leadHash(leadKeys[$0], seed: seed)
            }
        }
        if fingerprint.headlineKey != 0, fingerprint.isShortBody {
            let keys = columns.headlineKeys
            let seed = configuration.seed
            headlineTable.insert(slot: slot, hash: Self.leadHash(fingerprint.headlineKey, seed: seed), cap: configuration.maxCandidates) {
                Self.leadHash(keys[$0], seed: seed)
            }
        }
        guard fingerprint.shingleCount > 0 else { return }
        let signatures = columns.signatures
        let keys = bandKeys
        let hashCount = configuration.hashCount
        fingerprint.signature.withUnsafeBufferPointer { signature in
            for band in 0..<keys.bandCount {
                bandTables[band].insert(slot: slot, hash: keys.hash(band: band, signature: signature), cap: configuration.maxCandidates) { other in
                    signatures.withUnsafeBufferPointer { keys.hash(band: band, signature: $0, offset: other * hashCount) }
                }
            }
        }
    }

    /// The table hash of a 32-bit key (a lead key, or a short body's headline key).
    @inline(__always)
    static func leadHash(_ leadKey: UInt32, seed: UInt64) -> UInt64 {
        StableHash.mix(UInt64(leadKey) ^ (seed << 1))
    }

    /// Drops evicted slots and rebuilds the tables for the live ones, preserving order.
    mutating func compact() {
        let live = (0..<columns.count).filter { columns.isLive($0) }
        columns = columns.keeping(live)
        deadCount = 0
        rebuildTables()
    }

    /// Only reached after 67 million first sightings without eviction: keep the newest 90 %.
    private mutating func makeRoom() {
        if deadCount == 0 {
            let times = columns.receivedAt.sorted()
            evict(olderThan: Double(times[times.count / 10]))
        }
        compact()
    }

    /// Sizes the tables for `additional` more stories now, so that a back-fill which expects
    /// that many rebuilds them once instead of growing each of them every 40 % (each growth
    /// re-reads every slot's signature).
    package mutating func reserveCapacity(forAdditional additional: Int) {
        guard SlotTable.capacity(toHold: columns.count + additional) > exactTable.capacity else { return }
        rebuildTables(toHold: columns.count + additional)
    }

    /// Rebuilds every table for the columns, oldest first, with the cap on entries per key (also
    /// what gives a snapshot made before the cap its tables of today).
    mutating func rebuildTables(toHold stories: Int? = nil) {
        let capacity = SlotTable.capacity(toHold: stories ?? columns.count)
        let cap = configuration.maxCandidates
        exactTable = SlotTable(capacity: capacity)
        bandTables = Array(repeating: SlotTable(capacity: capacity), count: configuration.bandCount)
        let idWords = columns.idWords
        let leadKeys = columns.leadKeys
        let seed = configuration.seed
        leadTable = SlotTable(capacity: capacity)
        headlineTable = SlotTable(capacity: capacity)
        let headlineKeys = columns.headlineKeys
        let shortBodyWords = columns.shortBodyWords
        for slot in 0..<columns.count {
            exactTable.insert(slot: slot, hash: idWords[2 * slot]) { idWords[2 * $0] }
            let leadKey = leadKeys[slot]
            if leadKey != 0 {
                leadTable.insert(slot: slot, hash: Self.leadHash(leadKey, seed: seed), cap: cap) { Self.leadHash(leadKeys[$0], seed: seed) }
            }
            let headlineKey = headlineKeys[slot]
            if headlineKey != 0, shortBodyWords[slot] != 0 {
                headlineTable.insert(slot: slot, hash: Self.leadHash(headlineKey, seed: seed), cap: cap) {
                    Self.leadHash(headlineKeys[$0], seed: seed)
                }
            }
        }
        let keys = bandKeys
        let hashCount = configuration.hashCount
        columns.signatures.withUnsafeBufferPointer { signatures in
            for band in 0..<keys.bandCount {
                for slot in 0..<columns.count where columns.shingleCounts[slot] > 0 {
                    let hash = keys.hash(band: band, signature: signatures, offset: slot * hashCount)
                    bandTables[band].insert(slot: slot, hash: hash, cap: cap) { keys.hash(band: band, signature: signatures, offset: $0 * hashCount) }
                }
            }
        }
    }
}
