import BulletinCore
import Testing

@Suite("DuplicateIndex snapshots")
struct SnapshotTests {
    let now = DedupFixtures.now

    func filledIndex() -> DuplicateIndex {
        var index = DuplicateIndex()
        _ = index.ingest(DedupFixtures.storm, receivedAt: now)
        _ = index.ingest(DedupFixtures.toyota, receivedAt: now + 1)
        for company in ["Acme Holdings", "Beacon Foods", "Cobalt Steel"] {
            _ = index.ingest(DedupFixtures.dividend(company: company), receivedAt: now + 2)
        }
        return index
    }

    @Test("round trip: same count, same decisions, same bytes when saved again")
    func roundTrip() throws {
        let index = filledIndex()
        let bytes = index.snapshot()
        var loaded = try DuplicateIndex(snapshot: bytes, configuration: .default)
        #expect(loaded.count == index.count)
        #expect(loaded.snapshot() == bytes)
        var original = index
        for story in [EditedCopy.trimmed.apply(to: DedupFixtures.storm), DedupFixtures.toyota,
                      DedupFixtures.dividend(company: "Drake Power")] {
            #expect(loaded.ingest(story, receivedAt: now + 10) == original.ingest(story, receivedAt: now + 10))
        }
    }

    /// The state file's header goes first in the same buffer (issue #14: joined afterwards, a
    /// large snapshot was in memory twice); the bytes are those of the header and the snapshot
    /// joined, so files written before read the same, and the checksum is the snapshot's alone.
    @Test("a snapshot made after a header is the header and the snapshot, and loads from after it")
    func snapshotAfterAHeader() throws {
        let index = filledIndex()
        let header = Array("bulletind-index 1 4096 8:1\n".utf8)
        let bytes = index.snapshot(after: header)
        #expect(bytes == header + index.snapshot())
        let loaded = try DuplicateIndex(snapshot: bytes[header.count...], configuration: .default)
        #expect(loaded.count == index.count)
    }

    @Test("an empty index round-trips")
    func emptyRoundTrip() throws {
        let loaded = try DuplicateIndex(snapshot: DuplicateIndex().snapshot(), configuration: .default)
        #expect(loaded.count == 0)
    }

    @Test("a snapshot survives growth of its tables (thousands of stories)")
    func largeRoundTrip() throws {
        var index = DuplicateIndex()
        for number in 0..<3_000 {
            let story = Story(headline: "Item \(number)", paragraphs: ["Story number \(number) about widget \(number * 7) in district \(number % 97), officials in region \(number) said on Monday.", "Further detail \(number) follows for case \(number + 11)."])
            _ = index.ingest(story, receivedAt: now + Double(number))
        }
        var loaded = try DuplicateIndex(snapshot: index.snapshot(), configuration: .default)
        #expect(loaded.count == 3_000)
        let again = Story(headline: "Item 1234", paragraphs: ["Story number 1234 about widget 8638 in district 70, officials in region 1234 said on Monday.", "Further detail 1234 follows for case 1245."])
        #expect(loaded.ingest(again, receivedAt: now).match == .exact)
    }

    @Test("every flipped byte is rejected", arguments: [0, 9, 20, 40, 100, 500, -9, -1])
    func corruptByte(position: Int) throws {
        var bytes = filledIndex().snapshot()
        let at = position >= 0 ? position : bytes.count + position
        bytes[at] ^= 0x5A
        #expect(throws: DedupSnapshotError.self) { try DuplicateIndex(snapshot: bytes, configuration: .default) }
    }

    @Test("truncated snapshots are rejected", arguments: [0, 1, 8, 16, 64, 1_000])
    func truncated(keep: Int) throws {
        let bytes = filledIndex().snapshot()
        #expect(throws: DedupSnapshotError.self) {
            try DuplicateIndex(snapshot: Array(bytes.prefix(min(keep, bytes.count - 1))), configuration: .default)
        }
        #expect(throws: DedupSnapshotError.self) { try DuplicateIndex(snapshot: Array(bytes.dropLast()), configuration: .default) }
    }

    @Test("foreign bytes are rejected")
    func foreign() {
        #expect(throws: DedupSnapshotError.notASnapshot) {
            try DuplicateIndex(snapshot: Array("{\"schema\":\"bulletind/1\",\"kind\":\"story\"}\n".utf8), configuration: .default)
        }
        #expect(throws: DedupSnapshotError.self) { try DuplicateIndex(snapshot: [], configuration: .default) }
    }

    @Test("a snapshot made with another layout is refused; decision settings may change")
    func configurationMismatch() throws {
        let bytes = filledIndex().snapshot()
        #expect(throws: DedupSnapshotError.configurationMismatch) {
            try DuplicateIndex(snapshot: bytes, configuration: DedupConfiguration(hashCount: 48, bandCount: 16))
        }
        let looser = DedupConfiguration(resemblanceThreshold: 0.5)
        #expect(try DuplicateIndex(snapshot: bytes, configuration: looser).count == 5)
    }
}

@Suite("DuplicateIndex eviction")
struct EvictionTests {
    let now = DedupFixtures.now

    @Test("evicted stories no longer match; younger ones still do")
    func evictsOld() {
        var index = DuplicateIndex()
        _ = index.ingest(DedupFixtures.storm, receivedAt: now)
        _ = index.ingest(DedupFixtures.toyota, receivedAt: now + 100)
        index.evict(olderThan: now + 50)
        #expect(index.count == 1)
        #expect(index.ingest(DedupFixtures.storm, receivedAt: now + 200).isNew)
        #expect(index.ingest(EditedCopy.trimmed.apply(to: DedupFixtures.toyota), receivedAt: now + 200).duplicateOf
            == StoryID(of: DedupFixtures.toyota).hex)
    }

    @Test("compaction after heavy eviction keeps the survivors matchable, in snapshots too")
    func compaction() throws {
        var index = DuplicateIndex()
        let stories = (0..<400).map { number in
            Story(headline: "Brief \(number)", paragraphs: ["Council \(number) approved plan \(number * 3) for road \(number % 13) on Monday after a vote of \(number % 40) to 2, the clerk of district \(number) said."])
        }
        for (number, story) in stories.enumerated() { _ = index.ingest(story, receivedAt: now + Double(number)) }
        index.evict(olderThan: now + 300)
        #expect(index.count == 100)
        var loaded = try DuplicateIndex(snapshot: index.snapshot(), configuration: .default)
        for number in [0, 150, 299] { #expect(loaded.ingest(stories[number], receivedAt: now + 500).isNew) }
        for number in [300, 350, 399] {
            #expect(loaded.ingest(stories[number], receivedAt: now + 500) == .duplicate(of: StoryID(of: stories[number]).hex, match: .exact, similarity: 1))
        }
    }

    @Test("the retention window evicts relative to now; no window keeps everything")
    func retentionWindow() {
        var windowed = DuplicateIndex(configuration: DedupConfiguration(retentionWindow: 86_400))
        var unbounded = DuplicateIndex()
        for index in [0, 1] {
            _ = windowed.ingest(index == 0 ? DedupFixtures.storm : DedupFixtures.toyota, receivedAt: now + Double(index) * 90_000)
            _ = unbounded.ingest(index == 0 ? DedupFixtures.storm : DedupFixtures.toyota, receivedAt: now + Double(index) * 90_000)
        }
        windowed.evictExpired(now: now + 100_000)
        unbounded.evictExpired(now: now + 100_000)
        #expect(windowed.count == 1)
        #expect(unbounded.count == 2)
    }
}
