import ArgumentParser
import BulletinDaemon
import Foundation
import Logging
import SystemdSupport
import SystemPackage

/// `--config FILE`, and the effective configuration it gives with the flags and the environment.
struct ConfigFileOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Configuration file (YAML); see config/bulletind.yaml.", valueName: "file"))
    var config: String?

    func loader(flags: [String: String]) -> ConfigurationLoader {
        ConfigurationLoader(file: config.map { FilePath($0) }, environment: ProcessInfo.processInfo.environment, flags: flags)
    }

    /// The effective configuration; a bad setting exits 64 with the key, file and line.
    func load(flags: [String: String]) throws -> EffectiveConfiguration {
        do {
            return try loader(flags: flags).loadWithOrigins()
        } catch {
            FileHandle.standardError.write(Data("bulletind: \(error.message)\n".utf8))
            throw ExitCode(64)
        }
    }
}

/// What `verify` and `stats` need: the configuration, and where the store and the state are.
struct StoreOptions: ParsableArguments {
    @OptionGroup var file: ConfigFileOption

    @Option(name: .long, help: ArgumentHelp("The JSON Lines store (default ./stories.jsonl).", valueName: "file"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("The state folder, for the rejected files (default ./.bulletind).", valueName: "dir"))
    var stateDir: String?

    func load() throws -> Configuration {
        var flags: [String: String] = [:]
        if let store { flags["store.path"] = store }
        if let stateDir { flags["state.dir"] = stateDir }
        return try file.load(flags: flags).configuration
    }
}

/// Only the executable chooses the log backend: journald, echoed to stderr outside systemd.
func bootstrapLogging(level: Configuration.LogLevel, echoLevel: Logger.Level = .trace) -> Logger {
    LoggingSystem.bootstrap { _ in
        var handler = JournalLogHandler(identifier: "bulletind", echoLevel: echoLevel)
        handler.logLevel = Logger.Level(rawValue: level.rawValue) ?? .info
        // Every entry has a MESSAGE_ID: the daemon's own give theirs, and this one marks any
        // other (a library logging through the daemon's logger).
        handler.metadata["MESSAGE_ID"] = .string(MessageID.other.rawValue)
        return handler
    }
    return Logger(label: "bulletind")
}

/// Prints an error a person can act on; the exit status to throw.
func fail(_ message: String, status: Int32 = 1) -> ExitCode {
    FileHandle.standardError.write(Data("bulletind: \(message)\n".utf8))
    return ExitCode(status)
}
