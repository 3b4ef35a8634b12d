import Foundation
import Glibc
import LinuxIO
import SystemPackage
import Testing

@Suite struct ClaimFolderTests {
    func mode(_ path: FilePath) -> mode_t {
        var status = stat()
        _ = lstat(path.string, &status)
        return status.st_mode & 0o7777
    }

    @Test func isMadeCloseToEveryoneElse() throws {
        let inbox = try TemporaryFolder()
        let claims = ClaimFolder(inbox: inbox.path)
        try claims.prepare()
        #expect(mode(claims.path) == 0o700)
        try claims.prepare()  // and again: it is there already
    }

    @Test func aFolderOthersMayWriteToOrAFileIsRefused() throws {
        let inbox = try TemporaryFolder()
        let claims = ClaimFolder(inbox: inbox.path)
        #expect(mkdir(claims.path.string, 0o777) == 0)
        #expect(chmod(claims.path.string, 0o777) == 0)
        #expect(throws: ClaimFolder.Refusal.self) { try claims.prepare() }
        #expect(rmdir(claims.path.string) == 0)
        try inbox.write(ClaimFolder.name, "a file, not a folder")
        #expect(throws: ClaimFolder.Refusal.self) { try claims.prepare() }
        #expect(unlink(claims.path.string) == 0)
        #expect(symlink(inbox.path.string, claims.path.string) == 0)
        #expect(throws: ClaimFolder.Refusal.self) { try claims.prepare() }
    }

    @Test func claimsReleasesAndListsLeftovers() throws {
        let inbox = try TemporaryFolder()
        let claims = ClaimFolder(inbox: inbox.path)
        try claims.prepare()
        try inbox.write("a.txt", "first")
        #expect(try claims.claim(FileName("a.txt")) == .claimed)
        #expect(try claims.claim(FileName("a.txt")) == .vanished)
        // A new a.txt while the first is still claimed: it waits.
        try inbox.write("a.txt", "second")
        #expect(try claims.claim(FileName("a.txt")) == .nameTaken)
        #expect(try claims.leftovers() == [FileName("a.txt")])
        #expect(try String(decoding: Data(contentsOf: URL(fileURLWithPath: claims.path(of: FileName("a.txt")).string)), as: UTF8.self) == "first")
        // Released while the name is taken: stays claimed; once free, goes back.
        #expect(try claims.release(FileName("a.txt")) == false)
        #expect(unlink(inbox.path.appending("a.txt").string) == 0)
        #expect(try claims.release(FileName("a.txt")) == true)
        #expect(try inbox.contents("a.txt") == "first")
        #expect(try claims.leftovers().isEmpty)
    }

    @Test func aClaimWithoutTheFolderThrows() throws {
        let inbox = try TemporaryFolder()
        try inbox.write("a.txt", "text")
        #expect(throws: IOFailure.self) { try ClaimFolder(inbox: inbox.path).claim(FileName("a.txt")) }
    }
}
