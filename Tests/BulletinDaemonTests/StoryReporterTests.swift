import BulletinCore
@testable import BulletinDaemon
import Dispatch
import Foundation
import Logging
import Synchronization
import Testing

/// The back-fill's story entries leave the pipeline at once, in order, and none is lost: each
/// test holds the journal (a log handler that waits on a gate) and watches what waits for it.
@Suite struct StoryReporterTests {
    /// A log handler that records each entry's STORY_ID, after the gate opens.
    final class GatedJournal: Sendable {
        let gate = DispatchSemaphore(value: 0)
        let received = Mutex<[String]>([])

        var logger: Logger {
            EventLogHandler.logger { [self] event in
                self.gate.wait()
                self.gate.signal()
                let id = event.metadata?["STORY_ID"]?.description ?? "?"
                self.received.withLock { $0.append(id) }
            }
        }

        func open() { gate.signal() }
        var ids: [String] { received.withLock { $0 } }
    }

    static func records(_ ids: ClosedRange<Int>) -> [StoryRecord] {
        let reference = StoryRecord.BulletinReference(file: "f.txt", sha256: String(repeating: "a", count: 64), index: 0, encoding: "utf-8")
        return ids.map { StoryRecord(kind: .story, id: "s\($0)", receivedAt: "2026-11-30T00:00:00.000Z", bulletin: reference, headline: "h") }
    }

    @Test func inBackgroundReportReturnsBeforeTheJournalTakesTheEntries() {
        let journal = GatedJournal()
        let reporter = StoryReporter(logger: journal.logger, inBackground: true)
        reporter.report(Self.records(1...3))
        reporter.report(Self.records(4...5))
        #expect(journal.ids.isEmpty)
        journal.open()
        reporter.waitUntilSent()
        #expect(journal.ids == ["s1", "s2", "s3", "s4", "s5"])
    }

    /// What the journal had taken when a call on a thread of its own returned.
    final class SeenAtReturn: Sendable {
        private let seen = Mutex<[String]?>(nil)

        /// Runs `call` on a thread of its own; returns once that thread is at the call.
        init(_ call: @escaping @Sendable () -> Void, journal: GatedJournal) {
            let calling = DispatchSemaphore(value: 0)
            Thread {
                calling.signal()
                call()
                self.seen.withLock { $0 = journal.ids }
            }.start()
            calling.wait()
        }

        /// Once the call has returned (a bounded wait).
        var ids: [String]? {
            for _ in 0..<1000 where seen.withLock({ $0 }) == nil { Thread.sleep(forTimeInterval: 0.01) }
            return seen.withLock { $0 }
        }
    }

    /// The check is what the journal had when `waitUntilSent` returned, not that nothing
    /// happened for a while: the gate opens only after the waiter is at its call (and a moment
    /// more), so a wait that returned early would have seen an empty journal.
    @Test func waitUntilSentWaitsForTheJournal() {
        let journal = GatedJournal()
        let reporter = StoryReporter(logger: journal.logger, inBackground: true)
        reporter.report(Self.records(1...2))
        let seen = SeenAtReturn({ reporter.waitUntilSent() }, journal: journal)
        Thread.sleep(forTimeInterval: 0.1)
        journal.open()
        #expect(seen.ids == ["s1", "s2"])
    }

    /// With two bulletins waiting, a third report returns only once the first has been sent.
    @Test func aFullBacklogHoldsTheNextReport() {
        let journal = GatedJournal()
        let reporter = StoryReporter(logger: journal.logger, inBackground: true, backlog: 2)
        reporter.report(Self.records(1...1))
        reporter.report(Self.records(2...2))
        let seen = SeenAtReturn({ reporter.report(Self.records(3...3)) }, journal: journal)
        Thread.sleep(forTimeInterval: 0.1)
        journal.open()
        #expect(seen.ids?.first == "s1")
        reporter.waitUntilSent()
        #expect(journal.ids == ["s1", "s2", "s3"])
    }

    @Test func entriesStillQueuedAreSentBeforeTheReporterGoes() {
        let journal = GatedJournal()
        var reporter: StoryReporter? = StoryReporter(logger: journal.logger, inBackground: true)
        reporter?.report(Self.records(1...4))
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) { journal.open() }
        reporter = nil
        #expect(journal.ids == ["s1", "s2", "s3", "s4"])
    }

    @Test func inlineReportSendsAtOnce() {
        let journal = GatedJournal()
        journal.open()
        let reporter = StoryReporter(logger: journal.logger, inBackground: false)
        reporter.report(Self.records(1...2))
        #expect(journal.ids == ["s1", "s2"])
    }
}
