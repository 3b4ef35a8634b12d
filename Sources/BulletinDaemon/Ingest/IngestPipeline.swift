import BulletinCore
import BulletinMetrics
import Foundation
import LinuxIO
import Logging
import SystemPackage

/// Read → decode → parse → dedup → store → ledger → move, one bulletin at a time.
///
/// An actor: the duplicate index, the ledger and the store have exactly one user, and bulletins
/// are ingested strictly one after another. The order of the steps is what makes a crash
/// harmless: the store append comes first (the truth), the ledger entry next (an index of the
/// store), the file move last — so a bulletin still in the inbox at the next start is either in
/// the ledger (moved without being ingested again) or not in the store at all.
package actor IngestPipeline {
    /// What happened to one file.
    package enum Outcome: Sendable, Equatable {
        case ingested(stories: Int, duplicates: Int)
        /// The same bytes were ingested before, under some name.
        case alreadyIngested
        /// Moved to the failed folder (or left, when it cannot be moved), `reason` in its
        /// `.reason` file and the journal.
        case rejected(RejectionKind, reason: String)
        /// Nothing to do: the file went away before it could be read, or it is a folder.
        case vanished
        /// Kept in the inbox (`after_ingest: keep`) and unchanged since it was dealt with.
        case unchanged
        /// Changed too recently (`settle_ms`): try again after this long.
        case unsettled(Duration)
        /// The store could not take it (disk full, I/O error): the file stays, try again later.
        case deferred(reason: String)
        /// It could not be read for a passing reason (it changed while it was read, it has
        /// another name): it stays where it is, to be read again a little later.
        case unstable(reason: String)
    }

    /// Where files go once dealt with.
    package enum Disposition: Sendable, Equatable {
        /// As the configuration says (the daemon).
        case configured
        /// Leave every file where it is (`bulletind ingest`).
        case leave
    }

    struct Counters: Sendable {
        var stories = 0
        var duplicates = 0
        var rejected = 0
        var alreadyIngested = 0
        var lastFile: String?
    }

    private var configuration: Configuration
    private var names: BulletinNames
    private let reporter: StoryReporter
    /// Any other entry waits for the story entries reported before it: the journal keeps the
    /// pipeline's order.
    private var logger: Logger {
        reporter.waitUntilSent()
        return reporter.logger
    }
    private let processor = BulletinProcessor()
    private let store: StoryStore
    private let ledger: IngestLedger
    private var index: DuplicateIndex
    private var flushScheduled = false
    /// The index may hold stories of a bulletin the store refused: rebuild it before the next one.
    private var indexNeedsRebuild = false
    /// Files dealt with but left in the inbox (`after_ingest: keep`), so rescans skip them.
    private var kept: [FileName: FileSignature] = [:]
    /// Rejected files that could not be moved to the failed folder (e.g. a FIFO on another file
    /// system): rejected once, then left alone by rescans until they change.
    private var unmovable: [FilePath: FileSignature] = [:]
    /// New stories since the index was last saved.
    private var unsavedStories = 0
    static let snapshotEvery = 20_000
    private let snapshots: IndexSnapshot.Writer
    private(set) var counters = Counters()
    /// Where the daemon moves a bulletin before reading it (inside the inbox).
    nonisolated let claims: ClaimFolder
    /// How many starts in a row found each file still claimed (`noteClaimsAtStart`).
    private var claimRestarts = ClaimRestarts()

    /// `reportsInBackground`: the story entries go to the journal from a thread of their own
    /// (a back-fill; see `StoryReporter`).
    package init(configuration: Configuration, logger: Logger, reportsInBackground: Bool = false) throws {
        self.configuration = configuration
        reporter = StoryReporter(logger: logger, inBackground: reportsInBackground)
        names = BulletinNames(patterns: configuration.patterns)
        let folder = configuration.store.removingLastComponent()
        if !folder.isEmpty { try DirectoryListing.createDirectories(folder) }
        // A process killed mid-save leaves its temporary file; the state lock is held now.
        FileMover.removeLeftoverTemporaries(of: IndexSnapshot.path(in: configuration.stateDirectory))
        FileMover.removeLeftoverTemporaries(of: IngestLedger.path(in: configuration.stateDirectory))
        let recovery = StoreRecovery(store: configuration.store, stateDirectory: configuration.stateDirectory, dedup: configuration.dedup)
        var (ledger, index, report) = try recovery.recover()
        if let reason = report.indexRebuiltBecause {
            logger.event(
                .storeRepaired, .notice, "duplicate index rebuilt from the store (\(reason)): \(index.count) stories",
                ["STORE": configuration.store.string, "INDEX_REBUILT": reason, "STORIES": String(index.count)])
        }
        index.evictExpired(now: Timestamp.now.secondsSinceEpoch)
        if report.recoveredUnfinishedWork { DaemonMetrics.shared.recoveredAtStart() }
        if report.repairedAnything {
            logger.event(
                .storeRepaired, .warning, "store repaired at start: \(report.summary)",
                [
                    "STORE": configuration.store.string, "TORN_BYTES": String(report.tornBytes),
                    "INCOMPLETE_LINES_REMOVED": String(report.incompleteLinesRemoved),
                    "LEDGER_ENTRIES_RECOVERED": String(report.ledgerEntriesRecovered),
                    "LEDGER_REBUILT": String(report.ledgerRebuilt),
                    "SHORT_BULLETIN_LINES_KEPT": String(report.shortBulletinLinesKept),
                ])
        }
        if let moved = report.quarantine {
            logger.event(
                .linesQuarantined, .warning,
                "moved \(moved.lines) lines (\(moved.bytes) bytes) of \(moved.bulletinFile), a bulletin cut short, from byte \(moved.storeOffset) of \(configuration.store) to byte \(moved.quarantineOffset) of \(moved.file); the bulletin is ingested again if its file is still in the inbox",
                [
                    "STORE": configuration.store.string, "QUARANTINE_FILE": moved.file.string,
                    "QUARANTINED_LINES": String(moved.lines), "QUARANTINED_BYTES": String(moved.bytes),
                    "STORE_OFFSET": String(moved.storeOffset), "QUARANTINE_OFFSET": String(moved.quarantineOffset),
                    "BULLETIN_FILE": moved.bulletinFile, "BULLETIN_SHA256": moved.bulletinSHA256,
                ])
        }
        if report.damagedLines > 0 {
            let first = report.firstDamagedOffset ?? 0
            logger.event(
                .damagedLines, .warning,
                "\(report.damagedLines) lines of the store do not read as store lines (the first at byte \(first)); left in place, as their bulletins' lines (bulletind verify names them)",
                ["STORE": configuration.store.string, "DAMAGED_LINES": String(report.damagedLines), "STORE_OFFSET": String(first)])
        }
        logger.info(
            "state loaded: \(index.count) stories indexed, \(ledger.count) bulletins in the ledger, \(report.linesReplayed) store lines replayed (\(report.timingSummary))")
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
    /// change needs a restart; they keep their old values.
    func reload(_ new: Configuration) throws -> [String] {
        var needRestart: [String] = []
        if new.inbox != configuration.inbox { needRestart.append("inbox.path") }
        if new.store != configuration.store { needRestart.append("store.path") }
        if new.stateDirectory != configuration.stateDirectory { needRestart.append("state.dir") }
        if new.fsync != configuration.fsync { needRestart.append("store.fsync") }
        if new.logLevel != configuration.logLevel { needRestart.append("log.level") }
        if new.rescanInterval != configuration.rescanInterval { needRestart.append("inbox.rescan_interval_s") }
        if new.metricsTextfile != configuration.metricsTextfile { needRestart.append("metrics.textfile") }
        if new.metricsInterval != configuration.metricsInterval { needRestart.append("metrics.interval_s") }
        var applied = new
        applied.inbox = configuration.inbox
        applied.store = configuration.store
        applied.stateDirectory = configuration.stateDirectory
        applied.fsync = configuration.fsync
        applied.logLevel = configuration.logLevel
        applied.rescanInterval = configuration.rescanInterval
        applied.metricsTextfile = configuration.metricsTextfile
        applied.metricsInterval = configuration.metricsInterval
        try store.synchronize()
        try store.reopen()
        configuration = applied
        names = BulletinNames(patterns: applied.patterns)
        return needRestart
    }

    /// Whether the inbox's file `name` is to be read now, and from where (the daemon).
    enum Admission: Sendable, Equatable {
        /// Read it in this folder: the claim folder, or the inbox itself with `after_ingest: keep`.
        case take(from: FilePath)
        /// Not now: why.
        case wait(Outcome)
    }

    /// With `after_ingest` move or delete, the file is claimed — renamed into the claim folder —
    /// and read there, so that what is moved or deleted afterwards is the file that was read. With
    /// `keep` it is read where it is (nothing is moved, so nothing can go astray).
    func admit(_ name: FileName) -> Admission {
        let path = name.path(in: configuration.inbox)
        guard let signature = FileSignature.of(path) else {
            logger.info("\(name): gone before it could be read; nothing to do", metadata: ["BULLETIN_FILE": "\(name)"])
            return .wait(.vanished)
        }
        if signature.isDirectory { return .wait(.vanished) }
        if configuration.afterIngest == .keep, kept[name] == signature { return .wait(.unchanged) }
        if unmovable[path] == signature { return .wait(.unchanged) }
        if configuration.settle > .zero, signature.age < configuration.settle {
            return .wait(.unsettled(configuration.settle - signature.age))
        }
        if configuration.afterIngest == .keep { return .take(from: configuration.inbox) }
        do {
            switch try claims.claim(name) {
            case .claimed: return .take(from: claims.path)
            case .vanished:
                logger.info("\(name): gone before it could be read; nothing to do", metadata: ["BULLETIN_FILE": "\(name)"])
                return .wait(.vanished)
            case .nameTaken: return .wait(.deferred(reason: "a file named \(name) is still in \(claims.path); it is taken first"))
            }
        } catch {
            // The claim folder may have gone with the inbox: make it again for the next try.
            let reason = "cannot claim \(name): \(error)"
            do { try claims.prepare() } catch { logger.error("\(reason); \(error)") }
            return .wait(.deferred(reason: reason))
        }
    }

    /// What loading a file needs from the pipeline, taken in one call.
    struct LoadParameters: Sendable {
        var maxFileSize: Int64
        var dedup: DedupConfiguration
        var decoder: BulletinDecoder
        var known: Set<BulletinDigest>
        var timeLimit: Duration
    }

    var loadParameters: LoadParameters {
        LoadParameters(
            maxFileSize: configuration.maxFileSize, dedup: index.configuration, decoder: decoder, known: knownDigests,
            timeLimit: configuration.fileTimeLimit)
    }

    /// A file whose loading overran `inbox.file_time_limit_s`: rejected (and moved to the failed
    /// folder) while the work on it is abandoned.
    func rejectOverTime(_ name: FileName, in folder: FilePath, limit: Duration) -> Outcome {
        let loaded = LoadedFile(name: name, folder: folder, content: .vanished)
        let seconds = limit.components.seconds
        return reject(
            loaded, name: name.string ?? name.display, sha256: nil, disposition: .configured, kind: .timeLimit,
            reason: "not read and parsed within the time limit of \(seconds) s (inbox.file_time_limit_s); the daemon moved on")
    }

    /// The daemon's start, before any bulletin is read: counts the files found still claimed
    /// (each was being ingested when the daemon died), durably, so that one that keeps killing
    /// it is set aside rather than read again forever (`ClaimRestarts`).
    func noteClaimsAtStart() {
        let claimed = claimedLeftovers().compactMap { name in FileSignature.of(claims.path(of: name)).map { (name, $0) } }
        do {
            claimRestarts = try ClaimRestarts.count(claimed, stateDirectory: configuration.stateDirectory)
        } catch {
            logger.error("cannot save how many starts found files still claimed: \(error); a file that crashes the daemon may be read again at every start")
        }
        for (name, count) in claimRestarts.counts.sorted(by: { $0.key.display < $1.key.display }) where count < ClaimRestarts.limit {
            logger.warning(
                "\(name.display): still claimed at start (\(count) of \(ClaimRestarts.limit) starts in a row): the daemon stopped while ingesting it; it is ingested again first",
                metadata: ["BULLETIN_FILE": "\(name.display)", "CLAIMED_AT_STARTS": "\(count)"])
        }
    }

    /// A claimed file found at `ClaimRestarts.limit` starts in a row: rejected unread and moved
    /// to the failed folder, with the reason. Nil for any other file: read it.
    func setAsideIfLooping(_ name: FileName) -> Outcome? {
        guard claimRestarts.isLooping(name) else { return nil }
        let starts = claimRestarts.counts[name] ?? ClaimRestarts.limit
        claimRestarts.forget(name)
        // Stored already, only not moved out yet (its disposal failed, or the kills came between
        // its ledger entry and its move): taking it costs a hash, not a parse. Not set aside.
        if let file = try? RegularFileReader.readFile(claims.path(of: name), limit: configuration.maxFileSize),
            ledger.contains(BulletinProcessor.sha256Hex(file.bytes))
        {
            return nil
        }
        let loaded = LoadedFile(name: name, folder: claims.path, content: .vanished)
        return reject(
            loaded, name: name.string ?? name.display, sha256: nil, disposition: .configured, kind: .crashLoop,
            reason: "the daemon stopped without finishing this file at \(starts) starts in a row (killed or crashed while ingesting it: over the service's MemoryMax=, the watchdog, a signal); set aside unread so that the inbox moves on. None of its stories is in the store (a bulletin cut short is moved to the store's .quarantine file); move it back into the inbox to try again")
    }

    /// Files claimed and not yet dealt with: after a crash, or when their disposal failed.
    func claimedLeftovers() -> [FileName] {
        do {
            return try claims.leftovers()
        } catch {
            logger.error("cannot list \(claims.path): \(error)")
            return []
        }
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

    /// Ingests a file loaded (and normally prepared) beforehand, possibly on another thread:
    /// the ledger check, the duplicate decisions, store, ledger, journal and disposition.
    /// `retrying`: a file that failed to read for a passing reason (it changed meanwhile, it has
    /// another name) is left where it is for another try (`.unstable`) rather than rejected.
    package func commit(_ loaded: LoadedFile, disposition: Disposition, retrying: Bool = false, watchdog: WatchdogPinger? = nil) -> Outcome {
        guard let name = loaded.name.string, !loaded.hasUnprintableName else {
            return reject(
                loaded, name: loaded.name.display, sha256: nil, disposition: disposition, kind: .unprintableName,
                reason: "the file name is not plain text (control characters or invalid UTF-8); renamed \(loaded.name.display)")
        }
        // The name as stored (`bulletin.file`) is the name as dropped; the journal shows it with
        // invisible and direction-changing characters escaped.
        let shown = loaded.name.display
        counters.lastFile = shown
        let sha256: String
        switch loaded.content {
        case .unprintableName:  // rejected by the guard above
            return .vanished
        case .directory:
            // A folder swapped in under a claimed name goes back where it was found.
            if isClaimed(loaded), disposition == .configured { releaseClaim(loaded.name) }
            return .vanished
        case .vanished:
            logger.info("\(shown): gone before it could be read; nothing to do", metadata: ["BULLETIN_FILE": "\(shown)"])
            return .vanished
        case .unreadable(let error):
            if retrying, error.isTransient { return .unstable(reason: error.description) }
            return reject(loaded, name: name, sha256: nil, disposition: disposition, kind: error.rejectionKind, reason: error.description)
        case .known(let digest, _):
            sha256 = digest
        case .prepared(let bulletin):
            sha256 = bulletin.sha256
        }
        if configuration.identicalFiles == .skip, ledger.contains(sha256) {
            counters.alreadyIngested += 1
            DaemonMetrics.shared.alreadyIngested()
            logger.event(
                .alreadyIngested, .notice, "\(shown): already ingested (the same bytes arrived before); not ingested again",
                ["BULLETIN_FILE": shown, "BULLETIN_SHA256": sha256])
            dispose(loaded, name: name, disposition: disposition)
            return .alreadyIngested
        }
        guard let prepared = loaded.prepared(dedup: index.configuration, decoder: decoder) else { return .vanished }

        if indexNeedsRebuild, !rebuildIndex() {
            return .deferred(reason: "the duplicate index could not be rebuilt from the store")
        }
        let receivedAt = Timestamp.now
        var decisions: StoryDecisions
        do {
            decisions = try processor.decisions(prepared, file: name, receivedAt: receivedAt, dedup: index.configuration)
        } catch {
            return reject(
                loaded, name: name, sha256: sha256, disposition: disposition, kind: RejectionKind(error.reason),
                reason: "\(error.reason.rawValue): \(error.detail)")
        }

        // Each record goes to the store as it is made; the journal's entries wait, without the
        // stories' text, until every line is stored (a crash never logs a story twice).
        var entries = StoryReporter.Batch()
        var lines = StoredLines()
        do {
            if let left = try store.reopenIfMoved() {
                logger.event(
                    .storeReopened, .warning,
                    "the store \(configuration.store) was moved away or removed without a SIGHUP; reopened it, new lines go to the file at that path (the old file, \(left), keeps what was written before)",
                    ["STORE": configuration.store.string, "STORE_LEFT": left, "STORE_NOW": store.identity])
            }
            entries = StoryReporter.Batch(store: configuration.store, offset: store.size)
            var append = store.beginAppend(lines: decisions.count)
            while let record = decisions.next(index: &index) {
                if decisions.position % 100 == 0 { watchdog?.pingIfDue() }
                entries.add(record)
                lines.count(record)
                try store.add(record, to: &append) { watchdog?.pingIfDue() }
            }
            try store.finish(&append)
        } catch {
            // The index already holds this bulletin's new stories, but the store is the truth.
            indexNeedsRebuild = true
            _ = rebuildIndex()
            DaemonMetrics.shared.storeFailed()
            logger.event(
                .storeError, .error, "cannot append \(shown) to the store: \(error); it stays in the inbox and is retried",
                ["BULLETIN_FILE": shown, "STORE": configuration.store.string, "ERRNO": error.errno.symbolicName])
            return .deferred(reason: error.description)
        }
        do {
            try ledger.record([IngestLedger.Entry(sha256: sha256, storeSizeAfter: store.size, storeIdentity: store.identity)])
        } catch {
            logger.warning("cannot write the ledger: \(error); the entry is written with the next one, or recovered from the store at the next start")
        }
        if store.unsynchronized { scheduleFlush() }

        reporter.report(entries, storeEnd: store.size) { watchdog?.pingIfDue() }
        if let limit = configuration.rotateSize, store.size >= limit { rotateStore() }
        for notice in decisions.notices { logger.wireNotice(notice, file: shown, sha256: sha256) }
        DaemonMetrics.shared.stored(newStories: lines.stories, duplicatesByMatch: lines.duplicatesByMatch, at: receivedAt)
        counters.stories += lines.stories
        counters.duplicates += lines.duplicates
        unsavedStories += lines.stories
        if unsavedStories >= Self.snapshotEvery { saveIndexInBackground() }
        dispose(loaded, name: name, disposition: disposition)
        return .ingested(stories: lines.stories, duplicates: lines.duplicates)
    }

    /// What a bulletin added to the store, by kind and match.
    private struct StoredLines {
        var stories = 0
        var duplicatesByMatch: [String: Int] = [:]
        var duplicates: Int { duplicatesByMatch.values.reduce(0, +) }

        mutating func count(_ record: StoryRecord) {
            if record.kind == .story {
                stories += 1
            } else {
                duplicatesByMatch[record.match ?? DuplicateMatch.exact.rawValue, default: 0] += 1
            }
        }
    }

    /// Moves, deletes or keeps an ingested bulletin, as configured. What is moved or deleted is
    /// the claimed file that was read; what is kept is remembered by the descriptor's signature,
    /// so a file renamed over it afterwards is still seen as new.
    private func dispose(_ loaded: LoadedFile, name: String, disposition: Disposition) {
        guard case .configured = disposition else { return }
        do {
            switch configuration.afterIngest {
            case .move: try FileMover.move(loaded.path, into: configuration.resolvedProcessedFolder, as: name)
            case .delete: try FileMover.remove(loaded.path)
            case .keep:
                // A leftover claimed before a reload switched to keep goes back where it came from.
                if isClaimed(loaded) { releaseClaim(loaded.name) }
                kept[loaded.name] = loaded.signature
            }
        } catch {
            logger.error(
                "\(loaded.name.display): ingested, but could not be \(configuration.afterIngest == .move ? "moved to the processed folder" : "deleted"): \(error); it stays in \(loaded.folder) and is tried again at the next rescan",
                metadata: ["BULLETIN_FILE": "\(loaded.name.display)"])
        }
    }

    /// `name`: what the file is called in the failed folder.
    private func reject(
        _ loaded: LoadedFile, name: String, sha256: String?, disposition: Disposition, kind: RejectionKind, reason: String
    ) -> Outcome {
        counters.rejected += 1
        DaemonMetrics.shared.rejected(kind)
        let shown = loaded.name.display
        var fields = ["BULLETIN_FILE": shown, "REJECT_REASON": reason]
        if let sha256 { fields["BULLETIN_SHA256"] = sha256 }
        logger.event(.rejected, .warning, "rejected \(shown): \(reason)", fields)
        if case .configured = disposition {
            do {
                let destination = try FileMover.move(loaded.path, into: configuration.resolvedFailedFolder, as: name)
                try FileMover.writeAtomically(reason + "\n", to: FilePath(destination.string + ".reason"))
            } catch {
                // Back into the inbox (a claimed file), left alone there until it changes.
                if !isClaimed(loaded) || releaseClaim(loaded.name) {
                    let inboxPath = loaded.name.path(in: configuration.inbox)
                    unmovable[inboxPath] = FileSignature.of(inboxPath)
                }
                logger.error(
                    "\(shown): could not be moved to the failed folder: \(error); it is left in the inbox and not looked at again until it changes",
                    metadata: ["BULLETIN_FILE": "\(shown)"])
            }
        }
        return .rejected(kind, reason: reason)
    }

    private func isClaimed(_ loaded: LoadedFile) -> Bool { loaded.folder == claims.path }

    /// Puts a claimed file back into the inbox, and says whether it went; when a new file has
    /// taken its name there, it stays claimed and is taken again at the next rescan.
    @discardableResult
    private func releaseClaim(_ name: FileName) -> Bool {
        do {
            if try claims.release(name) { return true }
            logger.warning("\(name.display): a new file of that name is in the inbox; this one stays in \(claims.path)")
        } catch {
            logger.error("cannot put \(name.display) back into the inbox: \(error)")
        }
        return false
    }

    /// After a failed append: the index is rebuilt from what the store really holds. Read-only
    /// (the disk may be full); until it succeeds, no bulletin is processed.
    private func rebuildIndex() -> Bool {
        do {
            let recovery = StoreRecovery(store: configuration.store, stateDirectory: configuration.stateDirectory, dedup: configuration.dedup)
            index = try recovery.currentIndex()
            index.evictExpired(now: Timestamp.now.secondsSinceEpoch)
            indexNeedsRebuild = false
            return true
        } catch {
            logger.error("cannot re-read the store to rebuild the duplicate index: \(error)")
            return false
        }
    }

    /// With `fsync: batch`: one `fsync` begun at most `batchInterval` after the first
    /// unsynchronized append, on the store's own thread.
    private func scheduleFlush() {
        guard !flushScheduled else { return }
        flushScheduled = true
        Task { [interval = configuration.batchInterval] in
            try? await Task.sleep(for: interval)
            self.flushInBackground()
        }
    }

    private func flushInBackground() {
        flushScheduled = false
        store.synchronizeInBackground { [logger = reporter.logger, store = configuration.store] error in
            logger.event(.storeError, .error, "cannot fsync the store: \(error)", ["STORE": store.string])
        }
    }

    /// Makes every append so far durable, now (before a snapshot claims them, and at shutdown).
    func flush() {
        flushScheduled = false
        do {
            try store.synchronize()
        } catch {
            logger.event(.storeError, .error, "cannot fsync the store: \(error)", ["STORE": configuration.store.string])
        }
    }

    /// Rotates the store, then saves the index against the new file. A crash in between is
    /// harmless: the ledger and the snapshot name the old file, so the new one is read whole.
    private func rotateStore() {
        do {
            try store.rotate()
            logger.notice("store rotated: \(configuration.store) → \(configuration.store).1", metadata: ["STORE": "\(configuration.store)"])
            saveIndex()
        } catch {
            logger.event(.storeError, .error, "cannot rotate the store: \(error)", ["STORE": configuration.store.string])
        }
    }

    /// Saves the duplicate index with the store offset it covers (at rotation and at stop),
    /// first evicting stories older than the retention window, if one is set. Waits for any
    /// periodic save still being written, so this one is the snapshot left on disk.
    package func saveIndex() {
        reporter.waitUntilSent()
        flush()
        index.evictExpired(now: Timestamp.now.secondsSinceEpoch)
        do {
            try snapshots.saveNow(index, storeOffset: store.size, storeIdentity: store.identity)
            unsavedStories = 0
        } catch {
            logger.warning("cannot save the duplicate index: \(error); the next start replays more of the store")
        }
    }

    /// The periodic save: the store made durable up to the offset the snapshot claims, then the
    /// index (a copy-on-write copy) encoded and written off the pipeline.
    private func saveIndexInBackground() {
        flush()
        index.evictExpired(now: Timestamp.now.secondsSinceEpoch)
        unsavedStories = 0
        snapshots.saveLater(index, storeOffset: store.size, storeIdentity: store.identity) { [logger = reporter.logger] error in
            logger.warning("cannot save the duplicate index: \(error); the next start replays more of the store")
        }
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
