import Logging
import ServiceLifecycle
import SystemdSupport
import UnixSignals

/// SIGHUP: read the configuration again and reopen the store (for logrotate-style tools).
///
/// The service manager sees `RELOADING=1` … `READY=1`. An invalid new configuration keeps the
/// old one, and the journal says why.
struct ReloadService: Service {
    let loader: ConfigurationLoader
    let pipeline: IngestPipeline
    let logger: Logger
    let notifier: ServiceNotifier
    /// Trapped before the inbox can announce READY=1: a SIGHUP in between (a `systemctl reload`
    /// right after the start) would otherwise end the process, its default action.
    let hangups: UnixSignalsSequence

    func run() async throws {
        for await _ in hangups.cancelOnGracefulShutdown() {
            notifier.reloading()
            do {
                let configuration = try loader.load()
                let needRestart = try await pipeline.reload(configuration)
                var message = "configuration reloaded and store reopened"
                if !needRestart.isEmpty { message += "; \(needRestart.joined(separator: ", ")) change only with a restart" }
                logger.event(.reloaded, .notice, "\(message)", ["NEEDS_RESTART": needRestart.joined(separator: ",")])
            } catch {
                logger.event(.reloaded, .error, "reload failed, keeping the current configuration: \(error)", ["RELOAD_ERROR": "\(error)"])
            }
            notifier.ready(status: await pipeline.statusLine)
        }
    }
}
