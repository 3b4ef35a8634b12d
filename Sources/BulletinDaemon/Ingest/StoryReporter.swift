import BulletinCore
import Dispatch
import Foundation
import LinuxIO
import Logging
import SystemPackage

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

    /// A bulletin's entries held in memory until its lines are stored; past this many, they are
    /// read back from the store instead (`Batch`).
    static let heldEntries = 10_000

    /// The journal entries of one bulletin's lines, gathered while the lines are written and
    /// sent once they are all stored (`report`), so that a crash never logs a story twice: each
    /// record kept without its text (an entry needs only its id, headline and match), exact
    /// duplicates beyond `exactDuplicatesLogged` only counted.
    ///
    /// A bulletin of more than `heldEntries` entries (a file of tiny stories: 16 MB may hold
    /// 600,000) would hold them all, some 500 bytes each; given where its lines begin in the
    /// store, the batch drops them instead and reads the lines back from there when it is sent,
    /// in the same order, one at a time.
    struct Batch: Sendable {
        private(set) var records: [StoryRecord] = []
        private(set) var exactDuplicates = 0
        private(set) var file = ""
        private(set) var sha256 = ""
        /// Where this bulletin's lines begin in the store, when they may be read back.
        private let store: FilePath?
        private let start: Int64
        /// The entries are to be read back from the store (more than `heldEntries`).
        private(set) var readsBack = false

        init() {
            store = nil
            start = 0
        }

        /// A batch whose lines are appended to `store` from byte `offset` on.
        init(store: FilePath, offset: Int64) {
            self.store = store
            start = offset
        }

        init(_ records: [StoryRecord]) {
            self.init()
            for record in records { add(record) }
        }

        /// Exact duplicates that get no entry of their own.
        var unlogged: Int { max(0, exactDuplicates - StoryReporter.exactDuplicatesLogged) }

        mutating func add(_ record: StoryRecord) {
            if records.isEmpty, exactDuplicates == 0, !readsBack {
                file = record.bulletin.file
                sha256 = record.bulletin.sha256
            }
            if record.kind == .duplicate, record.match == DuplicateMatch.exact.rawValue {
                exactDuplicates += 1
                if exactDuplicates > StoryReporter.exactDuplicatesLogged { return }
            }
            if readsBack { return }
            var entry = record
            entry.bodyText = nil
            entry.byline = nil
            entry.dateline = nil
            entry.sources = nil
            entry.ednote = nil
            records.append(entry)
            if store != nil, records.count > StoryReporter.heldEntries {
                records = []
                readsBack = true
            }
        }

        /// Calls `body` with each entry's record, in store order: those held, or those read back
        /// from the store's lines (up to `end`, without the exact duplicates past the logged ones).
        fileprivate func forEachEntry(upTo end: Int64, _ body: (StoryRecord) -> Void) throws {
            guard readsBack, let store else {
                records.forEach(body)
                return
            }
            let decoder = JSONDecoder()
            var exact = 0
            try LineReader.forEachLine(in: store, from: start) { offset, line in
                guard offset < end, let record = try? decoder.decode(StoryRecord.self, from: Data(line)) else { return }
                if record.kind == .duplicate, record.match == DuplicateMatch.exact.rawValue {
                    exact += 1
                    if exact > StoryReporter.exactDuplicatesLogged { return }
                }
                body(record)
            }
        }
    }

    /// One entry per record (but see `exactDuplicatesLogged`), after every entry reported before.
    /// `progress` is called every hundred entries sent here (not in the background).
    func report(_ records: [StoryRecord], progress: () -> Void = {}) {
        report(Batch(records), storeEnd: 0, progress: progress)
    }

    /// `storeEnd`: where the bulletin's lines end in the store. A batch that reads its entries
    /// back does so here and now, before the store can move on or be rotated.
    func report(_ batch: Batch, storeEnd: Int64, progress: () -> Void = {}) {
        guard let queue, !batch.readsBack else {
            queue?.sync {}
            Self.send(batch, storeEnd: storeEnd, to: logger, progress: progress)
            return
        }
        slots.wait()
        queue.async { [logger, slots] in
            Self.send(batch, storeEnd: storeEnd, to: logger)
            slots.signal()
        }
    }

    private static func send(_ batch: Batch, storeEnd: Int64, to logger: Logger, progress: () -> Void = {}) {
        var position = 0
        do {
            try batch.forEachEntry(upTo: storeEnd) { record in
                if position % 100 == 99 { progress() }
                position += 1
                logger.record(record)
            }
        } catch {
            // The lines are in the store; only their entries are missing from the journal.
            logger.event(
                .storeError, .error,
                "\(FileName(batch.file).display): cannot read its lines back from the store for their journal entries after \(position): \(error)",
                ["BULLETIN_FILE": FileName(batch.file).display, "BULLETIN_SHA256": batch.sha256])
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
