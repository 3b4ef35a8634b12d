/// Why a bulletin yields no stories.
public struct BulletinRejection: Error, Sendable, Equatable {
    public enum Reason: String, Sendable { case empty, binary, noStories = "no-stories" }
    public let reason: Reason
    public let detail: String
    public init(_ reason: Reason, _ detail: String) { self.reason = reason; self.detail = detail }
}

/// Placeholder parser: blocks separated by blank lines; a short line without closing punctuation starts a story.
public struct BulletinParser: Sendable {
    public init() {}
    public func parse(_ text: String) throws(BulletinRejection) -> [Story] {
        // Bytes, not Foundation's `contains(_: StringProtocol)`: a search through CFString cost
        // a tenth of ingest time, and a NUL is one byte in UTF-8 whatever surrounds it.
        if text.utf8.contains(0) { throw BulletinRejection(.binary, "the text contains NUL characters") }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        var blocks: [String] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty { if !current.isEmpty { blocks.append(current.joined(separator: " ")); current = [] } } else { current.append(line) }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
        if blocks.isEmpty { throw BulletinRejection(.empty, "the bulletin holds no text") }
        var stories: [Story] = []
        for block in blocks {
            let words = block.split(separator: " ").count
            let last = block.reversed().first { !"\"'”’ ".contains($0) }
            let isSentence = last.map { ".!?:;,".contains($0) } ?? false
            if words <= 3, !isSentence, block.first?.isUppercase == true, block.contains(". "), !stories.isEmpty {
                stories[stories.count - 1].byline = block
            } else if !isSentence, words <= 30 {
                stories.append(Story(headline: block, paragraphs: []))
            } else if !stories.isEmpty {
                stories[stories.count - 1].paragraphs.append(block)
            }
        }
        if stories.isEmpty { throw BulletinRejection(.noStories, "no headline line found") }
        return stories
    }
}

extension Substring {
    /// The line without leading and trailing spaces, tabs and carriage returns (by Character).
    /// Walks indices rather than `drop`/`reversed` chains: those nest generic wrappers whose
    /// unspecialised iteration made parsing run at under 1 MB/s (see scripts/bench-ingest.sh).
    func trimmingSpaces() -> String {
        func isSpace(_ character: Character) -> Bool { character == " " || character == "\t" || character == "\r" }
        var start = startIndex
        var end = endIndex
        while start < end, isSpace(self[start]) { start = index(after: start) }
        while end > start, isSpace(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
