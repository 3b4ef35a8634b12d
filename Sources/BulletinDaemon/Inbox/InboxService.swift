import AsyncAlgorithms
import BulletinCore
import BulletinMetrics
import LinuxIO
import Logging
import ServiceLifecycle
import SystemdSupport
import SystemPackage

/// Watches the inbox and feeds every complete bulletin to the pipeline.
///
/// inotify is a hint and the folder is the truth: the watch is armed *before* the folder is
/// scanned (so nothing slips between the two), and the folder is scanned again when events
/// were lost, when the watch went away, and on a slow timer as a safety net. Names wait in an
/// `InboxQueue`: a file that is not ready (still being written, or changing while it is read) is
/// parked and the others go first. Each file is read and parsed off the pool within
/// `inbox.file_time_limit_s` (`BoundedLoader`); the watchdog is pinged between files and from
/// inside a long one. The loop sleeps until an event, a timer or a parked file's time comes.
struct InboxService: Service {
    let inbox: FilePath
    let rescanInterval: Duration
    let pipeline: IngestPipeline
    let logger: Logger
    let notifier: ServiceNotifier
    /// Makes the watch on the inbox (each time it is made again); a test's may fail.
    var makeWatcher: @Sendable (FilePath) throws -> InotifyWatcher = { try InotifyWatcher(directory: $0) }

    /// A file that keeps changing while it is read (or keeps another name) is read again this
    /// many times, a little later each time (0.25 s, doubling: about 8 s in all), then rejected.
    static let readAttempts = 6

    func run() async throws {
        let watchdog = WatchdogPinger(notifier: notifier)
        let loader = BoundedLoader(watchdog: watchdog)
        var queue = InboxQueue()
        var announcedReady = false
        var failures = 0
        while !Task.isShuttingDownGracefully {
            let watcher: InotifyWatcher
            let watched: FileSignature?
            do {
                try DirectoryListing.createDirectories(inbox)
                try pipeline.claims.prepare()
                watcher = try makeWatcher(inbox)
                watched = FileSignature.of(inbox, followingSymbolicLinks: true)
                try await scan(into: &queue)
                failures = 0
            } catch let error as CancellationError {
                throw error
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
            // The alarm's stream is made anew with each watch: leaving the loop below cancels
            // the merge's wait on it, and a cancelled AsyncStream stays finished — one stream
            // for the whole run left files parked after a watch was remade with no alarm.
            let (dues, dueSignal) = AsyncStream.makeStream(of: InboxTrigger.self, bufferingPolicy: .bufferingNewest(1))
            var alarm = Alarm(signal: dueSignal)
            defer { alarm.cancel() }
            try await work(&queue, loader, watchdog)
            if !announcedReady {
                announcedReady = true
                notifier.ready(status: await pipeline.statusLine)
                logger.event(.ready, .notice, "ready: watching \(inbox)", ["INBOX": inbox.string])
            }

            let tick = min(watchdog.interval ?? rescanInterval, rescanInterval)
            let events = watcher.events.map { @Sendable in InboxTrigger.event($0) }
            let ticks = AsyncTimerSequence(interval: tick, clock: .continuous).map { @Sendable _ in InboxTrigger.tick }
            var lastScan = ContinuousClock.now
            alarm.set(for: queue.nextDue)
            triggers: for await trigger in merge(events, ticks, dues).cancelOnGracefulShutdown() {
                switch trigger {
                case .event(.arrived(let name)):
                    if await pipeline.isBulletinName(name) { queue.add(.init(name: name, claimed: false)) }
                case .event(.created(let name)):
                    if let signature = FileSignature.of(name.path(in: inbox)), !signature.isRegularOrDirectory,
                        await pipeline.isBulletinName(name)
                    {
                        queue.add(.init(name: name, claimed: false))
                    }
                case .event(.overflow):
                    logger.event(.overflow, .warning, "inotify events were lost; rescanning \(inbox)", ["INBOX": inbox.string])
                    guard try await rescan(into: &queue) else { break triggers }
                    lastScan = .now
                case .event(.failed(let failure)):
                    // A second's pause: a kernel that keeps failing the read cannot make this spin.
                    logger.event(.watchLost, .error, "watching \(inbox) failed: \(failure); watching it again in 1 s and rescanning", ["INBOX": inbox.string])
                    try await Task.sleep(for: .seconds(1))
                    break triggers
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
                        guard try await rescan(into: &queue) else { break triggers }
                        lastScan = .now
                        logger.event(.inboxRescanned, .debug, "safety rescan of \(inbox) done", ["INBOX": inbox.string])
                    }
                case .due:
                    break
                }
                try await work(&queue, loader, watchdog)
                alarm.set(for: queue.nextDue)
                watchdog.pingIfDue()
            }
        }
    }

