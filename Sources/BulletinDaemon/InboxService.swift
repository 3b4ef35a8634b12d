import BulletinCore
import LinuxIO
import Logging
import ServiceLifecycle
import SystemdSupport
import SystemPackage

/// Watches the inbox and feeds every complete bulletin to the pipeline.
///
/// inotify is a hint and the folder is the truth: the watch is armed *before* the folder is
/// scanned (so nothing slips between the two), and the folder is scanned again whenever
/// events were lost or the watch went away.
struct InboxService: Service {
    let configuration: Configuration
    let pipeline: IngestPipeline
    let logger: Logger
    let notifier: ServiceNotifier
    private let names: BulletinNames

    init(configuration: Configuration, pipeline: IngestPipeline, logger: Logger, notifier: ServiceNotifier) {
        self.configuration = configuration
        self.pipeline = pipeline
        self.logger = logger
        self.notifier = notifier
        names = BulletinNames(patterns: configuration.patterns)
    }

    func run() async throws {
        var announcedReady = false
        while !Task.isShuttingDownGracefully {
            try DirectoryListing.createDirectories(configuration.inbox)
            let watcher = try InotifyWatcher(directory: configuration.inbox)
            defer { watcher.stop() }
            try await scan()
            if !announcedReady {
                announcedReady = true
                let status = await pipeline.statusLine
                notifier.ready(status: status)
                logger.event(.ready, .notice, "ready: watching \(configuration.inbox)", ["INBOX": configuration.inbox.string])
            }
            for await event in watcher.events.cancelOnGracefulShutdown() {
                switch event {
                case .arrived(let name):
                    if names.accepts(name) { try await ingest(configuration.inbox.appending(name)) }
                case .overflow:
                    logger.event(.overflow, .warning, "inotify events were lost; rescanning \(configuration.inbox)", ["INBOX": configuration.inbox.string])
                    try await scan()
                case .watchLost:
                    logger.event(.watchLost, .warning, "the watch on \(configuration.inbox) is gone; re-creating it and rescanning", ["INBOX": configuration.inbox.string])
                }
                if case .watchLost = event { break }
            }
        }
    }

    /// Ingests every bulletin already in the folder, in name order.
    private func scan() async throws {
        for entry in try DirectoryListing.entries(of: configuration.inbox) {
            if Task.isShuttingDownGracefully { return }
            guard entry.kind != .directory, names.accepts(entry.name) else { continue }
            try await ingest(configuration.inbox.appending(entry.name))
        }
    }

    /// One bulletin; when the store cannot take it, retries with back-off until it can.
    private func ingest(_ path: FilePath) async throws {
        var delay = Duration.milliseconds(100)
        while case .deferred = await pipeline.ingest(path, disposition: .configured) {
            try await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(30))
        }
        notifier.status(await pipeline.statusLine)
    }
}
