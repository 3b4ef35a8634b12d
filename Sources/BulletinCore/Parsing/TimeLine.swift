/// A web page's time line kept as a line of text: "Updated 8 January 2020", "Aktualisiert am
/// 13.12.2022", "Mis à jour le 13/01/2014", "Published December 29, 2019, 10:32". It is short
/// and shaped like a headline, but it dates the story above it and never opens one.
///
/// A line is one when it holds a date — a numeric one (13.12.2022, 13/01/2014, 2019-04-28) or a
/// day, a month's name and a year next to each other — and at most a few words besides (a label,
/// a weekday, "at", a time). Asked only of headline candidates, never of every line.
enum TimeLine {
    static func isTimeLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= 80, let firstDigit = WordAtATime.firstDigit(bytes),
            mayHoldDate(bytes, from: firstDigit)
        else { return false }
        // At most ten tokens, kept on the stack: the figure-row finder asks this of every short
        // table row, and a growing array cost a few allocations a row.
        return withUnsafeTemporaryAllocation(of: Token.self, capacity: maximumTokens) { kinds in
            guard let count = tokens(bytes, into: kinds) else { return false }
            return isDated(UnsafeBufferPointer(rebasing: kinds[..<count]))
        }
    }

    private static let maximumTokens = 10

    /// Whether the bytes from their first digit (`start`) hold what every dated line holds: a
    /// year (a run of four digits) or a numeric date (digits, a `.` `/` `-`, digits, another,
    /// digits, with nothing between). One pass with no token made: most short lines with a
    /// digit (a results table's rows, "3.00 Dream Kisses", "Net 316,000 vs 298,000") hold
    /// neither, and tokenizing them cost ~1,400 instructions a row. A line without a digit
    /// is ruled out before, by the cheaper search for one.
    private static func mayHoldDate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var run = 0  // digits in a row
        var separators = 0  // separators passed in the digit groups running up to here
        for byte in UnsafeBufferPointer(rebasing: bytes[start...]) {
            if ByteScalars.isDigit(byte) {
                run += 1
                if run == 4 || separators == 2 { return true }
            } else if run > 0 && (byte == 0x2E || byte == 0x2F || byte == 0x2D) {
                separators += 1
                run = 0
            } else {
                separators = 0
                run = 0
            }
        }
        return false
    }

    /// The kinds of the line's tokens written into `kinds`, and how many; nil when a token is
    /// neither a date's part nor a word, or there are more than `kinds` holds.
    private static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, into kinds: UnsafeMutableBufferPointer<Token>) -> Int? {
        var count = 0
        var start = 0
        while start < bytes.count {
            while start < bytes.count && bytes[start] == 0x20 { start += 1 }
            var end = start
            while end < bytes.count && bytes[end] != 0x20 { end += 1 }
            if end > start {
                guard count < kinds.count else { return nil }
                let kind = token(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                // One token that is neither a date's part nor a word rules the line out: a
                // table's row ("Shr 43 cts vs 41 cts") is asked too, and stops here.
                guard kind != .other else { return nil }
                kinds.initializeElement(at: count, to: kind)
                count += 1
            }
            start = end
        }
        return count
    }

    /// A numeric date, or a month's name with a day and a year beside it, and at most four words.
    private static func isDated(_ kinds: UnsafeBufferPointer<Token>) -> Bool {
        var dated = kinds.contains(.numericDate)
        for index in kinds.indices where kinds[index] == .month {
            let before = index > 0 ? kinds[index - 1] : nil
            let after = index + 1 < kinds.count ? kinds[index + 1] : nil
            let afterNext = index + 2 < kinds.count ? kinds[index + 2] : nil
            // "29 December 2019", "December 29, 2019"
            if (before == .day && after == .year) || (after == .day && afterNext == .year) { dated = true }
        }
        var words = 0
        for kind in kinds where kind == .word { words += 1 }
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
        // The digit groups, counted as they close (no array a token: every row of a table is
        // asked): how many, whether one is 2 or 4 digits long, whether all are at most 2, the
        // first one's length, and how many colons separate them.
        var groups = 0
        var firstLength = 0
        var hasTwoOrFour = false
        var allShort = true
        var colons = 0
        var length = 0
        func closeGroup() {
            groups += 1
            if groups == 1 { firstLength = length }
            if length == 2 || length == 4 { hasTwoOrFour = true }
            if length > 2 { allShort = false }
            length = 0
        }
        for byte in token {
            if ByteScalars.isDigit(byte) {
                length += 1
            } else if byte == 0x2E || byte == 0x2F || byte == 0x2D || byte == 0x3A, length > 0 {
                closeGroup()
                if byte == 0x3A { colons += 1 }
            } else {
                return .other
            }
        }
        guard length > 0 else { return .other }
        closeGroup()
        if groups == 3 && colons == 0 && hasTwoOrFour { return .numericDate }
        if groups == 2 && colons == 1 && allShort { return .time }
        // A day has one or two digits, a year four: a longer run is neither (and its value, a
        // run of 19 digits or more, would overflow: a fuzz finding that stopped the parser).
        guard groups == 1, firstLength <= 4 else { return .other }
        let value = token.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        if firstLength <= 2 && value >= 1 && value <= 31 { return .day }
        if firstLength == 4 && value >= 1900 && value <= 2099 { return .year }
        return .other
    }

    /// The first three letters of month names in English, German, French, Spanish,
    /// Portuguese and Italian ("Dezember", "janvier", "agosto", "Sept.").
    static let monthStems: Set<String> = [
        "jan", "feb", "fev", "fév", "mar", "mär", "apr", "avr", "abr", "may", "mai", "mag", "jun", "jui", "giu",
        "jul", "lug", "aug", "aoû", "ago", "sep", "set", "oct", "okt", "ott", "out", "nov", "dec", "dez", "dic",
        "déc", "ene", "gen",
    ]

    /// `monthStems` written in ASCII, each packed into an integer (`asciiKey`): one comparison a
    /// stem, where comparing byte triples cost some 500 instructions a word of every row asked.
    private static let asciiMonthStems: [UInt32] = monthStems.compactMap { stem in
        let bytes = Array(stem.utf8)
        return bytes.count == 3 ? asciiKey(bytes[0], bytes[1], bytes[2]) : nil
    }

    /// Three ASCII letters, lower-cased, in one integer.
    @inline(__always)
    private static func asciiKey(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> UInt32 {
        UInt32(first | 0x20) << 16 | UInt32(second | 0x20) << 8 | UInt32(third | 0x20)
    }

    private static func isMonth<Bytes: Collection<UInt8>>(_ word: Bytes) -> Bool {
        // Most words are ASCII: judged among bytes, as the String path below would judge them,
        // without building a String for every word of every line asked.
        if word.allSatisfy({ $0 < 0x80 }) {
            guard word.count >= 3, word.count <= 10, word.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
            else { return false }
            var stem = word.makeIterator()
            return asciiMonthStems.contains(asciiKey(stem.next()!, stem.next()!, stem.next()!))
        }
        let text = ByteScalars.string(word).lowercased()
        guard text.count >= 3, text.count <= 10, text.allSatisfy(\.isLetter) else { return false }
        return monthStems.contains(String(text.prefix(3)))
    }
}
