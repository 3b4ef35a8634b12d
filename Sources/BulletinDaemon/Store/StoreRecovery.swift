import BulletinCore
import Foundation
import LinuxIO
import SystemPackage

/// Brings the store, the ledger and the duplicate index into agreement at start.
///
/// A crash can stop the daemon between any two steps of a bulletin — store append, ledger
/// entry, file move — or in the middle of the store append itself. Every store line carries its
/// bulletin's digest, story count and position (`bulletin.sha256`, `.stories`, `.index`), and a
/// bulletin's lines are appended in order, so the store's tail tells exactly what happened:
/// - an unterminated last line (a write stopped mid-line) is cut off: the only thing ever cut;
/// - a last bulletin with fewer lines than its count, that the ledger does not account for, was
///   cut short mid-write: its lines are moved to the quarantine file (`StoreQuarantine`), and the
///   bulletin (still claimed, since files move last) is ingested again, whole;
/// - a last bulletin short of its count that the ledger accounts for was stored whole and lost
///   lines since (a restored or damaged store): what is left of it stays;
/// - complete bulletins beyond the ledger's last offset get their ledger entries back.
/// A line that does not read as a store line (damaged since it was written) is never a crash's
/// doing: it stays where it is, counts among its bulletin's lines, and is reported.
/// The index comes from its snapshot plus the lines after the snapshot's offset; without a
/// usable snapshot (or ledger) it is rebuilt from the rotated store files and the current one.
struct StoreRecovery {
    struct Report: Sendable, Equatable {
        var tornBytes: Int64 = 0
        /// Lines of a last bulletin cut short, moved to the quarantine file (to ingest it again).
        var incompleteLinesRemoved = 0
        var quarantine: Quarantined?
        /// Lines of a last bulletin short of its count, kept because the ledger had it whole.
        var shortBulletinLinesKept = 0
        /// Lines that do not read as store lines, left in place; the first one's byte offset.
        var damagedLines = 0
        var firstDamagedOffset: Int64?
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
                && lhs.quarantine == rhs.quarantine && lhs.shortBulletinLinesKept == rhs.shortBulletinLinesKept
                && lhs.damagedLines == rhs.damagedLines && lhs.firstDamagedOffset == rhs.firstDamagedOffset
        }

        /// What went to the quarantine file, and from where.
        struct Quarantined: Sendable, Equatable {
            var file: FilePath
            /// Where the lines were in the store, and where they now begin in the quarantine file.
            var storeOffset: Int64
            var quarantineOffset: Int64
            var lines: Int
            var bytes: Int64
            /// The bulletin they belonged to.
            var bulletinFile: String
            var bulletinSHA256: String
        }

        /// Counts a replay's damaged lines.
        fileprivate mutating func note(_ end: ReplayEnd) {
            damagedLines += end.damagedLines
            firstDamagedOffset = firstDamagedOffset ?? end.firstDamagedOffset
        }

        var timingSummary: String { timings.map { "\($0.0) \($0.1) ms" }.joined(separator: ", ") }

        var repairedAnything: Bool {
            tornBytes > 0 || incompleteLinesRemoved > 0 || ledgerEntriesRecovered > 0 || ledgerRebuilt || shortBulletinLinesKept > 0
        }

