import BulletinDaemon
import Foundation
import Testing

/// `bulletind check-config`: the effective configuration, each value with its origin.
@Suite struct CheckConfigCommandTests {
    /// The table's rows by key: (value, origin).
    static func rows(_ output: String) -> [String: (value: String, from: String)] {
        var rows: [String: (String, String)] = [:]
        for line in output.split(separator: "\n").dropFirst(2) {  // the file line and the header
            let columns = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard columns.count >= 3 else { continue }
            rows[columns[0]] = (columns[1], columns[2...].joined(separator: " "))
        }
        return rows
    }

    @Test func withNothingGivenEverySettingIsItsDefault() throws {
        let harness = try DaemonHarness()
        let result = try harness.runToEnd(["check-config"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "configuration file: none (built-in defaults; give one with --config FILE)")
        #expect(lines[2].hasPrefix("KEY ") && lines[2].hasSuffix("FROM"))
        #expect(lines.contains("store.path                   stories.jsonl         default"))
        #expect(lines.contains("inbox.processed              .bulletind/processed  default"))
        let rows = Self.rows(result.stdout)
        #expect(Set(rows.keys) == Set(ConfigurationSetting.all.map(\.key)))
        for setting in ConfigurationSetting.all { #expect(rows[setting.key]?.from == "default") }
    }

    @Test func eachValueNamesWhereItCameFrom() throws {
        let harness = try DaemonHarness()
        let config = harness.folder.appendingPathComponent("bulletind.yaml")
        try Data("# a comment\nstore:\n  path: /file/stories.jsonl\n  fsync: never\nlog:\n  level: debug\n".utf8).write(to: config)
        let result = try harness.runToEnd(
            ["check-config", "--config", config.path, "--log-level", "error"], environment: ["BULLETIND_STORE_FSYNC": "batch"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("configuration file: \(config.path)\n"))
        let rows = Self.rows(result.stdout)
        #expect(rows["store.path"]?.value == "/file/stories.jsonl")
        #expect(rows["store.path"]?.from == "\(config.path):3")
        #expect(rows["store.fsync"]?.value == "batch")
        #expect(rows["store.fsync"]?.from == "environment BULLETIND_STORE_FSYNC")
        #expect(rows["log.level"]?.value == "error")
        #expect(rows["log.level"]?.from == "flag --log-level")
        #expect(rows["state.dir"]?.from == "default")

        let json = try harness.runToEnd(["check-config", "--config", config.path, "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        #expect(entries.first { $0["key"] == "store.path" } == ["key": "store.path", "value": "/file/stories.jsonl", "from": "\(config.path):3"])
    }

    @Test func everySettingHasAFlagThatTheCommandsAccept() throws {
        let harness = try DaemonHarness()
        let help = try harness.runToEnd(["check-config", "--help"]).stdout
        var arguments = ["check-config"]
        for setting in ConfigurationSetting.all {
            #expect(help.contains("--\(setting.flag) <"), "no --\(setting.flag) in check-config --help")
            #expect(help.contains("$\(setting.environmentVariable)"))
            arguments += ["--\(setting.flag)", setting.defaultValue]
        }
        let result = try harness.runToEnd(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        for setting in ConfigurationSetting.all {
            #expect(Self.rows(result.stdout)[setting.key]?.from == "flag --\(setting.flag)")
        }
    }

    @Test func aBadSettingExits64NamingTheKeyTheFileAndTheLine() throws {
        let harness = try DaemonHarness()
        let config = harness.folder.appendingPathComponent("bad.yaml")
        try Data("store:\n  path: /x\n  fsync: alway\n".utf8).write(to: config)
        let result = try harness.runToEnd(["check-config", "--config", config.path])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "bulletind: \(config.path):3: store.fsync: expected one of \"bulletin\", \"batch\", \"never\", got \"alway\"\n")
        let flag = try harness.runToEnd(["ingest", "--store-fsync", "alway", "x"])
        #expect(flag.status == 64)
        #expect(flag.stderr == "bulletind: flag --store-fsync: store.fsync: expected one of \"bulletin\", \"batch\", \"never\", got \"alway\"\n")
    }
}
