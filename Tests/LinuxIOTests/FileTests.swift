import Foundation
import Glibc
import LinuxIO
import SystemPackage
import Testing

@Suite struct RegularFileReaderTests {
    @Test func readsAWholeFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", "hello")
        #expect(try RegularFileReader.read(folder.path.appending("a.txt"), limit: 100) == Array("hello".utf8))
    }

    @Test func refusesASymbolicLinkEvenToAReadableFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("target.txt", "secret")
        try FileManager.default.createSymbolicLink(atPath: folder.path.appending("link.txt").string, withDestinationPath: folder.path.appending("target.txt").string)
        #expect(throws: FileReadFailure.symbolicLink) { try RegularFileReader.read(folder.path.appending("link.txt"), limit: 100) }
    }

    @Test func refusesAFIFOWithoutBlocking() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.path.appending("pipe.txt")
        #expect(mkfifo(fifo.string, 0o644) == 0)
        #expect(throws: FileReadFailure.notRegular(kind: "a FIFO")) { try RegularFileReader.read(fifo, limit: 100) }
    }

    @Test func refusesAFileOverTheLimit() throws {
        let folder = try TemporaryFolder()
        try folder.write("big.txt", String(repeating: "x", count: 101))
        #expect(throws: FileReadFailure.tooLarge(size: 101, limit: 100)) { try RegularFileReader.read(folder.path.appending("big.txt"), limit: 100) }
    }

    @Test func aMissingFileHasVanished() throws {
        let folder = try TemporaryFolder()
        #expect(throws: FileReadFailure.vanished) { try RegularFileReader.read(folder.path.appending("gone.txt"), limit: 100) }
    }
}

@Suite struct AppendOnlyFileTests {
    @Test func appendsAccumulate() throws {
        let folder = try TemporaryFolder()
        let file = try AppendOnlyFile(path: folder.path.appending("s.jsonl"))
        try file.append(Array("one\n".utf8))
        try file.append(Array("two\n".utf8))
        try file.synchronize()
        #expect(file.size == 8)
        #expect(try folder.contents("s.jsonl") == "one\ntwo\n")
    }

    @Test func aTornTailIsCutBackToTheLastCompleteLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("s.jsonl", "{\"a\":1}\n{\"b\":2}\n{\"c\":")
        #expect(try AppendOnlyFile.cutTornTail(of: folder.path.appending("s.jsonl")) == 5)
        #expect(try folder.contents("s.jsonl") == "{\"a\":1}\n{\"b\":2}\n")
        #expect(try AppendOnlyFile.cutTornTail(of: folder.path.appending("s.jsonl")) == 0)
    }

    @Test func aTornOnlyLineLeavesAnEmptyFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("s.jsonl", String(repeating: "x", count: 200_000))
        #expect(try AppendOnlyFile.cutTornTail(of: folder.path.appending("s.jsonl")) == 200_000)
        #expect(try folder.contents("s.jsonl") == "")
    }

    @Test func aMissingStoreNeedsNoRepair() throws {
        let folder = try TemporaryFolder()
        #expect(try AppendOnlyFile.cutTornTail(of: folder.path.appending("none.jsonl")) == 0)
    }
}

@Suite struct FileMoverTests {
    @Test func aClashKeepsBothFiles() throws {
        let folder = try TemporaryFolder()
        let done = folder.path.appending("done")
        try FileManager.default.createDirectory(atPath: done.string, withIntermediateDirectories: true)
        try folder.write("a.txt", "first")
        #expect(try FileMover.move(folder.path.appending("a.txt"), into: done) == done.appending("a.txt"))
        try folder.write("a.txt", "second")
        #expect(try FileMover.move(folder.path.appending("a.txt"), into: done) == done.appending("a.2.txt"))
        #expect(try folder.contents("done/a.txt") == "first")
        #expect(try folder.contents("done/a.2.txt") == "second")
    }
}

@Suite struct StateLockTests {
    @Test func aSecondHolderIsRefusedWithTheFirstsPID() throws {
        let folder = try TemporaryFolder()
        let first = try StateLock(stateDirectory: folder.path)
        #expect {
            _ = try StateLock(stateDirectory: folder.path)
        } throws: { error in
            guard case .heldBy(let pid, _)? = error as? StateLock.Failure else { return false }
            return pid == getpid()
        }
        withExtendedLifetime(first) {}
    }

    @Test func theLockIsFreedWithItsHolder() throws {
        let folder = try TemporaryFolder()
        do { _ = try StateLock(stateDirectory: folder.path) }
        #expect(throws: Never.self) { _ = try StateLock(stateDirectory: folder.path) }
    }
}

