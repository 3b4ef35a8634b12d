import Foundation
import Testing

/// The store's promises, through the real binary: recovery, snapshots, rotation, reopening.
@Suite(.serialized) struct StoreTests {
    /// A bulletin of `count` stories whose text no other bulletin shares.
    static func bulletin(_ tag: String, stories count: Int) -> Data {
        let stories = (0..<count).map { number in
            "Story \(number) of bulletin \(tag) about item \(number * 7 + tag.count)\n\n"
                + "Officials from the \(tag) ministry said on day \(number) that the item \(tag)-\(number) was delivered to \(number + 3) districts.\n"
        }
        return Data(stories.joined(separator: "\n").utf8)
    }

    @Test func verifyAndStatsOnARealStore() throws {
        let daemon = try DaemonHarness()
        #expect(try daemon.runToEnd(["ingest", DaemonHarness.seed.path]).status == 0)
        let verify = try daemon.runToEnd(["verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("14 lines in 1 files are sound: 14 stories, 0 duplicates"))
        let stats = try daemon.runToEnd(["stats", "--json"])
        #expect(stats.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["stories"] as? Int == 14)
        #expect(object["bulletins"] as? Int == 1)
        let table = try daemon.runToEnd(["stats"])
        #expect(table.stdout.contains("stories         14"))

        try FileHandle(forWritingTo: daemon.store).seekToEnd()
        let handle = try FileHandle(forWritingTo: daemon.store)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"schema\":\"bulletind/1\",\"kind\":\"story\"}\n".utf8))
        try handle.close()
        let broken = try daemon.runToEnd(["verify"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("stories.jsonl:15: not valid against the schema"))
    }

    @Test func aBulletinCutShortByACrashIsIngestedAgainExactlyOnce() throws {
        let daemon = try DaemonHarness()
        try FileManager.default.createDirectory(at: daemon.inbox, withIntermediateDirectories: true)
        // A first bulletin, fully ingested.
        try Self.bulletin("alpha", stories: 2).write(to: daemon.folder.appendingPathComponent("alpha.txt"))
        #expect(try daemon.runToEnd(["ingest", daemon.folder.appendingPathComponent("alpha.txt").path]).status == 0)
        // A second one whose store append was cut short: one of its three lines, plus a torn line.
        let beta = Self.bulletin("beta", stories: 3)
        try beta.write(to: daemon.folder.appendingPathComponent("beta.txt"))
        #expect(try daemon.runToEnd(["ingest", "--store", "full.jsonl", "--state-dir", "other", daemon.folder.appendingPathComponent("beta.txt").path]).status == 0)
        let betaLines = try String(contentsOf: daemon.folder.appendingPathComponent("full.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(betaLines.count == 3)
        let handle = try FileHandle(forWritingTo: daemon.store)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((betaLines[0] + "\n" + betaLines[1].prefix(40)).utf8))
        try handle.close()
        try beta.write(to: daemon.inbox.appendingPathComponent("beta.txt"))

        try daemon.start()
        #expect(daemon.waitUntil(within: 10) { daemon.storeLines().count == 5 && !FileManager.default.fileExists(atPath: daemon.inbox.appendingPathComponent("beta.txt").path) })
        #expect(daemon.stop() == 0)
        let stderr = daemon.stderrText()
        #expect(stderr.contains("store repaired at start"))
        #expect(stderr.contains("cut a torn last line"))
        #expect(stderr.contains("moved 1 lines of a bulletin cut short (beta.txt) to stories.jsonl.quarantine"))
        #expect(stderr.contains("MESSAGE_ID=\"757dae81fc4047269b54c456b8a8835c\""))
        #expect(stderr.contains("QUARANTINED_LINES=\"1\""))
        let indexes = daemon.storeLines().compactMap { ($0["bulletin"] as? [String: Any]).map { "\($0["file"]!)#\($0["index"]!)" } }
        #expect(indexes == ["alpha.txt#0", "alpha.txt#1", "beta.txt#0", "beta.txt#1", "beta.txt#2"])
        // The line taken out is kept, as it was, beside the store.
        let quarantined = try String(contentsOf: daemon.folder.appendingPathComponent("stories.jsonl.quarantine"), encoding: .utf8)
        #expect(quarantined == betaLines[0] + "\n")
        #expect(try daemon.runToEnd(["verify"]).status == 0)
    }

    /// Issue #14, finding 6: with the last store line damaged and the ledger empty, a start
    /// removed the bulletin's three lines, two of them valid, while its file was long in
    /// processed/. Now the bulletin counts as whole (its damaged line is one of its lines):
    /// nothing is cut, the damaged line is reported, and the bulletin is not ingested again.
    @Test func aDamagedLastLineCutsNoGoodLines() throws {
        let daemon = try DaemonHarness()
        try daemon.startReady()
        try Self.bulletin("gamma", stories: 3).write(to: daemon.folder.appendingPathComponent("gamma"))
        try daemon.drop(daemon.folder.appendingPathComponent("gamma"), as: "gamma.txt")
        let processed = daemon.folder.appendingPathComponent(".bulletind/processed/gamma.txt")
        #expect(daemon.waitUntil(within: 10) { FileManager.default.fileExists(atPath: processed.path) })
        #expect(daemon.stop() == 0)
        var lines = try String(contentsOf: daemon.store, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        lines[2] = String(lines[2].prefix(60)) + String(repeating: "#", count: 20) + String(lines[2].dropFirst(80))
        let damaged = lines.joined(separator: "\n") + "\n"
        try Data(damaged.utf8).write(to: daemon.store)
        try Data().write(to: daemon.folder.appendingPathComponent(".bulletind/ledger"))

        try daemon.startReady()
        #expect(try String(contentsOf: daemon.store, encoding: .utf8) == damaged)
        #expect(daemon.stderrText().contains("MESSAGE_ID=\"050165185cea48ada3a9495ddf77b867\""))
        #expect(daemon.stderrText().contains("1 lines of the store do not read as store lines"))
        #expect(!FileManager.default.fileExists(atPath: daemon.folder.appendingPathComponent("stories.jsonl.quarantine").path))
        // Known again: the same bytes dropped once more are recognised, not ingested twice.
        try daemon.drop(daemon.folder.appendingPathComponent("gamma"), as: "gamma-again.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.stderrText().contains("gamma-again.txt: already ingested") })
        #expect(daemon.stop() == 0)
        #expect(try String(contentsOf: daemon.store, encoding: .utf8) == damaged)
        let verify = try daemon.runToEnd(["verify"])
        #expect(verify.status == 1 && verify.stderr.contains("stories.jsonl:3:"))
    }

    @Test func theIndexSnapshotSpeedsTheNextStartAndALostOneIsRebuilt() throws {
        let daemon = try DaemonHarness()
        try daemon.startReady()
        try daemon.drop(DaemonHarness.seed, as: "seed.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count == 14 })
        #expect(daemon.stop() == 0)
        let snapshot = daemon.folder.appendingPathComponent(".bulletind/index.snapshot")
        #expect(FileManager.default.fileExists(atPath: snapshot.path))

        try daemon.startReady()
        #expect(!daemon.stderrText().contains("rebuilt"))
        #expect(daemon.stop() == 0)

        try Data("bulletind-index 1 0 0:0\ngarbage".utf8).write(to: snapshot)
        try daemon.startReady()
        #expect(daemon.stderrText().contains("duplicate index rebuilt from the store (the snapshot is unusable"))
        try Data(try Data(contentsOf: DaemonHarness.seed) + Data("\n".utf8)).write(to: daemon.folder.appendingPathComponent("copy"))
        try daemon.drop(daemon.folder.appendingPathComponent("copy"), as: "copy.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count == 28 })
        #expect(daemon.storeLines().dropFirst(14).allSatisfy { $0["kind"] as? String == "duplicate" })
        #expect(daemon.stop() == 0)
    }

    @Test func rotationKeepsDedupAcrossFilesAndRestarts() throws {
        let daemon = try DaemonHarness()
        let environment = ["BULLETIND_STORE_ROTATE_SIZE": "4000"]
        try daemon.startReady(environment: environment)
        try daemon.drop(DaemonHarness.seed, as: "seed.txt")
        let rotated = daemon.folder.appendingPathComponent("stories.jsonl.1")
        #expect(daemon.waitUntil(within: 5) { FileManager.default.fileExists(atPath: rotated.path) })
        #expect(daemon.stop() == 0)
        // Without the snapshot, the index must come back from the rotated file too.
        try FileManager.default.removeItem(at: daemon.folder.appendingPathComponent(".bulletind/index.snapshot"))
        try daemon.startReady(environment: environment)
        try Data(try Data(contentsOf: DaemonHarness.seed) + Data("\n".utf8)).write(to: daemon.folder.appendingPathComponent("copy"))
        try daemon.drop(daemon.folder.appendingPathComponent("copy"), as: "copy.txt")
        let verify = { try daemon.runToEnd(["verify"]) }
        #expect(daemon.waitUntil(within: 5) { ((try? verify().stdout) ?? "").contains("28 lines") })
        #expect(daemon.stop() == 0)
        let result = try verify()
        #expect(result.status == 0)
        #expect(result.stdout.contains("14 stories, 14 duplicates"), "\(result.stdout)")
    }

    @Test func sighupReopensAStoreMovedAway() throws {
        let daemon = try DaemonHarness()
        try daemon.startReady()
        try daemon.drop(DaemonHarness.seed, as: "seed.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count == 14 })
        let old = daemon.folder.appendingPathComponent("stories.jsonl.old")
        try FileManager.default.moveItem(at: daemon.store, to: old)
        kill(daemon.process!.processIdentifier, SIGHUP)
        #expect(daemon.waitUntil(within: 5) { daemon.stderrText().contains("configuration reloaded and store reopened") })
        try Data(try Data(contentsOf: DaemonHarness.seed) + Data("\n".utf8)).write(to: daemon.folder.appendingPathComponent("copy"))
        try daemon.drop(daemon.folder.appendingPathComponent("copy"), as: "copy.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count == 14 })
        #expect(daemon.storeLines().allSatisfy { $0["kind"] as? String == "duplicate" })
        #expect(daemon.stop() == 0)
    }

    @Test func anInvalidConfigurationOnReloadKeepsTheOldOne() throws {
        let daemon = try DaemonHarness()
        let config = daemon.folder.appendingPathComponent("bulletind.yaml")
        try Data("inbox:\n  path: inbox\n".utf8).write(to: config)
        try daemon.startReady(["run", "--config", config.path])
        try Data("inbox:\n  pth: inbox\n".utf8).write(to: config)
        kill(daemon.process!.processIdentifier, SIGHUP)
        #expect(daemon.waitUntil(within: 5) { daemon.stderrText().contains("reload failed, keeping the current configuration") })
        #expect(daemon.stderrText().contains("unknown setting 'inbox.pth'"))
        try daemon.drop(DaemonHarness.seed, as: "seed.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count == 14 })
        #expect(daemon.stop() == 0)
    }
}

@Suite struct NearDuplicateTests {
    static let original = """
        Ministers agree grain corridor extension - Lavrov

        Russian Foreign Minister Sergei Lavrov said on Tuesday that ministers from the four countries agreed to extend the grain corridor through the Black Sea for another 120 days, after talks in Istanbul that lasted late into the night.

        "We have reached an understanding that serves the interests of all parties," Lavrov told reporters after the meeting, adding that inspections of ships would continue at the same pace.

        """

    @Test func aReheadlinedEditedCopyIsANearDuplicateThatKeepsItsText() throws {
        let harness = try DaemonHarness()
        let first = harness.folder.appendingPathComponent("first.txt")
        try Data(Self.original.utf8).write(to: first)
        #expect(try harness.runToEnd(["ingest", first.path]).status == 0)
        let edited = Self.original
            .replacingOccurrences(of: "Ministers agree grain corridor extension - Lavrov", with: "Grain deal extended for 120 days")
            .replacingOccurrences(of: "\"We have", with: "“We have")
            .replacingOccurrences(of: "parties,\"", with: "parties,”")
            + "(Reporting by Jane Smith; Editing by John Doe)\n"
        let second = harness.folder.appendingPathComponent("second.txt")
        try Data(edited.utf8).write(to: second)
        #expect(try harness.runToEnd(["ingest", second.path]).status == 0)
        let lines = harness.storeLines()
        #expect(lines.count == 2)
        #expect(lines[1]["kind"] as? String == "duplicate")
        #expect(lines[1]["match"] as? String == "near")
        #expect(lines[1]["duplicate_of"] as? String == lines[0]["id"] as? String)
        #expect((lines[1]["body_text"] as? String)?.contains("“We have") == true)
        #expect((lines[1]["similarity"] as? Double).map { $0 > 0.5 && $0 <= 1 } == true)
        #expect((lines[1]["headline"] as? String) == "Grain deal extended for 120 days")
        let validation = try harness.validateStoreAgainstSchema()
        #expect(validation.ok, "\(validation.output)")
    }

    @Test func theSameItemWithNewFiguresIsANewStory() throws {
        let harness = try DaemonHarness()
        let daily = { (amount: String, day: String) in
            "Fed adds reserves via overnight repos\n\nThe Federal Reserve added \(amount) billion dollars in temporary reserves to the banking system on \(day) through overnight repurchase agreements, a spokesman said.\n"
        }
        for (number, figures) in [("4.5", "Monday"), ("2.25", "Tuesday")].enumerated() {
            let file = harness.folder.appendingPathComponent("fed\(number).txt")
            try Data(daily(figures.0, figures.1).utf8).write(to: file)
            #expect(try harness.runToEnd(["ingest", file.path]).status == 0)
        }
        #expect(harness.storeLines().map { $0["kind"] as? String } == ["story", "story"])
    }
}
