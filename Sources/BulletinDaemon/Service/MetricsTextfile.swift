import AsyncAlgorithms
import BulletinCore
import BulletinMetrics
import Dispatch
import LinuxIO
import Logging
import ServiceLifecycle
import Synchronization
import SystemPackage

/// Writes the daemon's metrics in Prometheus' text format to `metrics.textfile`, every
/// `metrics.interval_s` and once more at stop, for node_exporter's textfile collector: the
/// convention for a service with no network of its own.
///
/// Each write goes to a temporary file renamed over the last one, so the collector never reads
/// half a file; the file is world-readable whatever the umask, since node_exporter runs as
/// another user. A failing write costs a journal entry when it starts failing and one when it
/// works again, never the ingest. Listing the inbox and the write's `fsync` block, so they run on
/// a thread of their own: on Swift's cooperative pool (one thread a core) a slow disk would hold
/// up the bulletins behind them.
final class MetricsTextfile: Service, Sendable {
    let path: FilePath
    let interval: Duration
    let exposition: PrometheusExposition
    let pipeline: IngestPipeline
    let inbox: FilePath
    let logger: Logger
    private let failing = Mutex(false)
    private let queue = DispatchQueue(label: "bulletind.metrics-textfile")

    init(path: FilePath, configuration: Configuration, exposition: PrometheusExposition, pipeline: IngestPipeline, logger: Logger) {
        self.path = path
        interval = configuration.metricsInterval
        self.exposition = exposition
        self.pipeline = pipeline
        inbox = configuration.inbox
        self.logger = logger
    }

    func run() async throws {
        FileMover.removeLeftoverTemporaries(of: path)
        await write()
        for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() {
            await write()
        }
    }

    /// Samples what is not counted as it happens (backlog, index, store size), then writes.
    func write() async {
        let entries = await offThePool { [inbox] in (try? DirectoryListing.entries(of: inbox)) ?? [] }
        let sample = await pipeline.metricsSample(inboxEntries: entries)
        DaemonMetrics.shared.sample(backlog: sample.backlog, indexStories: sample.indexStories, storeSize: sample.storeSize)
        let text = exposition.text()
        let written = await offThePool { [path] in
            Result { () throws(IOFailure) in
                try FileMover.writeAtomically(text, to: path, permissions: [.ownerReadWrite, .groupRead, .otherRead])
            }
        }
        do {
            try written.get()
            if failing.withLock({ was in defer { was = false }; return was }) {
                logger.event(.metricsFile, .notice, "metrics are written to \(path) again", ["METRICS_TEXTFILE": path.string])
            }
        } catch {
            if !failing.withLock({ was in defer { was = true }; return was }) {
                logger.event(.metricsFile, .error, "cannot write the metrics file: \(error); retrying every \(interval)", ["METRICS_TEXTFILE": path.string])
            }
        }
    }

    /// Runs `work` on the writer's own thread and waits for it without holding a pool thread.
    private func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    /// When the store last took a bulletin: the `received_at` of its last line (or of the
    /// newest rotated file's, after a rotation). Nil for an empty store.
    static func lastReceivedAt(store: FilePath) -> Timestamp? {
        for file in [store, FilePath(store.string + ".1")] {
            if let line = try? LineReader.lastLine(in: file) { return StoreLine.receivedAt(in: line) }
        }
        return nil
    }
}
