/// ninjs urgency (1 most urgent … 9) from the framings' priority codes and the words agencies
/// put before a headline.
enum Urgency {
    /// ANPA-1312 priority letters: flash, bulletin, urgent, routine, deferred.
    static func anpaPriority(_ letter: String) -> Int? {
        switch letter.lowercased() {
        case "f": 1
        case "b": 2
        case "u": 3
        case "r": 5
        case "d": 6
        default: nil
        }
    }

    /// IPTC 7901 priority digits 1 (flash) … 6 (lowest); 4 is the ordinary news priority.
    static func iptcPriority(_ digit: Int) -> Int? {
        switch digit {
        case 1: 1
        case 2: 2
        case 3: 3
        case 4: 5
        case 5: 6
        case 6: 8
        default: nil
        }
    }

    /// FLASH, BULLETIN, URGENT, ALERT (and AP's APNewsAlert), in capitals.
    static func word(_ text: String) -> Int? {
        switch wordKey(text) {
        case "FLASH": 1
        case "BULLETIN", "APNEWSALERT", "NEWSALERT": 2
        case "URGENT", "ALERT", "EILT", "EIL": 3
        default: nil
        }
    }

    /// `text` without `*() ` at either end, in capitals. ASCII text (where a byte is a Character
    /// and upper-casing moves only a–z) is trimmed among its bytes, and a word longer than any
    /// urgency word is not upper-cased at all: trimming Characters and upper-casing cost ~3,000
    /// instructions a dpa heading line.
    private static func wordKey(_ text: String) -> String {
        var text = text
        let ascii = text.withUTF8 { bytes -> String? in
            guard WordAtATime.isASCII(bytes) else { return nil }
            func trimmed(_ byte: UInt8) -> Bool { byte == 0x2A || byte == 0x28 || byte == 0x29 || byte == 0x20 }
            var start = 0
            var end = bytes.count
            while start < end, trimmed(bytes[start]) { start += 1 }
            while end > start, trimmed(bytes[end - 1]) { end -= 1 }
            guard end - start <= longestWord else { return "" }
            return String(decoding: bytes[start..<end].map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
        }
        return ascii ?? text.trimmingCharacters(in: "*() ").uppercased()
    }

    /// "APNEWSALERT", the longest word `word` knows.
    private static let longestWord = 11

    /// "URGENT - …", "FLASH: …" opening a headline: the word in capitals, then a dash or colon.
    static func leadingWord(_ headline: String) -> (urgency: Int, rest: String)? {
        // FLASH, BULLETIN, URGENT, ALERT, EIL(T), APNEWSALERT, NEWSALERT: told by the first letter.
        guard let first = headline.utf8.first(where: { $0 != 0x2A && $0 != 0x20 }), "FBUAEN".utf8.contains(first) else {
            return nil
        }
        let trimmed = headline.drop { $0 == "*" || $0 == " " }
        let word = trimmed.prefix { $0.isLetter }
        guard word.count >= 5, word == word.uppercased(), let urgency = Urgency.word(String(word)) else { return nil }
        let separator = trimmed.dropFirst(word.count).prefix { $0 == " " || $0 == "-" || $0 == ":" || $0 == "*" }
        guard separator.contains(where: { $0 != " " }) else { return nil }
        let rest = trimmed.dropFirst(word.count + separator.count)
        return rest.isEmpty ? nil : (urgency, String(rest))
    }
}
