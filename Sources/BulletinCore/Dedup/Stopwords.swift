/// Very common English words.
///
/// Two uses: a shingle made only of them ("one of the", "said on tuesday" is not) says nothing
/// about which story it came from, so it is left out of the signature — that keeps unrelated
/// stories from colliding in the LSH bands; and a capitalized stopword ("The", "But") is not a
/// name for the names guard.
enum Stopwords {
    static let words: [String] = [
        "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
        "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him",
        "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "may",
        "me", "more", "most", "my", "new", "no", "nor", "not", "now", "of", "off", "on", "once",
        "one", "only", "or", "other", "our", "ours", "out", "over", "own", "said", "same", "says",
        "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "then", "there", "these", "they", "this", "those", "through", "to", "told", "too", "two",
        "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "year", "you", "your",
    ]

    /// Token hashes of `words`, in a small open-addressing set probed without Swift's seeded hashing.
    private static let table: [UInt64] = {
        var slots = [UInt64](repeating: 0, count: 512)
        for word in words {
            let hash = StableHash.word(word)
            var index = Int(hash & 511)
            while slots[index] != 0 { index = (index + 1) & 511 }
            slots[index] = hash
        }
        return slots
    }()

    @inline(__always)
    static func contains(tokenHash hash: UInt64) -> Bool {
        table.withUnsafeBufferPointer { slots in
            var index = Int(hash & 511)
            while true {
                let slot = slots[index]
                if slot == hash { return true }
                if slot == 0 { return false }
                index = (index + 1) & 511
            }
        }
    }
}