    /// A scan while watching: false (and a journal entry) when the folder cannot be read, so the
    /// caller re-creates the watch, which backs off while the folder keeps failing. Never throws
    /// for the folder: only cancellation ends the daemon.
    private func rescan(into queue: inout InboxQueue) async throws -> Bool {
        do {
            try await scan(into: &queue)
            return true
        } catch let failure as IOFailure {
            logger.event(.watchLost, .error, "cannot rescan \(inbox): \(failure); watching it again", ["INBOX": inbox.string])
            return false
        }
    }

    /// Queues every bulletin in the folder, in name order, after any file still claimed (a crash
    /// came between its claim and its disposal, or its disposal failed).
    private func scan(into queue: inout InboxQueue) async throws {
        for name in await pipeline.claimedLeftovers() {
            queue.add(.init(name: name, claimed: true))
        }
        for entry in try DirectoryListing.entries(of: inbox) where entry.kind != .directory {
            if await pipeline.isBulletinName(entry.name) { queue.add(.init(name: entry.name, claimed: false)) }
        }
    }

    /// Takes every file whose turn has come, one at a time.
    private func work(_ queue: inout InboxQueue, _ loader: BoundedLoader, _ watchdog: WatchdogPinger) async throws {
        while !Task.isShuttingDownGracefully, let (entry, attempt) = queue.next() {
            switch try await take(entry, attempt: attempt, loader, watchdog) {
            case .park(let entry, let delay, let attempt):
                queue.park(entry, until: .now + delay, attempt: attempt)
            case .done:
                notifier.status(await pipeline.statusLine)
            }
            watchdog.pingIfDue()
        }
    }

    private enum Turn {
        case done
        case park(InboxQueue.Entry, after: Duration, attempt: Int)
    }

    /// One file: claimed (or taken where it is), loaded within the time limit, committed. When
    /// the store cannot take it, retried here with back-off until it can: nothing else could be
    /// stored meanwhile either.
    private func take(_ entry: InboxQueue.Entry, attempt: Int, _ loader: BoundedLoader, _ watchdog: WatchdogPinger) async throws -> Turn {
        let folder: FilePath
        if entry.claimed {
            // A file the daemon died on several times is not read again; any other is marked as
            // begun before it is read (a death now counts against it).
            if await pipeline.setAsideIfLooping(entry.name) != nil { return .done }
            folder = pipeline.claims.path
        } else {
            switch await pipeline.admit(entry.name) {
            case .take(let from): folder = from
            case .wait(.unsettled(let remaining)): return .park(entry, after: remaining, attempt: 0)
            case .wait(.deferred(let reason)):
                logger.event(.fileDeferred, .notice, "\(entry.name): \(reason); trying again shortly", ["BULLETIN_FILE": "\(entry.name)"])
                return .park(entry, after: Self.backoff(attempt), attempt: attempt + 1)
            case .wait: return .done
            }
        }
        let claimed = folder == pipeline.claims.path
        var delay = Duration.milliseconds(100)
        while true {
            let parameters = await pipeline.loadParameters
            let name = entry.name
            let started = ContinuousClock.now
            let loaded = await loader.run(limit: parameters.timeLimit) {
                LoadedFile.load(
                    name, in: folder, maxFileSize: parameters.maxFileSize, dedup: parameters.dedup,
                    decoder: parameters.decoder, known: parameters.known, refusingHardLinks: true)
            }
            let outcome: IngestPipeline.Outcome
            if let loaded {
                outcome = await pipeline.commit(loaded, mayReadAgain: attempt + 1 < Self.readAttempts, watchdog: watchdog)
            } else {
                outcome = await pipeline.rejectOverTime(name, in: folder, limit: parameters.timeLimit)
            }
            if case .ingested = outcome { DaemonMetrics.shared.ingestTook(.now - started) }
            switch outcome {
            case .unstable:
                return .park(.init(name: entry.name, claimed: claimed), after: Self.backoff(attempt, from: .milliseconds(250)), attempt: attempt + 1)
            case .deferred:
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(30))
                watchdog.pingIfDue()
            default:
                return .done
            }
        }
    }

    /// 0.25 s (or `from`), doubling with each attempt, at most 30 s.
    static func backoff(_ attempt: Int, from first: Duration = .milliseconds(250)) -> Duration {
        min(first * (1 << min(attempt, 8)), .seconds(30))
    }
}

private enum InboxTrigger: Sendable { case event(WatchEvent), tick, due }

/// Wakes the inbox loop when the earliest parked file is due: one sleeping task at a time.
private struct Alarm {
    let signal: AsyncStream<InboxTrigger>.Continuation
    private var task: Task<Void, Never>?

    init(signal: AsyncStream<InboxTrigger>.Continuation) { self.signal = signal }

    mutating func set(for instant: ContinuousClock.Instant?) {
        task?.cancel()
        task = instant.map { instant in
            Task { [signal] in
                try? await Task.sleep(until: instant, clock: .continuous)
                if !Task.isCancelled { signal.yield(.due) }
            }
        }
    }

    mutating func cancel() { task?.cancel() }
}
