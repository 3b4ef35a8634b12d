import Foundation
import Testing

/// Issue #14: a file that crashes the daemon while it is ingested (over the service's
/// `MemoryMax=`, say) was read again after every restart, forever, and the inbox never moved
/// on. Now each start counts, durably, a death against each file still claimed that the run before
/// had begun reading, when that run ended like a crash; the start that finds a file at three deaths
/// sets it aside in `failed/`, unread. The real binary, killed with SIGKILL.
@Suite(.serialized) struct CrashLoopTests {
    static let stories = 8000

    let daemon: DaemonHarness
    let big: URL

    init() throws {
        daemon = try DaemonHarness()
        big = daemon.folder.appendingPathComponent("big")
        let text = (0..<Self.stories).map { DaemonHarness.bulletin($0) }.joined(separator: "\n")
        try Data(text.utf8).write(to: big)
    }

    var claimed: URL { daemon.inbox.appendingPathComponent(".bulletind-claimed/big.txt") }
    var failed: URL { daemon.folder.appendingPathComponent(".bulletind/failed") }
    var processed: URL { daemon.folder.appendingPathComponent(".bulletind/processed") }

    func start(_ extra: [String: String] = [:]) throws {
        try daemon.start(environment: ["BULLETIND_STORE_FSYNC": "never", "BULLETIND_INBOX_FILE_TIME_LIMIT_S": "600"].merging(extra) { $1 })
    }



    /// Starts the daemon, drops `big.txt` and kills it with SIGKILL while it ingests it.
    func startAndKillWhileIngestingBig(_ extra: [String: String] = [:]) throws {
        try start(extra)
        #expect(daemon.waitUntil(within: 10) { daemon.stderrText().contains("ready: watching") })
        try daemon.drop(big, as: "big.txt")
        #expect(daemon.waitUntil(within: 10) { FileManager.default.fileExists(atPath: claimed.path) })
        try #require(killWhileIngesting(), "the daemon finished big.txt before it was killed")
    }

    /// Lets the daemon work on the claimed file for `ticks` clock ticks of CPU, then kills it
    /// with SIGKILL; returns whether the file was still claimed (unfinished) when it died.
    func killWhileIngesting(ticks: Int = 40) -> Bool {
        let start = daemon.cpuTicks
        let worked = daemon.waitUntil(within: 60) { daemon.cpuTicks >= start + ticks }
        let status = daemon.stop(signal: SIGKILL)
        return worked && status == 128 + SIGKILL && FileManager.default.fileExists(atPath: claimed.path)
    }

