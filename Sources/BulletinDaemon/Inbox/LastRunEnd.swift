import Glibc
import LinuxIO
import SystemPackage

/// How the daemon's last run ended, as systemd told the unit's `ExecStopPost=`: it writes
/// `$SERVICE_RESULT $EXIT_CODE $EXIT_STATUS` to `$RUNTIME_DIRECTORY/last-exit` after every stop,
/// clean or not (`systemd/bulletind.service`).
///
/// The crash-loop guard (`ClaimRestarts`) counts a death against the file being read only when
/// the run ended the way a crash ends. An admin's `systemctl stop` ends in `success` (SIGTERM
/// finishes the bulletin in hand) or, when the bulletin takes longer than `TimeoutStopSec=`, in
/// `timeout` (systemd's own SIGKILL): neither says anything about the file. `oom-kill` (over
/// `MemoryMax=`), `watchdog`, `core-dump`, `signal` (a SIGKILL not sent by systemd's stop, such as
/// the kernel's OOM killer outside the unit's cgroup) and `exit-code` do count. With no record —
/// run outside systemd, or the first start after a reboot — every death counts, as a crash.
struct LastRunEnd: Equatable, CustomStringConvertible {
    /// `SERVICE_RESULT`: `success`, `timeout`, `signal`, `core-dump`, `watchdog`, `oom-kill`…
    var result: String
    /// `EXIT_CODE`: `exited`, `killed` or `dumped`.
    var exitCode: String
    /// `EXIT_STATUS`: the exit status, or the signal's name (`KILL`, `ABRT`…).
    var exitStatus: String

    static let fileName = "last-exit"

    /// Results that say the run was stopped, not that it died on what it was doing.
    static let stopResults: Set<String> = ["success", "timeout"]

    /// Whether this end counts as a death against the file the run was reading.
    var countsDeath: Bool { !Self.stopResults.contains(result) }

    var description: String { "SERVICE_RESULT=\(result) EXIT_CODE=\(exitCode) EXIT_STATUS=\(exitStatus)" }

    init(result: String, exitCode: String, exitStatus: String) {
        self.result = result
        self.exitCode = exitCode
        self.exitStatus = exitStatus
    }

    /// Reads a record's one line; nil for anything else.
    init?(line: String) {
        let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard (1...3).contains(fields.count), fields[0].allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        self.init(result: fields[0], exitCode: fields.count > 1 ? fields[1] : "", exitStatus: fields.count > 2 ? fields[2] : "")
    }

    /// The record of `$RUNTIME_DIRECTORY` (its first folder), or nil: systemd sets the variable
    /// for a unit with `RuntimeDirectory=`.
    static func recordPath() -> FilePath? {
        guard let value = getenv("RUNTIME_DIRECTORY").map({ String(cString: $0) }),
            let first = value.split(separator: ":").first, !first.isEmpty
        else { return nil }
        return FilePath(String(first)).appending(fileName)
    }

    /// The last run's end, read from `path`, or nil when there is no readable record.
    static func read(_ path: FilePath?) -> LastRunEnd? {
        guard let path, let bytes = try? RegularFileReader.readFile(path, limit: 4096).bytes else { return nil }
        return LastRunEnd(line: String(decoding: bytes, as: UTF8.self))
    }
}
