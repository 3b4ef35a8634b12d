import BulletinCore
import BulletinMetrics
import Testing

/// The instruments, recorded into a real Prometheus registry and read back from its text.
@Suite struct DaemonMetricsTests {
    /// `name{labels} value` lines of the text format, by series.
    static func samples(_ text: String) -> [String: String] {
        var samples: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            samples[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        return samples
    }

    static func record(_ kind: StoryRecord.Kind, match: String? = nil) -> StoryRecord {
        StoryRecord(
            kind: kind, id: kind == .story ? String(repeating: "a", count: 32) : "d" + String(repeating: "b", count: 32),
            receivedAt: "2026-11-30T10:00:00.000Z", bulletin: .init(file: "a.txt", sha256: String(repeating: "c", count: 64), index: 0),
            headline: "Headline", duplicateOf: kind == .duplicate ? String(repeating: "a", count: 32) : nil, match: match)
    }

    @Test func everySeriesShowsAtZeroBeforeAnythingHappens() {
        let exposition = PrometheusExposition()
        _ = DaemonMetrics(factory: exposition.factory)
        let samples = Self.samples(String(decoding: exposition.text(), as: UTF8.self))
        #expect(samples["bulletind_bulletins_ingested_total"] == "0")
        #expect(samples[#"bulletind_bulletins_rejected_total{reason="binary"}"#] == "0")
        #expect(samples[#"bulletind_stories_total{kind="duplicate",match="near"}"#] == "0")
        #expect(samples["bulletind_inbox_backlog_files"] == "0.0")
        #expect(samples[#"bulletind_ingest_duration_seconds_bucket{le="+Inf"}"#] == "0")
    }

    @Test func recordedEventsAreCountedWithTheirLabels() {
        let exposition = PrometheusExposition()
        let metrics = DaemonMetrics(factory: exposition.factory)
        let time = Timestamp(rfc3339: "2026-11-30T10:00:00.500Z")!
        metrics.stored([Self.record(.story), Self.record(.story), Self.record(.duplicate, match: "exact")], at: time)
        metrics.stored([Self.record(.duplicate, match: "near"), Self.record(.duplicate, match: "version")], at: time)
        metrics.rejected(.binary)
        metrics.rejected(RejectionKind(.noStories))
        metrics.alreadyIngested()
        metrics.read(bytes: 1500)
        metrics.read(bytes: 500)
        metrics.ingestTook(.milliseconds(3))
        metrics.ingestTook(.seconds(20))
        metrics.watchdogPinged()
        metrics.recoveredAtStart()
        metrics.sample(backlog: 7, indexStories: 42, storeSize: 123_456)
        let samples = Self.samples(String(decoding: exposition.text(), as: UTF8.self))
        #expect(samples["bulletind_bulletins_ingested_total"] == "2")
        #expect(samples[#"bulletind_stories_total{kind="story",match="none"}"#] == "2")
        #expect(samples[#"bulletind_stories_total{kind="duplicate",match="exact"}"#] == "1")
        #expect(samples[#"bulletind_stories_total{kind="duplicate",match="near"}"#] == "1")
        // A match value the catalog does not list still gets its own series.
        #expect(samples[#"bulletind_stories_total{kind="duplicate",match="version"}"#] == "1")
        #expect(samples[#"bulletind_bulletins_rejected_total{reason="binary"}"#] == "1")
        #expect(samples[#"bulletind_bulletins_rejected_total{reason="no-stories"}"#] == "1")
        #expect(samples[#"bulletind_bulletins_rejected_total{reason="empty"}"#] == "0")
        #expect(samples["bulletind_bulletins_already_ingested_total"] == "1")
        #expect(samples["bulletind_bytes_read_total"] == "2000")
        #expect(samples[#"bulletind_ingest_duration_seconds_bucket{le="0.005"}"#] == "1")
        #expect(samples[#"bulletind_ingest_duration_seconds_bucket{le="10.0"}"#] == "1")
        #expect(samples[#"bulletind_ingest_duration_seconds_bucket{le="+Inf"}"#] == "2")
        #expect(samples["bulletind_ingest_duration_seconds_count"] == "2")
        #expect(samples["bulletind_last_ingest_timestamp_seconds"] == "1796032800.5")
        #expect(samples["bulletind_watchdog_pings_total"] == "1")
        #expect(samples["bulletind_restarts_recovered_total"] == "1")
        #expect(samples["bulletind_inbox_backlog_files"] == "7.0")
        #expect(samples["bulletind_index_stories"] == "42.0")
        #expect(samples["bulletind_store_size_bytes"] == "123456.0")
    }

    @Test func everyMetricHasItsHelpAndType() {
        let exposition = PrometheusExposition()
        _ = DaemonMetrics(factory: exposition.factory)
        let text = String(decoding: exposition.text(), as: UTF8.self)
        for metric in MetricCatalog.all {
            #expect(text.contains("# HELP \(metric.name) \(metric.help)\n"), "\(metric.name)")
            #expect(text.contains("# TYPE \(metric.name) \(metric.kind.rawValue)\n"), "\(metric.name)")
        }
    }
}