        var summary: String {
            var parts: [String] = []
            if tornBytes > 0 { parts.append("cut a torn last line of \(tornBytes) bytes") }
            if let quarantine {
                parts.append(
                    "moved \(quarantine.lines) lines of a bulletin cut short (\(quarantine.bulletinFile)) to \(quarantine.file), to ingest it again")
            }
            if shortBulletinLinesKept > 0 {
                parts.append("kept the \(shortBulletinLinesKept) lines left of a last bulletin the ledger had whole")
            }
            if ledgerRebuilt { parts.append("rebuilt the ledger from the store") }
            if ledgerEntriesRecovered > 0 { parts.append("recovered \(ledgerEntriesRecovered) ledger entries from the store") }
            return parts.joined(separator: "; ")
        }
    }

    let store: FilePath
    let stateDirectory: FilePath
    let dedup: DedupConfiguration

    /// The files a full rebuild reads, oldest first: `stories.jsonl.N` … `stories.jsonl.1`. One
    /// that cannot be looked at (EIO) is an error, not the end of the list.
    static func rotatedFiles(of store: FilePath) throws(IOFailure) -> [FilePath] {
        var files: [FilePath] = []
        var number = 1
        while try FileSignature.lookUp(FilePath(store.string + ".\(number)"), followingSymbolicLinks: true) != nil {
            files.append(FilePath(store.string + ".\(number)"))
            number += 1
        }
        return files.reversed()
    }

    /// Where what the ledger or the index knows of the current store file ends.
    enum Resume: Equatable {
        /// Take the current file's lines from this offset on.
        case at(Int64)
        /// Nothing usable: rebuild it from the rotated files and the whole current file.
        case rebuild

        var offset: Int64 { if case .at(let offset) = self { offset } else { 0 } }
    }

    /// Repairs what needs repairing and returns the ledger and the index, ready for appending:
    /// cut a torn tail, see where the ledger and the index snapshot leave off, replay the store's
    /// lines they lack, settle a last bulletin short of its lines, write the ledger.
    func recover() throws -> (ledger: IngestLedger, index: DuplicateIndex, report: Report) {
        var report = Report()
        var laps = Laps()
        report.tornBytes = try AppendOnlyFile.cutTornTail(of: store)
        let storeSize = try FileSignature.lookUp(store, followingSymbolicLinks: true)?.size ?? 0
        let identity = AppendOnlyFile.identity(of: store) ?? ""
        let rotated = try Self.rotatedFiles(of: store)

        let saved = IngestLedger.read(stateDirectory: stateDirectory)
        let ledgerResume = Self.ledgerResume(saved, identity: identity, storeSize: storeSize)
        report.timings.append(laps.lap("ledger"))
        report.ledgerRebuilt = ledgerResume == .rebuild && (storeSize > 0 || !rotated.isEmpty)

        let (index, indexResume) = loadIndex(identity: identity, storeSize: storeSize, report: &report)
        report.timings.append(laps.lap("index snapshot"))

        var replayed = Replayed(
            ledger: ledgerResume, index: indexResume, identity: identity, duplicateIndex: index,
            digests: ledgerResume == .rebuild ? [] : saved?.digests ?? [])
        // A full rebuild of either starts with the rotated files, which are complete and final.
        if ledgerResume == .rebuild || indexResume == .rebuild {
            for file in rotated {
                report.note(try replay(file, from: 0) { group, _ in try replayed.takeRotated(group) })
            }
        }
        // Then the current file, from where the ledger or the snapshot stopped.
        let end = try replay(store, from: min(ledgerResume.offset, indexResume.offset)) { try replayed.take($0, endingAt: $1) }
        report.timings.append(laps.lap("store replay"))
        report.note(end)
        var finalSize = storeSize
        if let short = end.incomplete {
            finalSize = try settle(short, savedLedger: saved, identity: identity, storeSize: storeSize, into: &replayed, report: &report)
        }
        report.linesReplayed = replayed.linesReplayed
        if indexResume == .rebuild && storeSize == 0 && rotated.isEmpty { report.indexRebuiltBecause = nil }

        let ledger: IngestLedger
        switch ledgerResume {
        case .rebuild:
            ledger = try IngestLedger(
                stateDirectory: stateDirectory, digests: replayed.digests, storeOffset: finalSize, replacingWith: replayed.entries)
        case .at(let offset):
            ledger = try IngestLedger(stateDirectory: stateDirectory, digests: replayed.digests, storeOffset: offset)
            try ledger.record(replayed.entries)
            report.ledgerEntriesRecovered = replayed.entries.count
        }
        return (ledger, replayed.duplicateIndex, report)
    }

    /// Where the saved ledger leaves off in the current store file: from its start when the
    /// ledger is of another file (rotated since) or empty, at its last offset when the store
    /// holds that much; rebuilt when there is no ledger or the store is shorter than it says.
    static func ledgerResume(
        _ saved: (digests: Set<BulletinDigest>, storeOffset: Int64, storeIdentity: String)?, identity: String, storeSize: Int64
    ) -> Resume {
        guard let saved else { return .rebuild }
        if saved.storeIdentity != identity || saved.digests.isEmpty { return .at(0) }
        return saved.storeOffset <= storeSize ? .at(saved.storeOffset) : .rebuild
    }

    /// The index from its snapshot and where the snapshot leaves off in the current store file,
    /// or an empty index to rebuild (and why, in the report).
    private func loadIndex(identity: String, storeSize: Int64, report: inout Report) -> (DuplicateIndex, Resume) {
        switch IndexSnapshot.load(stateDirectory: stateDirectory, configuration: dedup) {
        case .loaded(let loaded, let offset, let snapshotIdentity):
            if snapshotIdentity != identity { return (loaded, .at(0)) }
            if offset <= storeSize { return (loaded, .at(offset)) }
            report.indexRebuiltBecause = "the store is shorter than the snapshot says"
        case .missing:
            report.indexRebuiltBecause = "no snapshot"
        case .unusable(let reason):
            report.indexRebuiltBecause = "the snapshot is unusable: \(reason)"
        }
        return (DuplicateIndex(configuration: dedup), .rebuild)
    }

    /// The store's last bulletin, short of its lines. When the ledger had it whole, its lines
    /// were lost or damaged since, not cut by a crash, and its file is long gone: what is left
    /// of it is all there is, and stays. Otherwise a crash cut it short: its lines go to the
    /// quarantine file and the bulletin, still claimed, is ingested again. Returns the store's size.
    private func settle(
        _ short: BulletinGroup, savedLedger saved: (digests: Set<BulletinDigest>, storeOffset: Int64, storeIdentity: String)?,
        identity: String, storeSize: Int64, into replayed: inout Replayed, report: inout Report
    ) throws -> Int64 {
        if let saved, saved.storeIdentity == identity, saved.storeOffset >= short.endOffset {
            try replayed.take(short, endingAt: short.endOffset)
            report.shortBulletinLinesKept = short.lineCount
            return storeSize
        }
        let quarantine = StoreQuarantine(store: store)
        let moved = try quarantine.take(from: store, at: short.startOffset)
        report.incompleteLinesRemoved = moved.lines
        report.quarantine = Report.Quarantined(
            file: quarantine.path, storeOffset: short.startOffset, quarantineOffset: moved.quarantineOffset,
            lines: moved.lines, bytes: moved.bytes, bulletinFile: short.first?.bulletin.file ?? "",
            bulletinSHA256: short.first?.bulletin.sha256 ?? "")
        return short.startOffset
    }

    /// What the replay gathers: the index, the ledger's digests, and the ledger entries to write
    /// (a rebuilt ledger's, or those beyond a saved ledger's end).
    private struct Replayed {
        let ledger: Resume
        let index: Resume
        let identity: String
        var duplicateIndex: DuplicateIndex
        var digests: Set<BulletinDigest>
        var entries: [IngestLedger.Entry] = []
        var linesReplayed = 0

        /// A bulletin of a rotated file: only what is being rebuilt needs it.
        mutating func takeRotated(_ group: BulletinGroup) throws {
            if index == .rebuild { try StoreRecovery.restore(group, into: &duplicateIndex) }
            if ledger == .rebuild, let digest = group.digest { digests.insert(digest) }
        }

        /// A bulletin of the current file, ending at `end`.
        mutating func take(_ group: BulletinGroup, endingAt end: Int64) throws {
            linesReplayed += group.lineCount
            if group.startOffset >= index.offset { try StoreRecovery.restore(group, into: &duplicateIndex) }
            // Hex read back from the store: a line edited to another form names no bulletin.
            guard let digest = group.digest else { return }
            digests.insert(digest)
            if ledger == .rebuild || group.startOffset >= ledger.offset {
                entries.append(IngestLedger.Entry(digest: digest, storeSizeAfter: end, storeIdentity: identity))
            }
        }
    }

    /// Where the start's time goes, phase by phase, for the journal.
    private struct Laps {
        private let clock = ContinuousClock()
        private var start: ContinuousClock.Instant

        init() { start = clock.now }

        /// The phase's name and its milliseconds since the last lap.
        mutating func lap(_ name: String) -> (String, Int) {
            let elapsed = clock.now - start
            start = clock.now
            return (name, Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
        }
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
            for file in try Self.rotatedFiles(of: store) {
                _ = try replay(file, from: 0) { group, _ in try Self.restore(group, into: &index) }
            }
        }
        _ = try replay(store, from: from) { group, _ in try Self.restore(group, into: &index) }
        return index
    }

    private static func restore(_ group: BulletinGroup, into index: inout DuplicateIndex) throws {
        try group.forEachRecord { record in
            guard record.kind == .story else { return }
            index.restore(
                id: record.id, headline: record.headline, bodyText: record.bodyText ?? "",
                receivedAt: Timestamp(rfc3339: record.receivedAt)?.secondsSinceEpoch ?? 0)
            // Version links of wire stories (#15).
            index.restoreVersion(
                id: record.id, headline: record.headline, wireFormat: record.wireFormat, slug: record.slug,
                version: record.version, versionOf: record.versionOf)
        }
    }

    /// How a replay ended.
    fileprivate struct ReplayEnd {
        /// The last bulletin, when it has fewer lines than its count.
        var incomplete: BulletinGroup?
        /// Lines that do not read as store lines, and the first one's byte offset.
        var damagedLines = 0
        var firstDamagedOffset: Int64?
    }

    /// Reads `file` from `offset`, calling `complete` with each bulletin's lines (but the last
    /// one's, when it is short of its count) and the offset just after them.
    ///
    /// A damaged line (not a store line) counts among the lines of the bulletin it sits in: after
    /// a line of a bulletin still short of its count, or before a bulletin's line number k when
    /// it is one of the k lines just before it. Damaged or not, a bulletin's lines are all there.
    private func replay(_ file: FilePath, from offset: Int64, _ complete: (BulletinGroup, Int64) throws -> Void) throws -> ReplayEnd {
        let decoder = JSONDecoder()
        var group = BulletinGroup(file: file)
        var end = ReplayEnd()
        // Damaged lines no bulletin has taken, since the last good line: their offsets.
        var loose: [Int64] = []
        try LineReader.forEachLine(in: file, from: offset) { lineOffset, line in
            let lineEnd = lineOffset + Int64(line.count) + 1
            guard let record = try? decoder.decode(StoryRecord.self, from: Data(line)) else {
                end.damagedLines += 1
                if end.firstDamagedOffset == nil { end.firstDamagedOffset = lineOffset }
                if group.lineCount > 0, !group.isComplete {
                    group.damagedLines += 1
                    group.endOffset = lineEnd
                } else {
                    loose.append(lineOffset)
                }
                return
            }
            if group.lineCount > 0 {
                if group.accepts(record) {
                    group.add(record)
                    group.endOffset = lineEnd
                    return
                }
                try complete(group, group.endOffset)
            }
            group = BulletinGroup(file: file, startOffset: lineOffset)
            let adopted = min(max(record.bulletin.index, 0), loose.count)
            if adopted > 0 {
                group.startOffset = loose[loose.count - adopted]
                group.damagedLines = adopted
            }
            loose.removeAll()
            group.add(record)
            group.endOffset = lineEnd
        }
        if group.lineCount == 0 { return end }
        if group.isComplete {
            try complete(group, group.endOffset)
        } else {
            end.incomplete = group
        }
        return end
    }
}

