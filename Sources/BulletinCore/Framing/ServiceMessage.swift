/// Service messages of a wire feed that are not stories: test messages, coverage advisories to
/// editors, dpa's "Impressum". Told from the slug or the headline alone, and only when that is
/// all it says: a slug or headline made of service words ("BC-Test", "AP-Coverage Advisory",
/// "TEST MESSAGE - PLEASE IGNORE", "Testmeldung - bitte ignorieren"). A story about a test or
/// an advisory names something else too ("BC-AS--NKorea-Nuclear Test", "Winter storm advisory
/// for Denver"), so it stays a story: dropping a real story is worse than recording a notice.
enum ServiceMessage {
    static func isServiceMessage(slug: String?, headline: String?) -> Bool {
        [slug, headline].contains { $0.map(consistsOfServiceWords) ?? false }
    }

    /// Every word a service word or a filler word, at least one of them saying "service".
    static func consistsOfServiceWords(_ text: String) -> Bool {
        // Nearly every slug and headline holds no key word at all: told from the bytes first.
        guard mentionsKeyWord(text) else { return false }
        var words = VersionMarker.folded(text)
        if let first = words.first, VersionMarker.cyclePrefixes.contains(first), words.count > 1 { words.removeFirst() }
        guard !words.isEmpty, words.count <= 8 else { return false }
        return words.contains(where: keyWords.contains) && words.allSatisfy { keyWords.contains($0) || fillers.contains($0) }
    }

    /// Whether `text` holds "test", "advisory" or "impressum" anywhere, in any case.
    static func mentionsKeyWord(_ text: String) -> Bool {
        // Read in place: a copy of the bytes into an array cost a quarter of the answer.
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                switch bytes[index] | 0x20 {
                case 0x74: if opens(bytes, at: index, "test") { return true }  // t
                case 0x61: if opens(bytes, at: index, "advisory") { return true }  // a
                case 0x69: if opens(bytes, at: index, "impressum") { return true }  // i
                default: continue
                }
            }
            return false
        }
    }

    /// Whether `bytes` hold the lowercase ASCII `word` at `index`, in any ASCII case.
    private static func opens(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        for offset in 0..<count where ByteScalars.asciiLower(bytes[index + offset]) != word.utf8Start[offset] { return false }
        return true
    }

    /// Words that say a line is a service message.
    static let keyWords: Set<String> = ["test", "testing", "testmeldung", "advisory", "impressum"]
    /// Words a service line also holds: who sends it, and what to do with it.
    static let fillers: Set<String> = [
        "ap", "aap", "dpa", "afp", "reuters", "coverage", "editors", "editor", "eds", "desk", "note", "message", "meldung",
        "please", "pls", "ignore", "disregard", "bitte", "ignorieren", "nicht", "veröffentlichen", "this", "is", "a", "only",
        "transmission", "service", "1", "2", "3",
    ]
}
