import Foundation
import Glibc
import LinuxIO
import SystemPackage
import Testing

/// Issue #14, finding 8: what someone who can write beside the daemon's files could make it do.
@Suite struct AtomicWriteTests {
    static func permissions(of path: FilePath) throws -> FilePermissions {
        let fd = try FileDescriptor.open(path, .readOnly)
        return try fd.closeAfter { try fd.stat().permissions }
    }

    /// The temporary file had a fixed name (`NAME.tmp`) opened with `O_TRUNC`: a symlink planted
    /// under that name made the daemon truncate and overwrite whatever it pointed at (its store,
    /// say). Now the name is random and created with `O_EXCL|O_NOFOLLOW`.
    @Test func aSymlinkPlantedAtTheTemporaryNameIsNeverFollowed() throws {
        let folder = try TemporaryFolder()
        try folder.write("victim.jsonl", "precious\n")
        #expect(symlink(folder.path.appending("victim.jsonl").string, folder.path.appending("metrics.prom.tmp").string) == 0)
        try FileMover.writeAtomically("metric 1\n", to: folder.path.appending("metrics.prom"))
        #expect(try folder.contents("victim.jsonl") == "precious\n")
        #expect(try folder.contents("metrics.prom") == "metric 1\n")
        // Nothing else left behind: the planted link, the victim and the file written.
        let names = try DirectoryListing.entries(of: folder.path).map(\.name.display)
        #expect(names == ["metrics.prom", "metrics.prom.tmp", "victim.jsonl"])
    }

    @Test func eachWriteUsesANewTemporaryNameAndLeavesNone() throws {
        let folder = try TemporaryFolder()
        for round in 0..<20 { try FileMover.writeAtomically("round \(round)\n", to: folder.path.appending("state")) }
        #expect(try folder.contents("state") == "round 19\n")
        #expect(try DirectoryListing.entries(of: folder.path).map(\.name.display) == ["state"])
    }

    @Test func permissionsAreSetWhateverTheUmask() throws {
        let folder = try TemporaryFolder()
        let path = folder.path.appending("ledger")
        try FileMover.writeAtomically(Array("x\n".utf8), to: path, permissions: .ownerReadWrite)
        #expect(try Self.permissions(of: path) == .ownerReadWrite)
    }

    /// A process killed between creating its temporary file and renaming it leaves the file;
    /// the next start removes exactly those (and the fixed `NAME.tmp` of earlier versions).
    @Test func leftoverTemporariesAreRemovedAndNothingElse() throws {
        let folder = try TemporaryFolder()
        let kept = ["index.snapshot", "index.snapshot.old.tmp", "index.snapshot.0123456789abcdef", "ledger.0123456789abcdef.tmp", "index.snapshot.0123456789abcdeg.tmp"]
        let leftovers = ["index.snapshot.tmp", "index.snapshot.0123456789abcdef.tmp", "index.snapshot.fedcba9876543210.tmp"]
        for name in kept + leftovers { try folder.write(name, name) }
        FileMover.removeLeftoverTemporaries(of: folder.path.appending("index.snapshot"))
        #expect(try DirectoryListing.entries(of: folder.path).map(\.name.display) == kept.sorted())
    }
}

@Suite struct CrossFileSystemMoveTests {
    /// A folder on another file system than `/tmp` (`/dev/shm` is a tmpfs wherever Linux runs
    /// with glibc), so that `rename` fails with EXDEV and the file is copied.
    static func otherFileSystemFolder(than folder: TemporaryFolder) throws -> FilePath? {
        let other = FilePath("/dev/shm/bulletind-test-\(UUID().uuidString)")
        guard mkdir(other.string, 0o700) == 0 else { return nil }
        guard let here = FileSignature.of(folder.path), let there = FileSignature.of(other), here.device != there.device else {
            rmdir(other.string)
            return nil
        }
        return other
    }

    /// The copy to another file system read the whole file into memory (a 200 MB file rejected
    /// as too large cost 200 MB to move to a failed folder on another disk). It is streamed a
    /// block at a time now: the bytes arrive whole and the original is gone.
    @Test func aMoveToAnotherFileSystemCopiesEveryByteAndRemovesTheOriginal() throws {
        let folder = try TemporaryFolder()
        let other = try #require(try Self.otherFileSystemFolder(than: folder), "needs /dev/shm on another file system than /tmp")
        defer { _ = try? DaemonlessCleanup.remove(other) }
        // Three and a half blocks of varied bytes, so a block boundary error shows.
        let bytes = (0..<(FileMover.copyBlockSize * 7 / 2)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: folder.path.appending("big.txt").string))
        let moved = try FileMover.move(folder.path.appending("big.txt"), into: other)
        #expect(moved == other.appending("big.txt"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: moved.string)) == Data(bytes))
        #expect(FileSignature.of(folder.path.appending("big.txt")) == nil)
    }

    /// A FIFO (a rejected entry) cannot be copied: the move fails and leaves it, and no empty
    /// file is left at the destination.
    @Test func aFIFOIsNotCopiedToAnotherFileSystem() throws {
        let folder = try TemporaryFolder()
        let other = try #require(try Self.otherFileSystemFolder(than: folder), "needs /dev/shm on another file system than /tmp")
        defer { _ = try? DaemonlessCleanup.remove(other) }
        #expect(mkfifo(folder.path.appending("pipe.txt").string, 0o600) == 0)
        #expect(throws: IOFailure.self) { try FileMover.move(folder.path.appending("pipe.txt"), into: other) }
        #expect(FileSignature.of(folder.path.appending("pipe.txt")) != nil)
        #expect(try DirectoryListing.entries(of: other).isEmpty)
    }
}

