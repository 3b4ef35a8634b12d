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
/// The index comes from its snapshot plus the lines after the snapshot's offset; without a
/// usable snapshot (or ledger) it is rebuilt from the rotated store files and the current one.
struct StoreRecovery {
    struct Report: Sendable, Equatable {
        var tornBytes: Int64 = 0
        var incompleteLinesRemoved = 0
        var ledgerEntriesRecovered = 0
        var ledgerRebuilt = false
        /// Why the duplicate index was rebuilt from the whole store (nil: it came from its snapshot).
        var indexRebuiltBecause: String?
        var linesReplayed = 0
        /// Where the start's time went, for the journal: phase name and milliseconds.
        var timings: [(String, Int)] = []

        static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.tornBytes == rhs.tornBytes && lhs.incompleteLinesRemoved == rhs.incompleteLinesRemoved
                && lhs.ledgerEntriesRecovered == rhs.ledgerEntriesRecovered && lhs.ledgerRebuilt == rhs.ledgerRebuilt
                && lhs.indexRebuiltBecause == rhs.indexRebuiltBecause && lhs.linesReplayed == rhs.linesReplayed
        }

        var timingSummary: String { timings.map { "\($0.0) \($0.1) ms" }.joined(separator: ", ") }

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

    /// The files a full rebuild reads, oldest first: `stories.jsonl.N` … `stories.jsonl.1`.
    static func rotatedFiles(of store: FilePath) -> [FilePath] {
        var files: [FilePath] = []
        var number = 1
        while FileManager.default.fileExists(atPath: store.string + ".\(number)") {
            files.append(FilePath(store.string + ".\(number)"))
            number += 1
        }
        return files.reversed()
    }

    /// Repairs what needs repairing and returns the ledger and the index, ready for appending.
    func recover() throws -> (ledger: IngestLedger, index: DuplicateIndex, report: Report) {
        var report = Report()
        let clock = ContinuousClock()
        var phaseStart = clock.now
        func phase(_ name: String) {
            let elapsed = clock.now - phaseStart
            report.timings.append((name, Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)))
            phaseStart = clock.now
        }
        report.tornBytes = try AppendOnlyFile.cutTornTail(of: store)
        let storeSize = (try? FileManager.default.attributesOfItem(atPath: store.string)[.size] as? Int64) ?? 0
        let identity = AppendOnlyFile.identity(of: store) ?? ""

        // Where the ledger's knowledge of the current file ends (nil: rebuild it from everything).
        let saved = IngestLedger.read(stateDirectory: stateDirectory)
        var ledgerFrom: Int64?
        if let saved {
            if saved.storeIdentity != identity || saved.digests.isEmpty { ledgerFrom = 0 }
            else if saved.storeOffset <= storeSize { ledgerFrom = saved.storeOffset }
        }
        var digests = ledgerFrom == nil ? [] : saved?.digests ?? []
        phase("ledger")
        report.ledgerRebuilt = ledgerFrom == nil && (storeSize > 0 || !Self.rotatedFiles(of: store).isEmpty)

        // Where the index's knowledge of the current file ends (nil: rebuild it from everything).
        var index = DuplicateIndex(configuration: dedup)
        var indexFrom: Int64?
        switch IndexSnapshot.load(stateDirectory: stateDirectory, configuration: dedup) {
        case .loaded(let loaded, let offset, let snapshotIdentity):
            index = loaded
            indexFrom = snapshotIdentity != identity ? 0 : offset <= storeSize ? offset : nil
            if indexFrom == nil {
                index = DuplicateIndex(configuration: dedup)
                report.indexRebuiltBecause = "the store is shorter than the snapshot says"
            }
        case .missing:
            report.indexRebuiltBecause = "no snapshot"
        case .unusable(let reason):
            report.indexRebuiltBecause = "the snapshot is unusable: \(reason)"
        }

        phase("index snapshot")

        // A full rebuild of either starts with the rotated files, which are complete and final.
        var rebuiltEntries: [IngestLedger.Entry] = []
        if ledgerFrom == nil || indexFrom == nil {
            for file in Self.rotatedFiles(of: store) {
                _ = try replay(file, from: 0) { group, _ in
                    if indexFrom == nil { restore(group, into: &index) }
                    if ledgerFrom == nil, let sha = group.first?.bulletin.sha256, let digest = BulletinDigest(hex: sha) {
                        digests.insert(digest)
                    }
                }
            }
        }

