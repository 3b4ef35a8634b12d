import BulletinCore
import BulletinMetrics
import Foundation
import LinuxIO
import Logging
import SystemPackage

/// Read → decode → parse → dedup → store → ledger → move, one bulletin at a time.
///
/// An actor: the duplicate index, the ledger and the store have exactly one user, and bulletins
/// are ingested strictly one after another — on a thread of the pipeline's own, not on Swift's
/// cooperative pool, since its calls block (`ThreadExecutor`). The order of the steps is what makes a crash
/// harmless: the store append comes first (the truth), the ledger entry next (an index of the
/// store), the file move last — so a bulletin still in the inbox at the next start is either in
/// the ledger (moved without being ingested again) or not in the store at all.
///
/// The rest of the actor is in files of their own: what it starts from (`+Start`), which files
/// it takes (`+Admission`), where they go afterwards (`+Disposal`) and how the store and the
/// index are made durable (`+Durability`).
package actor IngestPipeline {
    /// Who feeds the pipeline, fixed when it starts.
    package enum Role: Sendable, Equatable {
        /// The daemon: each file was claimed from the inbox (or, with `after_ingest: keep`, is
        /// read where it is) and goes where `after_ingest` says, or to the failed folder; the
        /// journal's story entries are sent at once.
        case inbox
        /// `bulletind ingest` (and its benchmark): every file stays where it is, and the story
        /// entries go to the journal from a thread of their own (see `StoryReporter`).
        case backfill
    }

    struct Counters: Sendable {
        var stories = 0
        var duplicates = 0
        var rejected = 0
        var alreadyIngested = 0
        var lastFile: String?
    }

    let role: Role
    var configuration: Configuration
    var names: BulletinNames
    let reporter: StoryReporter
    /// Any other entry waits for the story entries reported before it: the journal keeps the
    /// pipeline's order.
    var logger: Logger {
        reporter.waitUntilSent()
        return reporter.logger
    }
    private let processor = BulletinProcessor()
    /// Where the fault-injection tests make the daemon die (`FaultPoints`); none otherwise.
    private let faultPoints = FaultPoints()
    let store: StoryStore
    let ledger: IngestLedger
    var index: DuplicateIndex
    var flushScheduled = false
    /// The index may hold stories of a bulletin the store refused: rebuild it before the next one.
    var indexNeedsRebuild = false
    /// Files dealt with but left in the inbox (`after_ingest: keep`), so rescans skip them.
    var kept: [FileName: FileSignature] = [:]
    /// Rejected files that could not be moved to the failed folder (e.g. a FIFO on another file
    /// system): rejected once, then left alone by rescans until they change.
    var unmovable: [FilePath: FileSignature] = [:]
    /// New stories since the index was last saved.
    var unsavedStories = 0
    static let snapshotEvery = 20_000
    let snapshots: IndexSnapshot.Writer
    var counters = Counters()
    /// Where the daemon moves a bulletin before reading it (inside the inbox).
    nonisolated let claims: ClaimFolder
    /// How many times the daemon died while reading each file still claimed (`noteClaimsAtStart`).
    var claimRestarts = ClaimRestarts()

    /// The pipeline's own thread: its work blocks (`ThreadExecutor`).
    nonisolated let executor: ThreadExecutor
    package nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Recovers the store, the ledger and the duplicate index (`StoreRecovery`), saying in the
    /// journal what was repaired, and opens the store for appending — all on the pipeline's
    /// own thread, which then runs everything the pipeline does.
    package static func start(configuration: Configuration, logger: Logger, role: Role) async throws -> IngestPipeline {
        let executor = ThreadExecutor(name: "ingest-pipeline")
        return try await executor.run {
            try IngestPipeline(configuration: configuration, logger: logger, role: role, executor: executor)
        }
    }

    private init(configuration: Configuration, logger: Logger, role: Role, executor: ThreadExecutor) throws {
        self.executor = executor
        self.role = role
        self.configuration = configuration
        reporter = StoryReporter(logger: logger, inBackground: role == .backfill)
        names = BulletinNames(patterns: configuration.patterns)
        let (ledger, index) = try Self.recoverState(configuration: configuration, logger: logger)
        self.ledger = ledger
        self.index = index
        store = try StoryStore(path: configuration.store, fsync: configuration.fsync)
        snapshots = IndexSnapshot.Writer(stateDirectory: configuration.stateDirectory)
        claims = ClaimFolder(inbox: configuration.inbox)
    }

    var storyCount: Int { index.count }

    /// Whether a name in the inbox is a bulletin (not hidden, not temporary, matching a pattern).
    /// The name as it is when it is text (a zero-width joiner in a Persian name stays one), else
    /// as shown.
    func isBulletinName(_ name: FileName) -> Bool { names.accepts(name.string ?? name.display) }

    /// Takes a new configuration (SIGHUP) and reopens the store. Returns the settings whose
    /// change needs a restart; they keep their old values (`ReloadPlan`).
    func reload(_ new: Configuration) throws -> [String] {
        let plan = ReloadPlan(current: configuration, new: new)
        try store.synchronize()
        try store.reopen()
        configuration = plan.applied
        names = BulletinNames(patterns: plan.applied.patterns)
        return plan.needRestart
    }

    /// The digests a loader may skip preparing: none when identical files are recorded again.
    package var knownDigests: Set<BulletinDigest> { configuration.identicalFiles == .skip ? ledger.knownDigests : [] }

    /// The dedup configuration bulletins are to be prepared with.
    package var dedupConfiguration: DedupConfiguration { index.configuration }

    /// How bulletins are to be decoded: the inbox's pinned encoding, if any.
    package var decoder: BulletinDecoder { BulletinDecoder(pinned: configuration.encoding) }

    /// Sizes the duplicate index for a back-fill of `bytes` of bulletins at once, rather than
    /// growing it step by step as the stories arrive: a story per kilobyte (the seed bulletin's
    /// density), at most a million ahead (about 140 MB of tables, which that many stories fill).
    package func expectBulletins(totalling bytes: Int64) {
        index.reserveCapacity(forAdditional: Int(min(bytes / 1000, 1_000_000)))
    }

    // MARK: - Commit: one bulletin, step by step

    /// Ingests a file loaded (and normally prepared) beforehand, possibly on another thread:
    /// identified, checked against the ledger, decided against the index, stored, entered in the
    /// ledger, logged, and moved as the role says. `mayReadAgain`: a file that failed to read for
    /// a passing reason (it changed meanwhile, it has another name) is left where it is for
    /// another try (`.unstable`) rather than rejected.
    package func commit(_ loaded: LoadedFile, mayReadAgain: Bool = false, watchdog: WatchdogPinger? = nil) -> Outcome {
        do throws(Settled) {
            let bulletin = try identify(loaded, mayReadAgain: mayReadAgain)
            try skipIfIngestedBefore(bulletin)
            let receivedAt = Timestamp.now
            var decisions = try decide(bulletin, receivedAt: receivedAt)
            let stored = try append(&decisions, of: bulletin, watchdog: watchdog)
            recordInLedger(bulletin)
            reporter.report(stored.entries, storeEnd: store.size) { watchdog?.pingIfDue() }
            // After the report: a batch that reads its entries back from the store has done so.
            rotateStoreIfDue()
            for notice in decisions.notices { logger.wireNotice(notice, file: bulletin.shown, digest: bulletin.digest) }
            tally(stored, receivedAt: receivedAt)
            dispose(loaded, as: bulletin.name)
            return .ingested(stories: stored.stories, duplicates: stored.duplicates)
        } catch {
            return error.outcome
        }
    }

    /// A file's outcome reached before it was stored: ends `commit` early.
    struct Settled: Error {
        let outcome: Outcome
        init(_ outcome: Outcome) { self.outcome = outcome }
    }

    /// A file read whole, with the names it goes by and its digest.
    struct Bulletin {
        let loaded: LoadedFile
        /// The name as stored (`bulletin.file`): the name as dropped.
        let name: String
        /// The name in the journal: invisible and direction-changing characters escaped.
        let shown: String
        let digest: BulletinDigest
    }

    /// What was read — or the outcome when nothing was: a name that is not text, a file gone or
    /// turned into a folder, one that could not be read.
    private func identify(_ loaded: LoadedFile, mayReadAgain: Bool) throws(Settled) -> Bulletin {
        guard let name = loaded.name.string, !loaded.hasUnprintableName else {
            throw Settled(
                reject(
                    loaded, as: loaded.name.display, digest: nil, kind: .unprintableName,
                    reason: "the file name is not plain text (control characters or invalid UTF-8); renamed \(loaded.name.display)"))
        }
        let shown = loaded.name.display
        counters.lastFile = shown
        switch loaded.content {
        case .unprintableName:  // rejected by the guard above
            throw Settled(.vanished)
        case .directory:
            // A folder swapped in under a claimed name goes back where it was found.
            if isClaimed(loaded), role == .inbox { releaseClaim(loaded.name) }
            throw Settled(.vanished)
        case .vanished:
            logger.event(.fileVanished, .info, "\(shown): gone before it could be read; nothing to do", ["BULLETIN_FILE": shown])
            throw Settled(.vanished)
        case .unreadable(let error):
            if mayReadAgain, error.isTransient { throw Settled(.unstable(reason: error.description)) }
            throw Settled(reject(loaded, as: name, digest: nil, kind: error.rejectionKind, reason: error.description))
        case .known(let digest, _):
            return Bulletin(loaded: loaded, name: name, shown: shown, digest: digest)
        case .prepared(let prepared):
            return Bulletin(loaded: loaded, name: name, shown: shown, digest: prepared.digest)
        }
    }

    /// The same bytes ingested before (`identical_files: skip`): logged and moved on, not stored.
    private func skipIfIngestedBefore(_ bulletin: Bulletin) throws(Settled) {
        guard configuration.identicalFiles == .skip, ledger.contains(bulletin.digest) else { return }
        counters.alreadyIngested += 1
        DaemonMetrics.shared.alreadyIngested()
        logger.event(
            .alreadyIngested, .notice, "\(bulletin.shown): already ingested (the same bytes arrived before); not ingested again",
            ["BULLETIN_FILE": bulletin.shown, "BULLETIN_SHA256": bulletin.digest.hex])
        dispose(bulletin.loaded, as: bulletin.name)
        throw Settled(.alreadyIngested)
    }

    /// The bulletin's stories, to be decided one by one against the index as they are stored;
    /// a bulletin the processor refuses (no stories, too many) is rejected.
    private func decide(_ bulletin: Bulletin, receivedAt: Timestamp) throws(Settled) -> StoryDecisions {
        guard let prepared = bulletin.loaded.prepared(dedup: index.configuration, decoder: decoder) else {
            throw Settled(.vanished)
        }
        if indexNeedsRebuild, !rebuildIndex() {
            throw Settled(.deferred(reason: "the duplicate index could not be rebuilt from the store"))
        }
        do {
            return try processor.decisions(prepared, file: bulletin.name, receivedAt: receivedAt, dedup: index.configuration)
        } catch {
            throw Settled(
                reject(
                    bulletin.loaded, as: bulletin.name, digest: bulletin.digest, kind: RejectionKind(error.reason),
                    reason: "\(error.reason.rawValue): \(error.detail)"))
        }
    }

    /// What a bulletin added to the store, by kind and match, and its journal entries.
    struct StoredLines {
        var entries = StoryReporter.Batch()
        var stories = 0
        var duplicatesByMatch: [String: Int] = [:]
        var duplicates: Int { duplicatesByMatch.values.reduce(0, +) }

        mutating func add(_ record: StoryRecord) {
            entries.add(record)
            if record.kind == .story {
                stories += 1
            } else {
                duplicatesByMatch[record.match ?? DuplicateMatch.exact.rawValue, default: 0] += 1
            }
        }
    }

    /// The stories go to the store a batch at a time (`StoryDecisions.batchSize`: fingerprinted,
    /// decided, written, let go), each record encoded as it is decided; the journal's entries
    /// wait, without the stories' text, until every line is stored (a crash never logs a story
    /// twice). A crash between batches leaves the bulletin cut short at the store's tail, with
    /// no ledger entry: the next start moves its lines to the quarantine file and ingests the
    /// file, still claimed, again, whole (`StoreRecovery`). When the store refuses (disk full,
    /// I/O error), what the bulletin wrote is cut back and the file stays for another try.
    private func append(_ decisions: inout StoryDecisions, of bulletin: Bulletin, watchdog: WatchdogPinger?) throws(Settled) -> StoredLines
    {
        var lines = StoredLines()
        do throws(IOFailure) {
            if let left = try store.reopenIfMoved() {
                logger.event(
                    .storeReopened, .warning,
                    "the store \(configuration.store) was moved away or removed without a SIGHUP; reopened it, new lines go to the file at that path (the old file, \(left), keeps what was written before)",
                    ["STORE": configuration.store.string, "STORE_LEFT": left, "STORE_NOW": store.identity])
            }
            lines.entries = StoryReporter.Batch(store: configuration.store, offset: store.size)
            var append = store.beginAppend(lines: decisions.count)
            while let record = decisions.next(index: &index) {
                if decisions.position % 100 == 0 { watchdog?.pingIfDue() }
                lines.add(record)
                try store.add(record, to: &append) { watchdog?.pingIfDue() }
                if decisions.atBatchBoundary {
                    try store.writeGathered(&append)
                    faultPoints.batchStored()
                }
            }
            try store.finish(&append)
        } catch {
            // The index already holds this bulletin's new stories, but the store is the truth.
            indexNeedsRebuild = true
            _ = rebuildIndex()
            DaemonMetrics.shared.storeFailed()
            logger.event(
                .storeError, .error, "cannot append \(bulletin.shown) to the store: \(error); it stays in the inbox and is retried",
                ["BULLETIN_FILE": bulletin.shown, "STORE": configuration.store.string, "ERRNO": error.errno.symbolicName])
            throw Settled(.deferred(reason: error.description))
        }
        return lines
    }

    /// The ledger entry, once the bulletin's lines are stored; a failed write loses nothing (the
    /// entry is in memory, written with the next one or recovered from the store at the next
    /// start). Then the `fsync` is scheduled, with `fsync: batch`.
    private func recordInLedger(_ bulletin: Bulletin) {
        do {
            try ledger.record([IngestLedger.Entry(digest: bulletin.digest, storeSizeAfter: store.size, storeIdentity: store.identity)])
        } catch {
            logger.event(
                .stateWriteFailed, .warning,
                "cannot write the ledger: \(error); the entry is written with the next one, or recovered from the store at the next start",
                ["STATE_FILE": IngestLedger.path(in: configuration.stateDirectory).string])
        }
        if store.unsynchronized { scheduleFlush() }
    }

    /// The counts (metrics, `STATUS=`) and, every `snapshotEvery` new stories, a save of the index.
    private func tally(_ stored: StoredLines, receivedAt: Timestamp) {
        DaemonMetrics.shared.stored(newStories: stored.stories, duplicatesByMatch: stored.duplicatesByMatch, at: receivedAt)
        counters.stories += stored.stories
        counters.duplicates += stored.duplicates
        unsavedStories += stored.stories
        if unsavedStories >= Self.snapshotEvery { saveIndexInBackground() }
    }

    /// What the metrics file samples before each write: bulletins waiting among the inbox's
    /// entries (not those already dealt with and kept, or left unmovable), the index, the store.
    func metricsSample(inboxEntries: [DirectoryEntry]) -> (backlog: Int, indexStories: Int, storeSize: Int64) {
        let waiting = inboxEntries.count { entry in
            entry.kind != .directory && isBulletinName(entry.name) && kept[entry.name] == nil
                && unmovable[entry.name.path(in: configuration.inbox)] == nil
        }
        return (waiting, index.count, store.size)
    }

    /// Live counts for `STATUS=`.
    var statusLine: String {
        "\(counters.stories) stories, \(counters.duplicates) duplicates, \(counters.rejected) rejected, "
            + "\(counters.alreadyIngested) already ingested" + (counters.lastFile.map { "; last file \($0)" } ?? "")
    }
}

extension Timestamp {
    static var now: Timestamp {
        Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}
