import BulletinDaemon
import Foundation
import SystemPackage
import Testing

/// Flags beat the environment, which beats the file, which beats the defaults — for every key.
@Suite struct ConfigurationPrecedenceTests {
    /// Three different valid values for each key: as written in the file, the environment, a flag.
    static let values: [String: (file: String, environment: String, flag: String)] = [
        "inbox.path": ("/file/inbox", "/env/inbox", "/flag/inbox"),
        "inbox.processed": ("/file/done", "/env/done", "/flag/done"),
        "inbox.failed": ("/file/failed", "/env/failed", "/flag/failed"),
        "inbox.after_ingest": ("delete", "keep", "move"),
        "inbox.identical_files": ("record", "skip", "record"),
        "inbox.patterns": ("*.txt", "*.bul", "*.md,*.txt"),
        "inbox.encoding": ("windows-1251", "koi8-r", "gb18030"),
        "inbox.max_file_size": ("1000", "2000", "3000"),
        "inbox.settle_ms": ("10", "20", "30"),
        "inbox.rescan_interval_s": ("5", "6", "7"),
        "inbox.file_time_limit_s": ("10", "20", "40"),
        "store.path": ("/file/s.jsonl", "/env/s.jsonl", "/flag/s.jsonl"),
        "store.fsync": ("never", "batch", "bulletin"),
        "store.rotate_size": ("1000000", "2000000", "3000000"),
        "store.batch_interval_ms": ("100", "200", "300"),
        "state.dir": ("/file/state", "/env/state", "/flag/state"),
        "dedup.resemblance_threshold": ("0.5", "0.6", "0.7"),
        "dedup.containment_threshold": ("0.75", "0.8", "0.85"),
        "dedup.number_guard": ("1", "2", "3"),
        "dedup.name_guard": ("4", "5", "6"),
        "dedup.window_days": ("10", "20", "30"),
        "log.level": ("debug", "notice", "error"),
        "metrics.textfile": ("/file/b.prom", "/env/b.prom", "/flag/b.prom"),
        "metrics.interval_s": ("5", "30", "60"),
    ]

    @Test func everySettingHasValuesInThisTable() {
        #expect(Set(ConfigurationSetting.all.map(\.key)) == Set(Self.values.keys))
    }

    @Test(arguments: ConfigurationSetting.all)
    func eachLayerBeatsTheOneBelow(setting: ConfigurationSetting) throws {
        let values = try #require(Self.values[setting.key])
        let parts = setting.key.split(separator: ".")
        let file = try ConfigurationTests.file("\(parts[0]):\n  \(parts[1]): \"\(values.file)\"\n")
        defer { try? FileManager.default.removeItem(atPath: file.string) }
        let environment = [setting.environmentVariable: values.environment]
        let flags = [setting.key: values.flag]

        func effective(_ file: FilePath?, _ environment: [String: String], _ flags: [String: String]) throws -> EffectiveConfiguration.Entry {
            let loaded = try ConfigurationLoader(file: file, environment: environment, flags: flags).loadWithOrigins()
            return try #require(loaded.entries.first { $0.key == setting.key })
        }
        let defaults = try effective(nil, [:], [:])
        #expect(defaults.origin == .builtIn)
        #expect(defaults.value == setting.defaultValue)
        #expect(try effective(file, [:], [:]) == .init(key: setting.key, value: values.file, origin: .file(file.string, line: 2)))
        #expect(try effective(file, environment, [:]) == .init(key: setting.key, value: values.environment, origin: .environment(setting.environmentVariable)))
        #expect(try effective(file, environment, flags) == .init(key: setting.key, value: values.flag, origin: .flag("--\(setting.flag)")))
        #expect(try effective(nil, [:], flags).origin == .flag("--\(setting.flag)"))
    }

    @Test func theContractsPathFlagsKeepTheirNames() {
        #expect(ConfigurationSetting.named("inbox.path")?.flag == "inbox")
        #expect(ConfigurationSetting.named("store.path")?.flag == "store")
        #expect(ConfigurationSetting.named("state.dir")?.flag == "state-dir")
        #expect(ConfigurationSetting.named("store.fsync")?.flag == "store-fsync")
        #expect(ConfigurationSetting.named("store.fsync")?.environmentVariable == "BULLETIND_STORE_FSYNC")
    }

    @Test func theShippedFileSetsEveryKeyItShowsWithItsLine() throws {
        let shipped = FilePath(#filePath).removingLastComponent().removingLastComponent().removingLastComponent().appending("config/bulletind.yaml")
        let loaded = try ConfigurationLoader(file: shipped, environment: [:], flags: [:]).loadWithOrigins()
        let store = try #require(loaded.entries.first { $0.key == "store.path" })
        guard case .file(let path, let line) = store.origin else { Issue.record("store.path not from the file"); return }
        #expect(path == shipped.string)
        let text = try String(contentsOfFile: shipped.string, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(text[line - 1].contains("path: /var/lib/bulletind/stories.jsonl"))
    }
}

extension ConfigurationSetting: CustomTestStringConvertible {
    public var testDescription: String { key }
}

@Suite struct ShippedConfigurationTests {
    @Test func theShippedFileMentionsEveryKeyWithItsDefaultWhenCommentedOut() throws {
        let shipped = FilePath(#filePath).removingLastComponent().removingLastComponent().removingLastComponent().appending("config/bulletind.yaml")
        let text = try String(contentsOfFile: shipped.string, encoding: .utf8)
        for setting in ConfigurationSetting.all {
            let name = setting.key.split(separator: ".")[1]
            let commented = "  # \(name): \(setting.defaultValue)\n"
            #expect(text.contains("  \(name): ") || text.contains("  # \(name): "), "config/bulletind.yaml does not mention \(setting.key)")
            if text.contains("  # \(name): ") { #expect(text.contains(commented), "expected \(commented)") }
        }
    }
}