        // Then the current file, from where the ledger or the snapshot stopped.
        var recovered: [IngestLedger.Entry] = []
        let start = min(ledgerFrom ?? 0, indexFrom ?? 0)
        let incomplete = try replay(store, from: start) { group, end in
            report.linesReplayed += group.records.count
            if group.startOffset >= (indexFrom ?? 0) { restore(group, into: &index) }
            guard let sha = group.first?.bulletin.sha256 else { return }
            if let digest = BulletinDigest(hex: sha) { digests.insert(digest) }
            let entry = IngestLedger.Entry(sha256: sha, storeSizeAfter: end, storeIdentity: identity)
            if ledgerFrom == nil { rebuiltEntries.append(entry) } else if group.startOffset >= ledgerFrom! { recovered.append(entry) }
        }
        phase("store replay")
        var finalSize = storeSize
        if let incomplete {
            try LineReader.truncate(store, to: incomplete.startOffset)
            report.incompleteLinesRemoved = incomplete.records.count
            finalSize = incomplete.startOffset
        }
        if indexFrom == nil && storeSize == 0 && Self.rotatedFiles(of: store).isEmpty { report.indexRebuiltBecause = nil }

        let ledger: IngestLedger
        if ledgerFrom == nil {
            ledger = try IngestLedger(stateDirectory: stateDirectory, digests: digests, storeOffset: finalSize, replacingWith: rebuiltEntries)
        } else {
            ledger = try IngestLedger(stateDirectory: stateDirectory, digests: digests, storeOffset: ledgerFrom!)
            try ledger.record(recovered)
            report.ledgerEntriesRecovered = recovered.count
        }
        return (ledger, index, report)
    }

    /// The duplicate index of what the store holds now, from the snapshot and the store's lines
    /// (and the rotated files when there is no usable snapshot), repairing and writing nothing:
    /// after a failed append, when the disk may be full.
    func currentIndex() throws -> DuplicateIndex {
        let identity = AppendOnlyFile.identity(of: store) ?? ""
        var index = DuplicateIndex(configuration: dedup)
        var from: Int64 = 0
        if case .loaded(let loaded, let offset, let snapshotIdentity) = IndexSnapshot.load(stateDirectory: stateDirectory, configuration: dedup) {
            index = loaded
            from = snapshotIdentity == identity ? offset : 0
        } else {
            for file in Self.rotatedFiles(of: store) {
                _ = try replay(file, from: 0) { group, _ in restore(group, into: &index) }
            }
        }
        _ = try replay(store, from: from) { group, _ in restore(group, into: &index) }
        return index
    }

    private func restore(_ group: BulletinGroup, into index: inout DuplicateIndex) {
        for record in group.records where record.kind == .story {
            index.restore(
                id: record.id, headline: record.headline, bodyText: record.bodyText ?? "",
                receivedAt: Timestamp(rfc3339: record.receivedAt)?.secondsSinceEpoch ?? 0)
            // Version links of wire stories (#15).
            index.restoreVersion(
                id: record.id, headline: record.headline, wireFormat: record.wireFormat, slug: record.slug,
                version: record.version, versionOf: record.versionOf)
        }
    }

    /// Reads `file` from `offset`, calling `complete` with each complete bulletin's lines and the
    /// offset just after them. Returns the last bulletin if it was cut short.
    private func replay(_ file: FilePath, from offset: Int64, _ complete: (BulletinGroup, Int64) -> Void) throws -> BulletinGroup? {
        let decoder = JSONDecoder()
        var group = BulletinGroup()
        var end = offset
        try LineReader.forEachLine(in: file, from: offset) { lineOffset, line in
            guard let record = try? decoder.decode(StoryRecord.self, from: Data(line)) else { return }
            if group.records.isEmpty {
                group.startOffset = lineOffset
            } else if !group.accepts(record) {
                complete(group, lineOffset)
                group = BulletinGroup(startOffset: lineOffset)
            }
            group.records.append(record)
            end = lineOffset + Int64(line.count) + 1
        }
        if group.records.isEmpty { return nil }
        if group.isComplete {
            complete(group, end)
            return nil
        }
        return group
    }
}

/// The consecutive lines of one bulletin occurrence in the store.
struct BulletinGroup {
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
