import ArgumentParser
import BulletinDaemon
import BulletinMetrics
import LinuxIO

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon in the foreground (what systemd runs).",
        discussion: """
            With no configuration and no flags it watches ./inbox, writes ./stories.jsonl and keeps its \
            state in ./.bulletind, creating them if missing. Stop it with Ctrl-C or SIGTERM; SIGHUP \
            reads the configuration again and reopens the store.

            Every setting can come from the configuration file, an environment variable \
            (BULLETIND_<SECTION>_<KEY>) or the flag below; flags beat the environment, which beats \
            the file, which beats the defaults. `bulletind check-config` shows the outcome.

            Examples:
              bulletind run
              bulletind run --config /etc/bulletind/bulletind.yaml
              bulletind run --inbox /tmp/inbox --store /tmp/stories.jsonl
              BULLETIND_LOG_LEVEL=debug bulletind run
            """
    )

    @OptionGroup var file: ConfigFileOption
    @OptionGroup(title: "Inbox settings") var inbox: InboxSettings
    @OptionGroup(title: "Store, dedup and log settings") var pipeline: PipelineSettings
    @OptionGroup(title: "Metrics settings") var metrics: MetricsSettings

    func run() async throws {
        LargeBlocks.mapFromAMegabyte()  // a bulletin's parse is given back once freed (issue #14)
        let flags = inbox.flags.merging(pipeline.flags) { _, flag in flag }.merging(metrics.flags) { _, flag in flag }
        let configuration = try file.load(flags: flags).configuration
        let logger = bootstrapLogging(level: configuration.logLevel)
        // Only the executable chooses the metrics backend, as it does the log's.
        let metrics = configuration.metricsTextfile == nil ? nil : PrometheusExposition()
        metrics?.bootstrapMetricsSystem()
        do {
            try await Daemon.run(loader: file.loader(flags: flags), configuration: configuration, logger: logger, metrics: metrics)
        } catch let error as StateLock.Failure {
            throw fail(error.description)
        } catch {
            logger.critical("bulletind stopped on an error: \(error)", metadata: ["MESSAGE_ID": .string(MessageID.stoppedOnError.rawValue)])
            throw fail("\(error)")
        }
    }
}
