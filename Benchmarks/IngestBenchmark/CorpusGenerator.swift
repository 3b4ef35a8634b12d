import Foundation

/// Deterministic generator (splitmix64), so every run measures the same archive.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// A back-fill archive shaped like the seed bulletin: `YYYY/MM/DD-N.txt`, each file 15–25
/// stories (headline, blank line, 3–5 paragraphs of 30–70 words with names and figures), about
/// one story in ten an exact repeat of an earlier one, as wire services re-send.
struct CorpusGenerator {
    let stories: Int
    let folder: URL

    static let vocabulary: [String] = {
        var rng = SplitMix(state: 7)
        let syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "ul", "esh", "dri", "po", "sun", "gar", "fel", "ni", "zo",
                         "ar", "bel", "cor", "dam", "ex", "fin", "gol", "har", "in", "jor", "ket", "lim", "mor", "nat", "ost"]
        return (0..<20_000).map { _ in (0..<(2 + rng.below(3))).map { _ in syllables[rng.below(syllables.count)] }.joined() }
    }()
    static let common = ["the", "of", "and", "to", "in", "a", "said", "on", "for", "that", "with", "was", "by", "as"]

    /// Writes the archive; returns the number of files and bytes written.
    func write() throws -> (files: Int, bytes: Int) {
        var rng = SplitMix(state: 42)
        var written = 0, files = 0, bytes = 0
        var earlier: [String] = []
        while written < stories {
            let count = min(15 + rng.below(11), stories - written)
            var text: [String] = []
            for _ in 0..<count {
                if !earlier.isEmpty, rng.below(10) == 0 {
                    text.append(earlier[rng.below(earlier.count)])
                } else {
                    let story = Self.story(&rng)
                    if earlier.count < 5_000 { earlier.append(story) } else { earlier[rng.below(earlier.count)] = story }
                    text.append(story)
                }
            }
            written += count
            let day = files / 4
            let path = folder.appendingPathComponent(String(format: "%04d/%02d/%02d-%d.txt", 2014 + day / 336, day / 28 % 12 + 1, day % 28 + 1, files % 4))
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = Data(text.joined(separator: "\n\n").utf8)
            try data.write(to: path)
            files += 1
            bytes += data.count
        }
        return (files, bytes)
    }

    static func story(_ rng: inout SplitMix) -> String {
        func word() -> String {
            rng.below(3) == 0 ? common[rng.below(common.count)] : vocabulary[min(rng.below(2_000) * rng.below(10) + rng.below(10), vocabulary.count - 1)]
        }
        func name() -> String { let w = vocabulary[rng.below(vocabulary.count)]; return w.prefix(1).uppercased() + w.dropFirst() }
        let headline = name() + " " + (0..<(5 + rng.below(5))).map { _ in word() }.joined(separator: " ") + " - " + name()
        var paragraphs: [String] = []
        for _ in 0..<(3 + rng.below(3)) {
            var words: [String] = [name()]
            for position in 0..<(30 + rng.below(40)) {
                words.append(position % 11 == 5 ? name() : position % 17 == 3 ? String(rng.below(10_000)) : word())
            }
            paragraphs.append(words.joined(separator: " ") + ".")
        }
        return headline + "\n\n" + paragraphs.joined(separator: "\n\n")
    }
}
