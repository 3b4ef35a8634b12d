import BulletinCore
@testable import BulletinDaemon
import Foundation
import SystemPackage
import Testing

/// Periodic snapshots are written off the pipeline; the one written at stop must still be the
/// one left on disk.
@Suite struct IndexSnapshotWriterTests {
    static func stateDirectory() throws -> FilePath {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-snapshots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return FilePath(url.path)
    }

    /// An index of `count` distinct stories.
    static func index(stories count: Int) -> DuplicateIndex {
        var index = DuplicateIndex()
        for number in 0..<count {
            let story = Story(headline: "Story \(number)", paragraphs: ["Body number \(number) of a story about item \(number * 7919)."])
            _ = index.ingest(story, receivedAt: 1_700_000_000)
        }
        return index
    }

    static func loaded(from directory: FilePath) -> (stories: Int, offset: Int64)? {
        guard case .loaded(let index, let offset, _) = IndexSnapshot.load(stateDirectory: directory, configuration: .default) else {
            return nil
        }
        return (index.count, offset)
    }

    @Test func aBackgroundSaveLeavesALoadableSnapshot() async throws {
        let directory = try Self.stateDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory.string) }
        let writer = IndexSnapshot.Writer(stateDirectory: directory)
        writer.saveLater(Self.index(stories: 50), storeOffset: 4096, storeIdentity: "1:2") { error in
            Issue.record("save failed: \(error)")
        }
        var found: (stories: Int, offset: Int64)?
        for _ in 0..<500 where found == nil {
            found = Self.loaded(from: directory)
            if found == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(found?.stories == 50)
        #expect(found?.offset == 4096)
    }

    @Test func aSaveNowComesAfterEveryPendingSaveAndStays() throws {
        let directory = try Self.stateDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory.string) }
        let writer = IndexSnapshot.Writer(stateDirectory: directory)
        let big = Self.index(stories: 3000)
        for offset in 1...20 {
            writer.saveLater(big, storeOffset: Int64(offset), storeIdentity: "1:2") { error in
                Issue.record("save failed: \(error)")
            }
        }
        try writer.saveNow(Self.index(stories: 7), storeOffset: 999, storeIdentity: "1:2")
        writer.waitForPendingSaves()
        #expect(Self.loaded(from: directory)?.stories == 7)
        #expect(Self.loaded(from: directory)?.offset == 999)
    }

    @Test func aFailedBackgroundSaveIsReported() async throws {
        let missing = FilePath("/nonexistent-\(UUID().uuidString)/state")
        let writer = IndexSnapshot.Writer(stateDirectory: missing)
        let failures = AsyncStream<String>.makeStream()
        writer.saveLater(Self.index(stories: 1), storeOffset: 1, storeIdentity: "1:2") { error in
            failures.continuation.yield("\(error)")
            failures.continuation.finish()
        }
        var reported: String?
        for await failure in failures.stream { reported = failure }
        #expect(reported?.contains("nonexistent") == true)
    }
}
