import ArgumentParser
import BulletinDaemon
import Foundation
import Logging
import SystemdSupport
import SystemPackage

/// The options every command shares: where the configuration, the store and the state live.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Configuration file (YAML).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The JSON Lines store (default ./stories.jsonl).", valueName: "file"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("The daemon's state folder: lock and indexes (default ./.bulletind).", valueName: "dir"))
    var stateDir: String?

    func flags(inbox: String? = nil) -> [String: String] {
        var flags: [String: String] = [:]
        if let inbox { flags["inbox.path"] = inbox }
        if let store { flags["store.path"] = store }
        if let stateDir { flags["state.dir"] = stateDir }
        return flags
    }

    func loader(inbox: String? = nil) -> ConfigurationLoader {
        ConfigurationLoader(
            file: config.map { FilePath($0) }, environment: ProcessInfo.processInfo.environment, flags: flags(inbox: inbox))
    }

    /// The effective configuration; a bad setting exits 64 with the key, file and line.
    func load(inbox: String? = nil) throws -> Configuration {
        let loader = loader(inbox: inbox)
        do {
            return try loader.load()
        } catch {
            FileHandle.standardError.write(Data("bulletind: \(error.message)\n".utf8))
            throw ExitCode(64)
        }
    }
}

/// Only the executable chooses the log backend: journald, echoed to stderr outside systemd.
func bootstrapLogging(level: Configuration.LogLevel) -> Logger {
    LoggingSystem.bootstrap { _ in
        var handler = JournalLogHandler(identifier: "bulletind")
        handler.logLevel = Logger.Level(rawValue: level.rawValue) ?? .info
        return handler
    }
    return Logger(label: "bulletind")
}

/// Prints an error a person can act on and exits non-zero.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("bulletind: \(message)\n".utf8))
    return ExitCode.failure
}
