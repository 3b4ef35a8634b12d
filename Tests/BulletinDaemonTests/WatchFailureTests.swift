import BulletinCore
@testable import BulletinDaemon
import Foundation
import Glibc
import LinuxIO
import ServiceLifecycle
import Synchronization
import SystemPackage
import SystemdSupport
import Testing

/// Issue #18, item 5: an inotify `read` that fails is logged and the watch is made again (and
/// the inbox rescanned), not a silent fall-back to the 60 s rescans. The kernel cannot be made to
/// fail the read, so the first watch gets a stand-in `read` that fails with EIO; the second is real.
@Suite struct WatchFailureTests {
    /// Counts the watches made; the first one's `read` fails.
    final class Watches: Sendable {
        let made = Mutex(0)

        func make(_ inbox: FilePath) throws -> InotifyWatcher {
            let first = made.withLock { count in
                count += 1
                return count == 1
            }
            guard first else { return try InotifyWatcher(directory: inbox) }
            return try InotifyWatcher(directory: inbox) { _, _, _ in
                errno = EIO
                return -1
            }
        }
    }

    /// Waits until `condition` holds, with no deadline of its own: the test's time limit is the
    /// bound. The inbox service runs on Swift's cooperative pool, two threads here, and in the
    /// full test run the synchronous tests (the end-to-end ones, which wait on the real binary
    /// with `Thread.sleep`) hold both for as long as they run: this test, alone in 1.2 s, took
    /// 14.3 s beside RunCommandTests, ending just after that suite did. A deadline here
    /// measured them, not the daemon (120 s was not enough in a full run at load 14).
    static func waitUntil(_ condition: () -> Bool) async throws {
        while !condition() { try await Task.sleep(for: .milliseconds(20)) }
    }

    @Test(.timeLimit(.minutes(10)))
    func aFailedReadIsLoggedAndTheWatchMadeAgain() async throws {
        let fixture = try IngestPipelineTests.Fixture()
        fixture.configuration.rescanInterval = .seconds(3600)  // no safety rescan can stand in
        fixture.configuration.settle = .milliseconds(500)  // a file written in place waits
        let pipeline = try await fixture.pipeline(.inbox)
        let watches = Watches()
        var inbox = InboxService(
            inbox: fixture.configuration.inbox, rescanInterval: fixture.configuration.rescanInterval, pipeline: pipeline,
            logger: fixture.journal.logger, notifier: ServiceNotifier())
        inbox.makeWatcher = { try watches.make($0) }
        let group = ServiceGroup(services: [inbox], logger: fixture.journal.logger)
        let running = Task { try await group.run() }
        let journal = fixture.journal
        let inboxFolder = fixture.configuration.inbox

        try await Self.waitUntil { !journal.entries(.ready).isEmpty }
        // Dropped after the first watch is made: only its (failing) read can report it.
        try fixture.write(".a.txt", stories: 2, in: "inbox")
        try FileManager.default.moveItem(atPath: inboxFolder.appending(".a.txt").string, toPath: inboxFolder.appending("a.txt").string)
        try await Self.waitUntil { journal.entries(.storyNew).count == 2 }

        let failures = journal.entries(.watchLost)
        #expect(failures.count == 1)
        #expect(failures.first?.level == .error)
        #expect(failures.first?.message.contains("read 'inotify'") == true && failures.first?.message.contains("EIO") == true)
        #expect(watches.made.withLock { $0 } == 2)
        #expect(fixture.exists(fixture.configuration.resolvedProcessedFolder.appending("a.txt")))

        // The watch made again still wakes for a file that waits: written in place, b.txt is
        // parked until it settles, and then only the loop's alarm can take it (no rescan for an
        // hour, no event to come).
        try fixture.write("b.txt", stories: 1, seed: 1, in: "inbox")
        try await Self.waitUntil { journal.entries(.storyNew).count == 3 }
        #expect(fixture.exists(fixture.configuration.resolvedProcessedFolder.appending("b.txt")))
        #expect(watches.made.withLock { $0 } == 2)

        await group.triggerGracefulShutdown()
        try await running.value
    }
}
