import BulletinCore
import CoreMetrics

/// Why a file was rejected, in the few words a metric label can carry (a bounded set: the
/// journal and the `.reason` file have the full sentence).
package enum RejectionKind: String, Sendable, CaseIterable {
    case empty, binary
    case noStories = "no-stories"
    case tooLarge = "too-large"
    /// A symlink, FIFO, socket or device, or a file with another name (a hard link).
    case notRegular = "not-regular"
    /// An I/O error, or the file changed while it was read.
    case unreadable
    /// Control characters or invalid UTF-8 in the name.
    case unprintableName = "unprintable-name"
    /// Not read and parsed within `inbox.file_time_limit_s`.
    case timeLimit = "time-limit"
    /// Not Unicode, and no code page reads it as text (or not the inbox's pinned one).
    case undecodable
    /// The daemon died three times while reading it: it crashed or killed the daemon (#14).
    case crashLoop = "crash-loop"

    /// The name `bulletind ingest`'s summary and `bulletind stats` count it under.
    package var summaryName: String { self == .tooLarge ? "too large" : rawValue }

    package init(_ reason: BulletinRejection.Reason) {
        switch reason {
        case .empty: self = .empty
        case .binary: self = .binary
        case .noStories: self = .noStories
        case .undecodable: self = .undecodable
        case .tooLarge: self = .tooLarge
        }
    }
}

/// The daemon's instruments, recorded through swift-metrics.
///
/// The pipeline calls these where things happen; the backend is whatever the executable
/// bootstrapped: Prometheus when `bulletind run` has `metrics.textfile`, otherwise swift-metrics'
/// no-op (then `stored` returns before counting anything: a back-fill pays nothing).
package final class DaemonMetrics: Sendable {
    /// Made on first use from the process's factory, so `MetricsSystem.bootstrap` must come
    /// first: `bulletind run` does it before the daemon starts.
    package static let shared = DaemonMetrics(factory: MetricsSystem.factory)

    private let enabled: Bool
    private let ingested: Counter
    private let alreadyIngestedFiles: Counter
    private let rejected: [RejectionKind: Counter]
    /// By `kind|match`; a match value met for the first time gets its counter then.
    private let stories: [String: Counter]
    private let factory: any MetricsFactory
    private let bytes: Counter
    private let ingestDuration: Timer
    private let lastIngest: Gauge
    private let backlog: Gauge
    private let indexStories: Gauge
    private let storeSize: Gauge
    private let storeErrors: Counter
    private let restartsRecovered: Counter
    private let startTime: Gauge
    private let watchdogPings: Counter

    /// Every series is made here, so each shows (at 0) from the first write, before anything happened:
    /// `rate()` and alerts then work from the start.
    package init(factory: any MetricsFactory) {
        self.factory = factory
        enabled = !(factory is NOOPMetricsHandler)
        ingested = Counter(label: MetricCatalog.bulletinsIngested.name, factory: factory)
        alreadyIngestedFiles = Counter(label: MetricCatalog.bulletinsAlreadyIngested.name, factory: factory)
        var rejected: [RejectionKind: Counter] = [:]
        for kind in RejectionKind.allCases {
            rejected[kind] = Counter(label: MetricCatalog.bulletinsRejected.name, dimensions: [("reason", kind.rawValue)], factory: factory)
        }
        self.rejected = rejected
        var stories: [String: Counter] = [:]
        for (kind, match) in [("story", "none"), ("duplicate", "exact"), ("duplicate", "near"), ("duplicate", "update")] {
            stories[kind + "|" + match] = Self.storyCounter(kind: kind, match: match, factory: factory)
        }
        self.stories = stories
        bytes = Counter(label: MetricCatalog.bytesRead.name, factory: factory)
        ingestDuration = Timer(label: MetricCatalog.ingestDuration.name, factory: factory)
        lastIngest = Gauge(label: MetricCatalog.lastIngest.name, factory: factory)
        backlog = Gauge(label: MetricCatalog.inboxBacklog.name, factory: factory)
        indexStories = Gauge(label: MetricCatalog.indexStories.name, factory: factory)
        storeSize = Gauge(label: MetricCatalog.storeSize.name, factory: factory)
        storeErrors = Counter(label: MetricCatalog.storeErrors.name, factory: factory)
        restartsRecovered = Counter(label: MetricCatalog.restartsRecovered.name, factory: factory)
        startTime = Gauge(label: MetricCatalog.startTime.name, factory: factory)
        watchdogPings = Counter(label: MetricCatalog.watchdogPings.name, factory: factory)
    }

    private static func storyCounter(kind: String, match: String, factory: any MetricsFactory) -> Counter {
        Counter(label: MetricCatalog.stories.name, dimensions: [("kind", kind), ("match", match)], factory: factory)
    }

    /// A bulletin's lines are in the store: one ingested bulletin, its lines by kind and match,
    /// and the time of the last ingest.
    package func stored(_ records: [StoryRecord], at time: Timestamp) {
        var newStories = 0
        var duplicates: [String: Int] = [:]
        for record in records {
            if record.kind == .story { newStories += 1 } else { duplicates[record.match ?? "exact", default: 0] += 1 }
        }
        stored(newStories: newStories, duplicatesByMatch: duplicates, at: time)
    }

    /// A bulletin's lines by count (the daemon streams them and keeps no records to count).
    package func stored(newStories: Int, duplicatesByMatch: [String: Int], at time: Timestamp) {
        guard enabled else { return }
        ingested.increment()
        var counts: [String: Int] = newStories > 0 ? ["story|none": newStories] : [:]
        for (match, count) in duplicatesByMatch where count > 0 { counts["duplicate|" + match] = count }
        for (key, count) in counts {
            if let counter = stories[key] {
                counter.increment(by: count)
            } else {
                let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
                Self.storyCounter(kind: parts[0], match: parts[1], factory: factory).increment(by: count)
            }
        }
        lastIngest.record(time.secondsSinceEpoch)
    }

    package func rejected(_ kind: RejectionKind) { rejected[kind]?.increment() }
    package func alreadyIngested() { alreadyIngestedFiles.increment() }
    package func read(bytes count: Int) { bytes.increment(by: count) }
    package func ingestTook(_ duration: Duration) { ingestDuration.recordNanoseconds(duration.nanoseconds) }
    package func storeFailed() { storeErrors.increment() }
    package func watchdogPinged() { watchdogPings.increment() }

    /// At start: when the process started, and when the store last took a bulletin (nil: never).
    package func started(at time: Timestamp, lastIngest last: Timestamp?) {
        startTime.record(time.secondsSinceEpoch)
        if let last { lastIngest.record(last.secondsSinceEpoch) }
    }

    /// This start found the previous run's work unfinished (a crash, a kill, a power cut) and
    /// recovered it.
    package func recoveredAtStart() { restartsRecovered.increment() }

    /// What is sampled just before each write rather than counted as it happens.
    package func sample(backlog files: Int, indexStories count: Int, storeSize size: Int64) {
        backlog.record(files)
        indexStories.record(count)
        storeSize.record(size)
    }
}

extension Duration {
    fileprivate var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
