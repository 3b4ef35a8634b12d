import SystemPackage

/// The table of settings: each key's section, name, help, and how its text becomes a value and
/// back. The file, the environment (`BULLETIND_<SECTION>_<KEY>`), the flags, `check-config`,
/// `--help` and the README's table all come from this one list.
struct ConfigurationKey: Sendable {
    let section: String
    let name: String
    /// One line for `--help` and `check-config`.
    let help: String
    /// What the flag's value is, in `--help` (`<bytes>`).
    let valueName: String
    /// The value as a person would write it in the file.
    let render: @Sendable (Configuration) -> String
    let apply: @Sendable (inout Configuration, String) throws(ConfigurationError) -> Void
    /// Whether the file may give a YAML list (joined with commas).
    var acceptsList = false

    var dotted: String { "\(section).\(name)" }
    var environmentVariable: String { "BULLETIND_\(section.uppercased())_\(name.uppercased())" }

    /// `--store-fsync`; the contract's three path flags keep their short names.
    var flag: String {
        switch dotted {
        case "inbox.path": "inbox"
        case "store.path": "store"
        case "state.dir": "state-dir"
        default: "\(section)-\(name)".replacingUnderscoresWithDashes
        }
    }

    static let all: [ConfigurationKey] = inboxKeys + storeKeys + stateKeys + dedupKeys + logKeys + metricsKeys

    static func named(_ dotted: String) -> ConfigurationKey? { all.first { $0.dotted == dotted } }

    static var sections: [String] {
        all.map(\.section).reduce(into: []) { sections, section in if !sections.contains(section) { sections.append(section) } }
    }
}

extension ConfigurationKey {
    static let inboxKeys: [ConfigurationKey] = [
        ConfigurationKey(
            section: "inbox", name: "path", help: "The folder producers drop bulletins into.", valueName: "dir",
            render: { $0.inbox.string }
        ) { config, text throws(ConfigurationError) in config.inbox = try ValueParsing.path(text) },
        ConfigurationKey(
            section: "inbox", name: "processed", help: "Where ingested bulletins are moved (under the state folder unless set).",
            valueName: "dir", render: { $0.resolvedProcessedFolder.string }
        ) { config, text throws(ConfigurationError) in config.processedFolder = try ValueParsing.path(text) },
        ConfigurationKey(
            section: "inbox", name: "failed", help: "Where rejected files go, each with NAME.reason (under the state folder unless set).",
            valueName: "dir", render: { $0.resolvedFailedFolder.string }
        ) { config, text throws(ConfigurationError) in config.failedFolder = try ValueParsing.path(text) },
        ConfigurationKey(
            section: "inbox", name: "after_ingest", help: "What happens to an ingested bulletin: move, delete or keep.",
            valueName: "move|delete|keep", render: { $0.afterIngest.rawValue }
        ) { config, text throws(ConfigurationError) in config.afterIngest = try ValueParsing.choice(text) },
        ConfigurationKey(
            section: "inbox", name: "identical_files",
            help: "A file with the same bytes as one ingested before: skip it, or record its stories again as duplicates.",
            valueName: "skip|record", render: { $0.identicalFiles.rawValue }
        ) { config, text throws(ConfigurationError) in config.identicalFiles = try ValueParsing.choice(text) },
        ConfigurationKey(
            section: "inbox", name: "patterns", help: "Names that are bulletins, comma-separated (* and ? wildcards).",
            valueName: "patterns", render: { $0.patterns.joined(separator: ",") },
            apply: { config, text throws(ConfigurationError) in config.patterns = try ValueParsing.patterns(text) },
            acceptsList: true),
        ConfigurationKey(
            section: "inbox", name: "encoding",
            help: "The code page of bulletins that are not Unicode: auto (detected per file) or one, e.g. windows-1251.",
            valueName: "auto|encoding", render: { $0.encoding?.rawValue ?? "auto" }
        ) { config, text throws(ConfigurationError) in config.encoding = try ValueParsing.encoding(text) },
        ConfigurationKey(
            section: "inbox", name: "max_file_size", help: "Larger files are rejected unread (bytes).", valueName: "bytes",
            render: { String($0.maxFileSize) }
        ) { config, text throws(ConfigurationError) in config.maxFileSize = try ValueParsing.positiveBytes(text) },
        ConfigurationKey(
            section: "inbox", name: "settle_ms", help: "A file written in place is taken once left alone this long (0: at once).",
            valueName: "ms", render: { String($0.settle.wholeMilliseconds) }
        ) { config, text throws(ConfigurationError) in
            config.settle = .milliseconds(try ValueParsing.whole(text, in: 0...600_000, unit: "milliseconds"))
        },
        ConfigurationKey(
            section: "inbox", name: "rescan_interval_s", help: "The inbox is scanned this often even without an inotify event.",
            valueName: "seconds", render: { String($0.rescanInterval.wholeMilliseconds / 1000) }
        ) { config, text throws(ConfigurationError) in
            config.rescanInterval = .seconds(try ValueParsing.whole(text, in: 1...86_400, unit: "seconds"))
        },
        ConfigurationKey(
            section: "inbox", name: "file_time_limit_s",
            help: "A bulletin not read, decoded and parsed in this many seconds is rejected, and the inbox moves on.",
            valueName: "seconds", render: { String($0.fileTimeLimit.wholeMilliseconds / 1000) }
        ) { config, text throws(ConfigurationError) in
            config.fileTimeLimit = .seconds(try ValueParsing.whole(text, in: 1...3600, unit: "seconds"))
        },
    ]

