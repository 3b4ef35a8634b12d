import Foundation
import Testing

/// Runs the real `bulletind` binary in a fresh temporary folder.
final class DaemonHarness {
    let folder: URL
    private(set) var process: Process?
    let stderrFile: URL

    /// The binary `swift build` put beside the test bundle, or `$BULLETIND_BINARY`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["BULLETIND_BINARY"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bulletind")
    }

    static var repository: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    static var seed: URL { repository.appendingPathComponent("seeds/000_60ecd2c4a9cd0293.txt") }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        stderrFile = folder.appendingPathComponent("daemon.stderr")
    }

    deinit {
        if let process, process.isRunning { process.terminate(); process.waitUntilExit() }
        // rm is much faster than FileManager on a folder of 10,000 processed files.
        if (try? Self.remove(folder)) != 0 { try? FileManager.default.removeItem(at: folder) }
    }

    private static func remove(_ folder: URL) throws -> Int32 {
        let rm = Process()
        rm.executableURL = URL(fileURLWithPath: "/bin/rm")
        rm.arguments = ["-rf", "--one-file-system", folder.path]
        try rm.run()
        rm.waitUntilExit()
        return rm.terminationStatus
    }

    var store: URL { folder.appendingPathComponent("stories.jsonl") }
    var inbox: URL { folder.appendingPathComponent("inbox") }

    /// Starts `bulletind run` with no flags, on its development defaults, in the folder.
    /// `launcher`: a command that runs the binary (e.g. `setpriv` with its options).
    func start(_ arguments: [String] = ["run"], environment extra: [String: String] = [:], launcher: [String] = []) throws {
        let process = Process()
        if let tool = launcher.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = launcher.dropFirst() + [Self.binary.path] + arguments
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        process.standardOutput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = nil
        environment["JOURNAL_STREAM"] = nil
        environment.merge(extra) { _, new in new }
        process.environment = environment
        try process.run()
        self.process = process
    }

    /// Starts the daemon and waits (bounded) until it says "ready: watching": a daemon that never
    /// gets ready ends the test there, with its stderr, instead of failing every check after.
    func startReady(
        _ arguments: [String] = ["run"], environment extra: [String: String] = [:], launcher: [String] = [],
        within seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try start(arguments, environment: extra, launcher: launcher)
        try #require(
            waitUntil(within: seconds) { stderrText().contains("ready: watching") },
            "not ready within \(seconds) s: \(stderrText())", sourceLocation: sourceLocation)
    }

    /// A daemon in a fresh folder, started with `environment` and ready.
    static func ready(
        _ environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> DaemonHarness {
        let daemon = try DaemonHarness()
        try daemon.startReady(environment: environment, sourceLocation: sourceLocation)
        return daemon
    }

    /// Runs the binary to completion; returns its status and output.
    func runToEnd(
        _ arguments: [String], executable: URL = binary, environment extra: [String: String] = [:]
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if !extra.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new } }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Polls `condition` until it holds or `seconds` pass; returns whether it held.
    func waitUntil(within seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return try condition()
    }

    /// Drops a file the safe way: written beside the inbox, then renamed in.
    func drop(_ source: URL, as name: String) throws {
        let staging = folder.appendingPathComponent(".staging-\(name)")
        try FileManager.default.copyItem(at: source, to: staging)
        try FileManager.default.moveItem(at: staging, to: inbox.appendingPathComponent(name))
    }

    func storeLines() -> [[String: Any]] {
        guard let data = try? Data(contentsOf: store) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    func stderrText() -> String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    /// Sends `signal` and waits (bounded) for the exit; returns the exit status, nil on a time-out.
    func stop(signal: Int32 = SIGTERM, within seconds: Double = 10) -> Int32? {
        guard let process else { return nil }
        kill(process.processIdentifier, signal)
        guard waitUntil(within: seconds, { !process.isRunning }) else { return nil }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }

    /// Validates the store with the JSON Schema in `schema/` and Python's jsonschema.
    func validateStoreAgainstSchema() throws -> (ok: Bool, output: String) {
        try Self.validate(store, with: "scripts/validate-jsonl.py", against: "schema/record.schema.json")
    }

    /// Runs a validator script of `scripts/` (Python's jsonschema) over `file` with a schema of `schema/`.
    static func validate(_ file: URL, with script: String, against schema: String) throws -> (ok: Bool, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", repository.appendingPathComponent(script).path, repository.appendingPathComponent(schema).path, file.path,
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, output)
    }
}
