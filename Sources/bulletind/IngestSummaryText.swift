import BulletinDaemon

/// The summary `bulletind ingest` prints at the end: aligned like `stats`, rejected files named.
enum IngestSummaryText {
    /// Enough rejected files named to act on; the journal has every one.
    static let namedRejections = 10

    static func render(_ summary: BatchIngest.Summary) -> String {
        let seconds = ProgressDisplay.seconds(summary.elapsed)
        let rate = seconds > 0 ? " at " + ProgressDisplay.megabytes(Double(summary.bytes) / seconds) + " MB/s" : ""
        let storyRate = seconds > 0 ? " (\(Int(Double(summary.stories + summary.duplicates) / seconds)) lines/s)" : ""
        var rows: [(String, String)] = [
            ("files", "\(summary.files) (\(size(summary.bytes)) in \(duration(seconds))\(rate))"),
            ("stories", "\(summary.stories)\(storyRate)"),
            ("duplicates", "\(summary.duplicates)"),
            ("already ingested", "\(summary.alreadyIngested)"),
            ("rejected", "\(summary.rejectedCount)"),
        ]
        for (reason, count) in summary.rejected.sorted(by: { $0.key < $1.key }) {
            rows.append(("  " + reason, "\(count)"))
        }
        if summary.failed > 0 { rows.append(("not stored", "\(summary.failed)")) }
        var out = StatsCommand.aligned(rows)
        if !summary.rejectedFiles.isEmpty {
            out += "\n\nrejected files:"
            for rejected in summary.rejectedFiles.prefix(namedRejections) { out += "\n  \(rejected.path): \(rejected.reason)" }
            let more = summary.rejectedFiles.count - namedRejections
            if more > 0 { out += "\n  … and \(more) more (all in the journal: journalctl -t bulletind MESSAGE_ID=\(MessageID.rejected.rawValue))" }
        }
        if summary.skippedFolders > 0 {
            out += "\n\n\(summary.skippedFolders) sub-folders skipped; add --recursive to ingest them too"
        }
        return out
    }

    static func size(_ bytes: Int64) -> String {
        if bytes < 1_000_000 { return "\((bytes + 500) / 1000) kB" }
        return ProgressDisplay.megabytes(Double(bytes)) + " MB"
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 60 ? "\(Double(Int(seconds * 10)) / 10) s" : ProgressDisplay.clock(seconds)
    }
}
