import BulletinCore
@testable import BulletinDaemon
import Foundation
import LinuxIO
import Logging
import Synchronization
import SystemPackage
import Testing

/// The pipeline on its own, on real files in a temporary folder: what each step of `commit`
/// leaves in the store, the ledger, the journal and the folders, and what a start says about
/// the state it found (a missing ledger, a bad snapshot, a torn tail, a ledger ahead of the store).
@Suite struct IngestPipelineTests {
    /// A log handler that keeps every entry: its level, message and fields.
    final class Journal: Sendable {
        struct Entry: Sendable {
            let level: Logger.Level
            let message: String
            let fields: [String: String]
            /// The name of the thread that logged it.
            let thread: String?
        }
        private let kept = Mutex<[Entry]>([])

        var logger: Logger {
            EventLogHandler.logger { [self] event in
                let fields = (event.metadata ?? [:]).mapValues(\.description)
                let thread = Thread.current.name
                self.kept.withLock {
                    $0.append(Entry(level: event.level, message: event.message.description, fields: fields, thread: thread))
                }
            }
        }
        var entries: [Entry] { kept.withLock { $0 } }
        func entries(_ id: MessageID) -> [Entry] { entries.filter { $0.fields["MESSAGE_ID"] == id.rawValue } }
    }

    /// A state folder, a store, an inbox and a folder of bulletins outside it.
    final class Fixture {
        let folder: FilePath
        /// What this start logged (`restart` begins a new one).
        private(set) var journal = Journal()
        var configuration = Configuration()

        init() throws {
            folder = FilePath(FileManager.default.temporaryDirectory.path).appending("ingest-pipeline-\(UUID().uuidString)")
            for sub in ["inbox", "state", "drop"] {
                try FileManager.default.createDirectory(atPath: folder.appending(sub).string, withIntermediateDirectories: true)
            }
            configuration.inbox = folder.appending("inbox")
            configuration.store = folder.appending("stories.jsonl")
            configuration.stateDirectory = folder.appending("state")
        }

        /// For a second start on the same folders: its journal on its own.
        func restart() { journal = Journal() }

        deinit { try? FileManager.default.removeItem(atPath: folder.string) }

        /// For the inbox role, the processed and failed folders are made first, as `Daemon.run` does.
        func pipeline(_ role: IngestPipeline.Role = .backfill) async throws -> IngestPipeline {
            if role == .inbox {
                for made in [configuration.resolvedProcessedFolder, configuration.resolvedFailedFolder] {
                    try FileManager.default.createDirectory(atPath: made.string, withIntermediateDirectories: true)
                }
            }
            return try await IngestPipeline.start(configuration: configuration, logger: journal.logger, role: role)
        }

        /// A bulletin of `stories` stories, written as `name` in `folder` ("drop" unless told).
        @discardableResult
        func write(_ name: String, stories: Int, seed: Int = 0, in sub: String = "drop") throws -> FilePath {
            let text = (0..<stories).map { story in
                "Story \(story) of set \(seed) on item \(story * 13 + seed)\n\n"
                    + "Officials of district \(seed)-\(story) said the delivery \(story + seed * 7) reached \(story + 3) towns.\n"
            }.joined(separator: "\n")
            let path = folder.appending(sub).appending(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path.string))
            return path
        }

        func load(_ name: String, in sub: String = "drop", with pipeline: IngestPipeline) async -> LoadedFile {
            let parameters = await pipeline.loadParameters
            return LoadedFile.load(
                FileName(name), in: folder.appending(sub), maxFileSize: parameters.maxFileSize, dedup: parameters.dedup,
                decoder: parameters.decoder, known: parameters.known)
        }

