import BulletinCore
import BulletinDaemon
import LinuxIO
import Logging
import SystemdSupport
import SystemPackage

/// `bulletind ingest`'s two halves, one file after the other in one thread, each under its own
/// timer: the loading that `ingest` runs ahead on other cores (`LoadedFile.load`: read, SHA-256,
/// decode, parse, fingerprint) and the commit that stays in order (`IngestPipeline.commit`:
/// duplicate decisions, records, JSON, store append, ledger). Both are the daemon's own code,
/// called as `ingest` calls them (group-committed fsyncs, journal entries from a thread of their
/// own), so the breakdown cannot drift from what it explains.
struct PhaseBreakdown {
    let files: [FilePath]
    let scratch: FilePath

    func run() async throws -> (timer: PhaseTimer, bytes: Int, lines: Int) {
        var configuration = Configuration()
        configuration.store = scratch.appending("phases-store.jsonl")
        configuration.stateDirectory = scratch.appending("phases-state")
        configuration.fsync = .batch
        try DirectoryListing.createDirectories(configuration.stateDirectory, permissions: .ownerReadWriteExecute)
        var handler = JournalLogHandler(identifier: "bulletind-bench", echoToStandardError: false, echoLevel: .critical)
        handler.logLevel = .info
        let logger = Logger(label: "bench") { _ in handler }
        let pipeline = try await IngestPipeline.start(configuration: configuration, logger: logger, role: .backfill)
        let sizes = files.map { FileSignature.of($0)?.size ?? 0 }
        await pipeline.expectBulletins(totalling: sizes.reduce(0, +))
        let dedup = await pipeline.dedupConfiguration
        let decoder = await pipeline.decoder
        let known = await pipeline.knownDigests
        var timer = PhaseTimer()
        var lines = 0
        for path in files {
            let name = FileName(bytes: Array((path.lastComponent?.string ?? "").utf8))
            let loaded = timer.measure(Self.load) {
                LoadedFile.load(
                    name, in: path.removingLastComponent(), maxFileSize: configuration.maxFileSize, dedup: dedup, decoder: decoder,
                    known: known)
            }
            let start = ContinuousClock.now
            let outcome = await pipeline.commit(loaded)
            timer.add(Self.commit, .now - start)
            if case .ingested(let stories, let duplicates) = outcome { lines += stories + duplicates }
        }
        let start = ContinuousClock.now
        await pipeline.saveIndex()
        timer.add(Self.finish, .now - start)
        return (timer, sizes.reduce(0) { $0 + Int($1) }, lines)
    }

    static let load = "load (LoadedFile.load)"
    static let commit = "commit (IngestPipeline.commit)"
    static let finish = "index snapshot at the end"
}
