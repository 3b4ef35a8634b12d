import ArgumentParser
import BulletinDaemon

/// `--help` for a setting, from the same table the file and the environment use.
private func setting(_ key: String) -> ArgumentHelp {
    guard let setting = ConfigurationSetting.named(key) else { return ArgumentHelp("(unknown setting \(key))") }
    return ArgumentHelp(
        "\(setting.help) (\(key), $\(setting.environmentVariable); default \(setting.defaultValue))",
        valueName: setting.valueName)
}

/// Flag values by dotted key, for the ones given.
private func given(_ pairs: KeyValuePairs<String, String?>) -> [String: String] {
    var flags: [String: String] = [:]
    for (key, value) in pairs { if let value { flags[key] = value } }
    return flags
}

/// The settings only the daemon's inbox uses (`run`, `check-config`).
struct InboxSettings: ParsableArguments {
    @Option(name: .customLong("inbox"), help: setting("inbox.path")) var path: String?
    @Option(name: .customLong("inbox-processed"), help: setting("inbox.processed")) var processed: String?
    @Option(name: .customLong("inbox-failed"), help: setting("inbox.failed")) var failed: String?
    @Option(name: .customLong("inbox-after-ingest"), help: setting("inbox.after_ingest")) var afterIngest: String?
    @Option(name: .customLong("inbox-patterns"), help: setting("inbox.patterns")) var patterns: String?
    @Option(name: .customLong("inbox-settle-ms"), help: setting("inbox.settle_ms")) var settle: String?
    @Option(name: .customLong("inbox-rescan-interval-s"), help: setting("inbox.rescan_interval_s")) var rescanInterval: String?
    @Option(name: .customLong("inbox-file-time-limit-s"), help: setting("inbox.file_time_limit_s")) var fileTimeLimit: String?

    var flags: [String: String] {
        given([
            "inbox.path": path, "inbox.processed": processed, "inbox.failed": failed, "inbox.after_ingest": afterIngest,
            "inbox.patterns": patterns, "inbox.settle_ms": settle, "inbox.rescan_interval_s": rescanInterval,
            "inbox.file_time_limit_s": fileTimeLimit,
        ])
    }
}

/// The settings of the pipeline, the store and the log (`run`, `ingest`, `check-config`).
struct PipelineSettings: ParsableArguments {
    @Option(name: .customLong("store"), help: setting("store.path")) var store: String?
    @Option(name: .customLong("state-dir"), help: setting("state.dir")) var stateDir: String?
    @Option(name: .customLong("store-fsync"), help: setting("store.fsync")) var fsync: String?
    @Option(name: .customLong("store-rotate-size"), help: setting("store.rotate_size")) var rotateSize: String?
    @Option(name: .customLong("store-batch-interval-ms"), help: setting("store.batch_interval_ms")) var batchInterval: String?
    @Option(name: .customLong("inbox-identical-files"), help: setting("inbox.identical_files")) var identicalFiles: String?
    @Option(name: .customLong("inbox-encoding"), help: setting("inbox.encoding")) var encoding: String?
    @Option(name: .customLong("inbox-max-file-size"), help: setting("inbox.max_file_size")) var maxFileSize: String?
    @Option(name: .customLong("dedup-resemblance-threshold"), help: setting("dedup.resemblance_threshold")) var resemblance: String?
    @Option(name: .customLong("dedup-containment-threshold"), help: setting("dedup.containment_threshold")) var containment: String?
    @Option(name: .customLong("dedup-number-guard"), help: setting("dedup.number_guard")) var numberGuard: String?
    @Option(name: .customLong("dedup-name-guard"), help: setting("dedup.name_guard")) var nameGuard: String?
    @Option(name: .customLong("dedup-window-days"), help: setting("dedup.window_days")) var windowDays: String?
    @Option(name: .customLong("log-level"), help: setting("log.level")) var logLevel: String?

    var flags: [String: String] {
        given([
            "store.path": store, "state.dir": stateDir, "store.fsync": fsync, "store.rotate_size": rotateSize,
            "store.batch_interval_ms": batchInterval, "inbox.identical_files": identicalFiles,
            "inbox.encoding": encoding, "inbox.max_file_size": maxFileSize, "dedup.resemblance_threshold": resemblance,
            "dedup.containment_threshold": containment, "dedup.number_guard": numberGuard, "dedup.name_guard": nameGuard,
            "dedup.window_days": windowDays, "log.level": logLevel,
        ])
    }
}

/// The daemon's metrics file (`run`, `check-config`).
struct MetricsSettings: ParsableArguments {
    @Option(name: .customLong("metrics-textfile"), help: setting("metrics.textfile")) var textfile: String?
    @Option(name: .customLong("metrics-interval-s"), help: setting("metrics.interval_s")) var interval: String?

    var flags: [String: String] { given(["metrics.textfile": textfile, "metrics.interval_s": interval]) }
}