/// Removes a test folder outside `TemporaryFolder`'s care.
enum DaemonlessCleanup {
    static func remove(_ folder: FilePath) throws { try FileManager.default.removeItem(atPath: folder.string) }
}

@Suite struct StoreIdentityTests {
    /// A store moved away or removed behind the writer's back is noticed, and reopening the
    /// path gives a new file there.
    @Test func aFileMovedAwayIsNoLongerAtItsPath() throws {
        let folder = try TemporaryFolder()
        let store = try AppendOnlyFile(path: folder.path.appending("stories.jsonl"))
        try store.append(Array("one\n".utf8))
        #expect(try store.isStillAtPath())
        #expect(rename(folder.path.appending("stories.jsonl").string, folder.path.appending("moved.jsonl").string) == 0)
        #expect(try !store.isStillAtPath())
        try store.reopen()
        #expect(try store.isStillAtPath())
        try store.append(Array("two\n".utf8))
        #expect(try folder.contents("moved.jsonl") == "one\n")
        #expect(try folder.contents("stories.jsonl") == "two\n")
        #expect(unlink(folder.path.appending("stories.jsonl").string) == 0)
        #expect(try !store.isStillAtPath())
    }

    /// A `stat` that fails for another reason than "no such file" (EIO on a failing disk; here
    /// ELOOP, a folder on the way replaced by a link to itself) says nothing about where the
    /// file is: thrown, not taken for a move (which would reopen the store).
    @Test func aStatThatFailsIsThrownNotTakenForAMove() throws {
        let folder = try TemporaryFolder()
        #expect(mkdir(folder.path.appending("store").string, 0o700) == 0)
        let store = try AppendOnlyFile(path: folder.path.appending("store/stories.jsonl"))
        #expect(rename(folder.path.appending("store").string, folder.path.appending("elsewhere").string) == 0)
        #expect(symlink("store", folder.path.appending("store").string) == 0)
        #expect {
            _ = try store.isStillAtPath()
        } throws: { error in
            (error as? IOFailure)?.errno == .tooManySymbolicLinkLevels
        }
    }

    @Test func aNewFileGetsThePermissionsAsked() throws {
        let folder = try TemporaryFolder()
        let path = folder.path.appending("ledger")
        _ = try AppendOnlyFile(path: path, permissions: .ownerReadWrite)
        #expect(try AtomicWriteTests.permissions(of: path) == .ownerReadWrite)
    }

    @Test func onlyTheLastFolderGetsTheModeAsked() throws {
        let folder = try TemporaryFolder()
        let state = folder.path.appending("var/state")
        try DirectoryListing.createDirectories(state, permissions: .ownerReadWriteExecute)
        var status = stat()
        #expect(stat(state.string, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o700)
        #expect(stat(folder.path.appending("var").string, &status) == 0)
        #expect(status.st_mode & 0o700 == 0o700 && status.st_mode & 0o005 == 0o005)
    }
}

@Suite struct FileNameVisibilityTests {
    /// Finding 8: format characters passed into the journal as they were. U+202E turns
    /// `report‮txt.exe` into what reads as `reportexe.txt`; a zero-width space makes two names
    /// look alike. They are escaped wherever a name is shown, and still address the file.
    @Test(arguments: [
        ("report\u{202E}txt.exe", "report%E2%80%AEtxt.exe"),
        ("a\u{200B}.txt", "a%E2%80%8B.txt"),
        ("\u{FEFF}bom.txt", "%EF%BB%BFbom.txt"),
        ("isolate\u{2066}x\u{2069}.txt", "isolate%E2%81%A6x%E2%81%A9.txt"),
        ("line\u{2028}sep.txt", "line%E2%80%A8sep.txt"),
        ("soft\u{AD}hyphen 50%.txt", "soft%C2%ADhyphen 50%25.txt"),
    ])
    func anInvisibleCharacterIsEscaped(name: String, display: String) {
        let fileName = FileName(name)
        #expect(fileName.isPlainText, "a name with format characters is still ingested")
        #expect(fileName.display == display)
    }

    @Test func visibleNamesInAnyScriptAreShownAsTheyAre() {
        for name in ["café.txt", "Новости.txt", "新华社.txt", "أخبار.txt", "50%.txt", "emoji 📰.txt"] {
            #expect(FileName(name).display == name)
        }
    }
}

@Suite struct ChangingFileTests {
    /// A file whose bytes do not match what `fstat` said when it was opened (here a `/proc`
    /// file: size 0, yet it has bytes) is reported as changed while read, a passing failure
    /// the inbox retries (six reads over about 8 s) rather than a property of the file.
    @Test func aFileThatDoesNotMatchItsSizeChangedWhileRead() throws {
        #expect(throws: FileReadFailure.changedWhileReading) {
            try RegularFileReader.readFile(FilePath("/proc/self/status"), limit: 1 << 20)
        }
        #expect(FileReadFailure.changedWhileReading.isTransient)
        #expect(FileReadFailure.hardLinked(links: 2).isTransient)
        #expect(!FileReadFailure.tooLarge(size: 2, limit: 1).isTransient)
    }
}
