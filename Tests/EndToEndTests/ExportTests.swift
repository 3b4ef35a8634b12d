import Foundation
import Testing

/// `bulletind export`, through the real binary, its output validated against IPTC's own schema.
@Suite(.serialized) struct ExportTests {
    static func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    static func lines(of file: URL) -> [[String: Any]] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    /// Validates ninjs lines with `scripts/validate-jsonl.py` and the schema in `schema/`.
    static func validate(_ text: String, in daemon: DaemonHarness) throws -> (ok: Bool, output: String) {
        let file = daemon.folder.appendingPathComponent("export-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: file)
        return try DaemonHarness.validate(file, with: "scripts/validate-jsonl.py", against: "schema/ninjs-schema_2.2.json")
    }

    /// The seed, then a re-sent copy of it: 14 stories and 14 duplicates.
    static func seededStore() throws -> DaemonHarness {
        let daemon = try DaemonHarness()
        #expect(try daemon.runToEnd(["ingest", DaemonHarness.seed.path]).status == 0)
        let copy = daemon.folder.appendingPathComponent("resent.txt")
        try (try Data(contentsOf: DaemonHarness.seed) + Data("\n".utf8)).write(to: copy)
        #expect(try daemon.runToEnd(["ingest", copy.path]).status == 0)
        return daemon
    }

    @Test func everyStoryBecomesAValidNinjsItemMappedFromItsLine() throws {
        let daemon = try Self.seededStore()
        let result = try daemon.runToEnd(["export", "--format", "ninjs"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let items = try Self.objects(result.stdout)
        let stories = daemon.storeLines().filter { $0["kind"] as? String == "story" }
        #expect(items.count == 14)
        #expect(stories.count == 14)
        for (item, story) in zip(items, stories) {
            #expect(item["uri"] as? String == "urn:bulletind:story:" + (story["id"] as? String ?? "?"))
            #expect((item["headlines"] as? [[String: Any]])?.first?["value"] as? String == story["headline"] as? String)
            #expect((item["bodies"] as? [[String: Any]])?.first?["value"] as? String == story["body_text"] as? String)
            #expect((item["bodies"] as? [[String: Any]])?.first?["wordcount"] as? Int == story["word_count"] as? Int)
            #expect(item["firstcreated"] as? String == story["received_at"] as? String)
            #expect(item["by"] as? String == story["byline"] as? String)
            #expect(item["located"] as? String == story["dateline"] as? String)
            #expect((item["infosources"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } == story["sources"] as? [String])
        }
        // The seed credits sources and has datelines: the mapping is exercised, not only its defaults.
        #expect(items.contains { $0["infosources"] != nil })
        let validation = try Self.validate(result.stdout, in: daemon)
        #expect(validation.ok, "\(validation.output)")
        #expect(validation.output.contains("14 objects valid"))
    }

    @Test func withAllEveryDuplicateIsAnOccurrenceNamingItsStory() throws {
        let daemon = try Self.seededStore()
        let result = try daemon.runToEnd(["export", "--all"])
        #expect(result.status == 0)
        let items = try Self.objects(result.stdout)
        #expect(items.count == 28)
        let storyURIs = Set(items.prefix(14).compactMap { $0["uri"] as? String })
        for item in items.suffix(14) {
            #expect((item["uri"] as? String)?.hasPrefix("urn:bulletind:occurrence:d") == true)
            let link = (item["altids"] as? [[String: String]])?.first { $0["role"] == "duplicate-of" }?["value"]
            #expect(link.map(storyURIs.contains) == true)
        }
        let validation = try Self.validate(result.stdout, in: daemon)
        #expect(validation.ok, "\(validation.output)")
    }

    @Test func sinceKeepsWhatWasReceivedFromThen() throws {
        let daemon = try DaemonHarness()
        #expect(try daemon.runToEnd(["ingest", DaemonHarness.seed.path]).status == 0)
        // The seed's bulletin as if received in 2020.
        let old = try String(contentsOf: daemon.store, encoding: .utf8).replacingOccurrences(
            of: #""received_at":"\d{4}-[^"]*""#, with: #""received_at":"2020-01-01T00:00:00.000Z""#, options: .regularExpression)
        try Data(old.utf8).write(to: daemon.store)
        let other = daemon.folder.appendingPathComponent("other.txt")
        try StoreTests.bulletin("other", stories: 3).write(to: other)
        #expect(try daemon.runToEnd(["ingest", other.path]).status == 0)
        #expect(try Self.objects(daemon.runToEnd(["export", "--since", "2021-06-01"]).stdout).count == 3)
        #expect(try Self.objects(daemon.runToEnd(["export", "--since", "2019-12-31T23:00:00-01:00"]).stdout).count == 17)
        #expect(try Self.objects(daemon.runToEnd(["export", "--since", "1h"]).stdout).count == 3)
        #expect(try daemon.runToEnd(["export", "--since", "now"]).stdout.isEmpty)
    }

    @Test func aBulletinIsExportedOnlyOnceAllItsLinesAreThere() throws {
        let daemon = try DaemonHarness()
        #expect(try daemon.runToEnd(["ingest", DaemonHarness.seed.path]).status == 0)
        let full = try Data(contentsOf: daemon.store)
        let lines = full.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // Ten of its fourteen lines, and half of the eleventh: a bulletin being written.
        let partial = Data(lines.prefix(10).joined(separator: [0x0A])) + Data([0x0A]) + lines[10].prefix(30)
        try partial.write(to: daemon.store)
        let cursor = daemon.folder.appendingPathComponent("cursor").path
        let first = try daemon.runToEnd(["export", "--cursor", cursor])
        #expect(first.status == 0)
        #expect(first.stdout.isEmpty)
        try full.write(to: daemon.store)
        let second = try daemon.runToEnd(["export", "--cursor", cursor])
        #expect(try Self.objects(second.stdout).count == 14)
        #expect(try daemon.runToEnd(["export", "--cursor", cursor]).stdout.isEmpty)
    }

    @Test func aLineThatIsNotAStoreLineIsReportedAndPassedOver() throws {
        let daemon = try Self.seededStore()
        var data = try Data(contentsOf: daemon.store)
        let firstEnd = try #require(data.firstIndex(of: UInt8(ascii: "\n")))
        data.insert(contentsOf: Data(#"{"schema":"bulletind/1","kind":"story","headline":"torn"#.utf8) + Data([0x0A]), at: firstEnd + 1)
        try data.write(to: daemon.store)
        let result = try daemon.runToEnd(["export"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("is not a store line"))
        #expect(try Self.objects(result.stdout).count == 14)
    }

    @Test func mistakesAreExplained() throws {
        let daemon = try DaemonHarness()
        let missing = try daemon.runToEnd(["export"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no store at 'stories.jsonl'"))
        let format = try daemon.runToEnd(["export", "--format", "newsml"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("the one format is ninjs"))
        let since = try daemon.runToEnd(["export", "--since", "yesterday"])
        #expect(since.status == 64)
        #expect(since.stderr.contains("--since expects"))
        let help = try daemon.runToEnd(["help", "export"])
        #expect(help.stdout.contains("Examples:"))
        #expect(help.stdout.contains("--follow"))
    }

    @Test func aReaderThatStopsEarlyEndsTheExportQuietly() throws {
        let daemon = try DaemonHarness()
        let big = daemon.folder.appendingPathComponent("big.txt")
        try StoreTests.bulletin("big", stories: 600).write(to: big)
        #expect(try daemon.runToEnd(["ingest", big.path]).status == 0)
        // More than a pipe holds, so the export is still writing when `head` goes away.
        let result = try daemon.runToEnd(
            ["-c", "set -o pipefail; '\(DaemonHarness.binary.path)' export | head -n 2"], executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(try Self.objects(result.stdout).count == 2)
    }

    /// The story ids of every store file, oldest rotated file first.
    static func storyIDs(of daemon: DaemonHarness) -> [String] {
        var files: [URL] = []
        var number = 1
        while FileManager.default.fileExists(atPath: daemon.store.path + ".\(number)") {
            files.insert(URL(fileURLWithPath: daemon.store.path + ".\(number)"), at: 0)
            number += 1
        }
        return (files + [daemon.store]).flatMap(lines).filter { $0["kind"] as? String == "story" }.compactMap { $0["id"] as? String }
    }

    static func startFollower(_ arguments: [String], in daemon: DaemonHarness, output: URL) throws -> Process {
        let process = Process()
        process.executableURL = DaemonHarness.binary
        process.arguments = ["export", "--follow"] + arguments
        process.currentDirectoryURL = daemon.folder
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        let stderr = daemon.folder.appendingPathComponent("follower.stderr")
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        return process
    }

    @Test func followTailsTheStoreAcrossRotationsAndRestartsThenResumesFromItsCursor() throws {
        let daemon = try DaemonHarness()
        let environment = ["BULLETIND_STORE_ROTATE_SIZE": "2500"]
        try daemon.startReady(environment: environment)
        let cursor = daemon.folder.appendingPathComponent("export.cursor").path
        let output = daemon.folder.appendingPathComponent("followed.jsonl")
        let follower = try Self.startFollower(["--cursor", cursor], in: daemon, output: output)
        defer { if follower.isRunning { follower.terminate() } }
        for number in 0..<12 {
            if number == 6 {
                // The daemon restarts in the middle of the feed.
                #expect(daemon.stop() == 0)
                try daemon.startReady(environment: environment)
            }
            let source = daemon.folder.appendingPathComponent("b\(number)")
            try StoreTests.bulletin("feed\(number)", stories: 3).write(to: source)
            try daemon.drop(source, as: "b\(number).txt")
            #expect(daemon.waitUntil(within: 10) { Self.storyIDs(of: daemon).count == 3 * (number + 1) })
        }
        #expect(FileManager.default.fileExists(atPath: daemon.store.path + ".3"), "the store rotated several times")
        #expect(daemon.waitUntil(within: 10) { Self.lines(of: output).count == 36 }, "\(Self.lines(of: output).count) of 36")
        let uris = Self.lines(of: output).compactMap { $0["uri"] as? String }
        // The daemon rotates right after an append, so the store's files may still be moving
        // when the follower has written the last bulletin: read them once they stand still.
        let stored = { Self.storyIDs(of: daemon).map { "urn:bulletind:story:" + $0 } }
        #expect(daemon.waitUntil(within: 10) { uris == stored() }, "\(uris) against \(stored())")
        // SIGTERM: what was read is written and the cursor saved; the follower exits 0.
        follower.terminate()
        follower.waitUntilExit()
        #expect(follower.terminationReason == .exit && follower.terminationStatus == 0)
        #expect(try daemon.runToEnd(["export", "--cursor", cursor]).stdout.isEmpty, "the cursor is at the end")

        // While no export runs, one more bulletin; the cursor knows where the last run stopped.
        try daemon.drop(DaemonHarness.seed, as: "late.txt")
        #expect(daemon.waitUntil(within: 10) { Self.storyIDs(of: daemon).count == 50 })
        #expect(daemon.stop() == 0)
        let resumed = try daemon.runToEnd(["export", "--cursor", cursor])
        #expect(resumed.status == 0)
        let resumedURIs = try Self.objects(resumed.stdout).compactMap { $0["uri"] as? String }
        #expect(resumedURIs == Self.storyIDs(of: daemon).suffix(14).map { "urn:bulletind:story:" + $0 }, "\(resumed.stderr)")
        #expect(try daemon.runToEnd(["export", "--cursor", cursor]).stdout.isEmpty)
    }

    @Test func aCursorWhoseFileIsGoneResumesByTime() throws {
        let daemon = try Self.seededStore()
        let cursor = daemon.folder.appendingPathComponent("export.cursor").path
        #expect(try Self.objects(daemon.runToEnd(["export", "--cursor", cursor]).stdout).count == 14)
        // The store restored from a copy: the same lines in another file.
        let copy = daemon.folder.appendingPathComponent("copy.jsonl")
        try FileManager.default.copyItem(at: daemon.store, to: copy)
        try FileManager.default.removeItem(at: daemon.store)
        try FileManager.default.moveItem(at: copy, to: daemon.store)
        let other = daemon.folder.appendingPathComponent("other.txt")
        try StoreTests.bulletin("other", stories: 2).write(to: other)
        #expect(try daemon.runToEnd(["ingest", other.path]).status == 0)
        let resumed = try daemon.runToEnd(["export", "--cursor", cursor])
        #expect(resumed.stderr.contains("resuming after the line received at"))
        #expect(try Self.objects(resumed.stdout).count == 2)
    }

    /// The real agency items of #15's wire fixtures: version chains (writethrus, corrections),
    /// slugs, urgencies, notes to editors, filing times; with the constructed ones, an AP kill
    /// and a weather alert its cancellation ends.
    static func wireArchive(in daemon: DaemonHarness) throws -> URL {
        let archive = daemon.folder.appendingPathComponent("wire")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let fixtures = DaemonHarness.repository.appendingPathComponent("Tests/BulletinCoreTests/Fixtures/wire")
        for part in ["constructed", "tune", "heldout"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent(part).path) where name.hasSuffix(".txt") {
                try FileManager.default.copyItem(at: fixtures.appendingPathComponent(part).appendingPathComponent(name), to: archive.appendingPathComponent(name))
            }
        }
        return archive
    }

    @Test func versionsOfAStoryShareItsURIAndCountUpEvenAfterAResume() throws {
        let daemon = try DaemonHarness()
        let archive = try Self.wireArchive(in: daemon)
        let cursor = daemon.folder.appendingPathComponent("export.cursor").path
        // The first file of a chain, exported; then the rest, exported from the cursor.
        #expect(try daemon.runToEnd(["ingest", archive.appendingPathComponent("r87-a-0311.txt").path]).status == 0)
        let first = try Self.objects(daemon.runToEnd(["export", "--cursor", cursor]).stdout)
        #expect(try daemon.runToEnd(["ingest", "-r", "--no-progress", archive.path]).status == 0)
        let resumed = try Self.objects(daemon.runToEnd(["export", "--cursor", cursor]).stdout)
        let full = try daemon.runToEnd(["export", "--all"])
        #expect(full.status == 0, "\(full.stderr)")
        let validation = try Self.validate(full.stdout, in: daemon)
        #expect(validation.ok, "\(validation.output)")

        let stories = daemon.storeLines().filter { $0["kind"] as? String == "story" }
        let items = try Self.objects(full.stdout).filter { ($0["uri"] as? String)?.hasPrefix("urn:bulletind:story:") == true }
        #expect(items.count == stories.count)
        var seen: [String: Int] = [:]
        var laterVersions = 0
        for (item, story) in zip(items, stories) {
            let root = story["version_of"] as? String ?? story["id"] as? String ?? "?"
            seen[root, default: 0] += 1
            if story["version_of"] != nil { laterVersions += 1 }
            #expect(item["uri"] as? String == "urn:bulletind:story:" + root)
            #expect(item["version"] as? String == seen[root].map(String.init))
            #expect(item["pubstatus"] as? String == (story["pubstatus"] as? String ?? "usable"))
            #expect(item["slugline"] as? String == story["slug"] as? String)
            #expect(item["urgency"] as? Int == story["urgency"] as? Int)
            #expect(item["ednote"] as? String == story["ednote"] as? String)
            #expect(item["versioncreated"] as? String == (story["filed_at"] as? String ?? story["received_at"] as? String))
        }
        #expect(laterVersions >= 8, "the fixtures hold version chains")
        // A kill and a cancellation: the story's uri, a later version, canceled.
        let canceled = items.filter { $0["pubstatus"] as? String == "canceled" }
        let markers = Set(canceled.compactMap { ($0["descriptions"] as? [[String: String]])?.first?["value"] })
        #expect(markers.isSuperset(of: ["Cancellation", "Kill"]), "\(markers)")
        for item in canceled {
            #expect(Int(item["version"] as? String ?? "") ?? 0 >= 2)
            let uri = item["uri"] as? String
            #expect(items.contains { $0["uri"] as? String == uri && $0["version"] as? String == "1" && $0["pubstatus"] as? String == "usable" })
        }
        #expect(stories.contains { $0["urgency"] != nil } && stories.contains { $0["slug"] != nil } && stories.contains { $0["ednote"] != nil })
        // Exported in two runs, the versions are numbered as in one.
        let byStory = { (items: [[String: Any]]) -> [String: String] in
            var versions: [String: String] = [:]
            for item in items {
                let own = (item["altids"] as? [[String: String]])?.first { $0["role"] == "story" }?["value"] ?? item["uri"] as? String ?? "?"
                versions[own] = item["version"] as? String
            }
            return versions
        }
        let whole = byStory(items)
        let inTwo = byStory(first).merging(byStory(resumed)) { old, _ in old }
        #expect(first.count + resumed.count == items.count)
        #expect(inTwo == whole)
        #expect(byStory(resumed).values.contains { Int($0) ?? 0 > 2 }, "a chain continued across the resume")
    }
}
