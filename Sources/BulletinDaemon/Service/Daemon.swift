import BulletinCore
import BulletinMetrics
import LinuxIO
import Logging
import ServiceLifecycle
import SystemdSupport
import SystemPackage
import UnixSignals

/// `bulletind run`: the daemon in the foreground, as systemd runs it.
package enum Daemon {
    /// `metrics`: the registry bootstrapped as the metrics backend, when `metrics.textfile` is set.
    package static func run(
        loader: ConfigurationLoader, configuration: Configuration, logger: Logger, metrics: PrometheusExposition? = nil
    ) async throws {
        let startedAt = Timestamp.now
        try DirectoryListing.createDirectories(configuration.stateDirectory, permissions: .ownerReadWriteExecute)
        let lock = try StateLock(stateDirectory: configuration.stateDirectory)
        defer { withExtendedLifetime(lock) {} }
        try DirectoryListing.createDirectories(configuration.resolvedProcessedFolder)
        try DirectoryListing.createDirectories(configuration.resolvedFailedFolder)
        logger.event(.started, .notice, "bulletind started", [
            "INBOX": configuration.inbox.string, "STORE": configuration.store.string,
            "STATE_DIR": configuration.stateDirectory.string,
        ])
        // The signal handlers are in place before the (possibly long) recovery starts, so a
        // SIGTERM during it still ends in a clean exit 0.
        let daemon = DaemonService(loader: loader, configuration: configuration, logger: logger, metrics: metrics, startedAt: startedAt)
        let group = ServiceGroup(services: [daemon], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}

/// Recovers the store, then runs the inbox and reload services until a graceful shutdown.
struct DaemonService: Service {
    let loader: ConfigurationLoader
    let configuration: Configuration
    let logger: Logger
    let metrics: PrometheusExposition?
    let startedAt: Timestamp
    let notifier = ServiceNotifier()

    func run() async throws {
        let pipeline = try await IngestPipeline.start(configuration: configuration, logger: logger, role: .inbox)
        await pipeline.noteClaimsAtStart()
        var textfile: MetricsTextfile?
        if let path = configuration.metricsTextfile, let metrics {
            textfile = MetricsTextfile(path: path, configuration: configuration, exposition: metrics, pipeline: pipeline, logger: logger)
            DaemonMetrics.shared.started(at: startedAt, lastIngest: MetricsTextfile.lastReceivedAt(store: configuration.store))
        }
        let inbox = InboxService(
            inbox: configuration.inbox, rescanInterval: configuration.rescanInterval, pipeline: pipeline,
            logger: logger, notifier: notifier)
        let reload = ReloadService(
            loader: loader, pipeline: pipeline, logger: logger, notifier: notifier, hangups: await UnixSignalsSequence(trapping: .sighup))
        if !Task.isShuttingDownGracefully {
            // Child tasks inherit the graceful-shutdown signal. On SIGTERM both end by themselves,
            // the inbox after the bulletin in hand: wait for it rather than cancel it (a cancelled
            // back-off sleep used to log "cannot watch …: CancellationError()" at every stop).
            // Otherwise one of them failed: stop the other.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await inbox.run() }
                group.addTask { try await reload.run() }
                if let textfile { group.addTask { try await textfile.run() } }
                try await group.next()
                if !Task.isShuttingDownGracefully { group.cancelAll() }
                try await group.waitForAll()
            }
        }
        notifier.stopping()
        await pipeline.saveIndex()
        await textfile?.write()
        let status = await pipeline.statusLine
        logger.event(.stopping, .notice, "bulletind stopping: \(status)")
    }
}
