import Foundation
import Synchronization
import Testing

/// What `/proc` says about the running daemon, and small tools for the inbox tests.
extension DaemonHarness {
    static var isRoot: Bool { geteuid() == 0 }

    var pid: Int32 { process?.processIdentifier ?? -1 }

    /// A number from `/proc/PID/status` (`VmHWM` and `VmRSS` in KiB, `Threads`).
    func status(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.dropFirst(field.count + 1).split { $0 == " " || $0 == "\t" }.first ?? "")
        }
        return nil
    }

    /// Open descriptors.
    var descriptorCount: Int { (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1 }

    /// User plus system CPU time so far, in clock ticks (fields 14 and 15 of `/proc/PID/stat`).
    var cpuTicks: Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return -1 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    /// Each thread's name and the system call it is blocked in (`/proc/PID/task/TID/syscall`).
    var threads: [(name: String, syscall: Int?)] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.map { tid in
            let base = "/proc/\(pid)/task/\(tid)/"
            let name = ((try? String(contentsOfFile: base + "comm", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let call = (try? String(contentsOfFile: base + "syscall", encoding: .utf8))?.split(separator: " ").first.flatMap { Int($0) }
            return (name, call)
        }
    }

    /// Writes `text` under a temporary name inside the inbox, then renames it to `name`: works
    /// when the inbox is another file system (a tmpfs), where a rename from outside would copy.
    func dropInside(_ text: String, as name: String, inbox: URL? = nil) throws {
        let folder = inbox ?? self.inbox
        let staging = folder.appendingPathComponent(".\(name).part")
        try Data(text.utf8).write(to: staging)
        try FileManager.default.moveItem(at: staging, to: folder.appendingPathComponent(name))
    }

    /// Number of store lines whose bulletin file is `name`.
    func lines(for name: String) -> Int {
        storeLines().filter { ($0["bulletin"] as? [String: Any])?["file"] as? String == name }.count
    }

    /// The `bulletin.file` of every store line, found by bytes (fast on 10,000 lines, even in debug).
    func storeFileNames() -> [String] {
        guard let data = try? Data(contentsOf: store) else { return [] }
        let key = Array("\"bulletin\":{\"file\":\"".utf8)
        var names: [String] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var index = 0
            while index < raw.count {
                guard let found = Self.find(key, in: raw, from: index) else { break }
                var end = found + key.count
                while end < raw.count && raw[end] != UInt8(ascii: "\"") { end += 1 }
                names.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[(found + key.count)..<end]), as: UTF8.self))
                index = end
            }
        }
        return names
    }

    private static func find(_ key: [UInt8], in raw: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        while index + key.count <= raw.count {
            if raw[index] == key[0] {
                var matched = 1
                while matched < key.count && raw[index + matched] == key[matched] { matched += 1 }
                if matched == key.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// How many times `text` occurs in the daemon's stderr.
    func logCount(_ text: String) -> Int { stderrText().components(separatedBy: text).count - 1 }

    /// Runs a tool (mount, umount) to completion; returns its exit status.
    @discardableResult
    static func tool(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A small bulletin of one story, different for every number (no two are duplicates).
    static func bulletin(_ number: Int) -> String {
        var state = UInt64(number) &* 0x9E37_79B9_7F4A_7C15 &+ 0x2545_F491
        var text = "Bulletin \(number) reports"
        for index in 0..<45 {
            if index == 5 { text += "\n\nCouncil number \(number) said" }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += " " + syllables[Int(state >> 60)] + syllables[Int((state >> 56) & 15)] + syllables[Int((state >> 52) & 15)]
        }
        return text + ".\n"
    }

    private static let syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "ul", "esh", "dri", "po", "sun", "gar", "fel", "ni", "zo", "bel"]
}

/// How long a process's threads have waited, runnable, for a CPU since it was made: the time the
/// machine's load took from it. The second field of `/proc/PID/task/TID/schedstat` (nanoseconds)
/// counts per thread, and a thread that ends takes its count with it, so each reading adds what
/// every thread still there waited since the last one (zero where the kernel keeps no such count).
final class RunQueueWait: Sendable {
    let pid: Int32
    private let state = Mutex<(byThread: [String: Int], total: Int)>(([:], 0))

    init(pid: Int32) {
        self.pid = pid
        _ = now()
    }

    func now() -> Duration {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var byThread: [String: Int] = [:]
        for tid in tasks {
            let fields = ((try? String(contentsOfFile: "/proc/\(pid)/task/\(tid)/schedstat", encoding: .utf8)) ?? "").split(separator: " ")
            if fields.count >= 2, let waited = Int(fields[1]) { byThread[tid] = waited }
        }
        let total = state.withLock { state in
            for (tid, waited) in byThread { state.total += max(0, waited - (state.byThread[tid] ?? 0)) }
            state.byThread = byThread
            return state.total
        }
        return .nanoseconds(total)
    }
}
