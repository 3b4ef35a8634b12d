import BulletinCore
import SystemPackage

/// Text to setting values. Every message says what was expected and echoes what was given, so
/// the person reading it can fix the line without opening the documentation.
enum ValueParsing {
    static func path(_ text: String) throws(ConfigurationError) -> FilePath {
        guard !text.isEmpty else { throw ConfigurationError("expected a path, got an empty value") }
        return FilePath(text)
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ text: String) throws(ConfigurationError) -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            let options = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw ConfigurationError("expected one of \(options), got \"\(text)\"")
        }
        return value
    }

    /// "auto" (nil) or an encoding bulletins are written in, by its IANA name in any case.
    static func encoding(_ text: String) throws(ConfigurationError) -> SourceEncoding? {
        let name = text.lowercased()
        if name == "auto" { return nil }
        guard let encoding = SourceEncoding(rawValue: name) else {
            let names = SourceEncoding.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError("expected \"auto\" or one of \(names), got \"\(text)\"")
        }
        return encoding
    }

    static func patterns(_ text: String) throws(ConfigurationError) -> [String] {
        let patterns = text.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }
        guard !patterns.isEmpty else { throw ConfigurationError("expected one or more name patterns, e.g. \"*.txt\"") }
        return patterns
    }

    static func positiveBytes(_ text: String) throws(ConfigurationError) -> Int64 {
        guard let bytes = Int64(text), bytes > 0 else { throw ConfigurationError("expected a positive number of bytes, got \"\(text)\"") }
        return bytes
    }

    static func bytesOrZero(_ text: String, zeroMeans: String) throws(ConfigurationError) -> Int64 {
        guard let bytes = Int64(text), bytes >= 0 else { throw ConfigurationError("expected a size in bytes (0: \(zeroMeans)), got \"\(text)\"") }
        return bytes
    }

    static func whole(_ text: String, in range: ClosedRange<Int>, unit: String) throws(ConfigurationError) -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError("expected \(unit) from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
        }
        return value
    }

    static func fraction(_ text: String) throws(ConfigurationError) -> Double {
        guard let value = Double(text), (0...1).contains(value) else { throw ConfigurationError("expected a number from 0 to 1, got \"\(text)\"") }
        return value
    }

    static func guardCount(_ text: String) throws(ConfigurationError) -> Int {
        guard let value = Int(text), value >= 0 else {
            throw ConfigurationError("expected a whole number of 0 or more (0 turns the guard off), got \"\(text)\"")
        }
        return value
    }

    static func days(_ text: String) throws(ConfigurationError) -> Double {
        guard let days = Double(text), days >= 0, days.isFinite else {
            throw ConfigurationError("expected a number of days (0: keep every story), got \"\(text)\"")
        }
        return days
    }

    /// `off`, or a file whose name node_exporter's textfile collector reads (`*.prom`).
    static func metricsTextfile(_ text: String) throws(ConfigurationError) -> FilePath? {
        if text == "off" { return nil }
        let path = try path(text)
        guard let name = path.lastComponent?.string, name.hasSuffix(".prom"), name.count > 5 else {
            throw ConfigurationError(
                "expected a file named *.prom (node_exporter's textfile collector reads no other names), or \"off\", got \"\(text)\"")
        }
        return path
    }

    /// A retention window in seconds, shown as days without a needless `.0`.
    static func days(_ seconds: Double) -> String {
        let days = seconds / 86_400
        return days == days.rounded() ? String(Int(days)) : String(days)
    }
}
