import BulletinCore
@testable import BulletinDaemon
import Dispatch
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
            Logger(label: "test") { _ in Handler(journal: self) }
        }

        struct Handler: LogHandler {
            let journal: GatedJournal
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .trace
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                journal.gate.wait()
                journal.gate.signal()
                let id = event.metadata?["STORY_ID"]?.description ?? "?"
                journal.received.withLock { $0.append(id) }
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

    @Test func waitUntilSentWaitsForTheJournal() async {
        let journal = GatedJournal()
        let reporter = StoryReporter(logger: journal.logger, inBackground: true)
        reporter.report(Self.records(1...2))
        let waited = Mutex(false)
        DispatchQueue.global().async {
            reporter.waitUntilSent()
            waited.withLock { $0 = true }
        }
        try? await Task.sleep(for: .milliseconds(200))
        #expect(waited.withLock { $0 } == false)
        journal.open()
        for _ in 0..<200 where !waited.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(10)) }
        #expect(waited.withLock { $0 })
        #expect(journal.ids == ["s1", "s2"])
    }

    @Test func aFullBacklogHoldsTheNextReport() async {
        let journal = GatedJournal()
        let reporter = StoryReporter(logger: journal.logger, inBackground: true, backlog: 2)
        reporter.report(Self.records(1...1))
        reporter.report(Self.records(2...2))
        let third = Mutex(false)
        DispatchQueue.global().async {
            reporter.report(Self.records(3...3))
            third.withLock { $0 = true }
        }
        try? await Task.sleep(for: .milliseconds(200))
        #expect(third.withLock { $0 } == false)
        journal.open()
        for _ in 0..<200 where !third.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(10)) }
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
