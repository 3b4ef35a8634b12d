import BulletinCore
import Foundation
import LinuxIO
import SystemPackage

/// Brings the store, the ledger and the duplicate index into agreement at start.
///
/// A crash can stop the daemon between any two steps of a bulletin — store append, ledger
/// entry, file move — or in the middle of the store append itself. Every store line carries its
/// bulletin's digest and story count (`bulletin.sha256`, `bulletin.stories`), and one bulletin's
/// lines are written in one `write`, so the store's tail tells exactly what happened:
/// - an unterminated last line is cut off;
/// - a last bulletin with fewer lines than its count was cut short mid-write: its lines are
///   removed, and the bulletin (still in the inbox, since files move last) is ingested again;
/// - complete bulletins beyond the ledger's last offset get their ledger entries back.
struct StoreRecovery {
    struct Report: Sendable, Equatable {
        var tornBytes: Int64 = 0
        var incompleteLinesRemoved = 0
        var ledgerEntriesRecovered = 0
        var ledgerRebuilt = false
        /// Why the duplicate index was rebuilt from the whole store (nil: loaded from its snapshot,
        /// or nothing to rebuild).
        var indexRebuiltBecause: String?
        var linesReplayed = 0

        var repairedAnything: Bool { tornBytes > 0 || incompleteLinesRemoved > 0 || ledgerEntriesRecovered > 0 || ledgerRebuilt }

        var summary: String {
            var parts: [String] = []
            if tornBytes > 0 { parts.append("cut a torn last line of \(tornBytes) bytes") }
            if incompleteLinesRemoved > 0 { parts.append("removed \(incompleteLinesRemoved) lines of a bulletin cut short, to ingest it again") }
            if ledgerRebuilt { parts.append("rebuilt the ledger from the store") }
            if ledgerEntriesRecovered > 0 { parts.append("recovered \(ledgerEntriesRecovered) ledger entries from the store") }
            return parts.joined(separator: "; ")
        }
    }

    let store: FilePath
    let stateDirectory: FilePath
    let dedup: DedupConfiguration

    /// Repairs what needs repairing and returns the ledger and the index, ready for appending.
    func recover() throws -> (ledger: IngestLedger, index: DuplicateIndex, report: Report) {
        var report = Report()
        report.tornBytes = try AppendOnlyFile.cutTornTail(of: store)
        let storeSize = (try? FileManager.default.attributesOfItem(atPath: store.string)[.size] as? Int64) ?? 0

        var saved = IngestLedger.read(stateDirectory: stateDirectory)
        if let ledger = saved, ledger.storeOffset > storeSize { saved = nil }  // the store shrank under it
        if saved == nil, storeSize > 0 { report.ledgerRebuilt = true }
        let ledgerFrom = saved?.storeOffset ?? 0
        var digests = saved?.digests ?? []
        var recovered: [IngestLedger.Entry] = []
        var rebuilt: [IngestLedger.Entry] = []

        var index: DuplicateIndex
        var indexFrom: Int64 = 0
        switch IndexSnapshot.load(stateDirectory: stateDirectory, configuration: dedup, storeSize: storeSize) {
        case .loaded(let loaded, let offset):
            index = loaded
            indexFrom = offset
        case .missing:
            index = DuplicateIndex(configuration: dedup)
            if storeSize > 0 { report.indexRebuiltBecause = "no snapshot" }
        case .unusable(let reason):
            index = DuplicateIndex(configuration: dedup)
            report.indexRebuiltBecause = "the snapshot is unusable: \(reason)"
        }
        var group = BulletinGroup()
        var cutAt: Int64?
        let decoder = JSONDecoder()

        func close(_ group: BulletinGroup, endingAt end: Int64) {
            guard let first = group.first else { return }
            for record in group.records where record.kind == .story && group.startOffset >= indexFrom {
                index.restore(
                    id: record.id, headline: record.headline, bodyText: record.bodyText ?? "",
                    receivedAt: Timestamp(rfc3339: record.receivedAt)?.secondsSinceEpoch ?? 0)
            }
            let entry = IngestLedger.Entry(sha256: first.bulletin.sha256, storeSizeAfter: end)
            if let digest = BulletinDigest(hex: entry.sha256) { digests.insert(digest) }
            if saved == nil { rebuilt.append(entry) } else if group.startOffset >= ledgerFrom { recovered.append(entry) }
        }

        // Only the tail neither the ledger nor the snapshot has seen is read.
        try LineReader.forEachLine(in: store, from: min(ledgerFrom, indexFrom)) { offset, line in
            report.linesReplayed += 1
            guard let record = try? decoder.decode(StoryRecord.self, from: Data(line)) else { return }
            if !group.accepts(record) {
                close(group, endingAt: offset)
                group = BulletinGroup(startOffset: offset)
            }
            group.records.append(record)
        }
        if group.isComplete {
            close(group, endingAt: storeSize)
        } else if !group.records.isEmpty {
            cutAt = group.startOffset
            report.incompleteLinesRemoved = group.records.count
            report.linesReplayed -= group.records.count
        }
        if let cutAt { try LineReader.truncate(store, to: cutAt) }
        report.ledgerEntriesRecovered = recovered.count

        let finalSize = cutAt ?? storeSize
        let ledger: IngestLedger
        if saved == nil {
            ledger = try IngestLedger(stateDirectory: stateDirectory, digests: digests, storeOffset: finalSize, replacingWith: rebuilt)
        } else {
            ledger = try IngestLedger(stateDirectory: stateDirectory, digests: digests, storeOffset: ledgerFrom)
            try ledger.record(recovered)
        }
        return (ledger, index, report)
    }
}

/// The consecutive lines of one bulletin occurrence in the store.
private struct BulletinGroup {
    var startOffset: Int64 = 0
    var records: [StoryRecord] = []

    var first: StoryRecord? { records.first }

    /// Lines from before `bulletin.stories` existed count as complete on their own.
    var isComplete: Bool {
        guard let first else { return false }
        return records.count >= (first.bulletin.stories ?? records.count)
    }

    func accepts(_ record: StoryRecord) -> Bool {
        guard let first else { return true }
        return !isComplete && first.bulletin.sha256 == record.bulletin.sha256
            && first.bulletin.file == record.bulletin.file && first.receivedAt == record.receivedAt
    }
}
