import Testing

@testable import BulletinCore

/// Issue #14, finding 3: thousands of templated look-alikes share band and lead keys. Under
/// linear probing every entry of one key sat in one run, which every lookup landing in it walked
/// to the end (16,000 of them made lookups 20–200 times slower, `make bench-dedup` shows the
/// figures). Each table now holds at most `maxCandidates` entries of one key.
@Suite("Look-alikes")
struct LookAlikeTests {
    /// A dividend brief: one wording, its own company, figures and dates (a new story each).
    static func lookAlike(_ number: Int) -> Story {
        let company = "Company\(String(number, radix: 26)) Holdings"
        return Story(
            headline: "\(company) declares quarterly dividend",
            paragraphs: [
                "The board of directors of \(company) declared a regular quarterly dividend of \(10 + number % 90) cents per share, "
                    + "payable on March \(1 + number % 28) to shareholders of record on February \(1 + number % 28), the company said.",
                "The dividend is unchanged from the previous quarter. The company has paid a dividend every quarter since \(1950 + number % 70).",
            ])
    }

    /// An ordinary story of made-up words, like no other.
    static func ordinary(_ number: Int) -> Story {
        var state = UInt64(number) &* 0x9E37_79B9_7F4A_7C15 &+ 17
        func next(_ bound: Int) -> Int {
            state = StableHash.mix(state &+ 0x9E37_79B9_7F4A_7C15)
            return Int(state % UInt64(bound))
        }
        let syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "ul", "esh", "dri", "po", "sun", "gar", "fel", "ni", "zo", "bel"]
        func word() -> String { (0..<(2 + next(2))).map { _ in syllables[next(syllables.count)] }.joined() }
        func words(_ count: Int) -> String { (0..<count).map { _ in word() }.joined(separator: " ") }
        return Story(headline: "Report " + words(5), paragraphs: (0..<3).map { _ in words(30) + "." })
    }

    /// The table entries a lookup of `fingerprint` reads to learn that a key has no (further)
    /// entry: for the lead key and each band key, the run from the key's home to the first empty
    /// entry. Under plain linear probing this was all a lookup read, and it read all of it.
    func entriesWalked(_ index: DuplicateIndex, _ fingerprint: StoryFingerprint) -> Int {
        func run(_ table: SlotTable, _ hash: UInt64) -> Int {
            let entries = table.entries
            var position = SlotTable.home(of: hash, capacity: entries.count)
            var length = 0
            while entries[position] != 0, length < entries.count {
                length += 1
                position = (position + 1) % entries.count
            }
            return length
        }
        let seed = index.configuration.seed
        var total = fingerprint.leadKey == 0 ? 0 : run(index.leadTable, DuplicateIndex.leadHash(fingerprint.leadKey, seed: seed))
        fingerprint.signature.withUnsafeBufferPointer { signature in
            for band in index.bandTables.indices {
                total += run(index.bandTables[band], index.bandKeys.hash(band: band, signature: signature))
            }
        }
        return total
    }

    /// Finding 3 itself: after 2,000 look-alikes, a lookup of a new story reads about as many
    /// table entries as in an index of as many ordinary stories, and no lookup reads far. (With
    /// every entry of a key in one run, lookups landing in the look-alikes' runs read them whole.)
    @Test func lookupsAfterLookAlikesReadAboutAsManyEntriesAsInAnOrdinaryIndex() {
        let count = 2000
        var ordinary = DuplicateIndex()
        var attacked = DuplicateIndex()
        for number in 0..<(2 * count) { _ = ordinary.ingest(Self.ordinary(number), receivedAt: 1_700_000_000 + Double(number)) }
        for number in 0..<count { _ = attacked.ingest(Self.ordinary(number), receivedAt: 1_700_000_000 + Double(number)) }
        for number in 0..<count { _ = attacked.ingest(Self.lookAlike(number), receivedAt: 1_800_000_000 + Double(number)) }
        let probes = (0..<500).map { ordinary.fingerprint(Self.ordinary(1_000_000 + $0)) }
        let before = probes.map { entriesWalked(ordinary, $0) }
        let after = probes.map { entriesWalked(attacked, $0) }
        let (meanBefore, meanAfter) = (Double(before.reduce(0, +)) / 500, Double(after.reduce(0, +)) / 500)
        #expect(meanAfter <= 2 * meanBefore, "entries read per lookup: \(meanBefore) in the ordinary index, \(meanAfter) after the look-alikes")
        #expect(after.max()! <= 2 * before.max()!, "most entries read by one lookup: \(before.max()!) and \(after.max()!)")
    }

    /// The most entries any one key has in any lead or band table.
    func largestKey(_ index: DuplicateIndex) -> Int {
        var largest = 0
        var perKey: [UInt64: Int] = [:]
        for entry in index.leadTable.entries where entry != 0 {
            let slot = Int(entry >> SlotTable.tagBits) - 1
            perKey[DuplicateIndex.leadHash(index.columns.leadKeys[slot], seed: index.configuration.seed), default: 0] += 1
        }
        largest = perKey.values.max() ?? 0
        index.columns.signatures.withUnsafeBufferPointer { signatures in
            for (band, table) in index.bandTables.enumerated() {
                perKey = [:]
                for entry in table.entries where entry != 0 {
                    let slot = Int(entry >> SlotTable.tagBits) - 1
                    perKey[index.bandKeys.hash(band: band, signature: signatures, offset: slot * index.configuration.hashCount), default: 0] += 1
                }
                largest = max(largest, perKey.values.max() ?? 0)
            }
        }
        return largest
    }

    /// The longest stretch of occupied entries in any table: how far a lookup can walk.
    func longestRun(_ index: DuplicateIndex) -> Int {
        ([index.exactTable, index.leadTable, index.headlineTable] + index.bandTables).map { table in
            var longest = 0
            var run = 0
            for entry in table.entries + table.entries {  // twice round: a run may wrap
                run = entry == 0 ? 0 : run + 1
                longest = max(longest, min(run, table.entries.count))
            }
            return longest
        }.max() ?? 0
    }

    /// An index of `count` look-alikes, and which of them were new stories (a few repeat another's
    /// figures and differ only in the company: near duplicates).
    func filled(_ count: Int) -> (index: DuplicateIndex, new: Set<Int>) {
        var index = DuplicateIndex()
        var new: Set<Int> = []
        for number in 0..<count {
            if case .new = index.ingest(Self.lookAlike(number), receivedAt: 1_700_000_000 + Double(number)) { new.insert(number) }
        }
        return (index, new)
    }

    @Test func aKeyHoldsAtMostMaxCandidatesEntriesAndRunsStayShort() {
        let (index, new) = filled(3000)
        #expect(new.count > 2800)  // look-alikes, nearly every one a new story (the number guard)
        #expect(largestKey(index) <= index.configuration.maxCandidates)
        #expect(longestRun(index) < 4 * index.configuration.maxCandidates, "\(longestRun(index))")
    }

    /// The cap loses no decision a lookup could make: an exact re-send of any look-alike is
    /// exact, and edited copies of look-alikes past the cap are still found.
    @Test func lookAlikesPastTheCapAreStillFound() {
        var (index, new) = filled(2000)
        let late = (1500..<2000).filter(new.contains).prefix(100).map { Self.lookAlike($0) }
        #expect(late.count == 100)
        var exact = 0
        var near = 0
        for story in late {
            if case .duplicate(_, .exact, _) = index.decide(index.fingerprint(story)) { exact += 1 }
            var trimmed = story
            trimmed.paragraphs.removeLast()
            trimmed.headline = "UPDATE: " + story.headline
            if case .duplicate = index.ingest(trimmed, receivedAt: 1_800_000_000) { near += 1 }
        }
        #expect(exact == 100)
        #expect(near >= 90, "\(near) of 100 trimmed copies found")
    }

    /// A table laid out as before the cap: plain linear probing, every entry of a key in one run.
    func tableAsBefore(slots: Range<Int>, capacity: Int, hash: (Int) -> UInt64) -> SlotTable {
        var entries = [UInt32](repeating: 0, count: capacity)
        for slot in slots {
            var position = SlotTable.home(of: hash(slot), capacity: capacity)
            while entries[position] != 0 { position = (position + 1) % capacity }
            entries[position] = UInt32(slot + 1) << SlotTable.tagBits | SlotTable.tag(of: hash(slot))
        }
        return SlotTable(entries: entries, count: slots.count)
    }

    /// A snapshot of format 3 (before the cap) may hold thousands of entries of one key in one
    /// run. Such a snapshot is refused now (format 5 added the headline keys, which only the
    /// texts give: the daemon rebuilds from the store); rebuilding the tables from the columns,
    /// as compaction and a reserve do, caps and spreads them.
    @Test func anOlderSnapshotIsRefusedAndRebuiltTablesAreCapped() throws {
        var index = filled(300).index
        let hashCount = index.configuration.hashCount
        let signatures = index.columns.signatures
        let keys = index.bandKeys
        for band in index.bandTables.indices {
            index.bandTables[band] = signatures.withUnsafeBufferPointer { stored in
                tableAsBefore(slots: 0..<index.columns.count, capacity: SlotTable.capacity(toHold: index.columns.count)) {
                    keys.hash(band: band, signature: stored, offset: $0 * hashCount)
                }
            }
        }
        #expect(largestKey(index) > index.configuration.maxCandidates)
        var bytes = index.snapshot()
        bytes.replaceSubrange(8..<12, with: withUnsafeBytes(of: UInt32(3)) { Array($0) })
        let checksum = SnapshotChecksum.of(bytes[..<(bytes.count - 8)])
        bytes.replaceSubrange((bytes.count - 8)..., with: withUnsafeBytes(of: checksum) { Array($0) })
        #expect(throws: DedupSnapshotError.unsupportedVersion(3)) { try DuplicateIndex(snapshot: bytes, configuration: .default) }
        index.rebuildTables()
        #expect(largestKey(index) <= index.configuration.maxCandidates)
        #expect(longestRun(index) < 4 * index.configuration.maxCandidates)
        // Every story is still found, exactly, by its id.
        for number in 0..<300 { #expect(index.decide(index.fingerprint(Self.lookAlike(number))) != .new(id: index.fingerprint(Self.lookAlike(number)).id)) }
    }
}