/// The consecutive lines of one bulletin occurrence in the store.
///
/// Its records are held while there are at most `heldRecords` of them; a larger bulletin's (a
/// file of 600,000 tiny stories is one bulletin) are read again from the file when they are
/// needed (`forEachRecord`), so a start after a crash between two of its batches does not hold
/// all its lines, decoded, at once (issue #14).
struct BulletinGroup {
    static let heldRecords = 10_000

    /// The store file its lines are in.
    let file: FilePath
    var startOffset: Int64 = 0
    /// Just after its last line.
    var endOffset: Int64 = 0
    /// Its first line's record: the bulletin it names.
    private(set) var first: StoryRecord?
    /// Its lines that read as store lines.
    private(set) var lineCount = 0
    /// Those lines' records, while there are at most `heldRecords`.
    private var records: [StoryRecord] = []
    /// Its lines that no longer read as store lines.
    var damagedLines = 0

    init(file: FilePath, startOffset: Int64 = 0) {
        self.file = file
        self.startOffset = startOffset
    }

    /// Takes its next line's record.
    mutating func add(_ record: StoryRecord) {
        if first == nil { first = record }
        lineCount += 1
        if lineCount <= Self.heldRecords {
            records.append(record)
        } else if !records.isEmpty {
            records = []
        }
    }

