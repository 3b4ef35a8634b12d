import BulletinCore
@testable import BulletinDaemon
import Foundation
import SystemPackage
import Testing

/// `IngestPipeline.commit` stores a bulletin a batch of stories at a time (issue #14, finding 5):
/// the store must end up with exactly the lines the bulletin gave when it was decided whole.
@Suite struct BatchedCommitTests {
    typealias Fixture = IngestPipelineTests.Fixture

    /// `count` tiny stories; stories 1,500–1,599 come back at 2,900–2,999, two batches later.
    static func text(_ count: Int) -> String {
        (0..<count).map { number in
            let source = (2_900..<3_000).contains(number) ? number - 1_400 : number
            return "Flash number \(source) today\n\nThe word \(source) was said in town \(source * 7).\n\n"
        }.joined()
    }

    /// A bulletin of several batches — fingerprinted whole as it was loaded (3,500 stories) or
    /// a batch at a time as it is decided (12,500, past `preparedAtMost`) — leaves in the store
    /// byte for byte the lines of the same bulletin decided whole, at the same instant, and one
    /// ledger entry after its last line; its repeats two batches on are exact duplicates.
    @Test(arguments: [3_500, 12_500])
    func aBulletinOfSeveralBatchesStoresTheLinesOfTheWhole(stories: Int) async throws {
        let fixture = try Fixture()
        let path = fixture.folder.appending("drop/big.txt")
        let bytes = Array(Self.text(stories).utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path.string))
        let pipeline = try await fixture.pipeline()
        let loaded = await fixture.load("big.txt", with: pipeline)
        guard case .prepared(let prepared) = loaded.content else {
            Issue.record("not prepared: \(loaded.content)")
            return
        }
        #expect((prepared.batchesWaiting == nil) == (stories <= BulletinProcessor.preparedAtMost))
        guard case .ingested(let new, let duplicates) = await pipeline.commit(loaded) else {
            Issue.record("not ingested")
            return
        }
        #expect(new + duplicates == stories)
        let stored = try Data(contentsOf: URL(fileURLWithPath: fixture.configuration.store.string))
        let first = try #require(try JSONSerialization.jsonObject(with: stored.prefix { $0 != UInt8(ascii: "\n") }) as? [String: Any])
        let time = try #require(first["received_at"] as? String)
        let receivedAt = try #require(Timestamp(rfc3339: time))

        let processor = BulletinProcessor()
        let whole = processor.prepare(bytes: bytes, digest: BulletinDigest(of: bytes), dedup: .default, preparedAtMost: .max)
        var index = DuplicateIndex()
        let expected = try processor.decide(whole, file: "big.txt", receivedAt: receivedAt, index: &index)
        var lines: [UInt8] = []
        for record in expected.records { record.encodeLine(into: &lines) }
        #expect(stored.count == lines.count)
        #expect(Array(stored) == lines)
        #expect(expected.records[2_900].duplicateOf == expected.records[1_500].id && expected.records[2_900].match == "exact")
        #expect(fixture.ledgerLines.count == 1 && fixture.ledgerLines[0].split(separator: " ")[1] == "\(stored.count)")
    }
}
