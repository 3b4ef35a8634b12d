import BulletinCore
@testable import BulletinDaemon
import Foundation
import LinuxIO
import Logging
import Synchronization
import SystemPackage
import Testing

/// The daemon's side of wire versions: the journal fields of wire stories, and the version
/// links a restart brings back, from the index snapshot or from the store.
@Suite struct WireVersionDaemonTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BulletinCoreTests/Fixtures/wire")

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(path)))
    }

    static func tune(except excluded: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("tune").path)
            .filter { $0.hasSuffix(".txt") && !excluded.contains($0) }.sorted().map { "tune/\($0)" }
    }

    /// Processes `paths` in order; `time` counts minutes from a fixed start.
    static func process(
        _ paths: [String], index: inout DuplicateIndex, time: inout Int64
    ) throws -> [BulletinProcessor.Result] {
        try paths.map { path in
            time += 1
            return try BulletinProcessor().process(
                bytes: try bytes(path), file: (path as NSString).lastPathComponent,
                receivedAt: Timestamp(millisecondsSinceEpoch: 1_700_000_000_000 + time * 60_000), index: &index)
        }
    }

    // MARK: - The journal

    /// Every entry the logger gets: level, message and fields.
    final class Journal: Sendable {
        struct Entry: Sendable {
            var level: Logger.Level
            var message: String
            var fields: [String: String]
        }

        let entries = Mutex<[Entry]>([])

        var logger: Logger {
            EventLogHandler.logger { [self] event in
                let fields = (event.metadata ?? [:]).mapValues(\.description)
                self.entries.withLock { $0.append(Entry(level: event.level, message: event.message.description, fields: fields)) }
            }
        }

        var all: [Entry] { entries.withLock { $0 } }
    }

    @Test func wireStoriesCarryTheirFieldsAndPriorities() throws {
        var index = DuplicateIndex()
        var time: Int64 = 0
        let results = try Self.process(
            ["tune/r87-a-0311.txt", "constructed/ap-kill.txt", "heldout/ap-05-newsalert.txt", "tune/dpa-impressum.txt"],
            index: &index, time: &time)
        let journal = Journal()
        let logger = journal.logger
        for result in results {
            for record in result.records { logger.record(record) }
        }
        let entries = journal.all
        let records = results.flatMap(\.records)
        try #require(entries.count == records.count)

        // A plain routine Reuters item: slug and urgency, at info.
        let first = entries[0]
        #expect(first.level == .info)
        #expect(first.fields["MESSAGE_ID"] == MessageID.storyNew.rawValue)
        #expect(first.fields["SLUG"] == "BC-INSITUFORM-OF-NORTH-A")
        #expect(first.fields["URGENCY"] == "6")
        #expect(first.fields["VERSION"] == nil && first.fields["VERSION_OF"] == nil && first.fields["PUBSTATUS"] == nil)

        // Its correction two items on: VERSION and VERSION_OF, at info.
        let correction = entries[2]
        #expect(correction.fields["VERSION"] == records[2].version)
        #expect(correction.fields["VERSION_OF"] == records[0].id)
        #expect(correction.level == .info)
        #expect(correction.message.contains("new version"))

        // The AP kill: a warning naming what it kills.
        let killIndex = try #require(records.firstIndex { $0.pubstatus == "canceled" })
        let kill = entries[killIndex]
        #expect(kill.level == .warning)
        #expect(kill.fields["PUBSTATUS"] == "canceled")
        #expect(kill.fields["VERSION"] == "Kill")
        #expect(kill.fields["VERSION_OF"] == records[killIndex - 1].id)
        #expect(kill.fields["MESSAGE_ID"] == MessageID.storyNew.rawValue)
        #expect(kill.message.contains("withdrawn"))

        // The AP news alert (urgency 2): notice, above the ordinary stories.
        let alertIndex = try #require(records.firstIndex { $0.urgency == 2 && $0.pubstatus == nil })
        #expect(entries[alertIndex].level == .notice)
        #expect(entries[alertIndex].fields["URGENCY"] == "2")
        #expect(entries.enumerated().allSatisfy { $0.element.level != .notice || records[$0.offset].urgency ?? 9 <= 2 })
    }

    @Test func aServiceMessageIsAJournalEntryOfItsOwnKind() throws {
        var index = DuplicateIndex()
        var time: Int64 = 0
        let result = try #require(try Self.process(["tune/dpa-impressum.txt"], index: &index, time: &time).first)
        #expect(result.records.isEmpty)
        let notice = try #require(result.notices.first)
        let journal = Journal()
        journal.logger.wireNotice(notice, file: "dpa-impressum.txt", digest: result.digest)
        let entry = try #require(journal.all.first)
        #expect(entry.fields["MESSAGE_ID"] == MessageID.wireServiceMessage.rawValue)
        #expect(entry.fields["WIRE_FORMAT"] == "iptc-7901")
        #expect(entry.fields["BULLETIN_FILE"] == "dpa-impressum.txt")
        #expect(entry.fields["BULLETIN_SHA256"] == result.digest.hex)
        #expect(entry.fields["HEADLINE"] == notice.headline)
        #expect(entry.level == .info)
    }

    // MARK: - Restarts

    static func temporaryFolder() throws -> FilePath {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-versions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("state"), withIntermediateDirectories: true)
        return FilePath(url.path)
    }

    /// A live index over the Bureau of Meteorology alert and the tuning files but the two that
    /// hold later versions, and a store of their lines.
    static func ingestedBeforeTheLaterVersions() throws -> (index: DuplicateIndex, store: FilePath, state: FilePath, time: Int64) {
        let folder = try temporaryFolder()
        var index = DuplicateIndex()
        var time: Int64 = 0
        let paths = ["constructed/bom-road-weather-alert.txt"]
            + (try tune(except: ["r87-b-0312.txt", "bom-road-weather-cancellation.txt"]))
        var lines = ""
        for result in try process(paths, index: &index, time: &time) {
            for record in result.records { lines += record.encodedLine() + "\n" }
        }
        let store = folder.appending("stories.jsonl")
        try lines.write(toFile: store.string, atomically: true, encoding: .utf8)
        return (index, store, folder.appending("state"), time)
    }

    static let laterVersions = ["tune/r87-b-0312.txt", "tune/bom-road-weather-cancellation.txt"]

    @Test func versionLinksAreRebuiltFromTheStore() throws {
        let before = try Self.ingestedBeforeTheLaterVersions()
        defer { try? FileManager.default.removeItem(atPath: before.store.removingLastComponent().string) }
        #expect(!before.index.versions.isEmpty)
        let recovery = StoreRecovery(store: before.store, stateDirectory: before.state, dedup: .default)
        var (_, recovered, report) = try recovery.recover()
        #expect(report.indexRebuiltBecause == "no snapshot")
        #expect(recovered.versions == before.index.versions)

        // The later versions find their first sightings through the rebuilt links.
        var live = before.index
        var time = before.time
        var restartTime = before.time
        let expected = try Self.process(Self.laterVersions, index: &live, time: &time).flatMap(\.records)
        let afterRestart = try Self.process(Self.laterVersions, index: &recovered, time: &restartTime).flatMap(\.records)
        #expect(afterRestart == expected)
        #expect(afterRestart.allSatisfy { $0.versionOf != nil })
    }

    @Test func versionLinksSurviveTheIndexSnapshot() throws {
        let before = try Self.ingestedBeforeTheLaterVersions()
        defer { try? FileManager.default.removeItem(atPath: before.store.removingLastComponent().string) }
        let size = try #require(FileManager.default.attributesOfItem(atPath: before.store.string)[.size] as? Int64)
        let identity = try #require(AppendOnlyFile.identity(of: before.store))
        try IndexSnapshot.save(before.index, storeOffset: size, storeIdentity: identity, stateDirectory: before.state)

        let (_, loaded, report) = try StoreRecovery(store: before.store, stateDirectory: before.state, dedup: .default).recover()
        // From the snapshot: the store's lines are read again only for the ledger.
        #expect(report.indexRebuiltBecause == nil)
        #expect(loaded.versions == before.index.versions)
        var index = loaded
        var time = before.time
        let records = try Self.process(Self.laterVersions, index: &index, time: &time).flatMap(\.records)
        let cancellation = try #require(records.last)
        #expect(cancellation.pubstatus == "canceled" && cancellation.versionOf != nil)
    }

    @Test func aSnapshotWithoutTheHeadlineTableIsRebuiltFromTheStore() throws {
        let before = try Self.ingestedBeforeTheLaterVersions()
        defer { try? FileManager.default.removeItem(atPath: before.store.removingLastComponent().string) }
        let size = try #require(FileManager.default.attributesOfItem(atPath: before.store.string)[.size] as? Int64)
        let identity = try #require(AppendOnlyFile.identity(of: before.store))
        try IndexSnapshot.save(before.index, storeOffset: size, storeIdentity: identity, stateDirectory: before.state)
        // Format 2 (this session's first wire code) kept no headline table: say so in the file.
        let path = IndexSnapshot.path(in: before.state).string
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let body = try #require(bytes.firstIndex(of: 0x0A)) + 1
        bytes[body + 8] = 2
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let (_, recovered, report) = try StoreRecovery(store: before.store, stateDirectory: before.state, dedup: .default).recover()
        #expect(report.indexRebuiltBecause?.contains("unusable") == true)
        #expect(recovered.versions == before.index.versions)
    }
}