        func lines(of path: FilePath) -> [Substring] {
            ((try? String(contentsOfFile: path.string, encoding: .utf8)) ?? "").split(separator: "\n")
        }
        var storeLines: [Substring] { lines(of: configuration.store) }
        var ledgerLines: [Substring] { lines(of: IngestLedger.path(in: configuration.stateDirectory)) }
        func exists(_ path: FilePath) -> Bool { FileManager.default.fileExists(atPath: path.string) }
        var storeSize: Int { (try? FileManager.default.attributesOfItem(atPath: configuration.store.string)[.size] as? Int) ?? -1 }
    }

    // MARK: - admission

    /// A file that cannot be looked at (EIO on a failing disk; here ENAMETOOLONG, a name the
    /// kernel refuses) is tried again later, and never said to be gone.
    @Test func aFileThatCannotBeLookedAtIsDeferredNotGone() async throws {
        let fixture = try Fixture()
        let pipeline = try await fixture.pipeline(.inbox)
        let admission = await pipeline.admit(FileName(String(repeating: "x", count: 300)))
        guard case .wait(.deferred(let reason)) = admission else {
            Issue.record("a name lstat refuses: \(admission)")
            return
        }
        #expect(reason.hasPrefix("cannot look at it: lstat '") && reason.hasSuffix("(ENAMETOOLONG)"))
        #expect(fixture.journal.entries(.fileVanished).isEmpty)
    }

    // MARK: - commit

    /// Stored first, then entered in the ledger with the store's size after it; a back-fill
    /// leaves the file where it is, and the journal has one entry per story.
    @Test func aBulletinIsStoredThenEnteredInTheLedger() async throws {
        let fixture = try Fixture()
        let path = try fixture.write("a.txt", stories: 3)
        let pipeline = try await fixture.pipeline()
        let outcome = await pipeline.commit(await fixture.load("a.txt", with: pipeline))
        #expect(outcome == .ingested(stories: 3, duplicates: 0))
        #expect(fixture.storeLines.count == 3)
        let ledger = fixture.ledgerLines
        try #require(ledger.count == 1)
        let fields = ledger[0].split(separator: " ")
        #expect(fields.count == 3 && fields[1] == "\(fixture.storeSize)")
        #expect(fixture.storeLines[0].contains(String(fields[0])))
        #expect(fixture.exists(path))
        await pipeline.saveIndex()  // the back-fill's entries are sent from a thread of their own
        #expect(fixture.journal.entries(.storyNew).count == 3)
    }

    /// `inbox.encoding` reaches the pipeline's reading: a short Windows-1251 bulletin (the
    /// issue's own `Лавров: переговоры`), too little text for detection to tell from
    /// Windows-1252, is read in the pinned code page and its records say so.
    @Test func anInboxPinnedToACodePageReadsItsFilesInIt() async throws {
        let text = "\u{41B}\u{430}\u{432}\u{440}\u{43E}\u{432}: \u{43F}\u{435}\u{440}\u{435}\u{433}\u{43E}\u{432}\u{43E}\u{440}\u{44B}\n"
        let cp1251 = text.unicodeScalars.map { scalar -> UInt8 in
            scalar.value < 0x80 ? UInt8(scalar.value) : UInt8(scalar.value - 0x410 + 0xC0)
        }
        for pinned in [nil, SourceEncoding.windows1251] {
            let fixture = try Fixture()
            fixture.configuration.encoding = pinned
            try Data(cp1251).write(to: URL(fileURLWithPath: fixture.folder.appending("drop/a.txt").string))
            let pipeline = try await fixture.pipeline()
            #expect(await pipeline.commit(await fixture.load("a.txt", with: pipeline)) == .ingested(stories: 1, duplicates: 0))
            let record = String(try #require(fixture.storeLines.first))
            #expect(record.contains("\"encoding\":\"windows-1251\"") == (pinned != nil))
            #expect(record.contains("\"headline\":\"\(text.dropLast())\"") == (pinned != nil))
        }
    }

    /// The same bytes again, under another name: not stored again, said in the journal.
    @Test func theSameBytesAgainAreAlreadyIngested() async throws {
        let fixture = try Fixture()
        try fixture.write("a.txt", stories: 2)
        try FileManager.default.copyItem(
            atPath: fixture.folder.appending("drop/a.txt").string, toPath: fixture.folder.appending("drop/b.txt").string)
        let pipeline = try await fixture.pipeline()
        #expect(await pipeline.commit(await fixture.load("a.txt", with: pipeline)) == .ingested(stories: 2, duplicates: 0))
        #expect(await pipeline.commit(await fixture.load("b.txt", with: pipeline)) == .alreadyIngested)
        #expect(fixture.storeLines.count == 2 && fixture.ledgerLines.count == 1)
        #expect(fixture.journal.entries(.alreadyIngested).first?.fields["BULLETIN_FILE"] == "b.txt")
        #expect(await pipeline.statusLine.contains("1 already ingested"))
    }

    /// `identical_files: record`: the same bytes are stored again, as duplicates.
    @Test func identicalFilesRecordedAgainAreDuplicates() async throws {
        let fixture = try Fixture()
        fixture.configuration.identicalFiles = .record
        try fixture.write("a.txt", stories: 2)
        let pipeline = try await fixture.pipeline()
        #expect(await pipeline.commit(await fixture.load("a.txt", with: pipeline)) == .ingested(stories: 2, duplicates: 0))
        #expect(await pipeline.commit(await fixture.load("a.txt", with: pipeline)) == .ingested(stories: 0, duplicates: 2))
        #expect(fixture.storeLines.count == 4 && fixture.ledgerLines.count == 2)
    }

    /// The daemon's role: an ingested file goes to the processed folder, a rejected one to the
    /// failed folder with its reason beside it.
    @Test func inTheInboxRoleFilesAreMovedAsConfigured() async throws {
        let fixture = try Fixture()
        try fixture.write("good.txt", stories: 1, in: "inbox")
        try Data().write(to: URL(fileURLWithPath: fixture.folder.appending("inbox/empty.txt").string))
        let pipeline = try await fixture.pipeline(.inbox)
        #expect(await pipeline.commit(await fixture.load("good.txt", in: "inbox", with: pipeline)) == .ingested(stories: 1, duplicates: 0))
        let outcome = await pipeline.commit(await fixture.load("empty.txt", in: "inbox", with: pipeline))
        guard case .rejected(let kind, let reason) = outcome else {
            Issue.record("an empty file: \(outcome)")
            return
        }
        #expect(kind == .empty)
        let configuration = fixture.configuration
        #expect(!fixture.exists(configuration.inbox.appending("good.txt")))
        #expect(fixture.exists(configuration.resolvedProcessedFolder.appending("good.txt")))
        #expect(!fixture.exists(configuration.inbox.appending("empty.txt")))
        let reasonFile = configuration.resolvedFailedFolder.appending("empty.txt.reason")
        // The sentence the journal has, then the kind `stats` counts the file by.
        #expect((try? String(contentsOfFile: reasonFile.string, encoding: .utf8)) == reason + "\nkind: empty\n")
        #expect(fixture.journal.entries(.rejected).first?.fields["REJECT_REASON"] == reason)
    }

    /// A back-fill rejects a file the same way but leaves it where it is.
    @Test func aBackfillLeavesARejectedFileInPlace() async throws {
        let fixture = try Fixture()
        let path = fixture.folder.appending("drop/empty.txt")
        try Data().write(to: URL(fileURLWithPath: path.string))
        let pipeline = try await fixture.pipeline()
        let outcome = await pipeline.commit(await fixture.load("empty.txt", with: pipeline))
        guard case .rejected(.empty, _) = outcome else {
            Issue.record("an empty file: \(outcome)")
            return
        }
        #expect(fixture.exists(path))
        #expect(!fixture.exists(fixture.configuration.resolvedFailedFolder.appending("empty.txt")))
        #expect(fixture.storeLines.isEmpty && fixture.ledgerLines.isEmpty)
    }

    /// A file that changed while it was read: left for another read while tries remain, then
    /// rejected with the read's reason.
    @Test func aFileChangedWhileReadIsReadAgainUntilTheLastTry() async throws {
        let fixture = try Fixture()
        try fixture.write("a.txt", stories: 1)
        let pipeline = try await fixture.pipeline()
        let changed = LoadedFile(
            name: FileName("a.txt"), folder: fixture.folder.appending("drop"), content: .unreadable(.changedWhileReading))
        #expect(await pipeline.commit(changed, mayReadAgain: true) == .unstable(reason: FileReadFailure.changedWhileReading.description))
        guard case .rejected(.unreadable, _) = await pipeline.commit(changed, mayReadAgain: false) else {
            Issue.record("not rejected at the last try")
            return
        }
        #expect(fixture.storeLines.isEmpty)
    }

    /// A name that is not plain text is rejected, under the name the journal shows.
    @Test func anUnprintableNameIsRejected() async throws {
        let fixture = try Fixture()
        let pipeline = try await fixture.pipeline()
        let loaded = LoadedFile(
            name: FileName(bytes: Array("bad\u{1}.txt".utf8)), folder: fixture.folder.appending("drop"), content: .unprintableName)
        guard case .rejected(.unprintableName, _) = await pipeline.commit(loaded) else {
            Issue.record("not rejected")
            return
        }
        #expect(fixture.journal.entries(.rejected).count == 1)
    }

    /// A file gone before it was read: nothing happens, and nothing is counted as rejected.
    @Test func aVanishedFileIsNothingToDo() async throws {
        let fixture = try Fixture()
        let pipeline = try await fixture.pipeline()
        #expect(await pipeline.commit(await fixture.load("gone.txt", with: pipeline)) == .vanished)
        #expect(await pipeline.statusLine.hasPrefix("0 stories, 0 duplicates, 0 rejected"))
        #expect(fixture.storeLines.isEmpty)
    }

    // MARK: - the state a start finds

    /// Stores two bulletins (2 and 3 stories) through a pipeline that then stops, saving its index.
    static func ingestTwo(_ fixture: Fixture) async throws {
        try fixture.write("a.txt", stories: 2, seed: 1)
        try fixture.write("b.txt", stories: 3, seed: 2)
        let pipeline = try await fixture.pipeline()
        for name in ["a.txt", "b.txt"] { _ = await pipeline.commit(await fixture.load(name, with: pipeline)) }
        await pipeline.saveIndex()
    }

    /// A clean start: no repair entry, the "state loaded" entry with the counts.
    @Test func aCleanStartRepairsNothing() async throws {
        let fixture = try Fixture()
        try await Self.ingestTwo(fixture)
        fixture.restart()
        let second = fixture
        let pipeline = try await second.pipeline()
        #expect(await pipeline.storyCount == 5)
        #expect(second.journal.entries(.storeRepaired).isEmpty)
        let loaded = try #require(second.journal.entries.first { $0.message.hasPrefix("state loaded") })
        #expect(loaded.message.contains("5 stories indexed, 2 bulletins in the ledger, 0 store lines replayed"))
    }

    /// No ledger: its entries are recovered from the store, and said so; the bulletins stay known.
    @Test func aMissingLedgerIsRecoveredFromTheStore() async throws {
        let fixture = try Fixture()
        try await Self.ingestTwo(fixture)
        try FileManager.default.removeItem(atPath: IngestLedger.path(in: fixture.configuration.stateDirectory).string)
        fixture.restart()
        let second = fixture
        let pipeline = try await second.pipeline()
        let repaired = try #require(second.journal.entries(.storeRepaired).first)
        #expect(repaired.fields["LEDGER_ENTRIES_RECOVERED"] == "2")
        #expect(second.ledgerLines.count == 2)
        #expect(await pipeline.commit(await second.load("a.txt", with: pipeline)) == .alreadyIngested)
    }

    /// A damaged index snapshot: the index is rebuilt from the store (said so), every story known.
    @Test func aBadSnapshotMeansTheIndexIsRebuilt() async throws {
        let fixture = try Fixture()
        try await Self.ingestTwo(fixture)
        let snapshot = IndexSnapshot.path(in: fixture.configuration.stateDirectory)
        try Data("bulletind-index 1 0 0:0\ngarbage".utf8).write(to: URL(fileURLWithPath: snapshot.string))
        fixture.restart()
        let second = fixture
        let pipeline = try await second.pipeline()
        let rebuilt = try #require(second.journal.entries(.storeRepaired).first)
        #expect(rebuilt.fields["INDEX_REBUILT"]?.hasPrefix("the snapshot is unusable") == true)
        #expect(rebuilt.fields["STORIES"] == "5")
        #expect(await pipeline.storyCount == 5)
    }

    /// A torn tail (a write stopped mid-line): cut, said so, and the next bulletin is appended
    /// after the last whole line.
    @Test func aTornTailIsCutAndTheStoreGoesOn() async throws {
        let fixture = try Fixture()
        try await Self.ingestTwo(fixture)
        let whole = fixture.storeSize
        let handle = try #require(FileHandle(forWritingAtPath: fixture.configuration.store.string))
        handle.seekToEndOfFile()
        handle.write(Data("{\"schema\":\"bulletind/1\",\"kind\":\"sto".utf8))
        try handle.close()
        fixture.restart()
        let second = fixture
        let pipeline = try await second.pipeline()
        let repaired = try #require(second.journal.entries(.storeRepaired).first)
        #expect(repaired.fields["TORN_BYTES"] == "35")
        #expect(second.storeSize == whole)
        try second.write("c.txt", stories: 1, seed: 3)
        #expect(await pipeline.commit(await second.load("c.txt", with: pipeline)) == .ingested(stories: 1, duplicates: 0))
        #expect(second.storeLines.count == 6)
        #expect(second.storeLines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }

    /// The ledger ahead of the store (a store restored from an older copy): the ledger is rebuilt
    /// from the store, and said so; a bulletin no longer in the store is ingested again.
    @Test func aLedgerAheadOfTheStoreIsRebuilt() async throws {
        let fixture = try Fixture()
        try await Self.ingestTwo(fixture)
        // The store as it was after the first bulletin, in the same file.
        let firstBulletin = fixture.storeLines.prefix(2).map { $0 + "\n" }.joined()
        let handle = try #require(FileHandle(forWritingAtPath: fixture.configuration.store.string))
        try handle.truncate(atOffset: UInt64(firstBulletin.utf8.count))
        try handle.close()
        fixture.restart()
        let second = fixture
        let pipeline = try await second.pipeline()
        let repaired = try #require(second.journal.entries(.storeRepaired).first { $0.fields["LEDGER_REBUILT"] != nil })
        #expect(repaired.fields["LEDGER_REBUILT"] == "true")
        #expect(second.ledgerLines.count == 1)
        #expect(await pipeline.commit(await second.load("b.txt", with: pipeline)) == .ingested(stories: 3, duplicates: 0))
    }

    // MARK: - its thread

    /// The pipeline's work — the recovery at start, the commit, its journal entries — runs on
    /// its own thread, never on a thread of Swift's cooperative pool (where a blocked `fsync`
    /// would hold up the inbox watch and the loading of the next files).
    @Test func thePipelineWorksOnAThreadOfItsOwn() async throws {
        let fixture = try Fixture()
        try fixture.write("a.txt", stories: 2, in: "inbox")
        let pipeline = try await fixture.pipeline(.inbox)
        #expect(await pipeline.commit(await fixture.load("a.txt", in: "inbox", with: pipeline)) == .ingested(stories: 2, duplicates: 0))
        let loaded = try #require(fixture.journal.entries.first { $0.message.hasPrefix("state loaded") })
        #expect(loaded.thread == "ingest-pipeline")
        let stories = fixture.journal.entries(.storyNew)
        #expect(stories.count == 2 && stories.allSatisfy { $0.thread == "ingest-pipeline" })
        #expect(await pipeline.runsOnItsThread())
        let fromThePool = await Task.detached { (Self.threadName(), pipeline.executor.isCurrent) }.value
        #expect(fromThePool.0 != "ingest-pipeline" && !fromThePool.1)
    }

    static func threadName() -> String? { Thread.current.name }

    // MARK: - reload

    /// A reload applies what it can and names what waits for a restart, keeping its old value.
    @Test func aReloadPlanKeepsWhatNeedsARestart() {
        var current = Configuration()
        current.patterns = ["*.txt"]
        var new = current
        new.inbox = "/elsewhere"
        new.logLevel = .debug
        new.patterns = ["*.txt", "*.wire"]
        new.settle = .seconds(2)
        let plan = ReloadPlan(current: current, new: new)
        #expect(plan.needRestart == ["inbox.path", "log.level"])
        #expect(plan.applied.inbox == current.inbox && plan.applied.logLevel == current.logLevel)
        #expect(plan.applied.patterns == new.patterns && plan.applied.settle == .seconds(2))
        #expect(ReloadPlan(current: current, new: current) == ReloadPlan(current: current, new: current))
        #expect(ReloadPlan(current: current, new: current).needRestart.isEmpty)
    }
}

extension IngestPipeline {
    /// Asked of the pipeline, so answered from where its work runs.
    fileprivate func runsOnItsThread() -> Bool { executor.isCurrent && Thread.current.name == "ingest-pipeline" }
}
