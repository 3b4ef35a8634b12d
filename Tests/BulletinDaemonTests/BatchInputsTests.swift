import BulletinDaemon
import Foundation
import SystemPackage
import Testing

@Suite struct BatchInputsTests {
    /// `root/b.txt`, `root/a/2.txt`, `root/a/1.txt`, `root/a/deeper/x.txt`, `root/c.txt`.
    static func archive() throws -> FilePath {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-inputs-\(UUID().uuidString)")
        for name in ["b.txt", "a/2.txt", "a/1.txt", "a/deeper/x.txt", "c.txt"] {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("12345".utf8).write(to: url)
        }
        return FilePath(root.path)
    }

    @Test func aFolderGivesItsFilesInNameOrderAndCountsTheSubFoldersItSkips() throws {
        let root = try Self.archive()
        defer { try? FileManager.default.removeItem(atPath: root.string) }
        let inputs = try BatchInputs.expand([root], recursive: false)
        #expect(inputs.files.map(\.path) == [root.appending("b.txt"), root.appending("c.txt")])
        #expect(inputs.skippedFolders == 1)
        #expect(inputs.files.allSatisfy { $0.size == 5 })
    }

    @Test func recursiveTakesEachSubFolderWhereItsNameFalls() throws {
        let root = try Self.archive()
        defer { try? FileManager.default.removeItem(atPath: root.string) }
        let inputs = try BatchInputs.expand([root], recursive: true)
        #expect(inputs.files.map(\.path) == ["a/1.txt", "a/2.txt", "a/deeper/x.txt", "b.txt", "c.txt"].map { root.appending($0) })
        #expect(inputs.skippedFolders == 0)
    }

    /// A path that cannot be looked at (EIO on a failing disk; here ELOOP, through a link to
    /// itself) is an error that says so, never "no such file".
    @Test func aPathThatCannotBeLookedAtSaysWhy() throws {
        let root = try Self.archive()
        defer { try? FileManager.default.removeItem(atPath: root.string) }
        try FileManager.default.createSymbolicLink(atPath: root.appending("loop").string, withDestinationPath: "loop")
        let path = root.appending("loop/x.txt")
        #expect {
            _ = try BatchInputs.expand([path], recursive: false)
        } throws: { error in
            "\(error)".hasPrefix("lstat '\(path)': ") && "\(error)".hasSuffix("(ELOOP) (nothing was ingested)")
        }
    }

    @Test func aPathThatIsNotThereIsAnErrorBeforeAnythingIsIngested() throws {
        let root = try Self.archive()
        defer { try? FileManager.default.removeItem(atPath: root.string) }
        #expect {
            _ = try BatchInputs.expand([root.appending("b.txt"), root.appending("missing")], recursive: false)
        } throws: { error in
            "\(error)" == "no such file or folder: '\(root.appending("missing"))'; check the path (nothing was ingested)"
        }
    }
}
