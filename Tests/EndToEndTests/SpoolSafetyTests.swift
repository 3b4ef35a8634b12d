import Foundation
import Testing

/// Issue #14, findings 7 and 8: what a producer (or anyone beside the daemon) could do to the
/// daemon's own files. The real binary, the real inbox.
@Suite(.serialized) struct SpoolSafetyTests {
    func mode(_ url: URL) -> Int {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return -1 }
        return Int(status.st_mode & 0o7777)
    }

    /// Finding 8: a store moved away without a SIGHUP kept receiving every append, into the
    /// moved file (or a removed one, where nobody would ever read them). Now the daemon notices
    /// before the next bulletin, says so in the journal and appends to a new file at the path.
    @Test func aStoreMovedAwayWithoutSIGHUPIsReopened() throws {
        let daemon = try DaemonHarness.ready()
        try daemon.drop(DaemonHarness.seed, as: "before.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.lines(for: "before.txt") == 14 })
        let moved = daemon.folder.appendingPathComponent("archived.jsonl")
        try FileManager.default.moveItem(at: daemon.store, to: moved)
        let bulletin = daemon.folder.appendingPathComponent("after")
        try Data(DaemonHarness.bulletin(1).utf8).write(to: bulletin)
        try daemon.drop(bulletin, as: "after.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.lines(for: "after.txt") == 1 })
        #expect(daemon.storeLines().count == 1)
        #expect(try String(contentsOf: moved, encoding: .utf8).split(separator: "\n").count == 14)
        #expect(daemon.logCount("MESSAGE_ID=\"b84555d1c7c64f66bae11ff07df85f10\"") == 1)
        #expect(daemon.stderrText().contains("was moved away or removed without a SIGHUP"))

        // Removed outright: the next bulletin's lines are not written into a deleted file.
        try FileManager.default.removeItem(at: daemon.store)
        try Data(DaemonHarness.bulletin(2).utf8).write(to: bulletin)
        try daemon.drop(bulletin, as: "after-removal.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.lines(for: "after-removal.txt") == 1 })
        #expect(daemon.logCount("MESSAGE_ID=\"b84555d1c7c64f66bae11ff07df85f10\"") == 2)
        #expect(daemon.stop() == 0)
        // The next start takes the new store as it is (the moved stories are gone from it).
        let verify = try daemon.runToEnd(["verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
    }

    /// Finding 8: a name with a U+202E RIGHT-TO-LEFT OVERRIDE or a zero-width space went into
    /// the journal as it was, where it reads as another name. It is shown escaped there; the
    /// store keeps the name as dropped, and the file is ingested and moved under it.
    @Test func invisibleCharactersInANameAreEscapedInTheJournal() throws {
        let daemon = try DaemonHarness.ready()
        let spoofed = "invoice\u{202E}gpj.txt"
        let zeroWidth = "brief\u{200B}.txt"
        try daemon.drop(DaemonHarness.seed, as: spoofed)
        let other = daemon.folder.appendingPathComponent("other")
        try Data(DaemonHarness.bulletin(4).utf8).write(to: other)
        try daemon.drop(other, as: zeroWidth)
        #expect(daemon.waitUntil(within: 10) { daemon.lines(for: spoofed) == 14 && daemon.lines(for: zeroWidth) == 1 })
        // The journal entries follow the store lines.
        #expect(daemon.waitUntil(within: 10) {
            daemon.logCount("BULLETIN_FILE=\"invoice%E2%80%AEgpj.txt\"") == 14 && daemon.logCount("BULLETIN_FILE=\"brief%E2%80%8B.txt\"") == 1
        })
        let log = daemon.stderrText()
        #expect(!log.unicodeScalars.contains("\u{202E}"), "the override reached the log as it is")
        #expect(!log.unicodeScalars.contains("\u{200B}"), "the zero-width space reached the log as it is")
        let processed = daemon.folder.appendingPathComponent(".bulletind/processed")
        #expect(FileManager.default.fileExists(atPath: processed.appendingPathComponent(spoofed).path))
        #expect(daemon.stop() == 0)
    }

    /// Finding 8: a rejected file moved to a failed folder on another file system was read
    /// into memory whole to be copied; a file rejected as too large (read no further than its
    /// size) could cost the daemon its size in memory. The copy is streamed now: 128 MB cross
    /// the file systems with the daemon's peak resident memory up by a few megabytes.
    @Test(.enabled(if: DaemonHarness.isRoot, "mounts a tmpfs: needs root (CI runs as root)"))
    func aLargeFileMovedToAnotherFileSystemIsNotReadIntoMemory() throws {
        let daemon = try DaemonHarness()
        let failed = daemon.folder.appendingPathComponent("failed-elsewhere")
        try FileManager.default.createDirectory(at: failed, withIntermediateDirectories: true)
        #expect(try DaemonHarness.tool("/bin/mount", ["-t", "tmpfs", "-o", "size=200m", "tmpfs", failed.path]) == 0)
        defer { _ = try? DaemonHarness.tool("/bin/umount", ["-l", failed.path]) }
        try daemon.startReady(environment: ["BULLETIND_INBOX_FAILED": failed.path, "BULLETIND_INBOX_MAX_FILE_SIZE": "1000000"])
        // Warm up: a bulletin ingested, so the peak below is the daemon at work, not at rest.
        try daemon.drop(DaemonHarness.seed, as: "warm.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.lines(for: "warm.txt") == 14 })
        let before = try #require(daemon.status("VmHWM"))
        let size = 128 << 20
        let big = daemon.folder.appendingPathComponent("huge")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        #expect(truncate(big.path, off_t(size)) == 0)
        try FileManager.default.moveItem(at: big, to: daemon.inbox.appendingPathComponent("huge.txt"))
        let reason = failed.appendingPathComponent("huge.txt.reason")
        #expect(daemon.waitUntil(within: 30) { FileManager.default.fileExists(atPath: reason.path) })
        let copied = try FileManager.default.attributesOfItem(atPath: failed.appendingPathComponent("huge.txt").path)[.size] as? Int
        #expect(copied == size)
        let after = try #require(daemon.status("VmHWM"))
        #expect(after - before < 32 * 1024, "peak resident memory rose by \((after - before) / 1024) MB moving a 128 MB file")
        #expect(daemon.stop() == 0)
    }

    /// Finding 7: the state (lock, ledger, duplicate index) is the daemon's alone, and the store
    /// is not for everyone: a producer in the daemon's group must not learn what others sent.
    /// Under systemd the unit keeps the whole folder 0700 (`Tests/System/service-test.sh`).
    @Test func theStateIsTheDaemonsAloneAndTheStoreNotForEveryone() throws {
        let daemon = try DaemonHarness.ready()
        try daemon.drop(DaemonHarness.seed, as: "seed.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.lines(for: "seed.txt") == 14 })
        #expect(daemon.stop() == 0)
        let state = daemon.folder.appendingPathComponent(".bulletind")
        #expect(mode(state) == 0o700)
        for file in ["lock", "ledger", "index.snapshot"] {
            #expect(mode(state.appendingPathComponent(file)) == 0o600, "\(file): \(String(mode(state.appendingPathComponent(file)), radix: 8))")
        }
        #expect(mode(daemon.store) & 0o137 == 0, "store: \(String(mode(daemon.store), radix: 8))")
        #expect(mode(daemon.store) & 0o600 == 0o600)
    }
}
