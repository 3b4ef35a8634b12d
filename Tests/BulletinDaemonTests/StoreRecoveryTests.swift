import BulletinCore
@testable import BulletinDaemon
import Foundation
import LinuxIO
import SystemPackage
import Testing

/// Issue #14, finding 6: recovery cut good lines (the last line damaged and the ledger empty:
/// three lines removed, two of them valid, their file long in processed/). Now it cuts only a
/// torn tail; a bulletin cut short goes to the quarantine file; damaged lines stay.
@Suite struct StoreRecoveryTests {
    /// A store, its state folder and the lines of three bulletins (2, 3 and 3 stories).
    final class Fixture {
        let folder: URL
        var store: FilePath { FilePath(folder.appendingPathComponent("stories.jsonl").path) }
        var state: FilePath { FilePath(folder.appendingPathComponent("state").path) }
        var ledger: FilePath { IngestLedger.path(in: state) }
        var quarantine: FilePath { StoreQuarantine(store: store).path }
        /// Each bulletin's lines, `\n` included.
        let bulletins: [[[UInt8]]]

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-recovery-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("state"), withIntermediateDirectories: true)
            var index = DuplicateIndex(configuration: .default)
            bulletins = try [2, 3, 3].enumerated().map { number, count in
                let text = (0..<count).map { story in
                    "Story \(story) of bulletin \(number) on item \(story * 11 + number)\n\n"
                        + "Officials of district \(number)-\(story) said the delivery \(story + number * 5) reached \(story + 4) towns.\n"
                }.joined(separator: "\n")
                let result = try BulletinProcessor().process(
                    bytes: Array(text.utf8), file: "b\(number).txt",
                    receivedAt: Timestamp(millisecondsSinceEpoch: 1_700_000_000_000 + Int64(number) * 60_000), index: &index)
                #expect(result.records.count == count)
                return result.records.map { record in
                    var line: [UInt8] = []
                    record.encodeLine(into: &line)
                    return line
                }
            }
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        var allLines: [[UInt8]] { bulletins.flatMap { $0 } }

        func writeStore(_ lines: [[UInt8]], tail: [UInt8] = []) throws {
            try Data(lines.joined() + tail).write(to: URL(fileURLWithPath: store.string))
        }