    @Test func aFileTheDaemonDiesOnAtThreeStartsIsSetAside() throws {
        try startAndKillWhileIngestingBig()
        for restart in 1...2 {
            try start()
            // Counted (durably) before it is read again: that is what a kill -9 must not undo.
            #expect(daemon.waitUntil(within: 30) {
                daemon.stderrText().contains("big.txt: still claimed at start; the daemon died while ingesting it (the last run's end is not known: no record from the unit's ExecStopPost=): \(restart) of 3 deaths")
            })
            try #require(killWhileIngesting(), "the daemon finished big.txt at restart \(restart) before it was killed")
        }
        try start()
        #expect(daemon.waitUntil(within: 30) { daemon.stderrText().contains("ready: watching") })
        let reason = failed.appendingPathComponent("big.txt.reason")
        #expect(FileManager.default.fileExists(atPath: failed.appendingPathComponent("big.txt").path))
        #expect(((try? String(contentsOf: reason, encoding: .utf8)) ?? "").contains("the daemon died while ingesting this file 3 times"))
        #expect(daemon.stderrText().contains("rejected big.txt: the daemon died while ingesting this file 3 times"))
        #expect(!FileManager.default.fileExists(atPath: claimed.path))
        // The inbox moves on.
        try daemon.drop(DaemonHarness.seed, as: "good.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.lines(for: "good.txt") == 14 })
        // None of big.txt's lines is in the store: whatever a kill left of them was moved to
        // the quarantine file at the next start.
        #expect(daemon.lines(for: "big.txt") == 0)
        #expect(daemon.stop() == 0)
        // The count was for that file: the next start finds nothing claimed, and a file of the
        // same name (another file) starts from nothing.
        try start()
        #expect(daemon.waitUntil(within: 10) { daemon.stderrText().contains("ready: watching") })
        #expect(!daemon.stderrText().contains("still claimed"))
        #expect(!daemon.stderrText().contains("rejected big.txt"))
        #expect(daemon.stop() == 0)
    }

    /// A file found claimed at three starts in a row whose bytes are already in the ledger was
    /// stored: only its move out failed (here the processed folder is a dangling symbolic link,
    /// so every move fails), or the kills came between its ledger entry and its move. Taking it
    /// costs a hash, not a parse, so the guard does not set it aside: it is "already ingested",
    /// never stored twice, and moved out once the folder is back.
    @Test func aLoopingFileAlreadyInTheLedgerIsNotSetAside() throws {
        let state = daemon.folder.appendingPathComponent(".bulletind")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let nowhere = daemon.folder.appendingPathComponent("gone/processed")
        try FileManager.default.createSymbolicLink(at: processed, withDestinationURL: nowhere)
        let seedClaimed = daemon.inbox.appendingPathComponent(".bulletind-claimed/good.txt")
        try daemon.startReady(environment: ["BULLETIND_STORE_FSYNC": "never"])
        try daemon.drop(DaemonHarness.seed, as: "good.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.stderrText().contains("good.txt: ingested, but could not be moved to the processed folder") })
        #expect(daemon.lines(for: "good.txt") == 14)
        #expect(FileManager.default.fileExists(atPath: seedClaimed.path))
        #expect(daemon.stop(signal: SIGKILL) == 128 + SIGKILL)
        for start in 1...3 {
            try daemon.startReady(environment: ["BULLETIND_STORE_FSYNC": "never"])
            #expect(daemon.waitUntil(within: 10) { daemon.stderrText().contains("good.txt: already ingested") }, "start \(start)")
            if start < 3 {
                #expect(daemon.stderrText().contains("good.txt: still claimed at start; the daemon died while ingesting it (the last run's end is not known: no record from the unit's ExecStopPost=): \(start) of 3 deaths"))
            }
            #expect(daemon.stop(signal: SIGKILL) == 128 + SIGKILL)
        }
        #expect(!daemon.stderrText().contains("rejected good.txt"), "\(daemon.stderrText())")
        #expect(!FileManager.default.fileExists(atPath: failed.appendingPathComponent("good.txt").path))
        #expect(try Data(contentsOf: seedClaimed) == Data(contentsOf: DaemonHarness.seed))
        #expect(daemon.lines(for: "good.txt") == 14)
        // The folder back: the next start moves the file out, still without storing it again.
        try FileManager.default.removeItem(at: processed)
        try daemon.startReady(environment: ["BULLETIND_STORE_FSYNC": "never"])
        #expect(daemon.waitUntil(within: 10) { FileManager.default.fileExists(atPath: processed.appendingPathComponent("good.txt").path) })
        #expect(!FileManager.default.fileExists(atPath: seedClaimed.path))
        #expect(!FileManager.default.fileExists(atPath: failed.appendingPathComponent("good.txt").path))
        #expect(daemon.lines(for: "good.txt") == 14)
        #expect(daemon.stop() == 0)
    }

    /// One kill -9 mid-file is a passing cause: the next start ingests the file, exactly once.
    @Test func oneKillMidFileStillIngestsItExactlyOnce() throws {
        try startAndKillWhileIngestingBig()
        try start()
        #expect(daemon.waitUntil(within: 120) { FileManager.default.fileExists(atPath: processed.appendingPathComponent("big.txt").path) })
        #expect(daemon.stderrText().contains("big.txt: still claimed at start; the daemon died while ingesting it (the last run's end is not known: no record from the unit's ExecStopPost=): 1 of 3 deaths"))
        #expect(daemon.lines(for: "big.txt") == Self.stories)
        #expect(Set(daemon.storeLines().compactMap { $0["id"] as? String }).count == Self.stories)
        #expect(!FileManager.default.fileExists(atPath: failed.appendingPathComponent("big.txt").path))
        #expect(daemon.stop() == 0)
    }

    /// A file that waited its turn while the daemon died on another is not counted: only a run
    /// that had begun reading a file can have died of it. Here `good.txt` sits claimed (as a file
    /// claimed right before a kill would) while three kills come in the middle of `big.txt`, read
    /// first by name. `big.txt` is set aside at three deaths; `good.txt`, counted once (a file with
    /// no mark is taken as read by the run that claimed it), is then read and stored. Counting
    /// every start that found it claimed set it aside unread with `big.txt`.
    @Test func aFileNotYetReadWhenTheDaemonDiesIsNotCounted() throws {
        try startAndKillWhileIngestingBig()
        let goodClaimed = daemon.inbox.appendingPathComponent(".bulletind-claimed/good.txt")
        try FileManager.default.copyItem(at: DaemonHarness.seed, to: goodClaimed)
        for restart in 1...2 {
            try start()
            #expect(daemon.waitUntil(within: 30) {
                daemon.stderrText().contains("big.txt: still claimed at start; the daemon died while ingesting it (the last run's end is not known: no record from the unit's ExecStopPost=): \(restart) of 3 deaths")
            })
            try #require(killWhileIngesting(), "the daemon finished big.txt at restart \(restart) before it was killed")
        }
        #expect(daemon.stderrText().contains("good.txt: still claimed at start; the last run's end is not known: no record from the unit's ExecStopPost=, which does not count against it: 1 of 3 deaths"))
        try start()
        #expect(daemon.waitUntil(within: 30) { FileManager.default.fileExists(atPath: processed.appendingPathComponent("good.txt").path) })
        #expect(FileManager.default.fileExists(atPath: failed.appendingPathComponent("big.txt").path))
        #expect(!FileManager.default.fileExists(atPath: failed.appendingPathComponent("good.txt").path))
        #expect(daemon.lines(for: "good.txt") == 14)
        #expect(daemon.lines(for: "big.txt") == 0)
        #expect(daemon.stop() == 0)
    }

    /// Under systemd the unit's `ExecStopPost=` writes how each run ended to
    /// `$RUNTIME_DIRECTORY/last-exit` (here written as it would). An admin's stop — `success`, or
    /// `timeout` when systemd's own SIGKILL ended a stop that took too long — does not count
    /// against the file in hand; `oom-kill` and `watchdog` do. Three deaths of which two count:
    /// the fourth start reads the file again, and stores it exactly once. Each record is read once.
    @Test func anAdminsStopDoesNotCountAgainstTheFileButAnOOMKillDoes() throws {
        let runtime = daemon.folder.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
        let record = runtime.appendingPathComponent("last-exit")
        let environment = ["RUNTIME_DIRECTORY": runtime.path]
        try startAndKillWhileIngestingBig(environment)
        let ends = [("oom-kill killed KILL", 1, true), ("timeout killed KILL", 1, false), ("watchdog dumped ABRT", 2, true)]
        for (number, (end, deaths, counted)) in ends.enumerated() {
            if number > 0 { try #require(killWhileIngesting(), "the daemon finished big.txt before it was killed (\(end))") }
            try Data("\(end)\n".utf8).write(to: record)
            try start(environment)
            let fields = end.split(separator: " ")
            let how = "the last run ended with SERVICE_RESULT=\(fields[0]) EXIT_CODE=\(fields[1]) EXIT_STATUS=\(fields[2])"
            let expected =
                counted
                ? "big.txt: still claimed at start; the daemon died while ingesting it (\(how)): \(deaths) of 3 deaths"
                : "big.txt: still claimed at start; \(how), which does not count against it: \(deaths) of 3 deaths"
            #expect(daemon.waitUntil(within: 30) { daemon.stderrText().contains(expected) }, "\(daemon.stderrText())")
            #expect(daemon.waitUntil(within: 10) { !FileManager.default.fileExists(atPath: record.path) }, "the record is read once")
        }
        #expect(daemon.waitUntil(within: 120) { FileManager.default.fileExists(atPath: processed.appendingPathComponent("big.txt").path) })
        #expect(!FileManager.default.fileExists(atPath: failed.appendingPathComponent("big.txt").path))
        #expect(daemon.lines(for: "big.txt") == Self.stories)
        #expect(Set(daemon.storeLines().compactMap { $0["id"] as? String }).count == Self.stories)
        #expect(daemon.stop() == 0)
    }
}