    static let storeKeys: [ConfigurationKey] = [
        ConfigurationKey(
            section: "store", name: "path", help: "The JSON Lines store.", valueName: "file", render: { $0.store.string }
        ) { config, text throws(ConfigurationError) in config.store = try ValueParsing.path(text) },
        ConfigurationKey(
            section: "store", name: "fsync",
            help: "When appends are made durable: after every bulletin, in batches, or never.",
            valueName: "bulletin|batch|never", render: { $0.fsync.rawValue }
        ) { config, text throws(ConfigurationError) in config.fsync = try ValueParsing.choice(text) },
        ConfigurationKey(
            section: "store", name: "rotate_size", help: "Rotate the store once it reaches this size (bytes; 0: never).",
            valueName: "bytes", render: { String($0.rotateSize ?? 0) }
        ) { config, text throws(ConfigurationError) in
            let bytes = try ValueParsing.bytesOrZero(text, zeroMeans: "never rotate")
            config.rotateSize = bytes == 0 ? nil : bytes
        },
        ConfigurationKey(
            section: "store", name: "batch_interval_ms", help: "With fsync: batch, the longest a bulletin waits for its fsync.",
            valueName: "ms", render: { String($0.batchInterval.wholeMilliseconds) }
        ) { config, text throws(ConfigurationError) in
            config.batchInterval = .milliseconds(try ValueParsing.whole(text, in: 1...60_000, unit: "milliseconds"))
        },
    ]

    static let stateKeys: [ConfigurationKey] = [
        ConfigurationKey(
            section: "state", name: "dir", help: "The daemon's state folder: lock, ledger and indexes.", valueName: "dir",
            render: { $0.stateDirectory.string }
        ) { config, text throws(ConfigurationError) in config.stateDirectory = try ValueParsing.path(text) }
    ]

    static let dedupKeys: [ConfigurationKey] = [
        ConfigurationKey(
            section: "dedup", name: "resemblance_threshold", help: "Near-duplicate when this much of the text is shared (0 to 1).",
            valueName: "fraction", render: { String($0.dedup.resemblanceThreshold) }
        ) { config, text throws(ConfigurationError) in config.dedup.resemblanceThreshold = try ValueParsing.fraction(text) },
        ConfigurationKey(
            section: "dedup", name: "containment_threshold", help: "Near-duplicate when one text holds this much of the other (0 to 1).",
            valueName: "fraction", render: { String($0.dedup.containmentThreshold) }
        ) { config, text throws(ConfigurationError) in config.dedup.containmentThreshold = try ValueParsing.fraction(text) },
        ConfigurationKey(
            section: "dedup", name: "number_guard", help: "Differing figures that make two texts different stories (0: off).",
            valueName: "count", render: { String($0.dedup.numberGuardMinimum) }
        ) { config, text throws(ConfigurationError) in config.dedup.numberGuardMinimum = try ValueParsing.guardCount(text) },
        ConfigurationKey(
            section: "dedup", name: "name_guard", help: "Differing names that make two texts different stories (0: off).",
            valueName: "count", render: { String($0.dedup.nameGuardMinimum) }
        ) { config, text throws(ConfigurationError) in config.dedup.nameGuardMinimum = try ValueParsing.guardCount(text) },
        ConfigurationKey(
            section: "dedup", name: "window_days", help: "Stories older than this are forgotten by dedup (days; 0: never).",
            valueName: "days", render: { $0.dedup.retentionWindow.map { ValueParsing.days($0) } ?? "0" }
        ) { config, text throws(ConfigurationError) in
            let days = try ValueParsing.days(text)
            config.dedup.retentionWindow = days == 0 ? nil : days * 86_400
        },
    ]

    static let logKeys: [ConfigurationKey] = [
        ConfigurationKey(
            section: "log", name: "level", help: "The least severe journal entries kept.",
            valueName: "debug|info|notice|warning|error", render: { $0.logLevel.rawValue }
        ) { config, text throws(ConfigurationError) in config.logLevel = try ValueParsing.choice(text) }
    ]
}

extension ConfigurationKey {
    static let metricsKeys: [ConfigurationKey] = [
        ConfigurationKey(
            section: "metrics", name: "textfile",
            help: "Write Prometheus metrics to this *.prom file for node_exporter's textfile collector (off: none).",
            valueName: "file", render: { $0.metricsTextfile?.string ?? "off" }
        ) { config, text throws(ConfigurationError) in config.metricsTextfile = try ValueParsing.metricsTextfile(text) },
        ConfigurationKey(
            section: "metrics", name: "interval_s", help: "How often the metrics file is rewritten (and once more at stop).",
            valueName: "seconds", render: { String($0.metricsInterval.wholeMilliseconds / 1000) }
        ) { config, text throws(ConfigurationError) in
            config.metricsInterval = .seconds(try ValueParsing.whole(text, in: 1...3600, unit: "seconds"))
        },
    ]
}

extension String {
    fileprivate var replacingUnderscoresWithDashes: String { String(map { $0 == "_" ? "-" : $0 }) }
}

extension Duration {
    fileprivate var wholeMilliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