@Suite struct DirectoryListingTests {
    @Test func listsEntriesSortedWithTheirKinds() throws {
        let folder = try TemporaryFolder()
        try folder.write("b.txt", "")
        try folder.write("a.txt", "")
        try FileManager.default.createDirectory(atPath: folder.path.appending("sub").string, withIntermediateDirectories: false)
        let entries = try DirectoryListing.entries(of: folder.path)
        #expect(entries.map(\.name.display) == ["a.txt", "b.txt", "sub"])
        #expect(entries.map(\.kind) == [.regular, .regular, .directory])
    }
}

@Suite struct FileNameTests {
    @Test func aPlainNameIsShownAsItIs() {
        #expect(FileName("café bulletin.txt").isPlainText)
        #expect(FileName("café bulletin.txt").display == "café bulletin.txt")
    }

    @Test(arguments: [
        ([UInt8]("evil\n.txt".utf8), "evil%0A.txt"),
        ([UInt8]("bell\u{7}.txt".utf8), "bell%07.txt"),
        ([0x63, 0x61, 0x66, 0xE9, 0x2E, 0x74, 0x78, 0x74], "caf%E9.txt"),
        ([UInt8]("50%.txt\u{1B}".utf8), "50%25.txt%1B"),
    ])
    func aDoubtfulNameIsEscaped(bytes: [UInt8], display: String) {
        let name = FileName(bytes: bytes)
        #expect(!name.isPlainText)
        #expect(name.display == display)
    }

    @Test func theOriginalBytesStillAddressTheFile() throws {
        let folder = try TemporaryFolder()
        let name = FileName(bytes: [0x62, 0xFF, 0x0A, 0x2E, 0x74, 0x78, 0x74])
        let path = name.path(in: folder.path)
        let fd = try FileDescriptor.open(path, .writeOnly, options: [.create], permissions: .ownerReadWrite)
        try fd.close()
        #expect(try DirectoryListing.entries(of: folder.path).map(\.name) == [name])
        #expect(try RegularFileReader.read(path, limit: 10) == [])
    }
}

@Suite struct FileSignatureTests {
    @Test func noSuchFileIsNilAndSoIsAPathThroughAFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", "x")
        #expect(try FileSignature.lookUp(folder.path.appending("gone.txt")) == nil)
        #expect(try FileSignature.lookUp(folder.path.appending("a.txt/child")) == nil)  // ENOTDIR
        #expect(try FileSignature.lookUp(folder.path.appending("a.txt"))?.size == 1)
    }

    /// Any failure other than "no such file" is thrown, never taken for a missing file.
    @Test func aFailureThatIsNotAbsenceIsThrown() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.path.appending("loop").string, withDestinationPath: "loop")
        let path = folder.path.appending("loop/x")
        #expect(throws: IOFailure("stat", path.string, .tooManySymbolicLinkLevels)) {
            try FileSignature.lookUp(path, followingSymbolicLinks: true)
        }
        #expect(FileSignature.of(path, followingSymbolicLinks: true) == nil)
    }
}

@Suite struct RenameWithoutReplacingTests {
    @Test func aFileAlreadyThereIsNotReplaced() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", "first")
        try folder.write("b.txt", "second")
        #expect(try FileMover.renameWithoutReplacing(folder.path.appending("a.txt"), to: folder.path.appending("b.txt")) == false)
        #expect(try folder.contents("a.txt") == "first")
        #expect(try folder.contents("b.txt") == "second")
        #expect(try FileMover.renameWithoutReplacing(folder.path.appending("a.txt"), to: folder.path.appending("c.txt")))
        #expect(try folder.contents("c.txt") == "first")
    }

    @Test func aMissingSourceIsAnIOFailureThatNamesBothPaths() throws {
        let folder = try TemporaryFolder()
        let from = folder.path.appending("gone.txt"), to = folder.path.appending("c.txt")
        #expect(throws: IOFailure("rename", "\(from.string)' to '\(to.string)", .noSuchFileOrDirectory)) {
            try FileMover.renameWithoutReplacing(from, to: to)
        }
    }

    @Test func removingAFileAlreadyGoneIsNoError() throws {
        let folder = try TemporaryFolder()
        #expect(throws: Never.self) { try FileMover.remove(folder.path.appending("gone.txt")) }
    }
}