    /// Calls `body` with each of its records, in order: those held, or those read again from
    /// its lines in the file (the damaged ones, which read as no record, passed over).
    func forEachRecord(_ body: (StoryRecord) throws -> Void) throws {
        guard lineCount > Self.heldRecords else {
            try records.forEach(body)
            return
        }
        let decoder = JSONDecoder()
        do {
            try LineReader.forEachLine(in: file, from: startOffset) { offset, line in
                guard offset < endOffset else { throw PastTheEnd() }
                if let record = try? decoder.decode(StoryRecord.self, from: Data(line)) { try body(record) }
            }
        } catch is PastTheEnd {}
    }

    private struct PastTheEnd: Error {}

    /// The bulletin's digest, read from its first line.
    var digest: BulletinDigest? { first.flatMap { BulletinDigest(hex: $0.bulletin.sha256) } }

    /// Lines from before `bulletin.stories` existed count as complete on their own.
    var isComplete: Bool {
        guard let first else { return false }
        return lineCount + damagedLines >= (first.bulletin.stories ?? lineCount)
    }

    func accepts(_ record: StoryRecord) -> Bool {
        guard let first else { return true }
        return !isComplete && first.bulletin.sha256 == record.bulletin.sha256
            && first.bulletin.file == record.bulletin.file && first.receivedAt == record.receivedAt
    }
}
