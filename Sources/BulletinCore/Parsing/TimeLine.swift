/// A web page's time line kept as a line of text: "Updated 8 January 2020", "Aktualisiert am
/// 13.12.2022", "Mis à jour le 13/01/2014", "Published December 29, 2019, 10:32". It is short
/// and shaped like a headline, but it dates the story above it and never opens one.
///
/// A line is one when it holds a date — a numeric one (13.12.2022, 13/01/2014, 2019-04-28) or a
/// day, a month's name and a year next to each other — and at most a few words besides (a label,
/// a weekday, "at", a time). Asked only of headline candidates, never of every line.
enum TimeLine {
    static func isTimeLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= 80, bytes.contains(where: ByteScalars.isDigit) else { return false }
        var kinds: [Token] = []
        var start = 0
        while start < bytes.count {
            while start < bytes.count && bytes[start] == 0x20 { start += 1 }
            var end = start
            while end < bytes.count && bytes[end] != 0x20 { end += 1 }
            if end > start {
                guard kinds.count < 10 else { return false }
                let kind = token(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                // One token that is neither a date's part nor a word rules the line out: a
                // table's row ("Shr 43 cts vs 41 cts") is asked too, and stops here.
                guard kind != .other else { return false }
                kinds.append(kind)
            }
            start = end
        }
        var dated = kinds.contains(.numericDate)
        for index in kinds.indices where kinds[index] == .month {
            let before = index > 0 ? kinds[index - 1] : nil
            let after = index + 1 < kinds.count ? kinds[index + 1] : nil
            let afterNext = index + 2 < kinds.count ? kinds[index + 2] : nil
            // "29 December 2019", "December 29, 2019"
            if (before == .day && after == .year) || (after == .day && afterNext == .year) { dated = true }
        }
        let words = kinds.filter { $0 == .word }.count
        return dated && words <= 4
    }

    private enum Token { case numericDate, day, year, time, month, word, other }

    private static func token(_ raw: UnsafeBufferPointer<UInt8>) -> Token {
        var token = raw[...]
        while let last = token.last, last == 0x2C || last == 0x2E || last == 0x3A || last == 0x3B || last == 0x29 {
            token = token.dropLast()
        }
        while let first = token.first, first == 0x28 { token = token.dropFirst() }
        guard !token.isEmpty else { return .word }
        guard token.contains(where: ByteScalars.isDigit) else {
            return isMonth(token) ? .month : .word
        }
        // Digit groups and what separates them.
        var groups: [Int] = []
        var separators: [UInt8] = []
        var length = 0
        for byte in token {
            if ByteScalars.isDigit(byte) {
                length += 1
            } else if byte == 0x2E || byte == 0x2F || byte == 0x2D || byte == 0x3A, length > 0 {
                groups.append(length)
                separators.append(byte)
                length = 0
            } else {
                return .other
            }
        }
        guard length > 0 else { return .other }
        groups.append(length)
        if groups.count == 3 && separators.allSatisfy({ $0 != 0x3A }) && groups.contains(where: { $0 == 4 || $0 == 2 }) {
            return .numericDate
        }
        if groups.count == 2 && separators == [0x3A] && groups.allSatisfy({ $0 <= 2 }) { return .time }
        // A day has one or two digits, a year four: a longer run is neither (and its value, a
        // run of 19 digits or more, would overflow: a fuzz finding that stopped the parser).
        guard groups.count == 1, groups[0] <= 4 else { return .other }
        let value = token.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        if groups[0] <= 2 && value >= 1 && value <= 31 { return .day }
        if groups[0] == 4 && value >= 1900 && value <= 2099 { return .year }
        return .other
    }

    /// The first three letters of month names in English, German, French, Spanish,
    /// Portuguese and Italian ("Dezember", "janvier", "agosto", "Sept.").
    static let monthStems: Set<String> = [
        "jan", "feb", "fev", "fév", "mar", "mär", "apr", "avr", "abr", "may", "mai", "mag", "jun", "jui", "giu",
        "jul", "lug", "aug", "aoû", "ago", "sep", "set", "oct", "okt", "ott", "out", "nov", "dec", "dez", "dic",
        "déc", "ene", "gen",
    ]

    /// `monthStems` written in ASCII, as byte triples.
    private static let asciiMonthStems: [(UInt8, UInt8, UInt8)] = monthStems.compactMap { stem in
        let bytes = Array(stem.utf8)
        return bytes.count == 3 ? (bytes[0], bytes[1], bytes[2]) : nil
    }

    private static func isMonth<Bytes: Collection<UInt8>>(_ word: Bytes) -> Bool {
        // Most words are ASCII: judged among bytes, as the String path below would judge them,
        // without building a String for every word of every line asked.
        if word.allSatisfy({ $0 < 0x80 }) {
            guard word.count >= 3, word.count <= 10, word.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
            else { return false }
            var stem = word.prefix(3).makeIterator()
            let key = (stem.next()! | 0x20, stem.next()! | 0x20, stem.next()! | 0x20)
            return asciiMonthStems.contains { $0 == key }
        }
        let text = ByteScalars.string(word).lowercased()
        guard text.count >= 3, text.count <= 10, text.allSatisfy(\.isLetter) else { return false }
        return monthStems.contains(String(text.prefix(3)))
    }
}
