import Foundation
import Testing

/// Entries the inbox may hold besides bulletins, and files that change under the daemon.
@Suite(.serialized) struct InboxEntryTests {
    func reason(_ daemon: DaemonHarness, _ name: String) -> String {
        (try? String(contentsOf: daemon.folder.appendingPathComponent(".bulletind/failed/\(name).reason"), encoding: .utf8)) ?? ""
    }

    /// A socket and a device node (an unbacked one: opening it would fail with ENXIO, so its
    /// reason proves it was never opened) are rejected by kind, moved aside, and the next
    /// bulletin is ingested.
    @Test(.enabled(if: DaemonHarness.isRoot, "mknod needs root (CI runs as root)"))
    func aSocketAndADeviceNodeAreRejectedWithoutBeingOpened() throws {
        let daemon = try DaemonHarness.ready()
        let socketFile = bindSocket(at: daemon.inbox.appendingPathComponent("sock.txt").path)
        #expect(socketFile >= 0)
        defer { close(socketFile) }
        #expect(mknod(daemon.inbox.appendingPathComponent("device.txt").path, S_IFCHR | 0o600, dev_t((240 << 8) | 77)) == 0)
        try daemon.drop(DaemonHarness.seed, as: "good.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.lines(for: "good.txt") == 14 })
        #expect(daemon.waitUntil(within: 5) { reason(daemon, "sock.txt").contains("not a regular file (a socket)") }, "\(reason(daemon, "sock.txt"))")
        #expect(daemon.waitUntil(within: 5) { reason(daemon, "device.txt").contains("not a regular file (a character device)") }, "\(reason(daemon, "device.txt"))")
        #expect(daemon.logCount("REJECT_REASON=") == 2)
        #expect(daemon.stop() == 0)
    }

    /// Tests run as root, who may read anything: the daemon runs as `nobody` (setpriv) in folders
    /// it owns, and a root-only file is dropped in. It is rejected as unreadable, named in the
    /// journal, and the daemon goes on.
    @Test(.enabled(if: DaemonHarness.isRoot, "switches to uid 65534 with setpriv: needs root (CI runs as root)"))
    func aFileTheDaemonMayNotReadIsRejectedAndTheDaemonGoesOn() throws {
        let daemon = try DaemonHarness()
        try FileManager.default.createDirectory(at: daemon.inbox, withIntermediateDirectories: true)
        for path in [daemon.folder.path, daemon.inbox.path, daemon.stderrFile.path] {
            if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
            #expect(chown(path, 65534, 65534) == 0)
        }
        try daemon.startReady(launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
        #expect(daemon.status("Uid") == 65534)

        let staging = daemon.folder.appendingPathComponent("staging-secret")
        try Data(DaemonHarness.bulletin(1).utf8).write(to: staging)
        #expect(chmod(staging.path, 0o600) == 0)  // root's, and only root's
        try FileManager.default.moveItem(at: staging, to: daemon.inbox.appendingPathComponent("secret.txt"))
        try daemon.drop(DaemonHarness.seed, as: "good.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.lines(for: "good.txt") == 14 })
        #expect(daemon.waitUntil(within: 5) { daemon.stderrText().contains("rejected secret.txt: open") })
        #expect(daemon.stderrText().contains("Permission denied"))
        #expect(reason(daemon, "secret.txt").contains("Permission denied"))
        #expect(daemon.lines(for: "secret.txt") == 0)
        #expect(daemon.stop() == 0)
    }

    /// With a settle delay the daemon holds a file between its event and its read: deleted in
    /// that window, it is skipped (a debug entry); truncated to nothing, it waits for the file to
    /// settle again and rejects it as empty. Neither stops the daemon.
    @Test func aFileDeletedOrTruncatedBetweenEventAndReadIsSkippedOrRejected() throws {
        let daemon = try DaemonHarness.ready(["BULLETIND_INBOX_SETTLE_MS": "1500", "BULLETIND_LOG_LEVEL": "debug"])
        try Data(DaemonHarness.bulletin(1).utf8).write(to: daemon.inbox.appendingPathComponent("deleted.txt"))
        try Data(DaemonHarness.bulletin(2).utf8).write(to: daemon.inbox.appendingPathComponent("truncated.txt"))
        // Well inside the settle window, well after the close event reached the daemon.
        Thread.sleep(forTimeInterval: 0.3)
        try FileManager.default.removeItem(at: daemon.inbox.appendingPathComponent("deleted.txt"))
        #expect(truncate(daemon.inbox.appendingPathComponent("truncated.txt").path, 0) == 0)
        try daemon.drop(DaemonHarness.seed, as: "good.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.lines(for: "good.txt") == 14 })
        #expect(daemon.waitUntil(within: 5) { daemon.stderrText().contains("deleted.txt: gone before it could be read") })
        #expect(daemon.waitUntil(within: 5) { reason(daemon, "truncated.txt").contains("empty") }, "\(reason(daemon, "truncated.txt"))")
        #expect(daemon.lines(for: "deleted.txt") + daemon.lines(for: "truncated.txt") == 0)
        #expect(daemon.stop() == 0)
    }

    /// Temporary and hidden names are left alone, the patterns decide what a bulletin is, and a
    /// name with an escape sequence is rejected under an escaped name.
    @Test func temporaryNamesAreLeftAloneAndPatternsAreConfigurable() throws {
        let daemon = try DaemonHarness.ready(["BULLETIND_INBOX_PATTERNS": "*.txt, *.news"])
        let leftAlone = [".hidden.txt", "a.txt.tmp", "b.txt.part", "c.txt~", "d.txt.swp", ".e.txt.swp", "notes.md"]
        for (number, name) in leftAlone.enumerated() { try daemon.dropInside(DaemonHarness.bulletin(number), as: name) }
        try daemon.dropInside(DaemonHarness.bulletin(50), as: "esc\u{1B}[31m.txt")
        try daemon.dropInside(DaemonHarness.bulletin(51), as: "wire.news")
        try daemon.dropInside(DaemonHarness.bulletin(52), as: "last.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.lines(for: "wire.news") == 1 && daemon.lines(for: "last.txt") == 1 })
        let failed = (try? FileManager.default.contentsOfDirectory(atPath: daemon.folder.appendingPathComponent(".bulletind/failed").path)) ?? []
        #expect(failed.sorted() == ["esc%1B[31m.txt", "esc%1B[31m.txt.reason"])
        // The file moves out of the inbox just after its lines reach the store.
        let inbox = { ((try? FileManager.default.contentsOfDirectory(atPath: daemon.inbox.path)) ?? []).sorted() }
        #expect(daemon.waitUntil(within: 5) { inbox() == (leftAlone + [".bulletind-claimed"]).sorted() }, "\(inbox())")
        #expect(daemon.storeLines().count == 2)
        #expect(daemon.stop() == 0)
    }

    private func bindSocket(at path: String) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in raw.copyBytes(from: Array(path.utf8).prefix(raw.count - 1)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return bound == 0 ? fd : -1
    }
}
