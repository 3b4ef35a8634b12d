import BulletinCore
import BulletinMetrics
import LinuxIO
import Logging
import SystemPackage

/// `bulletind ingest PATH...`: the daemon's pipeline, once, over files and folders.
///
/// Resuming is the ledger's work, not this loop's: every bulletin whose bytes are already in the
/// store is recognised by its digest and skipped, so after an interruption the same command
/// goes quickly through what was done and carries on with the rest.
package enum BatchIngest {
    package struct Summary: Sendable, Equatable {
        package var files = 0
        package var bytes: Int64 = 0
        package var stories = 0
        package var duplicates = 0
        package var alreadyIngested = 0
        /// Rejected files by reason.
        package var rejected: [String: Int] = [:]
        /// The rejected files themselves, with their reasons, in the order met.
        package var rejectedFiles: [RejectedFile] = []
        /// Files the store could not take (disk full, I/O error): not ingested, try again.
        package var failed = 0
        /// Sub-folders passed over because `--recursive` was not given.
        package var skippedFolders = 0
        /// Stopped by Ctrl-C or SIGTERM before the last file.
        package var interrupted = false
        /// Files not reached because of an interruption.
        package var remaining = 0
        package var elapsed: Duration = .zero

        package var rejectedCount: Int { rejected.values.reduce(0, +) }
    }

    package struct RejectedFile: Sendable, Equatable {
        package let path: String
        package let reason: String
    }

    /// Where a back-fill stands, after each file.
    package struct Progress: Sendable {
        package var filesDone = 0
        package var filesTotal = 0
        package var bytesDone: Int64 = 0
        package var bytesTotal: Int64 = 0
        package var stories = 0
        package var duplicates = 0
        package var elapsed: Duration = .zero
    }

    /// Ingests every file under `paths`. `shouldStop` is asked between files; `progress` is told
    /// after each one.
    package static func run(
        paths: [FilePath], recursive: Bool, configuration: Configuration, logger: Logger,
        shouldStop: () -> Bool = { false }, progress: (Progress) -> Void = { _ in }
    ) async throws -> Summary {
        let inputs = try BatchInputs.expand(paths, recursive: recursive)
        try DirectoryListing.createDirectories(configuration.stateDirectory, permissions: .ownerReadWriteExecute)
        let lock = try StateLock(stateDirectory: configuration.stateDirectory)
        defer { withExtendedLifetime(lock) {} }
        let clock = ContinuousClock()
        let start = clock.now
        // Group commit: a back-fill leaves its files in place, and every start checks the ledger
        // against the store's size, so one fsync per batch (and one at the end) loses nothing
        // that a re-run would not ingest again — at a third of the cost of one per bulletin.
        var groupCommitted = configuration
        if groupCommitted.fsync == .everyBulletin { groupCommitted.fsync = .batch }
        let pipeline = try await IngestPipeline.start(configuration: groupCommitted, logger: logger, role: .backfill)
        var summary = Summary(skippedFolders: inputs.skippedFolders)
        var state = Progress(filesTotal: inputs.files.count, bytesTotal: inputs.files.reduce(0) { $0 + $1.size })
        await pipeline.expectBulletins(totalling: state.bytesTotal)
        var loader = Loader(
            files: inputs.files, maxFileSize: configuration.maxFileSize,
            dedup: await pipeline.dedupConfiguration, decoder: await pipeline.decoder, known: await pipeline.knownDigests)
        defer { loader.cancel() }
        for (position, input) in inputs.files.enumerated() {
            if shouldStop() {
                summary.interrupted = true
                summary.remaining = inputs.files.count - position
                break
            }
            let loaded = await loader.next()
            await ingest(loaded, from: input, with: pipeline, into: &summary)
            state.filesDone += 1
            state.bytesDone += input.size
            state.stories = summary.stories
            state.duplicates = summary.duplicates
            state.elapsed = clock.now - start
            progress(state)
        }
        await pipeline.saveIndex()
        summary.elapsed = clock.now - start
        return summary
    }

    private static func ingest(
        _ loaded: LoadedFile, from input: BatchInputs.File, with pipeline: IngestPipeline, into summary: inout Summary
    ) async {
        summary.files += 1
        summary.bytes += input.size
        switch await pipeline.commit(loaded) {
        case .ingested(let stories, let duplicates):
            summary.stories += stories
            summary.duplicates += duplicates
        case .alreadyIngested:
            summary.alreadyIngested += 1
        case .rejected(let kind, let reason):
            summary.rejected[kind.summaryName, default: 0] += 1
            summary.rejectedFiles.append(RejectedFile(path: input.path.string, reason: reason))
        case .vanished:
            summary.rejected["vanished", default: 0] += 1
            summary.rejectedFiles.append(RejectedFile(path: input.path.string, reason: "vanished: gone before it could be read"))
        case .deferred, .unsettled, .unchanged, .unstable:
            summary.failed += 1
        }
    }

    /// Loads (reads and prepares) the files a few ahead of the one being committed, each in a task
    /// of its own, so both cores work: the pipeline commits one bulletin at a time, in order,
    /// while the next ones are parsed and fingerprinted.
    private struct Loader {
        /// Files loaded ahead. Four left the loading side idle whenever the pipeline caught up
        /// with a slow file; thirty-two gave no more than sixteen (docs/performance.md). The bytes in flight are bounded too, so a folder of
        /// large bulletins does not hold sixteen of them in memory at once.
        static let lookahead = 16
        static let lookaheadBytes: Int64 = 16 << 20
        let files: [BatchInputs.File]
        let maxFileSize: Int64
        let dedup: DedupConfiguration
        let decoder: BulletinDecoder
        let known: Set<BulletinDigest>
        private var started = 0
        private var pending: [(task: Task<LoadedFile, Never>, size: Int64)] = []
        private var pendingBytes: Int64 = 0

        init(
            files: [BatchInputs.File], maxFileSize: Int64, dedup: DedupConfiguration, decoder: BulletinDecoder,
            known: Set<BulletinDigest>
        ) {
            self.files = files
            self.maxFileSize = maxFileSize
            self.dedup = dedup
            self.decoder = decoder
            self.known = known
        }

        /// The next file in order, loaded.
        mutating func next() async -> LoadedFile {
            while pending.count < Self.lookahead, started < files.count,
                  pending.isEmpty || pendingBytes + files[started].size <= Self.lookaheadBytes {
                let path = files[started].path
                let folder = path.removingLastComponent()
                let name = FileName(bytes: path.lastComponent.map { Array($0.string.utf8) } ?? [])
                let task = Task { [maxFileSize, dedup, decoder, known] in
                    LoadedFile.load(
                        name, in: folder.isEmpty ? "." : folder, maxFileSize: maxFileSize, dedup: dedup, decoder: decoder,
                        known: known)
                }
                pending.append((task, files[started].size))
                pendingBytes += files[started].size
                started += 1
            }
            let (task, size) = pending.removeFirst()
            pendingBytes -= size
            return await task.value
        }

        /// Drops the files loaded ahead (after an interruption).
        func cancel() {
            for (task, _) in pending { task.cancel() }
        }
    }
}
