/// Service messages of a wire feed that are not stories: test messages, coverage advisories to
/// editors, dpa's "Impressum". Told from the slug or the headline alone, and only when that is
/// all it says: a slug or headline made of service words ("BC-Test", "AP-Coverage Advisory",
/// "TEST MESSAGE - PLEASE IGNORE", "Testmeldung - bitte ignorieren"). A story about a test or
/// an advisory names something else too ("BC-AS--NKorea-Nuclear Test", "Winter storm advisory
/// for Denver"), so it stays a story: dropping a real story is worse than recording a notice.
enum ServiceMessage {
    static func isServiceMessage(slug: String?, headline: String?) -> Bool {
        // Each asked in turn, not through an array of the two made for every item.
        if let slug, consistsOfServiceWords(slug) { return true }
        if let headline, consistsOfServiceWords(headline) { return true }
        return false
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
            var index = 0
            // Eight bytes a step up to the next "t", "a" or "i" in either case, each word's
            // opening then compared: the byte-by-byte switch cost ~6 instructions a byte of every
            // slug and headline.
            while index + 8 <= bytes.count {
                let lowered = WordAtATime.load(bytes, at: index) | WordAtATime.ones &* 0x20
                var found =
                    WordAtATime.bytesEqual(lowered, 0x74) | WordAtATime.bytesEqual(lowered, 0x61)
                    | WordAtATime.bytesEqual(lowered, 0x69)
                while found != 0 {
                    if opensKeyWord(bytes, at: index + found.trailingZeroBitCount / 8) { return true }
                    found &= found &- 1
                }
                index += 8
            }
            while index < bytes.count {
                if opensKeyWord(bytes, at: index) { return true }
                index += 1
            }
            return false
        }
    }

    /// "test", "advisory" or "impressum" at `index`, in any ASCII case.
    @inline(__always)
    private static func opensKeyWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] | 0x20 {
        case 0x74: opens(bytes, at: index, "test")  // t
        case 0x61: opens(bytes, at: index, "advisory")  // a
        case 0x69: opens(bytes, at: index, "impressum")  // i
        default: false
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
