import BulletinCore
import Foundation
import LinuxIO
import Logging
import SystemPackage

/// Read → decode → parse → dedup → store → journal, one bulletin at a time.
///
/// An actor: the duplicate index and the store have exactly one user, and bulletins are
/// ingested strictly one after another.
actor IngestPipeline {
    /// What happened to one file.
    enum Outcome: Sendable, Equatable {
        case ingested(stories: Int, duplicates: Int)
        case rejected(reason: String)
        /// Nothing to do: the file went away before it could be read.
        case vanished
        /// The store could not take it (disk full, I/O error): the file stays, try again later.
        case deferred(reason: String)
    }

    /// What to do with a file once it is dealt with.
    enum Disposition: Sendable {
        /// Move it to the processed or the failed folder (the daemon).
        case moveAside(processed: FilePath, failed: FilePath)
        /// Leave it where it is (`bulletind ingest`).
        case leave
    }

    struct Counters: Sendable {
        var stories = 0
        var duplicates = 0
        var rejected = 0
        var lastFile: String?
    }

    private let configuration: Configuration
    private let logger: Logger
    private let processor = BulletinProcessor()
    private var store: StoryStore
    private var index: DuplicateIndex
    private(set) var counters = Counters()

    init(configuration: Configuration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        try DirectoryListing.createDirectories(configuration.store.removingLastComponent().isEmpty ? FilePath(".") : configuration.store.removingLastComponent())
        let store = try StoryStore(path: configuration.store, fsync: configuration.fsync)
        if store.repairedBytes > 0 {
            logger.event(
                .storeRepaired, .warning,
                "store repaired: cut \(store.repairedBytes) bytes of a torn last line",
                ["STORE": configuration.store.string, "REPAIRED_BYTES": String(store.repairedBytes)])
        }
        self.store = store
        index = try Self.loadIndex(from: configuration.store)
    }

    /// Rebuilds the duplicate index from the store's first sightings.
    private static func loadIndex(from store: FilePath) throws -> DuplicateIndex {
        var index = DuplicateIndex()
        try StoreReader.forEachRecord(in: store) { _, result in
            guard case .success(let record) = result, record.kind == .story else { return }
            index.restore(
                id: record.id, headline: record.headline, bodyText: record.bodyText ?? "",
                receivedAt: Timestamp(rfc3339: record.receivedAt)?.secondsSinceEpoch ?? 0)
        }
        return index
    }

    var storyCount: Int { index.count }

    func ingest(_ path: FilePath, disposition: Disposition) -> Outcome {
        let name = path.lastComponent?.string ?? path.string
        counters.lastFile = name
        let bytes: [UInt8]
        do {
            bytes = try RegularFileReader.read(path, limit: configuration.maxFileSize)
        } catch .vanished {
            logger.debug("\(name): gone before it could be read")
            return .vanished
        } catch {
            return reject(path, name: name, sha256: nil, reason: error.description, disposition: disposition)
        }

        let result: BulletinProcessor.Result
        do {
            result = try processor.process(bytes: bytes, file: name, receivedAt: .now, index: &index)
        } catch {
            let sha = BulletinProcessor.sha256Hex(bytes)
            return reject(path, name: name, sha256: sha, reason: "\(error.reason.rawValue): \(error.detail)", disposition: disposition)
        }

        do {
            try store.append(result.records)
        } catch {
            // The index already holds this bulletin's new stories; only the store is the truth.
            index = (try? Self.loadIndex(from: configuration.store)) ?? DuplicateIndex()
            logger.event(
                .storeError, .error, "cannot append \(name) to the store: \(error); it stays in the inbox and is retried",
                ["BULLETIN_FILE": name, "STORE": configuration.store.string, "ERRNO": error.errno.symbolicName])
            return .deferred(reason: error.description)
        }

        var duplicates = 0
        for record in result.records {
            logger.record(record)
            if record.kind == .duplicate { duplicates += 1 }
        }
        counters.stories += result.records.count - duplicates
        counters.duplicates += duplicates
        if case .moveAside(let processed, _) = disposition {
            do {
                try FileMover.move(path, into: processed)
            } catch {
                logger.error("\(name): ingested, but could not be moved to the processed folder: \(error)", metadata: ["BULLETIN_FILE": "\(name)"])
            }
        }
        return .ingested(stories: result.records.count - duplicates, duplicates: duplicates)
    }

    private func reject(_ path: FilePath, name: String, sha256: String?, reason: String, disposition: Disposition) -> Outcome {
        counters.rejected += 1
        var fields = ["BULLETIN_FILE": name, "REJECT_REASON": reason]
        if let sha256 { fields["BULLETIN_SHA256"] = sha256 }
        logger.event(.rejected, .warning, "rejected \(name): \(reason)", fields)
        if case .moveAside(_, let failed) = disposition {
            do {
                let destination = try FileMover.move(path, into: failed)
                try FileMover.writeAtomically(reason + "\n", to: FilePath(destination.string + ".reason"))
            } catch {
                logger.error("\(name): could not be moved to the failed folder: \(error)", metadata: ["BULLETIN_FILE": "\(name)"])
            }
        }
        return .rejected(reason: reason)
    }

    /// Live counts for `STATUS=`.
    var statusLine: String {
        "\(counters.stories) stories, \(counters.duplicates) duplicates, \(counters.rejected) rejected"
            + (counters.lastFile.map { "; last file \($0)" } ?? "")
    }
}

extension Timestamp {
    static var now: Timestamp {
        Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// Parses the store's own `received_at` form (`2026-11-29T18:05:00.123Z`).
    init?(rfc3339 text: String) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: text) else { return nil }
        self.init(millisecondsSinceEpoch: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }
}
