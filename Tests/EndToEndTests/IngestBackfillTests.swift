import Foundation
import Testing

/// `bulletind ingest` as an analyst uses it: folders, the summary, Ctrl-C and resuming, the bar.
@Suite(.serialized) struct IngestBackfillTests {
    /// `archive/2013/a.txt` (the seed), `archive/2013/b.txt` (binary), `archive/2014/c.txt`
    /// (the seed plus a blank line: fourteen duplicates), `archive/top.txt` (two new stories).
    static func archive(in harness: DaemonHarness) throws -> URL {
        let archive = harness.folder.appendingPathComponent("archive")
        for folder in ["2013", "2014"] {
            try FileManager.default.createDirectory(at: archive.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let seed = try Data(contentsOf: DaemonHarness.seed)
        try seed.write(to: archive.appendingPathComponent("2013/a.txt"))
        try Data([0, 1, 2, 0]).write(to: archive.appendingPathComponent("2013/b.txt"))
        try (seed + Data("\n".utf8)).write(to: archive.appendingPathComponent("2014/c.txt"))
        try StoreTests.bulletin("top", stories: 2).write(to: archive.appendingPathComponent("top.txt"))
        return archive
    }

    @Test func theSummaryCountsStoriesDuplicatesAndRejectionsWithReasons() throws {
        let harness = try DaemonHarness()
        _ = try Self.archive(in: harness)
        let flat = try harness.runToEnd(["ingest", "archive"])
        #expect(flat.status == 0)
        #expect(flat.stdout.hasPrefix("files             1 ("))
        #expect(flat.stdout.contains("\nstories           2 ("))
        #expect(flat.stdout.hasSuffix("\n\n2 sub-folders skipped; add --recursive to ingest them too\n"))
        #expect(flat.stderr.isEmpty, "no per-story lines on stderr: \(flat.stderr)")

        let deep = try harness.runToEnd(["ingest", "--recursive", "archive"])
        #expect(deep.status == 0)
        let lines = deep.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("files             4 ("))
        #expect(lines[1].hasPrefix("stories           14 ("))
        #expect(Array(lines[2...]) == [
            "duplicates        14",
            "already ingested  1",
            "rejected          1",
            "  binary          1",
            "",
            "rejected files:",
            "  archive/2013/b.txt: binary: the text holds NUL or too many control characters",
            "",
        ])
        // The rejection is a warning, so it is the one line echoed to stderr.
        #expect(deep.stderr.contains("warning: rejected b.txt: binary"))
        #expect(harness.storeLines().count == 30)
    }

    @Test func aPathThatIsNotThereFailsBeforeAnything() throws {
        let harness = try DaemonHarness()
        let result = try harness.runToEnd(["ingest", "nowhere/"])
        #expect(result.status == 1)
        #expect(result.stderr == "bulletind: no such file or folder: 'nowhere'; check the path (nothing was ingested)\n")
        #expect(!FileManager.default.fileExists(atPath: harness.store.path))
    }

    @Test func ctrlCStopsAfterTheFileInHandAndTheNextRunCarriesOn() throws {
        let harness = try DaemonHarness()
        let archive = harness.folder.appendingPathComponent("big")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let count = 1500
        for number in 0..<count {
            try StoreTests.bulletin("b\(number)", stories: 3).write(to: archive.appendingPathComponent(String(format: "%05d.txt", number)))
        }
        let process = Process()
        process.executableURL = DaemonHarness.binary
        process.arguments = ["ingest", "big"]
        process.currentDirectoryURL = harness.folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        #expect(harness.waitUntil(within: 20) { harness.storeLines().count >= 30 })
        kill(process.processIdentifier, SIGINT)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(stderr.contains("bulletind: interrupted; "))
        #expect(stderr.contains(" files not ingested. Run the same command again to continue: files already ingested are skipped."))
        let firstRun = harness.storeLines().count
        #expect(firstRun % 3 == 0, "a bulletin is stored whole or not at all")
        #expect(firstRun < count * 3)
        #expect(stdout.contains("already ingested  0"))

        let second = try harness.runToEnd(["ingest", "big"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("already ingested  \(firstRun / 3)\n"))
        let lines = harness.storeLines()
        #expect(lines.count == count * 3)
        #expect(Set(lines.compactMap { $0["id"] as? String }).count == count * 3)
        // No bulletin went in twice: each one's digest is on exactly its three lines.
        let perBulletin = Dictionary(grouping: lines) { ($0["bulletin"] as? [String: Any])?["sha256"] as? String ?? "" }
        #expect(perBulletin.count == count && perBulletin.values.allSatisfy { $0.count == 3 })
    }

    @Test func onATerminalABarShowsTheRateAndIsClearedBeforeTheSummary() throws {
        let harness = try DaemonHarness()
        _ = try Self.archive(in: harness)
        let result = try harness.runToEnd([
            "python3", DaemonHarness.repository.appendingPathComponent("scripts/pty-capture.py").path, "100",
            DaemonHarness.binary.path, "ingest", "-r", "archive",
        ], executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(result.status == 0)
        let screen = result.stdout
        #expect(screen.contains("\r100% [" + String(repeating: "=", count: 40) + "] 4/4 files, "))
        #expect(screen.contains(" MB/s, "))
        #expect(screen.contains(" stories/s\u{1B}[K"))
        // The bar is wiped before the summary, which starts on a clean line.
        #expect(screen.contains("\r\u{1B}[Kfiles             4 ("))
    }

    @Test func offATerminalThereIsNoBar() throws {
        let harness = try DaemonHarness()
        _ = try Self.archive(in: harness)
        let result = try harness.runToEnd(["ingest", "-r", "archive"])
        #expect(!result.stderr.contains("\r"))
        #expect(!result.stderr.contains("% ["))
    }
}
