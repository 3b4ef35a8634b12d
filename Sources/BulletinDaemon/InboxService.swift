import AsyncAlgorithms
import BulletinCore
import LinuxIO
import Logging
import ServiceLifecycle
import SystemdSupport
import SystemPackage

/// Watches the inbox and feeds every complete bulletin to the pipeline.
///
/// inotify is a hint and the folder is the truth: the watch is armed *before* the folder is
/// scanned (so nothing slips between the two), and the folder is scanned again when events
/// were lost, when the watch went away, and on a slow timer as a safety net. The same timer
/// wakes the loop for the watchdog; apart from it the loop sleeps until something arrives.
struct InboxService: Service {
    let inbox: FilePath
    let rescanInterval: Duration
    let pipeline: IngestPipeline
    let logger: Logger
    let notifier: ServiceNotifier

    private enum Trigger: Sendable { case event(InboxEvent), tick }

    func run() async throws {
        var watchdog = WatchdogPinger(notifier: notifier)
        var announcedReady = false
        var failures = 0
        while !Task.isShuttingDownGracefully {
            let watcher: InotifyWatcher
            let watched: FileSignature?
            do {
                try DirectoryListing.createDirectories(inbox)
                watcher = try InotifyWatcher(directory: inbox)
                watched = FileSignature.of(inbox, followingSymbolicLinks: true)
                try await scan(&watchdog)
                failures = 0
            } catch {
                // The folder may be unmounted or unreadable: wait for it, backing off.
                failures += 1
                let delay = Duration.milliseconds(min(100 << min(failures, 9), 30_000))
                logger.event(.watchLost, .error, "cannot watch \(inbox): \(error); retrying in \(delay)", ["INBOX": inbox.string])
                try await Task.sleep(for: delay)
                watchdog.pingIfDue()
                continue
            }
            defer { watcher.stop() }
            if !announcedReady {
                announcedReady = true
                notifier.ready(status: await pipeline.statusLine)
                logger.event(.ready, .notice, "ready: watching \(inbox)", ["INBOX": inbox.string])
            }

            let tick = min(watchdog.interval ?? rescanInterval, rescanInterval)
            let events = watcher.events.map { @Sendable in Trigger.event($0) }
            let ticks = AsyncTimerSequence(interval: tick, clock: .continuous).map { @Sendable _ in Trigger.tick }
            var lastScan = ContinuousClock.now
            triggers: for await trigger in merge(events, ticks).cancelOnGracefulShutdown() {
                switch trigger {
                case .event(.arrived(let name)):
                    try await ingest(name, &watchdog)
                case .event(.created(let name)):
                    if let signature = FileSignature.of(name.path(in: inbox)), !signature.isRegularOrDirectory {
                        try await ingest(name, &watchdog)
                    }
                case .event(.overflow):
                    logger.event(.overflow, .warning, "inotify events were lost; rescanning \(inbox)", ["INBOX": inbox.string])
                    guard try await rescan(&watchdog) else { break triggers }
                    lastScan = .now
                case .event(.watchLost):
                    logger.event(.watchLost, .warning, "the watch on \(inbox) is gone; re-creating it and rescanning", ["INBOX": inbox.string])
                    break triggers
                case .tick:
                    if ContinuousClock.now - lastScan >= rescanInterval {
                        // A folder mounted over the inbox, or swapped in, sends no event: the
                        // watch is on the old one. Compare identities at each safety rescan.
                        guard let now = FileSignature.of(inbox, followingSymbolicLinks: true), let watched, now.isSameFile(as: watched) else {
                            logger.event(.watchLost, .warning, "\(inbox) was replaced, mounted over or removed; watching it again", ["INBOX": inbox.string])
                            break triggers
                        }
                        guard try await rescan(&watchdog) else { break triggers }
                        lastScan = .now
                    }
                }
                watchdog.pingIfDue()
            }
        }
    }

    /// A scan while watching: false (and a journal entry) when the folder cannot be read, so the
    /// caller re-creates the watch, which backs off while the folder keeps failing. Never throws
    /// for the folder: only cancellation ends the daemon.
    private func rescan(_ watchdog: inout WatchdogPinger) async throws -> Bool {
        do {
            try await scan(&watchdog)
            return true
        } catch let failure as IOFailure {
            logger.event(.watchLost, .error, "cannot rescan \(inbox): \(failure); watching it again", ["INBOX": inbox.string])
            return false
        }
    }

    /// Ingests every bulletin in the folder, in name order.
    private func scan(_ watchdog: inout WatchdogPinger) async throws {
        for entry in try DirectoryListing.entries(of: inbox) {
            if Task.isShuttingDownGracefully { return }
            guard entry.kind != .directory else { continue }
            try await ingest(entry.name, &watchdog)
        }
    }

    /// One bulletin; when the store cannot take it, retries with back-off until it can, and a
    /// file changed too recently is taken once it has settled.
    private func ingest(_ name: FileName, _ watchdog: inout WatchdogPinger) async throws {
        guard await pipeline.isBulletinName(name) else { return }
        var delay = Duration.milliseconds(100)
        retrying: while true {
            switch await pipeline.ingest(name, in: inbox, disposition: .configured) {
            case .deferred:
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(30))
            case .unsettled(let remaining):
                try await Task.sleep(for: remaining)
            case .unchanged:
                return
            default:
                break retrying
            }
            watchdog.pingIfDue()
        }
        notifier.status(await pipeline.statusLine)
        watchdog.pingIfDue()
    }
}
