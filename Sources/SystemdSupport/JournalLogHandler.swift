import CSystemd
import Glibc
import Logging
import Synchronization

/// A swift-log backend that writes structured entries to journald with `sd_journal_sendv`.
///
/// Metadata become journal fields, their keys sanitised to what journald keeps (`[A-Z0-9_]`, no
/// leading `_` or digit, at most 64 bytes) — journald silently drops anything else. When no journal
/// is reachable, or the process was not started by systemd (so its stderr is not the journal),
/// the same information goes to stderr as one line. `log(event:)` never throws.
package struct JournalLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var metadataProvider: Logger.MetadataProvider?
    package var logLevel: Logger.Level = .info
    private let identifier: String
    private let echoToStandardError: Bool
    private let echoLevel: Logger.Level

    /// - Parameters:
    ///   - echoToStandardError: also write each entry to stderr; by default, when the process was
    ///     not started by systemd (`JOURNAL_STREAM` unset), so a terminal sees the log.
    ///   - echoLevel: the least severe entry echoed to stderr (also when no journal is
    ///     reachable). `bulletind ingest` raises it to `warning`: one line per story is noise
    ///     during a back-fill, and the store already holds every story.
    package init(identifier: String, echoToStandardError: Bool? = nil, echoLevel: Logger.Level = .trace) {
        self.identifier = identifier
        self.echoToStandardError = echoToStandardError ?? (getenv("JOURNAL_STREAM") == nil)
        self.echoLevel = echoLevel
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let echoes = event.level >= echoLevel
        // Without journald (a container, a back-fill in CI) an entry below the echo level goes
        // nowhere: skip building it.
        guard echoes || JournalSocket.exists() else { return }
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { _, new in new } }
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        var entry: [(String, String)] = [
            ("MESSAGE", event.message.description),
            ("PRIORITY", String(Self.priority(of: event.level))),
            ("SYSLOG_IDENTIFIER", identifier),
            ("CODE_FILE", event.file),
            ("CODE_LINE", String(event.line)),
            ("CODE_FUNC", event.function),
        ]
        // Unsorted: a journal entry's fields have no order (the stderr line sorts them).
        for (key, value) in fields {
            entry.append((Self.fieldName(key), value.description))
        }
        let sent = Self.send(entry)
        if (echoToStandardError || !sent) && echoes { Self.echo(event, fields: fields, identifier: identifier) }
    }

    /// journald's field-name rules: upper-case ASCII letters, digits and `_`, not starting with
    /// `_` (reserved for trusted fields) or a digit, at most 64 bytes.
    package static func fieldName(_ key: String) -> String {
        if isValidFieldName(key) { return key }  // every name bulletind itself uses
        var name = String(key.uppercased().unicodeScalars.map { scalar in
            ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "_"
        })
        while name.hasPrefix("_") { name.removeFirst() }
        if name.isEmpty || name.first!.isNumber { name = "F_" + name }
        return String(name.prefix(64))
    }

    private static func isValidFieldName(_ key: String) -> Bool {
        guard let first = key.utf8.first, first != UInt8(ascii: "_"), !(0x30...0x39).contains(first), key.utf8.count <= 64 else {
            return false
        }
        return key.utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "_") }
    }

    static func priority(of level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Sends one entry; false when no journal took it (libsystemd returns a negative errno).
    private static func send(_ fields: [(String, String)]) -> Bool {
        guard JournalSocket.exists() else { return false }
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for (key, value) in fields {
            let start = bytes.count
            bytes += key.utf8
            bytes.append(UInt8(ascii: "="))
            bytes += value.utf8
            ranges.append(start..<bytes.count)
        }
        return bytes.withUnsafeMutableBufferPointer { buffer in
            let vectors = ranges.map { iovec(iov_base: UnsafeMutableRawPointer(buffer.baseAddress! + $0.lowerBound), iov_len: $0.count) }
            return sd_journal_sendv(vectors, Int32(vectors.count)) >= 0
        }
    }

    /// `"…"` with `"`, `\\` and line breaks escaped, so one entry stays one line.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for ch in text {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    private static func echo(_ event: LogEvent, fields: Logger.Metadata, identifier: String) {
        var line = "\(identifier)[\(getpid())]: \(event.level): \(event.message)"
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            line += " \(fieldName(key))=\(quoted(value.description))"
        }
        line += "\n"
        // One write(2) per entry, so lines from concurrent tasks never interleave.
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}

/// Whether journald's socket exists, looked up at most once a second.
///
/// Without a journal (a container, a chroot) `sd_journal_sendv` still looks the socket path up
/// for every entry, then fails silently (libsystemd returns success on ENOENT): a back-fill
/// would pay a failing `sendmsg` for each of its million entries, and nothing would tell the
/// handler to echo them. With the socket gone, entries are treated as unsent instead.
enum JournalSocket {
    static let path = "/run/systemd/journal/socket"
    private static let recheckNanoseconds: UInt64 = 1_000_000_000
    /// CLOCK_MONOTONIC instant (ns) of the next lookup.
    private static let nextLookup = Atomic<UInt64>(0)
    private static let present = Atomic<Bool>(false)

    static func exists() -> Bool {
        let now = monotonicNanoseconds()
        if now >= nextLookup.load(ordering: .relaxed) {
            present.store(access(path, F_OK) == 0, ordering: .relaxed)
            nextLookup.store(now + recheckNanoseconds, ordering: .relaxed)
        }
        return present.load(ordering: .relaxed)
    }

    private static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
