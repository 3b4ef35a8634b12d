import LinuxIO
import Logging
import ServiceLifecycle
import SystemdSupport
import SystemPackage

/// `bulletind run`: the daemon in the foreground, as systemd runs it.
public enum Daemon {
    public static func run(loader: ConfigurationLoader, configuration: Configuration, logger: Logger) async throws {
        let notifier = ServiceNotifier()
        try DirectoryListing.createDirectories(configuration.stateDirectory)
        let lock = try StateLock(stateDirectory: configuration.stateDirectory)
        defer { withExtendedLifetime(lock) {} }
        try DirectoryListing.createDirectories(configuration.resolvedProcessedFolder)
        try DirectoryListing.createDirectories(configuration.resolvedFailedFolder)
        logger.event(.started, .notice, "bulletind started", [
            "INBOX": configuration.inbox.string, "STORE": configuration.store.string,
            "STATE_DIR": configuration.stateDirectory.string,
        ])
        let pipeline = try IngestPipeline(configuration: configuration, logger: logger)
        let inbox = InboxService(
            inbox: configuration.inbox, rescanInterval: configuration.rescanInterval, pipeline: pipeline,
            logger: logger, notifier: notifier)
        let reload = ReloadService(loader: loader, pipeline: pipeline, logger: logger, notifier: notifier)
        let group = ServiceGroup(services: [inbox, reload], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
        notifier.stopping()
        await pipeline.saveIndex()
        let status = await pipeline.statusLine
        logger.event(.stopping, .notice, "bulletind stopping: \(status)")
    }
}