        var storeBytes: [UInt8] { (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: store.string)))) ?? [] }
        var quarantineBytes: [UInt8]? { try? [UInt8](Data(contentsOf: URL(fileURLWithPath: quarantine.string))) }

        /// A line that no longer reads as a store line: its middle overwritten, `\n` kept.
        func damaged(_ line: [UInt8]) -> [UInt8] {
            var copy = line
            for position in 20..<40 { copy[position] = UInt8(ascii: "#") }
            return copy
        }

        func recover() throws -> (IngestLedger, StoreRecovery.Report) {
            let (ledger, _, report) = try StoreRecovery(store: store, stateDirectory: state, dedup: .default).recover()
            return (ledger, report)
        }

        /// A ledger naming the store's first `count` bulletins, as the daemon wrote it; `lastOffset`
        /// replaces the offset of its last entry.
        func writeLedger(bulletins count: Int, lastOffset: Int? = nil) throws {
            let identity = try #require(AppendOnlyFile.identity(of: store))
            var offset = 0
            var text = ""
            for (number, bulletin) in bulletins.prefix(count).enumerated() {
                offset += bulletin.reduce(0) { $0 + $1.count }
                let end = number == count - 1 ? lastOffset ?? offset : offset
                text += "\(Self.sha256(of: bulletin[0])) \(end) \(identity)\n"
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: ledger.string))
        }

        static func sha256(of line: [UInt8]) -> String {
            let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            return ((object?["bulletin"] as? [String: Any])?["sha256"] as? String) ?? ""
        }

        static func digest(of line: [UInt8]) -> BulletinDigest? { BulletinDigest(hex: sha256(of: line)) }
    }

    /// No ledger: its entries come back from the store, and nothing is cut.
    @Test func aMissingLedgerIsRecoveredAndNothingIsCut() throws {
        let fixture = try Fixture()
        try fixture.writeStore(fixture.allLines)
        let (ledger, report) = try fixture.recover()
        #expect(report.ledgerEntriesRecovered == 3)
        #expect(ledger.count == 3)
        #expect(try String(contentsOfFile: fixture.ledger.string, encoding: .utf8).split(separator: "\n").count == 3)
        #expect(fixture.storeBytes == Array(fixture.allLines.joined()))
        #expect(report.quarantine == nil && report.tornBytes == 0 && report.damagedLines == 0)
        #expect(fixture.quarantineBytes == nil)
    }

    /// The finding: the last line damaged, the ledger empty. The last bulletin has all its lines
    /// (one damaged), so it is complete: nothing is cut, the damaged line is reported.
    @Test func aDamagedLastLineWithAnEmptyLedgerCutsNothing() throws {
        let fixture = try Fixture()
        var lines = fixture.allLines
        lines[lines.count - 1] = fixture.damaged(lines[lines.count - 1])
        try fixture.writeStore(lines)
        try Data().write(to: URL(fileURLWithPath: fixture.ledger.string))
        let (ledger, report) = try fixture.recover()
        #expect(fixture.storeBytes == Array(lines.joined()))
        #expect(report.quarantine == nil && report.incompleteLinesRemoved == 0)
        #expect(report.damagedLines == 1)
        #expect(report.firstDamagedOffset == Int64(lines.dropLast().reduce(0) { $0 + $1.count }))
        #expect(ledger.contains(try #require(Fixture.digest(of: fixture.bulletins[2][0]))))
        #expect(ledger.storeOffset == Int64(fixture.storeBytes.count))
    }

    /// A damaged line in the middle of the store stays where it is, as its bulletin's line.
    @Test func aDamagedMiddleLineStays() throws {
        let fixture = try Fixture()
        var lines = fixture.allLines
        lines[3] = fixture.damaged(lines[3])  // bulletin 1's second line
        try fixture.writeStore(lines)
        let (ledger, report) = try fixture.recover()
        #expect(fixture.storeBytes == Array(lines.joined()))
        #expect(report.damagedLines == 1 && report.quarantine == nil)
        #expect(ledger.count == 3)
    }

    /// A bulletin's first line damaged: the lines after it say they are its 2nd and 3rd.
    @Test func aDamagedFirstLineOfTheLastBulletinCountsAsItsLine() throws {
        let fixture = try Fixture()
        var lines = fixture.allLines
        lines[5] = fixture.damaged(lines[5])  // bulletin 2's first line
        try fixture.writeStore(lines)
        let (ledger, report) = try fixture.recover()
        #expect(fixture.storeBytes == Array(lines.joined()))
        #expect(report.quarantine == nil && report.damagedLines == 1)
        #expect(ledger.contains(try #require(Fixture.digest(of: fixture.bulletins[2][1]))))
    }

    /// A true torn tail (a write stopped mid-line) is cut, and only it: no quarantine.
    @Test func aTornTailIsCut() throws {
        let fixture = try Fixture()
        let torn = Array(fixture.bulletins[2][0].prefix(50))
        try fixture.writeStore(Array(fixture.allLines.prefix(5)), tail: torn)
        try fixture.writeLedger(bulletins: 2)
        let (ledger, report) = try fixture.recover()
        #expect(report.tornBytes == Int64(torn.count))
        #expect(fixture.storeBytes == Array(fixture.allLines.prefix(5).joined()))
        #expect(report.quarantine == nil && fixture.quarantineBytes == nil)
        #expect(ledger.count == 2)
    }

    /// A last bulletin cut short by a crash (1 of its 3 lines, and a torn one): the torn line is
    /// cut, the whole line goes to the quarantine file, and the bulletin is not in the ledger
    /// (it is ingested again, whole).
    @Test func aBulletinCutShortGoesToTheQuarantine() throws {
        let fixture = try Fixture()
        let torn = Array(fixture.bulletins[2][1].prefix(30))
        try fixture.writeStore(Array(fixture.allLines.prefix(6)), tail: torn)
        try fixture.writeLedger(bulletins: 2)
        let (ledger, report) = try fixture.recover()
        #expect(report.tornBytes == Int64(torn.count))
        #expect(fixture.storeBytes == Array(fixture.allLines.prefix(5).joined()))
        #expect(fixture.quarantineBytes == fixture.bulletins[2][0])
        let moved = try #require(report.quarantine)
        #expect(moved.lines == 1 && moved.storeOffset == Int64(fixture.storeBytes.count) && moved.quarantineOffset == 0)
        #expect(moved.bulletinFile == "b2.txt")
        #expect(!ledger.contains(try #require(Fixture.digest(of: fixture.bulletins[2][0]))))
        #expect(ledger.storeOffset == Int64(fixture.storeBytes.count))

        // Another one later is appended after the first, never over it.
        try fixture.writeStore(Array(fixture.allLines.prefix(7)))
        let (_, again) = try fixture.recover()
        #expect(again.quarantine?.quarantineOffset == Int64(fixture.bulletins[2][0].count))
        #expect(fixture.quarantineBytes == fixture.bulletins[2][0] + fixture.bulletins[2][0] + fixture.bulletins[2][1])
    }

    /// The ledger ahead of the store (a store restored from an older copy, or cut by hand): the
    /// last bulletin is short, but the ledger had it whole, so its file is gone: what is left of
    /// it stays, and the ledger is rebuilt from the store.
    @Test func aLedgerAheadOfTheStoreKeepsAShortLastBulletin() throws {
        let fixture = try Fixture()
        try fixture.writeStore(fixture.allLines)
        try fixture.writeLedger(bulletins: 3)
        try fixture.writeStore(Array(fixture.allLines.prefix(6)))  // the same file, shorter
        let (ledger, report) = try fixture.recover()
        #expect(fixture.storeBytes == Array(fixture.allLines.prefix(6).joined()))
        #expect(report.quarantine == nil && fixture.quarantineBytes == nil)
        #expect(report.ledgerRebuilt)
        #expect(report.shortBulletinLinesKept == 1)
        #expect(ledger.count == 3)
        #expect(ledger.storeOffset == Int64(fixture.storeBytes.count))
    }

    /// A short last bulletin the ledger accounts for, met while the index is rebuilt from the
    /// whole store (no snapshot): the ledger's entry was written after its lines, so they were
    /// all there once. Kept, and the ledger stays as it is.
    @Test func aShortLastBulletinTheLedgerAccountsForIsKept() throws {
        let fixture = try Fixture()
        let lines = Array(fixture.allLines.dropLast())
        try fixture.writeStore(lines)
        try fixture.writeLedger(bulletins: 3, lastOffset: lines.reduce(0) { $0 + $1.count })
        let (ledger, report) = try fixture.recover()
        #expect(fixture.storeBytes == Array(lines.joined()))
        #expect(report.quarantine == nil && !report.ledgerRebuilt && report.ledgerEntriesRecovered == 0)
        #expect(report.indexRebuiltBecause == "no snapshot")
        #expect(report.shortBulletinLinesKept == 2)
        #expect(ledger.count == 3)
    }

    /// A bulletin of more lines than `BulletinGroup.heldRecords` (a file of tiny stories, cut
    /// short between two of its batches, or whole) is not held decoded while it is replayed:
    /// its lines are read again when they go into the index. The answers are those of a small
    /// bulletin: whole, with a damaged line past the held ones, all its stories back in the
    /// index but that line's and a ledger entry recovered; cut short with no ledger entry, its
    /// lines in the quarantine file; cut short but in the ledger, kept and in the index.
    @Test func aBulletinOfMoreLinesThanAreHeldIsReadAgainNotHeld() throws {
        let fixture = try Fixture()
        let count = BulletinGroup.heldRecords + 300
        var index = DuplicateIndex(configuration: .default)
        let text = (0..<count).map { "Flash number \($0) today\n\nThe word \($0) was said in town \($0 * 7).\n\n" }.joined()
        let big = try BulletinProcessor().process(
            bytes: Array(text.utf8), file: "big.txt", receivedAt: Timestamp(millisecondsSinceEpoch: 1_700_000_600_000), index: &index)
        let bigLines = big.records.map { record in
            var line: [UInt8] = []
            record.encodeLine(into: &line)
            return line
        }
        let smallStories = fixture.allLines.count  // each a new story
        let damagedAt = BulletinGroup.heldRecords + 100
        let damagedStory = big.records[damagedAt].kind == .story ? 1 : 0

        var whole = bigLines
        whole[damagedAt] = fixture.damaged(whole[damagedAt])
        try fixture.writeStore(fixture.allLines + whole)
        let (ledger, rebuilt, report) = try StoreRecovery(store: fixture.store, stateDirectory: fixture.state, dedup: .default).recover()
        #expect(report.damagedLines == 1 && report.quarantine == nil)
        #expect(report.linesReplayed == smallStories + count - 1)
        #expect(rebuilt.count == smallStories + big.records.count { $0.kind == .story } - damagedStory)
        #expect(ledger.count == 4 && ledger.storeOffset == Int64(fixture.storeBytes.count))

        let short = Array(bigLines.prefix(count - 300))
        try FileManager.default.removeItem(atPath: fixture.ledger.string)
        try fixture.writeStore(fixture.allLines + short)
        try fixture.writeLedger(bulletins: 3)
        let (cutLedger, cutIndex, cut) = try StoreRecovery(store: fixture.store, stateDirectory: fixture.state, dedup: .default).recover()
        #expect(cut.quarantine?.lines == count - 300 && cut.quarantine?.bulletinFile == "big.txt")
        #expect(fixture.quarantineBytes == Array(short.joined()))
        #expect(fixture.storeBytes == Array(fixture.allLines.joined()))
        #expect(cutLedger.count == 3 && cutIndex.count == smallStories)

        try fixture.writeStore(fixture.allLines + short)
        let end = fixture.storeBytes.count
        var ledgerText = try String(contentsOfFile: fixture.ledger.string, encoding: .utf8)
        let identity = try #require(AppendOnlyFile.identity(of: fixture.store))
        ledgerText += "\(Fixture.sha256(of: short[0])) \(end) \(identity)\n"
        try Data(ledgerText.utf8).write(to: URL(fileURLWithPath: fixture.ledger.string))
        try? FileManager.default.removeItem(atPath: IndexSnapshot.path(in: fixture.state).string)
        let (keptLedger, keptIndex, kept) = try StoreRecovery(store: fixture.store, stateDirectory: fixture.state, dedup: .default).recover()
        #expect(kept.quarantine == nil && kept.shortBulletinLinesKept == count - 300)
        #expect(keptIndex.count == smallStories + big.records.prefix(count - 300).count { $0.kind == .story })
        #expect(keptLedger.count == 4)
    }

    /// The index snapshot: used from where it stops; rebuilt from the store, every story known
    /// again, when it is damaged, missing, or says the store is longer than it is.
    @Test(arguments: ["damaged", "missing", "ahead of the store"])
    func anUnusableSnapshotMeansTheIndexIsRebuiltFromTheStore(snapshot: String) throws {
        let fixture = try Fixture()
        try fixture.writeStore(fixture.allLines)
        let (_, index, _) = try StoreRecovery(store: fixture.store, stateDirectory: fixture.state, dedup: .default).recover()
        let identity = try #require(AppendOnlyFile.identity(of: fixture.store))
        let snapshotPath = IndexSnapshot.path(in: fixture.state)
        switch snapshot {
        case "damaged": try Data("bulletind-index 1 0 0:0\ngarbage".utf8).write(to: URL(fileURLWithPath: snapshotPath.string))
        case "missing": break
        default: try IndexSnapshot.save(index, storeOffset: Int64(fixture.storeBytes.count) + 100, storeIdentity: identity, stateDirectory: fixture.state)
        }
        let (_, rebuilt, report) = try StoreRecovery(store: fixture.store, stateDirectory: fixture.state, dedup: .default).recover()
        let because = try #require(report.indexRebuiltBecause)
        switch snapshot {
        case "damaged": #expect(because.hasPrefix("the snapshot is unusable"))
        case "missing": #expect(because == "no snapshot")
        default: #expect(because == "the store is shorter than the snapshot says")
        }
        #expect(report.linesReplayed == fixture.allLines.count)
        #expect(index.count > 0 && rebuilt.count == index.count)
        #expect(!report.repairedAnything)
    }

    /// A sound snapshot of the whole store: nothing is replayed into the index.
    @Test func aSnapshotOfTheWholeStoreIsUsedAsItIs() throws {
        let fixture = try Fixture()
        try fixture.writeStore(fixture.allLines)
        try fixture.writeLedger(bulletins: 3)
        let (_, index, _) = try StoreRecovery(store: fixture.store, stateDirectory: fixture.state, dedup: .default).recover()
        let identity = try #require(AppendOnlyFile.identity(of: fixture.store))
        try IndexSnapshot.save(index, storeOffset: Int64(fixture.storeBytes.count), storeIdentity: identity, stateDirectory: fixture.state)
        let (ledger, loaded, report) = try StoreRecovery(store: fixture.store, stateDirectory: fixture.state, dedup: .default).recover()
        #expect(report.indexRebuiltBecause == nil)
        #expect(report.linesReplayed == 0)
        #expect(loaded.count == index.count)
        #expect(ledger.count == 3 && !report.repairedAnything)
    }

    /// Where the saved ledger leaves off, case by case.
    @Test func whereTheLedgerLeavesOff() {
        let digest = BulletinDigest(hex: String(repeating: "ab", count: 32))!
        typealias Saved = (digests: Set<BulletinDigest>, storeOffset: Int64, storeIdentity: String)
        let saved: Saved = ([digest], 500, "1:2")
        #expect(StoreRecovery.ledgerResume(nil, identity: "1:2", storeSize: 900) == .rebuild)
        #expect(StoreRecovery.ledgerResume(saved, identity: "1:2", storeSize: 900) == .at(500))
        #expect(StoreRecovery.ledgerResume(saved, identity: "1:2", storeSize: 500) == .at(500))
        #expect(StoreRecovery.ledgerResume(saved, identity: "1:2", storeSize: 499) == .rebuild)  // ahead of the store
        #expect(StoreRecovery.ledgerResume(saved, identity: "3:4", storeSize: 900) == .at(0))  // rotated since
        #expect(StoreRecovery.ledgerResume(([], 0, "1:2"), identity: "1:2", storeSize: 900) == .at(0))
    }
}

