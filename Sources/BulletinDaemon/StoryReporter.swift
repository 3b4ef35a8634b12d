import BulletinCore
import Dispatch
import LinuxIO
import Logging

/// The journal entries of the store's lines (one per new story, one per duplicate): sent at
/// once by the daemon, from a thread of their own in a back-fill.
///
/// journald spends about 30 µs of CPU on an entry and its socket holds only a few, so a
/// back-fill that sent them from the pipeline waited on journald after every bulletin while the
/// cores loading the next ones sat idle (docs/performance.md, "Back-fill"). The entries keep their order (one serial queue), and at most `backlog`
/// bulletins wait: a journal that cannot keep up slows the back-fill down instead of filling
/// memory. The daemon keeps sending at once, so a `kill -9` can cost it no more than the entries
/// of the bulletin in hand; a back-fill could lose a backlog of entries (never store lines).
final class StoryReporter: Sendable {
    let logger: Logger
    private let queue: DispatchQueue?
    private let slots: DispatchSemaphore

    init(logger: Logger, inBackground: Bool, backlog: Int = 64) {
        self.logger = logger
        queue = inBackground ? DispatchQueue(label: "bulletind.story-entries") : nil
        slots = DispatchSemaphore(value: backlog)
    }

    /// A bulletin's exact duplicates beyond this many get one summary entry between them, not
    /// one each: a file of 200,000 copies of one tiny story made 200,000 entries. The store keeps
    /// a line for every one; new stories and near duplicates always get their own entry.
    static let exactDuplicatesLogged = 1000

    /// The journal entries of one bulletin's lines, gathered while the lines are written and
    /// sent once they are all stored (`report`): each record kept without its text (an entry
    /// needs only its id, headline and match), exact duplicates beyond `exactDuplicatesLogged`
    /// only counted.
    struct Batch: Sendable {
        private(set) var records: [StoryRecord] = []
        private(set) var exactDuplicates = 0
        private(set) var file = ""
        private(set) var sha256 = ""

        init() {}

        init(_ records: [StoryRecord]) {
            for record in records { add(record) }
        }

        /// Exact duplicates that get no entry of their own.
        var unlogged: Int { max(0, exactDuplicates - StoryReporter.exactDuplicatesLogged) }

        mutating func add(_ record: StoryRecord) {
            if records.isEmpty, exactDuplicates == 0 {
                file = record.bulletin.file
                sha256 = record.bulletin.sha256
            }
            if record.kind == .duplicate, record.match == DuplicateMatch.exact.rawValue {
                exactDuplicates += 1
                if exactDuplicates > StoryReporter.exactDuplicatesLogged { return }
            }
            var entry = record
            entry.bodyText = nil
            entry.byline = nil
            entry.dateline = nil
            entry.sources = nil
            entry.ednote = nil
            records.append(entry)
        }
    }

    /// One entry per record (but see `exactDuplicatesLogged`), after every entry reported before.
    /// `progress` is called every hundred entries sent here (not in the background).
    func report(_ records: [StoryRecord], progress: () -> Void = {}) {
        report(Batch(records), progress: progress)
    }

    func report(_ batch: Batch, progress: () -> Void = {}) {
        guard let queue else {
            Self.send(batch, to: logger, progress: progress)
            return
        }
        slots.wait()
        queue.async { [logger, slots] in
            Self.send(batch, to: logger)
            slots.signal()
        }
    }

    private static func send(_ batch: Batch, to logger: Logger, progress: () -> Void = {}) {
        for (position, record) in batch.records.enumerated() {
            if position % 100 == 99 { progress() }
            logger.record(record)
        }
        guard batch.unlogged > 0 else { return }
        logger.event(
            .duplicatesSummarized, .info,
            "\(FileName(batch.file).display): \(batch.unlogged) more exact duplicates, not logged one by one (the store has a line for each)",
            ["BULLETIN_FILE": FileName(batch.file).display, "BULLETIN_SHA256": batch.sha256, "DUPLICATES": String(batch.unlogged)])
    }

    /// Entries still queued are sent before the reporter goes.
    deinit {
        queue?.sync {}
    }

    /// Returns once every entry reported so far has been sent.
    func waitUntilSent() {
        queue?.sync {}
    }
}
