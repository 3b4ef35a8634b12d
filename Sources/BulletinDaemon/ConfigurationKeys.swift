import SystemPackage

/// The table of settings: each key's section, name, and how its text becomes a value.
/// The file, the environment (`BULLETIND_<SECTION>_<KEY>`) and the flags all go through it.
struct ConfigurationKey: Sendable {
    let section: String
    let name: String
    let apply: @Sendable (inout Configuration, String) throws(ConfigurationError) -> Void

    var dotted: String { "\(section).\(name)" }
    var environmentVariable: String { "BULLETIND_\(section.uppercased())_\(name.uppercased())" }

    static let all: [ConfigurationKey] = [
        ConfigurationKey(section: "inbox", name: "path") { config, text throws(ConfigurationError) in
            config.inbox = try path(text)
        },
        ConfigurationKey(section: "inbox", name: "processed") { config, text throws(ConfigurationError) in
            config.processedFolder = try path(text)
        },
        ConfigurationKey(section: "inbox", name: "failed") { config, text throws(ConfigurationError) in
            config.failedFolder = try path(text)
        },
        ConfigurationKey(section: "inbox", name: "after_ingest") { config, text throws(ConfigurationError) in
            config.afterIngest = try choice(text)
        },
        ConfigurationKey(section: "inbox", name: "identical_files") { config, text throws(ConfigurationError) in
            config.identicalFiles = try choice(text)
        },
        ConfigurationKey(section: "inbox", name: "patterns") { config, text throws(ConfigurationError) in
            let patterns = text.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }
            guard !patterns.isEmpty else { throw ConfigurationError("expected one or more name patterns, e.g. \"*.txt\"") }
            config.patterns = patterns
        },
        ConfigurationKey(section: "inbox", name: "max_file_size") { config, text throws(ConfigurationError) in
            guard let bytes = Int64(text), bytes > 0 else { throw ConfigurationError("expected a positive number of bytes, got \"\(text)\"") }
            config.maxFileSize = bytes
        },
        ConfigurationKey(section: "inbox", name: "settle_ms") { config, text throws(ConfigurationError) in
            guard let milliseconds = Int(text), (0...600_000).contains(milliseconds) else {
                throw ConfigurationError("expected milliseconds from 0 to 600000, got \"\(text)\"")
            }
            config.settle = .milliseconds(milliseconds)
        },
        ConfigurationKey(section: "inbox", name: "rescan_interval_s") { config, text throws(ConfigurationError) in
            guard let seconds = Int(text), (1...86_400).contains(seconds) else {
                throw ConfigurationError("expected seconds from 1 to 86400, got \"\(text)\"")
            }
            config.rescanInterval = .seconds(seconds)
        },
        ConfigurationKey(section: "store", name: "path") { config, text throws(ConfigurationError) in
            config.store = try path(text)
        },
        ConfigurationKey(section: "store", name: "fsync") { config, text throws(ConfigurationError) in
            config.fsync = try choice(text)
        },
        ConfigurationKey(section: "store", name: "rotate_size") { config, text throws(ConfigurationError) in
            guard let bytes = Int64(text), bytes >= 0 else { throw ConfigurationError("expected a size in bytes (0: never rotate), got \"\(text)\"") }
            config.rotateSize = bytes == 0 ? nil : bytes
        },
        ConfigurationKey(section: "store", name: "batch_interval_ms") { config, text throws(ConfigurationError) in
            guard let milliseconds = Int(text), (1...60_000).contains(milliseconds) else {
                throw ConfigurationError("expected milliseconds from 1 to 60000, got \"\(text)\"")
            }
            config.batchInterval = .milliseconds(milliseconds)
        },
        ConfigurationKey(section: "state", name: "dir") { config, text throws(ConfigurationError) in
            config.stateDirectory = try path(text)
        },
        ConfigurationKey(section: "dedup", name: "resemblance_threshold") { config, text throws(ConfigurationError) in
            config.dedup.resemblanceThreshold = try fraction(text)
        },
        ConfigurationKey(section: "dedup", name: "containment_threshold") { config, text throws(ConfigurationError) in
            config.dedup.containmentThreshold = try fraction(text)
        },
        ConfigurationKey(section: "dedup", name: "number_guard") { config, text throws(ConfigurationError) in
            config.dedup.numberGuardMinimum = try count(text)
        },
        ConfigurationKey(section: "dedup", name: "name_guard") { config, text throws(ConfigurationError) in
            config.dedup.nameGuardMinimum = try count(text)
        },
        ConfigurationKey(section: "dedup", name: "window_days") { config, text throws(ConfigurationError) in
            guard let days = Double(text), days >= 0 else { throw ConfigurationError("expected a number of days (0: keep every story), got \"\(text)\"") }
            config.dedup.retentionWindow = days == 0 ? nil : days * 86_400
        },
        ConfigurationKey(section: "log", name: "level") { config, text throws(ConfigurationError) in
            config.logLevel = try choice(text)
        },
    ]

    static func named(_ dotted: String) -> ConfigurationKey? { all.first { $0.dotted == dotted } }

    private static func fraction(_ text: String) throws(ConfigurationError) -> Double {
        guard let value = Double(text), (0...1).contains(value) else { throw ConfigurationError("expected a number from 0 to 1, got \"\(text)\"") }
        return value
    }

    private static func count(_ text: String) throws(ConfigurationError) -> Int {
        guard let value = Int(text), value >= 0 else { throw ConfigurationError("expected a whole number of 0 or more (0 turns the guard off), got \"\(text)\"") }
        return value
    }

    private static func path(_ text: String) throws(ConfigurationError) -> FilePath {
        guard !text.isEmpty else { throw ConfigurationError("expected a path, got an empty value") }
        return FilePath(text)
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ text: String) throws(ConfigurationError) -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            let options = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw ConfigurationError("expected one of \(options), got \"\(text)\"")
        }
        return value
    }
}