/// The ledger file on its own: what `read` accepts and what it refuses.
@Suite struct IngestLedgerTests {
    static let first = BulletinDigest(hex: String(repeating: "a1", count: 32))!
    static let second = BulletinDigest(hex: String(repeating: "b2", count: 32))!

    func state() throws -> FilePath {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return FilePath(folder.path)
    }

    func write(_ text: String, in state: FilePath) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: IngestLedger.path(in: state).string))
    }

    /// A missing ledger is an empty one: recovery then takes the whole current store file.
    @Test func aMissingLedgerReadsAsAnEmptyOne() throws {
        let state = try state()
        defer { try? FileManager.default.removeItem(atPath: state.string) }
        let read = try #require(IngestLedger.read(stateDirectory: state))
        #expect(read.digests.isEmpty && read.storeOffset == 0 && read.storeIdentity == "")
        #expect(StoreRecovery.ledgerResume(read, identity: "1:2", storeSize: 900) == .at(0))
    }

    @Test func entriesRecordedAreReadBackWithTheLastOffsetAndIdentity() throws {
        let state = try state()
        defer { try? FileManager.default.removeItem(atPath: state.string) }
        let ledger = try IngestLedger(stateDirectory: state, digests: [], storeOffset: 0)
        try ledger.record([.init(digest: Self.first, storeSizeAfter: 120, storeIdentity: "7:9")])
        try ledger.record([.init(digest: Self.second, storeSizeAfter: 300, storeIdentity: "7:9")])
        #expect(ledger.contains(Self.first) && ledger.contains(Self.second) && ledger.storeOffset == 300)
        let read = try #require(IngestLedger.read(stateDirectory: state))
        #expect(read.digests.count == 2 && read.storeOffset == 300 && read.storeIdentity == "7:9")
    }

    /// A torn last entry (a write cut short) is cut off; the entries before it stand.
    @Test func aTornLastEntryIsCutOff() throws {
        let state = try state()
        defer { try? FileManager.default.removeItem(atPath: state.string) }
        try write("\(Self.first.hex) 120 7:9\n\(Self.second.hex) 3", in: state)
        let read = try #require(IngestLedger.read(stateDirectory: state))
        #expect(read.digests.count == 1 && read.storeOffset == 120)
        #expect(try String(contentsOfFile: IngestLedger.path(in: state).string, encoding: .utf8) == "\(Self.first.hex) 120 7:9\n")
    }

    /// A line that is not an entry makes the whole file untrustworthy: recovery rebuilds it.
    @Test(arguments: ["not a ledger line\n", "\(IngestLedgerTests.first.hex) 120 7:9\nzz\n", "\(IngestLedgerTests.first.hex) many 7:9\n"])
    func aLedgerWithALineThatIsNoEntryReadsAsNone(text: String) throws {
        let state = try state()
        defer { try? FileManager.default.removeItem(atPath: state.string) }
        try write(text, in: state)
        #expect(IngestLedger.read(stateDirectory: state) == nil)
    }
}
