import BulletinCore
import Testing

@Suite struct BulletinProcessorTests {
    static let bytes = Array("""
        Quake hits the coast

        TOKYO- A strong earthquake struck the coast on Monday, according to Kyodo, and \
        officials said there was no tsunami warning for the region.

        Markets close higher

        Shares rose for a third day as investors bet on lower rates, Reuters reported.

        """.utf8)

    @Test("prepare then decide gives exactly what process gives")
    func prepareThenDecideEqualsProcess() throws {
        let processor = BulletinProcessor()
        let time = Timestamp(millisecondsSinceEpoch: 1_764_000_000_000)
        var first = DuplicateIndex(), second = DuplicateIndex()
        let whole = try processor.process(bytes: Self.bytes, file: "a.txt", receivedAt: time, index: &first)
        let prepared = processor.prepare(bytes: Self.bytes, digest: BulletinDigest(of: Self.bytes), dedup: second.configuration)
        let halves = try processor.decide(prepared, file: "a.txt", receivedAt: time, index: &second)
        #expect(whole.records == halves.records)
        #expect(whole.records.count == 2)
        #expect(whole.records.allSatisfy { $0.receivedAt == time.rfc3339 })
    }

    @Test("a record's word count is its story's, paragraph by paragraph, on every fixture")
    func wordCountsAreTheStories() throws {
        let processor = BulletinProcessor()
        var checked = 0
        for name in FixtureCorpus.names {
            let bytes = try FixtureCorpus.bytes(name)
            var index = DuplicateIndex()
            guard let result = try? processor.process(bytes: bytes, file: "f.txt", receivedAt: Timestamp(millisecondsSinceEpoch: 0), index: &index),
                  let stories = try? FixtureCorpus.stories(name) else { continue }
            for (record, story) in zip(result.records, stories) where record.kind == .story {
                #expect(record.wordCount == story.wordCount, "\(story.headline)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test("a bulletin of more stories than preparedAtMost, fingerprinted as decided, gives the same records and notices, on every fixture")
    func storiesFingerprintedAsDecidedGiveTheSameRecords() throws {
        let processor = BulletinProcessor()
        let time = Timestamp(millisecondsSinceEpoch: 1_764_000_000_000)
        let files = try FixtureCorpus.names.map { try FixtureCorpus.bytes($0) } + WireFixtureTests.all.map { try WireFixtureTests.bytes($0) }
        var stories = 0, notices = 0
        for bytes in files {
            let digest = BulletinDigest(of: bytes)
            var eager = DuplicateIndex(), lazy = DuplicateIndex()
            let prepared = processor.prepare(bytes: bytes, digest: digest, dedup: .default)
            let parsed = processor.prepare(bytes: bytes, digest: digest, dedup: .default, preparedAtMost: 0)
            guard let expected = try? processor.decide(prepared, file: "f.txt", receivedAt: time, index: &eager) else {
                #expect(parsed.rejection == prepared.rejection)
                continue
            }
            let found = try processor.decide(parsed, file: "f.txt", receivedAt: time, index: &lazy)
            #expect(found.records == expected.records)
            #expect(found.notices == expected.notices)
            #expect(lazy.count == eager.count)
            stories += found.records.count
            notices += found.notices.count
        }
        #expect(stories > 100 && notices > 0)
    }

    @Test("a bulletin prepared with another dedup configuration is fingerprinted again")
    func aStaleConfigurationIsRedone() throws {
        let processor = BulletinProcessor()
        var other = DedupConfiguration.default
        other.hashCount = 36
        other.bandCount = 12
        var index = DuplicateIndex(configuration: other)
        let prepared = processor.prepare(bytes: Self.bytes, digest: BulletinDigest(of: Self.bytes), dedup: .default)
        let first = try processor.decide(prepared, file: "a.txt", receivedAt: Timestamp(millisecondsSinceEpoch: 0), index: &index)
        let again = try processor.decide(prepared, file: "b.txt", receivedAt: Timestamp(millisecondsSinceEpoch: 1), index: &index)
        #expect(first.records.map(\.kind) == [.story, .story])
        #expect(again.records.map(\.kind) == [.duplicate, .duplicate])
        #expect(index.count == 2)
    }

    @Test("a rejected bulletin is rejected when decided, with its digest known")
    func aRejectionSurvivesPreparation() {
        let processor = BulletinProcessor()
        let empty: [UInt8] = Array("\n\n  \n".utf8)
        let prepared = processor.prepare(bytes: empty, digest: BulletinDigest(of: empty), dedup: .default)
        #expect(prepared.rejection?.reason == .empty)
        var index = DuplicateIndex()
        #expect(throws: BulletinRejection.self) {
            try processor.decide(prepared, file: "e.txt", receivedAt: Timestamp(millisecondsSinceEpoch: 0), index: &index)
        }
    }
}
