/// One metric the daemon exports, as Prometheus shows it.
package struct MetricDefinition: Sendable, Equatable {
    package enum Kind: String, Sendable { case counter, gauge, histogram }

    package let name: String
    package let kind: Kind
    /// The `# HELP` line: what an operator reading a dashboard needs to know.
    package let help: String
    package let labels: [String]

    init(_ name: String, _ kind: Kind, _ help: String, labels: [String] = []) {
        self.name = name
        self.kind = kind
        self.help = help
        self.labels = labels
    }
}

/// Every metric of `bulletind run`, in one list: the names the code records under, their HELP
/// text in the textfile, and the table in the README all come from here.
package enum MetricCatalog {
    package static let bulletinsIngested = MetricDefinition(
        "bulletind_bulletins_ingested_total", .counter, "Bulletins whose stories reached the store.")
    package static let bulletinsRejected = MetricDefinition(
        "bulletind_bulletins_rejected_total", .counter, "Files moved to the failed folder, by reason.", labels: ["reason"])
    package static let bulletinsAlreadyIngested = MetricDefinition(
        "bulletind_bulletins_already_ingested_total", .counter, "Files skipped because the same bytes were ingested before.")
    package static let stories = MetricDefinition(
        "bulletind_stories_total", .counter,
        "Store lines written: kind story (match none) for first sightings, kind duplicate by match.", labels: ["kind", "match"])
    package static let bytesRead = MetricDefinition(
        "bulletind_bytes_read_total", .counter, "Bytes of bulletin files read from the inbox.")
    package static let ingestDuration = MetricDefinition(
        "bulletind_ingest_duration_seconds", .histogram,
        "Time from reading a bulletin to its lines being in the store and the file moved out of the inbox.")
    package static let lastIngest = MetricDefinition(
        "bulletind_last_ingest_timestamp_seconds", .gauge,
        "When the last bulletin was ingested (Unix time; at start, the store's last line; 0 for an empty store).")
    package static let inboxBacklog = MetricDefinition(
        "bulletind_inbox_backlog_files", .gauge, "Bulletin files waiting in the inbox.")
    package static let indexStories = MetricDefinition(
        "bulletind_index_stories", .gauge, "Stories in the duplicate index.")
    package static let storeSize = MetricDefinition(
        "bulletind_store_size_bytes", .gauge, "Size of the current store file (rotated files not included).")
    package static let storeErrors = MetricDefinition(
        "bulletind_store_errors_total", .counter, "Appends the store refused (disk full, I/O error); the bulletin is retried.")
    package static let restartsRecovered = MetricDefinition(
        "bulletind_restarts_recovered_total", .counter,
        "1 when this start recovered from an unclean stop (store tail repaired, ledger or index replayed), else 0.")
    package static let startTime = MetricDefinition(
        "bulletind_start_time_seconds", .gauge, "When this daemon process started (Unix time).")
    package static let watchdogPings = MetricDefinition(
        "bulletind_watchdog_pings_total", .counter, "WATCHDOG=1 notifications sent to systemd from the ingest loop.")

    package static let all: [MetricDefinition] = [
        bulletinsIngested, bulletinsRejected, bulletinsAlreadyIngested, stories, bytesRead, ingestDuration, lastIngest,
        inboxBacklog, indexStories, storeSize, storeErrors, restartsRecovered, startTime, watchdogPings,
    ]

    /// Ingest durations: a bulletin normally takes a millisecond or two and one fsync; seconds
    /// mean a huge file or a struggling disk.
    package static let ingestDurationBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
        .seconds(5), .seconds(10),
    ]

    static func help(for name: String) -> String {
        all.first { $0.name == name }?.help ?? "\(name) (not in bulletind's metric catalog)."
    }
}
