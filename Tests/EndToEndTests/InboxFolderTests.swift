import Foundation
import Testing

/// The inbox folder itself goes away, is moved, mounted over, or cannot be made: the daemon
/// warns, waits (backing off), watches it again, rescans, and never stops.
@Suite(.serialized) struct InboxFolderTests {

    /// Moved away three times: each time a new inbox is made and watched; the moved folder is no
    /// longer the inbox; the re-watches leak no descriptor (the old watcher's are closed).
    @Test func aFolderMovedAwayIsRecreatedAndWatchedWithoutLeaks() throws {
        let daemon = try DaemonHarness.ready()
        try daemon.dropInside(DaemonHarness.bulletin(0), as: "first.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.lines(for: "first.txt") == 1 })
        let descriptors = daemon.descriptorCount
        for round in 1...3 {
            let away = daemon.folder.appendingPathComponent("away-\(round)")
            try FileManager.default.moveItem(at: daemon.inbox, to: away)
            #expect(daemon.waitUntil(within: 5) { daemon.logCount("is gone; re-creating it") == round })
            #expect(daemon.waitUntil(within: 5) { FileManager.default.fileExists(atPath: daemon.inbox.path) })
            try daemon.dropInside(DaemonHarness.bulletin(round), as: "after-\(round).txt")
            try daemon.dropInside(DaemonHarness.bulletin(100 + round), as: "left-behind-\(round).txt", inbox: away)
            #expect(daemon.waitUntil(within: 5) { daemon.lines(for: "after-\(round).txt") == 1 })
        }
        #expect(daemon.waitUntil(within: 5) { daemon.descriptorCount == descriptors }, "\(daemon.descriptorCount) descriptors, \(descriptors) before")
        #expect((1...3).allSatisfy { daemon.lines(for: "left-behind-\($0).txt") == 0 })
        #expect(daemon.stop() == 0)
    }

    /// A tmpfs mounted on the inbox before the start is the watched folder; unmounting it loses
    /// the watch (IN_UNMOUNT): the daemon watches the folder underneath and rescans it, which
    /// finds the file that was hidden under the mount.
    @Test(.enabled(if: DaemonHarness.isRoot, "mounts a tmpfs: needs root (CI runs as root)"))
    func anUnmountedInboxIsWatchedAgainAndRescanned() throws {
        let daemon = try DaemonHarness()
        try FileManager.default.createDirectory(at: daemon.inbox, withIntermediateDirectories: true)
        try daemon.dropInside(DaemonHarness.bulletin(1), as: "under-the-mount.txt")
        #expect(try DaemonHarness.tool("/bin/mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", daemon.inbox.path]) == 0)
        var mounted = true
        defer { if mounted { _ = try? DaemonHarness.tool("/bin/umount", ["-l", daemon.inbox.path]) } }
        try daemon.startReady()
        try daemon.dropInside(DaemonHarness.bulletin(2), as: "on-the-tmpfs.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.lines(for: "on-the-tmpfs.txt") == 1 })
        #expect(daemon.lines(for: "under-the-mount.txt") == 0)
        // The stored file is then copied off the tmpfs into processed/ (another file system), and
        // umount says "target is busy" while that copy holds it open: wait for the copy to end.
        let processed = daemon.folder.appendingPathComponent(".bulletind/processed/on-the-tmpfs.txt")
        #expect(daemon.waitUntil(within: 5) { FileManager.default.fileExists(atPath: processed.path) })
        #expect(daemon.waitUntil(within: 5) { (try? DaemonHarness.tool("/bin/umount", [daemon.inbox.path])) == 0 })
        mounted = false
        #expect(daemon.waitUntil(within: 5) { daemon.stderrText().contains("is gone; re-creating it") })
        #expect(daemon.waitUntil(within: 5) { daemon.lines(for: "under-the-mount.txt") == 1 })
        try daemon.dropInside(DaemonHarness.bulletin(3), as: "after.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.lines(for: "after.txt") == 1 })
        #expect(daemon.stop() == 0)
    }

    /// A tmpfs mounted over the running inbox sends no event; the safety rescan notices that the
    /// path names another folder, and the daemon watches that one.
    @Test(.enabled(if: DaemonHarness.isRoot, "mounts a tmpfs: needs root (CI runs as root)"))
    func aTmpfsMountedOverTheRunningInboxIsNoticedAndWatched() throws {
        let daemon = try DaemonHarness.ready(["BULLETIND_INBOX_RESCAN_INTERVAL_S": "1"])
        #expect(try DaemonHarness.tool("/bin/mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", daemon.inbox.path]) == 0)
        var mounted = true
        defer { if mounted { _ = try? DaemonHarness.tool("/bin/umount", ["-l", daemon.inbox.path]) } }
        #expect(daemon.waitUntil(within: 5) { daemon.stderrText().contains("was replaced, mounted over or removed") })
        try daemon.dropInside(DaemonHarness.bulletin(4), as: "on-top.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.lines(for: "on-top.txt") == 1 })
        // As above: the stored file is copied off the tmpfs into processed/, and umount says
        // "target is busy" while that copy holds it open.
        let processed = daemon.folder.appendingPathComponent(".bulletind/processed/on-top.txt")
        #expect(daemon.waitUntil(within: 5) { FileManager.default.fileExists(atPath: processed.path) })
        #expect(daemon.waitUntil(within: 5) { (try? DaemonHarness.tool("/bin/umount", [daemon.inbox.path])) == 0 })
        mounted = false
        #expect(daemon.waitUntil(within: 5) { daemon.stderrText().contains("is gone; re-creating it") })
        try daemon.dropInside(DaemonHarness.bulletin(5), as: "underneath.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.lines(for: "underneath.txt") == 1 })
        #expect(daemon.stop() == 0)
    }

    /// The inbox's parent is replaced by a file: the folder cannot be made, and the retries back
    /// off (doubling) instead of spinning; once the parent is back, the daemon watches the inbox
    /// again and its rescan ingests what arrived meanwhile. Before the fix, the first safety
    /// rescan threw ENOTDIR out of the service and the daemon exited 1.
    @Test func retriesBackOffWhileTheInboxCannotBeMadeAndRecover() throws {
        let daemon = try DaemonHarness.ready(["BULLETIND_INBOX_PATH": "p/inbox", "BULLETIND_INBOX_RESCAN_INTERVAL_S": "1"])
        let parent = daemon.folder.appendingPathComponent("p")
        let away = daemon.folder.appendingPathComponent("p.away")
        try FileManager.default.moveItem(at: parent, to: away)
        #expect(FileManager.default.createFile(atPath: parent.path, contents: Data()))
        #expect(daemon.waitUntil(within: 5) { daemon.logCount("cannot watch") >= 1 })
        // An observation window, not a synchronisation: how often does it retry in 4 s?
        Thread.sleep(forTimeInterval: 4)
        #expect(daemon.process?.isRunning == true)
        let delays = daemon.stderrText().components(separatedBy: "retrying in ").dropFirst().compactMap {
            Double($0.prefix { $0 == "." || $0.isNumber })
        }
        #expect((3...6).contains(delays.count), "\(delays)")
        #expect(zip(delays, delays.dropFirst()).allSatisfy { $0 < $1 }, "\(delays)")

        try daemon.dropInside(DaemonHarness.bulletin(6), as: "while-broken.txt", inbox: away.appendingPathComponent("inbox"))
        try FileManager.default.removeItem(at: parent)
        try FileManager.default.moveItem(at: away, to: parent)
        #expect(daemon.waitUntil(within: 15) { daemon.lines(for: "while-broken.txt") == 1 })
        try daemon.dropInside(DaemonHarness.bulletin(7), as: "after.txt", inbox: parent.appendingPathComponent("inbox"))
        #expect(daemon.waitUntil(within: 5) { daemon.lines(for: "after.txt") == 1 })
        #expect(daemon.stop() == 0)
    }
}
