import Foundation
import Testing

/// `bulletind stats` on a fixed store: the table and the JSON, to the character.
@Suite struct StatsCommandTests {
    static let sha = String(repeating: "a", count: 64), otherSha = String(repeating: "b", count: 64)

    static func story(_ id: String, _ file: String, _ sha: String, _ index: Int, _ at: String, sources: [String]) -> String {
        let list = sources.map { "\"\($0)\"" }.joined(separator: ",")
        return """
            {"schema":"bulletind/1","kind":"story","id":"\(id)","received_at":"\(at)","bulletin":{"file":"\(file)","sha256":"\(sha)","index":\(index)},\
            "headline":"H\(index)","body_text":"B","byline":null,"dateline":null,"sources":[\(list)],"language":"en","word_count":1}
            """
    }

    static func duplicate(_ id: String, of original: String, _ index: Int, match: String) -> String {
        """
        {"schema":"bulletind/1","kind":"duplicate","id":"\(id)","received_at":"2026-11-29T08:00:00.000Z","bulletin":{"file":"b.txt","sha256":"\(otherSha)","index":\(index)},\
        "headline":"H","duplicate_of":"\(original)","match":"\(match)","similarity":\(match == "exact" ? "1" : "0.9")\(match == "near" ? ",\"body_text\":\"B\"" : "")}
        """
    }

    static func fixture(_ harness: DaemonHarness) throws {
        let one = String(repeating: "1", count: 32), two = String(repeating: "2", count: 32), three = String(repeating: "3", count: 32)
        let lines = [
            story(one, "a.txt", sha, 0, "2026-11-28T10:00:00.000Z", sources: ["Interfax"]),
            story(two, "a.txt", sha, 1, "2026-11-28T10:00:00.000Z", sources: ["Interfax", "TASS"]),
            story(three, "b.txt", otherSha, 0, "2026-11-29T08:00:00.000Z", sources: ["Interfax"]),
            duplicate("d" + String(repeating: "4", count: 32), of: one, 1, match: "exact"),
            duplicate("d" + String(repeating: "5", count: 32), of: two, 2, match: "near"),
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: harness.store)
        let failed = harness.folder.appendingPathComponent(".bulletind/failed")
        try FileManager.default.createDirectory(at: failed, withIntermediateDirectories: true)
        try Data("binary: the text contains NUL characters\n".utf8).write(to: failed.appendingPathComponent("x.txt.reason"))
        try Data("20000000 bytes, over the limit of 16777216\n".utf8).write(to: failed.appendingPathComponent("y.txt.reason"))
    }

    @Test func theTableIsAligned() throws {
        let harness = try DaemonHarness()
        try Self.fixture(harness)
        #expect(try harness.runToEnd(["verify"]).status == 0)
        let result = try harness.runToEnd(["stats"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            store           stories.jsonl
            lines           5
            bulletins       2
            stories         3
            duplicates      2 (exact 1, near 1)
            duplicate rate  40.0%
            rejected files  2 (binary 1, too large 1)

            top sources
              Interfax  3
              TASS      1

            stories per day
              2026-11-28  2
              2026-11-29  1

            """)
    }

    @Test func theJSONHasTheSameFigures() throws {
        let harness = try DaemonHarness()
        try Self.fixture(harness)
        let result = try harness.runToEnd(["stats", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["lines"] as? Int == 5)
        #expect(object["duplicate_rate"] as? Double == 0.4)
        #expect(object["duplicates_by_match"] as? [String: Int] == ["exact": 1, "near": 1])
        #expect(object["rejected_by_reason"] as? [String: Int] == ["binary": 1, "too large": 1])
        #expect((object["top_sources"] as? [[String: Any]])?.first?["name"] as? String == "Interfax")
        #expect((object["stories_per_day"] as? [[String: Any]])?.count == 2)
    }

    /// A `.reason` file names its kind on a line of its own: counted by it, whatever the sentence
    /// says; a file written before that line existed is counted as it always was.
    @Test func reasonFilesAreCountedByTheirKindLine() throws {
        let harness = try DaemonHarness()
        try Self.fixture(harness)
        let failed = harness.folder.appendingPathComponent(".bulletind/failed")
        let slow = "not read and parsed within the time limit of 5 s (inbox.file_time_limit_s); the daemon moved on"
        try Data("\(slow)\nkind: time-limit\n".utf8).write(to: failed.appendingPathComponent("new.txt.reason"))
        try Data("a symbolic link, never followed\nkind: not-regular\n".utf8).write(to: failed.appendingPathComponent("link.txt.reason"))
        try Data("\(slow)\n".utf8).write(to: failed.appendingPathComponent("old.txt.reason"))
        let result = try harness.runToEnd(["stats", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["rejected"] as? Int == 5)
        #expect(object["rejected_by_reason"] as? [String: Int] == [
            "binary": 1, "too large": 1, "time-limit": 1, "not-regular": 1, slow: 1,
        ])
    }

    @Test func aMissingStoreSaysWhatToDo() throws {
        let harness = try DaemonHarness()
        let result = try harness.runToEnd(["stats", "--store", "nothing.jsonl"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("bulletind: cannot read the store 'nothing.jsonl': "))
        #expect(result.stderr.hasSuffix("; name the store with --store FILE, or the configuration with --config FILE\n"))
    }
}

/// `--help` for every command: what it does and examples.
@Suite struct HelpTests {
    @Test(arguments: ["run", "ingest", "verify", "stats", "check-config"])
    func everyCommandHasHelpWithExamples(command: String) throws {
        let harness = try DaemonHarness()
        let result = try harness.runToEnd([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: bulletind \(command)"))
        #expect(result.stdout.contains("Examples:\n  bulletind \(command)") || result.stdout.contains("Examples:\n  BULLETIND_"))
    }

    @Test func completionScriptsComeFromTheCommandDefinitions() throws {
        let harness = try DaemonHarness()
        for shell in ["bash", "zsh", "fish"] {
            let result = try harness.runToEnd(["--generate-completion-script", shell])
            #expect(result.status == 0)
            #expect(result.stdout.contains("check-config"))
            #expect(result.stdout.contains("store-fsync"))
        }
    }
}
