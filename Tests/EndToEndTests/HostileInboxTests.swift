import Foundation
import Testing

/// Whatever lands in the inbox, the daemon keeps going and says what it did.
@Suite(.serialized) struct HostileInboxTests {
    func failed(_ daemon: DaemonHarness) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: daemon.folder.appendingPathComponent(".bulletind/failed").path).sorted()) ?? []
    }

    @Test func oddEntriesAreRejectedWithReasonsAndNeverStopTheDaemon() throws {
        let daemon = try DaemonHarness.ready(["BULLETIND_INBOX_MAX_FILE_SIZE": "100000"])
        let inbox = daemon.inbox
        // A symlink to a perfectly readable bulletin: never followed.
        try FileManager.default.createSymbolicLink(atPath: inbox.appendingPathComponent("link.txt").path, withDestinationPath: DaemonHarness.seed.path)
        // A FIFO: must not block the daemon.
        #expect(mkfifo(inbox.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        // Too large, binary, empty.
        try Data(repeating: UInt8(ascii: "a"), count: 100_001).write(to: inbox.appendingPathComponent("big.txt"))
        try Data([0x48, 0x00, 0x69]).write(to: inbox.appendingPathComponent("nul.txt"))
        try Data().write(to: inbox.appendingPathComponent("empty.txt"))
        // A name with a newline, and one that is not UTF-8.
        try Data(contentsOf: DaemonHarness.seed).write(to: inbox.appendingPathComponent("evil\nname.txt"))
        let raw: [CChar] = Array((inbox.path + "/caf").utf8CString.dropLast()) + [CChar(bitPattern: 0xE9)] + Array(".txt".utf8CString)
        let fd = open(raw, O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0)
        close(fd)
        // A folder and hidden or temporary names: left alone.
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("sub.txt"), withIntermediateDirectories: false)
        try Data("x".utf8).write(to: inbox.appendingPathComponent(".hidden.txt"))
        try Data("x".utf8).write(to: inbox.appendingPathComponent("partial.txt.part"))
        // And then a good bulletin, which must still be ingested.
        try daemon.drop(DaemonHarness.seed, as: "good.txt")

        #expect(daemon.waitUntil(within: 10) { daemon.storeLines().count == 14 && failed(daemon).count == 14 })
        #expect(failed(daemon) == [
            "big.txt", "big.txt.reason", "caf%E9.txt", "caf%E9.txt.reason", "empty.txt", "empty.txt.reason",
            "evil%0Aname.txt", "evil%0Aname.txt.reason", "link.txt", "link.txt.reason", "nul.txt", "nul.txt.reason",
            "pipe.txt", "pipe.txt.reason",
        ])
        let reason = { (name: String) in
            (try? String(contentsOf: daemon.folder.appendingPathComponent(".bulletind/failed/\(name).reason"), encoding: .utf8)) ?? ""
        }
        #expect(reason("link.txt").contains("symbolic link"))
        #expect(reason("pipe.txt").contains("FIFO"))
        #expect(reason("big.txt").contains("over the limit"))
        #expect(reason("nul.txt").contains("binary"))
        #expect(reason("evil%0Aname.txt").contains("not plain text"))
        let left = { (try? FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted()) ?? [] }
        #expect(daemon.waitUntil(within: 5) { left() == [".bulletind-claimed", ".hidden.txt", "partial.txt.part", "sub.txt"] }, "\(left())")
        #expect(daemon.stderrText().components(separatedBy: "REJECT_REASON=").count - 1 == 7)
        #expect(daemon.stop() == 0)
        // `stats` counts them by the kind the daemon wrote beside each reason, as the metric
        // labels them, whatever the sentence says.
        let stats = try daemon.runToEnd(["stats", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["rejected_by_reason"] as? [String: Int] == [
            "binary": 1, "empty": 1, "not-regular": 2, "too large": 1, "unprintable-name": 2,
        ])
    }

    @Test func deletingAndRecreatingTheInboxKeepsItWatched() throws {
        let daemon = try DaemonHarness.ready()
        try FileManager.default.removeItem(at: daemon.inbox)
        #expect(daemon.waitUntil(within: 5) { daemon.stderrText().contains("is gone; re-creating it") })
        #expect(daemon.waitUntil(within: 5) { FileManager.default.fileExists(atPath: daemon.inbox.path) })
        try daemon.drop(DaemonHarness.seed, as: "after.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count == 14 })
        #expect(daemon.stop() == 0)
    }

    @Test func keptFilesAreNotIngestedTwiceByRescans() throws {
        let daemon = try DaemonHarness.ready(
            ["BULLETIND_INBOX_AFTER_INGEST": "keep", "BULLETIND_INBOX_RESCAN_INTERVAL_S": "1", "BULLETIND_LOG_LEVEL": "debug"])
        try daemon.drop(DaemonHarness.seed, as: "kept.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count == 14 })
        // Two safety rescans later: still there, still 14 lines, and no "already ingested" noise.
        let rescans = daemon.logCount("safety rescan")
        #expect(daemon.waitUntil(within: 20) { daemon.logCount("safety rescan") >= rescans + 2 })
        #expect(FileManager.default.fileExists(atPath: daemon.inbox.appendingPathComponent("kept.txt").path))
        #expect(daemon.storeLines().count == 14)
        #expect(!daemon.stderrText().contains("already ingested"))
        #expect(daemon.stop() == 0)
    }

    @Test func aRejectedFileThatCannotBeMovedIsRejectedOnceNotAtEveryRescan() throws {
        let daemon = try DaemonHarness()
        let notAFolder = daemon.folder.appendingPathComponent("failed-is-a-file")
        try Data("x".utf8).write(to: notAFolder)
        try daemon.startReady(environment: [
            "BULLETIND_INBOX_FAILED": notAFolder.path, "BULLETIND_INBOX_RESCAN_INTERVAL_S": "1", "BULLETIND_LOG_LEVEL": "debug",
        ])
        try Data([0x00, 0x01]).write(to: daemon.folder.appendingPathComponent("bin"))
        try daemon.drop(daemon.folder.appendingPathComponent("bin"), as: "bin.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.stderrText().contains("not looked at again until it changes") })
        // Two safety rescans later, still one rejection.
        let rescans = daemon.logCount("safety rescan")
        #expect(daemon.waitUntil(within: 20) { daemon.logCount("safety rescan") >= rescans + 2 })
        #expect(daemon.stderrText().components(separatedBy: "REJECT_REASON=").count - 1 == 1)
        #expect(FileManager.default.fileExists(atPath: daemon.inbox.appendingPathComponent("bin.txt").path))
        #expect(daemon.stop() == 0)
    }

    @Test func aFileWrittenInPlaceWaitsToSettle() throws {
        let daemon = try DaemonHarness.ready(["BULLETIND_INBOX_SETTLE_MS": "400"])
        let path = daemon.inbox.appendingPathComponent("slow.txt")
        let started = Date()
        try Data(contentsOf: DaemonHarness.seed).write(to: path)
        #expect(daemon.waitUntil(within: 5) { daemon.storeLines().count == 14 })
        #expect(Date().timeIntervalSince(started) >= 0.35)
        #expect(daemon.stop() == 0)
    }
}
