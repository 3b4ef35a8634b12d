import BulletinMetrics

/// The `NAME.reason` file beside a rejected file in the failed folder: the reason as the journal
/// has it (`REJECT_REASON`), for whoever looks at the file, then a `kind: KIND` line naming the
/// `RejectionKind` (the metric's label) for `bulletind stats` to count it by.
struct ReasonFile: Sendable, Equatable {
    /// Nil for a file written before the kind line existed.
    var kind: RejectionKind?
    var reason: String

    /// The line that names the kind, after the reason.
    static let kindPrefix = "kind: "

    init(kind: RejectionKind, reason: String) {
        self.kind = kind
        self.reason = reason
    }

    /// A file's text: the kind from its last line when that line names one, otherwise (a file
    /// of an earlier version) none, with the whole text as the reason.
    init(text: String) {
        let text = text.trimmingWhitespace
        if let newline = text.lastIndex(of: "\n"), case let last = text[text.index(after: newline)...],
            last.hasPrefix(Self.kindPrefix), let kind = RejectionKind(rawValue: String(last.dropFirst(Self.kindPrefix.count)))
        {
            self.kind = kind
            reason = text[..<newline].trimmingWhitespace
        } else {
            kind = nil
            reason = text
        }
    }

    var text: String {
        guard let kind else { return reason + "\n" }
        return "\(reason)\n\(Self.kindPrefix)\(kind.rawValue)\n"
    }

    /// The name `bulletind stats` counts the file under: its kind's, as `bulletind ingest`'s
    /// summary names it.
    var countedName: String { (kind ?? Self.earlierKind(reason))?.summaryName ?? Self.earlierClass(reason) }

    /// The kind a file without a kind line names, as earlier versions read it: a sentence that
    /// opens with a kind (`binary: …`), or says a size was over the limit.
    private static func earlierKind(_ reason: String) -> RejectionKind? {
        if let colon = reason.firstIndex(of: ":"), let kind = RejectionKind(rawValue: String(reason[..<colon])) { return kind }
        return reason.contains("over the limit") ? .tooLarge : nil
    }

    /// Any other sentence without a kind line: its words before a colon, or all of it.
    private static func earlierClass(_ reason: String) -> String {
        if let colon = reason.firstIndex(of: ":"), reason.distance(from: reason.startIndex, to: colon) <= 24 {
            return String(reason[..<colon])
        }
        return reason
    }
}

extension StringProtocol {
    fileprivate var trimmingWhitespace: String {
        String(String(drop(while: \.isWhitespace).reversed()).drop(while: \.isWhitespace).reversed())
    }
}
