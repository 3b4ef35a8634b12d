import Logging

/// A log handler that hands every event to a closure: the one piece the tests' journals share
/// (what each keeps of an event, and when, is theirs).
struct EventLogHandler: LogHandler {
    let record: @Sendable (LogEvent) -> Void
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) { record(event) }

    /// A logger whose every event goes to `record`.
    static func logger(_ record: @escaping @Sendable (LogEvent) -> Void) -> Logger {
        Logger(label: "test") { _ in EventLogHandler(record: record) }
    }
}
