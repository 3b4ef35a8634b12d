/// Why a bulletin gave no stories. The daemon records `reason.rawValue`.
package struct BulletinRejection: Error, Sendable, Equatable {
    package enum Reason: String, Sendable, Codable, CaseIterable {
        /// No visible character at all: an empty file, blank lines, form feeds, zero-width characters.
        case empty
        /// Contains U+0000, or more than 5% other control characters: not a text file.
        case binary
        /// Has text, but none of it forms a story (only separators, sign-offs, bylines).
        case noStories = "no-stories"
        /// Not Unicode, and no code page reads it as text (or not the inbox's pinned one).
        case undecodable
        /// Over `BulletinParser.largestText` bytes of text: more than the parser's 32-bit line
        /// offsets can address once tabs are expanded (the daemon's own `inbox.max_file_size`,
        /// 16 MiB by default, refuses such files long before).
        case tooLarge = "too-large"
    }

    package let reason: Reason
    package let detail: String

    package init(reason: Reason, detail: String) {
        self.reason = reason
        self.detail = detail
    }

    /// The unlabeled form the daemon's first placeholder used.
    package init(_ reason: Reason, _ detail: String) {
        self.init(reason: reason, detail: detail)
    }
}
