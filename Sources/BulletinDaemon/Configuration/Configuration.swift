import BulletinCore
import SystemPackage

/// Everything the daemon can be told. Defaults are the development layout in the current
/// folder; `config/bulletind.yaml` shows the production layout.
package struct Configuration: Sendable, Equatable {
    /// The folder producers drop bulletins into.
    package var inbox = FilePath("inbox")
    /// Where ingested bulletins are moved; nil: `<state>/processed`.
    package var processedFolder: FilePath?
    /// Where rejected bulletins are moved, each with a `.reason` file; nil: `<state>/failed`.
    package var failedFolder: FilePath?
    /// What happens to a bulletin once its stories are in the store.
    package var afterIngest: AfterIngest = .move
    /// A file with the same bytes as one already ingested, under any name: skipped (with a
    /// journal entry), or recorded again as duplicates of its stories.
    package var identicalFiles: IdenticalFiles = .skip
    /// Only names matching one of these count as bulletins (`*` and `?` wildcards).
    package var patterns: [String] = ["*.txt"]
    /// A file written in place is taken only once it has been left alone this long (0: at once).
    package var settle: Duration = .zero
    /// The safety net under inotify: the inbox is scanned this often even when no event came.
    package var rescanInterval: Duration = .seconds(60)
    /// The daemon gives up on a file whose reading, decoding, parsing and fingerprinting take
    /// longer than this: it is rejected, and the files behind it go on.
    package var fileTimeLimit: Duration = .seconds(30)
    /// Larger files are rejected unread.
    package var maxFileSize: Int64 = 16 * 1024 * 1024
    /// The code page every bulletin of this inbox that is not Unicode is read in (a feed known to
    /// use one); nil: detected per file. A byte-order mark, UTF-16 and valid UTF-8 still win.
    package var encoding: SourceEncoding?
    /// The JSON Lines store.
    package var store = FilePath("stories.jsonl")
    /// When appends are made durable.
    package var fsync: FsyncPolicy = .everyBulletin
    /// Rotate the store once it reaches this size (bytes; nil: never): `stories.jsonl` becomes
    /// `stories.jsonl.1`, older files shift up, and a new file starts (`tail -F` follows).
    package var rotateSize: Int64?
    /// With `fsync: batch`, the longest a bulletin's lines wait for their `fsync`.
    package var batchInterval: Duration = .milliseconds(200)
    /// The daemon's own state: lock, ledger, snapshots.
    package var stateDirectory = FilePath(".bulletind")
    package var logLevel: LogLevel = .info
    /// Near-duplicate detection: thresholds, guards and the retention window.
    package var dedup: DedupConfiguration = .default
    /// Where `run` writes its Prometheus metrics for node_exporter's textfile collector (nil: nowhere).
    package var metricsTextfile: FilePath?
    /// How often the metrics file is rewritten (and once more at stop).
    package var metricsInterval: Duration = .seconds(15)

    package enum FsyncPolicy: String, Sendable, CaseIterable { case everyBulletin = "bulletin", batch, never }
    package enum AfterIngest: String, Sendable, CaseIterable { case move, delete, keep }
    package enum IdenticalFiles: String, Sendable, CaseIterable { case skip, record }
    package enum LogLevel: String, Sendable, CaseIterable { case debug, info, notice, warning, error }

    package init() {}

    package var resolvedProcessedFolder: FilePath { processedFolder ?? stateDirectory.appending("processed") }
    package var resolvedFailedFolder: FilePath { failedFolder ?? stateDirectory.appending("failed") }
}

/// A setting that could not be taken, named so a person can fix it.
package struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    package let message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
