import Foundation
import Testing

/// The real binary, on its development defaults, with real inotify and real files.
@Suite(.serialized) struct RunCommandTests {
    @Test func theSeedBecomesFourteenStoriesAndAResentCopyFourteenDuplicates() throws {
        // Speed is make bench-inbox's to measure: here only what is stored.
        let daemon = try DaemonHarness.ready()
        try daemon.drop(DaemonHarness.seed, as: "seed.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count >= 14 })
        let first = daemon.storeLines()
        #expect(first.count == 14)
        #expect(first.allSatisfy { $0["kind"] as? String == "story" })
        #expect(!first.contains { ($0["headline"] as? String) == "H. Mustafa" })
        #expect(first.filter { ($0["byline"] as? String) == "H. Mustafa" }.count == 2)

        // The same stories re-sent in another file (other bytes: a trailing blank line added).
        let resent = daemon.folder.appendingPathComponent("resent")
        try Data(try Data(contentsOf: DaemonHarness.seed) + Data("\n\n".utf8)).write(to: resent)
        try daemon.drop(resent, as: "seed-resent.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count >= 28 })
        let all = daemon.storeLines()
        let repeats = all.dropFirst(14)
        #expect(all.count == 28)
        #expect(repeats.allSatisfy { $0["kind"] as? String == "duplicate" && $0["match"] as? String == "exact" })
        #expect(repeats.compactMap { $0["duplicate_of"] as? String } == first.compactMap { $0["id"] as? String })

        // The very same bytes again, under any name: recognised, not ingested again.
        try daemon.drop(DaemonHarness.seed, as: "seed-again.txt")
        let processed = daemon.folder.appendingPathComponent(".bulletind/processed")
        #expect(daemon.waitUntil(within: 5) { FileManager.default.fileExists(atPath: processed.appendingPathComponent("seed-again.txt").path) })
        #expect(daemon.stderrText().contains("seed-again.txt: already ingested"))
        #expect(daemon.storeLines().count == 28)

        #expect(daemon.stop(signal: SIGTERM) == 0)
        let validation = try daemon.validateStoreAgainstSchema()
        #expect(validation.ok, "\(validation.output)")
        let moved = try FileManager.default.contentsOfDirectory(atPath: processed.path)
        #expect(moved.sorted() == ["seed-again.txt", "seed-resent.txt", "seed.txt"])
    }

    @Test func identicalFilesCanBeRecordedAsDuplicates() throws {
        let daemon = try DaemonHarness()
        try daemon.startReady(environment: ["BULLETIND_INBOX_IDENTICAL_FILES": "record"])
        try daemon.drop(DaemonHarness.seed, as: "seed.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count == 14 })
        try daemon.drop(DaemonHarness.seed, as: "seed-again.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count == 28 })
        let lines = daemon.storeLines()
        #expect(lines.dropFirst(14).allSatisfy { $0["kind"] as? String == "duplicate" })
        #expect(Set(lines.compactMap { $0["id"] as? String }).count == 28)
        #expect(daemon.stop() == 0)
    }

    @Test func filesAlreadyInTheInboxAreIngestedAtStart() throws {
        let daemon = try DaemonHarness()
        try FileManager.default.createDirectory(at: daemon.inbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: DaemonHarness.seed, to: daemon.inbox.appendingPathComponent("early.txt"))
        try daemon.start()
        #expect(daemon.waitUntil(within: 10) { daemon.storeLines().count == 14 })
        #expect(daemon.stop(signal: SIGINT) == 0)
    }

    @Test func dedupSurvivesARestart() throws {
        let daemon = try DaemonHarness()
        try daemon.startReady()
        try daemon.drop(DaemonHarness.seed, as: "one.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count == 14 })
        #expect(daemon.stop() == 0)

        try daemon.startReady()
        let copy = daemon.folder.appendingPathComponent("copy")
        try Data(try Data(contentsOf: DaemonHarness.seed) + Data("\n".utf8)).write(to: copy)
        try daemon.drop(copy, as: "two.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count == 28 })
        #expect(daemon.storeLines().dropFirst(14).allSatisfy { $0["kind"] as? String == "duplicate" })
        #expect(daemon.stop() == 0)
    }

    @Test func aSecondDaemonOnTheSameStateRefusesAndNamesTheHolder() throws {
        let daemon = try DaemonHarness()
        try daemon.startReady()
        let second = try daemon.runToEnd(["run"])
        #expect(second.status != 0)
        #expect(second.stderr.contains("PID \(daemon.process!.processIdentifier)"))
        #expect(daemon.stop() == 0)
    }

    @Test func aFileThatIsNotABulletinIsMovedAsideWithItsReason() throws {
        let daemon = try DaemonHarness()
        try daemon.startReady()
        try Data([0x00, 0x01, 0x02, 0x00]).write(to: daemon.folder.appendingPathComponent("binary"))
        try daemon.drop(daemon.folder.appendingPathComponent("binary"), as: "binary.txt")
        let reason = daemon.folder.appendingPathComponent(".bulletind/failed/binary.txt.reason")
        #expect(daemon.waitUntil(within: 5) { FileManager.default.fileExists(atPath: reason.path) })
        #expect(daemon.stderrText().contains("REJECT_REASON="))
        #expect(daemon.stop() == 0)
        #expect(daemon.storeLines().isEmpty)
    }

    @Test func aBadConfigurationExits64NamingTheKey() throws {
        let daemon = try DaemonHarness()
        let config = daemon.folder.appendingPathComponent("bad.yaml")
        try Data("store:\n  fsync: sometimes\n".utf8).write(to: config)
        let result = try daemon.runToEnd(["run", "--config", config.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("bad.yaml:2: store.fsync"))
    }
}

@Suite struct IngestCommandTests {
    @Test func ingestRunsThePipelineOnceAndLeavesTheFiles() throws {
        let harness = try DaemonHarness()
        let first = try harness.runToEnd(["ingest", DaemonHarness.seed.path])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("files             1 ("))
        #expect(first.stdout.contains("\nstories           14 (") && first.stdout.contains("\nrejected          0\n"))
        // Running again over the same files continues where it stopped: nothing twice.
        let second = try harness.runToEnd(["ingest", DaemonHarness.repository.appendingPathComponent("seeds").path])
        #expect(second.status == 0)
        #expect(second.stdout.contains("\nstories           0 (") && second.stdout.contains("\nalready ingested  1\n"))
        #expect(FileManager.default.fileExists(atPath: DaemonHarness.seed.path))
        #expect(harness.storeLines().count == 14)
        let validation = try harness.validateStoreAgainstSchema()
        #expect(validation.ok, "\(validation.output)")
    }
}
