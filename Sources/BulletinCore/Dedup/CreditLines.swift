/// Credit lines ("Reporting by …; Editing by …", "(Additional reporting by …)") are added and
/// removed by every re-send and say nothing about the story, so near matching ignores them.
/// Exact matching does not: the normalized text, and so the id, still includes them.
enum CreditLines {
    private static func hash(_ word: String) -> UInt64 { StableHash.word(word) }
    private static let openers: Set<UInt64> = Set(["reporting", "writing", "editing", "compiled", "additional", "produced"].map { hash($0) })
    private static let by = hash("by")
    /// Longer paragraphs are prose, whatever their first words.
    static let maximumWords = 40

    /// `words` without the paragraphs that are credit lines.
    static func removing(from words: [FoldedToken]) -> [FoldedToken] {
        // Copied only from the first credit line on: most stories have none, and keep `words`.
        var kept: [FoldedToken]?
        var start = 0
        while start < words.count {
            var end = start + 1
            while end < words.count, words[end].paragraph == words[start].paragraph { end += 1 }
            if isCreditLine(words[start..<end]) {
                if kept == nil {
                    kept = Array(words[..<start])
                    kept!.reserveCapacity(words.count)
                }
            } else {
                kept?.append(contentsOf: words[start..<end])
            }
            start = end
        }
        return kept ?? words
    }

    private static func isCreditLine(_ paragraph: ArraySlice<FoldedToken>) -> Bool {
        guard paragraph.count <= maximumWords, paragraph.count >= 3,
              openers.contains(paragraph[paragraph.startIndex].hash) else { return false }
        let second = paragraph[paragraph.startIndex + 1].hash
        return second == by || paragraph[paragraph.startIndex + 2].hash == by
    }
}
