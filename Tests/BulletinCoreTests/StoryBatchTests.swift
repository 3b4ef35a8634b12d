@testable import BulletinCore
import Testing

/// A bulletin's stories are decided in batches of `StoryDecisions.batchSize` (issue #14,
/// finding 5): a large bulletin's parsed stories are fingerprinted a batch at a time and let go
/// once decided, and nothing about the records may depend on where the batches begin.
@Suite struct StoryBatchTests {
    static let time = Timestamp(millisecondsSinceEpoch: 1_764_000_000_000)

    /// `count` tiny stories; story k in `repeats` is story k - `distance`'s text again, word for
    /// word (the first repeat lands in a later batch than its original).
    static func tinyStories(_ count: Int, repeats: Range<Int> = 0..<0, distance: Int = 0) -> [UInt8] {
        Array(
            (0..<count).map { number in
                let source = repeats.contains(number) ? number - distance : number
                return "Flash number \(source) today\n\nThe word \(source) was said in town \(source * 7).\n\n"
            }.joined().utf8)
    }

    /// What a bulletin of three batches and a half gives, its stories fingerprinted whole as it
    /// was prepared, or a batch at a time as it is decided: the same records, line for line.
    /// Its repeats (stories 1,500–1,599 again at 2,900–2,999, two batches later) are exact
    /// duplicates of their first occurrence whichever way: the index takes each batch's new
    /// stories before the next batch is decided.
    @Test func batchByBatchGivesTheRecordsOfTheWholeAndFindsRepeatsAcrossBatches() throws {
        let processor = BulletinProcessor()
        let bytes = Self.tinyStories(3_500, repeats: 2_900..<3_000, distance: 1_400)
        let digest = BulletinDigest(of: bytes)
        let whole = processor.prepare(bytes: bytes, digest: digest, dedup: .default, preparedAtMost: .max)
        let batched = processor.prepare(bytes: bytes, digest: digest, dedup: .default, preparedAtMost: 0)
        #expect(whole.batchesWaiting == nil)
        #expect(batched.batchesWaiting == 4)
        var wholeIndex = DuplicateIndex(), batchedIndex = DuplicateIndex()
        let expected = try processor.decide(whole, file: "f.txt", receivedAt: Self.time, index: &wholeIndex)
        let found = try processor.decide(batched, file: "f.txt", receivedAt: Self.time, index: &batchedIndex)
        #expect(found.records.count == 3_500)
        #expect(found.records == expected.records)
        #expect(batchedIndex.count == wholeIndex.count)
        for position in 2_900..<3_000 {
            let repeated = found.records[position], original = found.records[position - 1_400]
            #expect(repeated.kind == .duplicate && repeated.match == "exact" && repeated.duplicateOf == original.id)
        }
        #expect(found.records[..<2_900].allSatisfy { $0.match != "exact" })
    }

    /// The batches are taken one at a time, each only once the one before is decided: at no
    /// point are all of a large bulletin's stories fingerprinted. `atBatchBoundary` is where
    /// the pipeline writes the store; not after the last story (the bulletin's end writes then).
    @Test func aLargeBulletinsStoriesAreTakenABatchAtATime() throws {
        let processor = BulletinProcessor()
        let bytes = Self.tinyStories(2_500)
        let prepared = processor.prepare(bytes: bytes, digest: BulletinDigest(of: bytes), dedup: .default, preparedAtMost: 0)
        var index = DuplicateIndex()
        var decisions = try processor.decisions(prepared, file: "f.txt", receivedAt: Self.time, dedup: .default)
        #expect(decisions.count == 2_500)
        #expect(prepared.batchesWaiting == 3)
        var boundaries: [Int] = []
        var waiting: [Int: Int] = [:]
        while decisions.next(index: &index) != nil {
            if decisions.atBatchBoundary { boundaries.append(decisions.position) }
            if [1, 1_000, 1_001, 2_001, 2_500].contains(decisions.position) { waiting[decisions.position] = prepared.batchesWaiting }
        }
        #expect(boundaries == [1_000, 2_000])
        #expect(waiting == [1: 2, 1_000: 2, 1_001: 1, 2_001: 0, 2_500: 0])
        #expect(decisions.position == 2_500)
    }

    /// The parser's array is cut into batches as they are taken, in order, each once.
    @Test func batchesAreCutInOrderAsTheyAreTaken() {
        let stories = (0..<7).map { Story(headline: "Flash \($0)", paragraphs: ["Word \($0)."]) }
        let batches = StoryBatches(stories, batchSize: 3)
        #expect(batches.count == 7 && batches.batchesWaiting == 3)
        #expect(batches.takeNext()?.map(\.headline) == ["Flash 0", "Flash 1", "Flash 2"])
        #expect(batches.batchesWaiting == 2)
        #expect(batches.takeNext() == Array(stories[3..<6]))
        #expect(batches.takeNext() == [stories[6]])
        #expect(batches.batchesWaiting == 0 && batches.takeNext() == nil && batches.count == 7)
    }

    /// A bulletin fingerprinted whole has its batch boundaries too (the store is written there).
    @Test func aPreparedBulletinHasBatchBoundariesToo() throws {
        let processor = BulletinProcessor()
        let bytes = Self.tinyStories(2_000)
        let prepared = processor.prepare(bytes: bytes, digest: BulletinDigest(of: bytes), dedup: .default)
        var index = DuplicateIndex()
        var decisions = try processor.decisions(prepared, file: "f.txt", receivedAt: Self.time, dedup: .default)
        var boundaries: [Int] = []
        while decisions.next(index: &index) != nil {
            if decisions.atBatchBoundary { boundaries.append(decisions.position) }
        }
        #expect(boundaries == [1_000])
    }
}
