import BulletinMetrics
import Foundation
import Testing

/// `metrics.textfile`, through the real daemon: the file node_exporter's textfile collector reads.
@Suite(.serialized) struct MetricsTests {
    /// `name{labels}` → value, from the text format.
    static func samples(_ file: URL) -> [String: Double] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [:] }
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            samples[String(line[..<space])] = value
        }
        return samples
    }

    static func fileSize(_ url: URL) -> Double {
        Double((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? -1)
    }

    @Test func theDaemonWritesWhatHappenedForNodeExporter() throws {
        let daemon = try DaemonHarness()
        let folder = daemon.folder.appendingPathComponent("node-exporter")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let metrics = folder.appendingPathComponent("bulletind.prom")
        let started = Date().timeIntervalSince1970
        // A strict umask, as the unit has: node_exporter (another user) must still read the file.
        try daemon.start(["run", "--metrics-textfile", metrics.path, "--metrics-interval-s", "1"], launcher: ["/bin/sh", "-c", "umask 027; exec \"$0\" \"$@\""])
        #expect(daemon.waitUntil(within: 10) { Self.samples(metrics)["bulletind_start_time_seconds"] != nil })
        try daemon.drop(DaemonHarness.seed, as: "seed.txt")
        let resent = daemon.folder.appendingPathComponent("resent")
        try (try Data(contentsOf: DaemonHarness.seed) + Data("\n".utf8)).write(to: resent)
        try daemon.drop(resent, as: "resent.txt")
        let binary = daemon.folder.appendingPathComponent("binary")
        try Data([0, 1, 2, 3, 0x41]).write(to: binary)
        try daemon.drop(binary, as: "binary.txt")
        let empty = daemon.folder.appendingPathComponent("empty")
        try Data("\n\n".utf8).write(to: empty)
        try daemon.drop(empty, as: "empty.txt")
        try daemon.drop(DaemonHarness.seed, as: "again.txt")
        #expect(daemon.waitUntil(within: 10) { Self.samples(metrics)["bulletind_bulletins_already_ingested_total"] == 1 })
        #expect(daemon.waitUntil(within: 5) { Self.samples(metrics)["bulletind_store_size_bytes"] == Self.fileSize(daemon.store) })

        let samples = Self.samples(metrics)
        #expect(samples["bulletind_bulletins_ingested_total"] == 2)
        #expect(samples[#"bulletind_stories_total{kind="story",match="none"}"#] == 14)
        #expect(samples[#"bulletind_stories_total{kind="duplicate",match="exact"}"#] == 14)
        #expect(samples[#"bulletind_bulletins_rejected_total{reason="binary"}"#] == 1)
        #expect(samples[#"bulletind_bulletins_rejected_total{reason="empty"}"#] == 1)
        let seedSize = Self.fileSize(DaemonHarness.seed)
        #expect(samples["bulletind_bytes_read_total"] == seedSize + (seedSize + 1) + 5 + 2 + seedSize)
        #expect(samples["bulletind_ingest_duration_seconds_count"] == 2)
        #expect(samples[#"bulletind_ingest_duration_seconds_bucket{le="+Inf"}"#] == 2)
        #expect(samples["bulletind_index_stories"] == 14)
        #expect(samples["bulletind_inbox_backlog_files"] == 0)
        #expect(samples["bulletind_restarts_recovered_total"] == 0)
        let lastLine = try #require(daemon.storeLines().last?["received_at"] as? String)
        let lastIngest = try #require(samples["bulletind_last_ingest_timestamp_seconds"])
        #expect(abs(lastIngest - (ISO8601DateFormatter.withMilliseconds.date(from: lastLine)?.timeIntervalSince1970 ?? 0)) < 0.002)
        let start = try #require(samples["bulletind_start_time_seconds"])
        #expect(start >= started - 1 && start <= Date().timeIntervalSince1970)
        let mode = try FileManager.default.attributesOfItem(atPath: metrics.path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        // No temporary file is left where the collector would read it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bulletind.prom"])
        #expect(daemon.stop() == 0)
    }

    @Test func theFileIsWrittenAtStopAndAStartAfterACrashIsCounted() throws {
        let daemon = try DaemonHarness()
        let metrics = daemon.folder.appendingPathComponent("bulletind.prom")
        // An hour between writes: only the start and the stop write the file.
        let arguments = ["run", "--metrics-textfile", metrics.path, "--metrics-interval-s", "3600"]
        try daemon.startReady(arguments)
        #expect(daemon.waitUntil(within: 10) { Self.samples(metrics)["bulletind_start_time_seconds"] != nil })
        #expect(Self.samples(metrics)["bulletind_last_ingest_timestamp_seconds"] == 0)
        try daemon.drop(DaemonHarness.seed, as: "seed.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.storeLines().count == 14 })
        #expect(Self.samples(metrics)["bulletind_bulletins_ingested_total"] == 0)
        #expect(daemon.stop() == 0)
        #expect(Self.samples(metrics)["bulletind_bulletins_ingested_total"] == 1)
        let lastIngest = Self.samples(metrics)["bulletind_last_ingest_timestamp_seconds"]

        // A clean restart recovers nothing; the last ingest comes from the store.
        try daemon.startReady(arguments)
        #expect(daemon.waitUntil(within: 5) { Self.samples(metrics)["bulletind_bulletins_ingested_total"] == 0 })
        #expect(Self.samples(metrics)["bulletind_restarts_recovered_total"] == 0)
        #expect(Self.samples(metrics)["bulletind_last_ingest_timestamp_seconds"] == lastIngest)
        let copy = daemon.folder.appendingPathComponent("copy")
        try (try Data(contentsOf: DaemonHarness.seed) + Data("\n".utf8)).write(to: copy)
        try daemon.drop(copy, as: "copy.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.storeLines().count == 28 })
        // Killed: the index snapshot no longer covers the store.
        #expect(daemon.stop(signal: SIGKILL) == 128 + SIGKILL)
        try daemon.startReady(arguments)
        #expect(daemon.waitUntil(within: 5) { Self.samples(metrics)["bulletind_restarts_recovered_total"] == 1 })
        #expect(daemon.stop() == 0)
    }

    /// The backlog the sample alert watches: bulletin files waiting in the inbox, and only those.
    @Test func filesWaitingInTheInboxAreTheBacklog() throws {
        let daemon = try DaemonHarness()
        let metrics = daemon.folder.appendingPathComponent("bulletind.prom")
        // A file is taken only once left alone for ten minutes: whatever is dropped now waits.
        try daemon.startReady(["run", "--metrics-textfile", metrics.path, "--metrics-interval-s", "1", "--inbox-settle-ms", "600000"])
        #expect(daemon.waitUntil(within: 10) { Self.samples(metrics)["bulletind_inbox_backlog_files"] == 0 })
        // Three bulletins, written now; and what the daemon leaves alone: a hidden file, a
        // temporary name, a name outside inbox.patterns (*.txt), a folder.
        for name in ["a.txt", "b.txt", "c.txt", ".hidden.txt", "d.txt.tmp", "notes.md"] {
            let staging = daemon.folder.appendingPathComponent("staging-\(name)")
            try StoreTests.bulletin(name, stories: 2).write(to: staging)
            try FileManager.default.moveItem(at: staging, to: daemon.inbox.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: daemon.inbox.appendingPathComponent("folder"), withIntermediateDirectories: false)
        #expect(daemon.waitUntil(within: 10) { Self.samples(metrics)["bulletind_inbox_backlog_files"] == 3 }, "\(Self.samples(metrics))")
        #expect(Self.samples(metrics)["bulletind_bulletins_ingested_total"] == 0)
        #expect(daemon.storeLines().isEmpty)
        #expect(daemon.stop() == 0)
        // Written at stop, with the three still waiting.
        #expect(Self.samples(metrics)["bulletind_inbox_backlog_files"] == 3)
    }

    @Test func theReadmeListsEveryMetricAsTheCodeHasIt() {
        let lines = Set(ReadmeTests.readme.split(separator: "\n").map(String.init))
        for metric in MetricCatalog.all {
            let row = "| `\(metric.name)` | \(metric.kind.rawValue) | \(metric.help) |"
            #expect(lines.contains(row), "README.md lacks: \(row)")
        }
    }

    @Test func aFileNodeExporterWouldNotReadIsRefused() throws {
        let daemon = try DaemonHarness()
        let result = try daemon.runToEnd(["check-config", "--metrics-textfile", "metrics.txt"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("metrics.textfile: expected a file named *.prom"))
        let off = try daemon.runToEnd(["check-config", "--json"], environment: ["BULLETIND_METRICS_TEXTFILE": "off"])
        #expect(off.status == 0)
    }
}

extension ISO8601DateFormatter {
    static var withMilliseconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
