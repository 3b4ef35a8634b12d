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
        if text.contains("\u{0}") { throw BulletinRejection(.binary, "the text contains NUL characters") }
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
    func trimmingSpaces() -> String {
        String(self.drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
