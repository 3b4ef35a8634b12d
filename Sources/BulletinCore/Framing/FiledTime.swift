/// Filing times as the framings write them, turned into RFC 3339 UTC.
enum FiledTime {
    /// AP's trailer: "AP-WF-02-20-16 0337GMT" (month, day, two-digit year, hour and minute).
    static func anpaTrailer(_ line: String) -> String? {
        var line = line
        if line.withUTF8(WordAtATime.isASCII) { return line.withUTF8(anpaTrailer(ascii:)) }
        guard let afterMarker = end(of: "-WF-", in: line) ?? end(of: "-wf-", in: line) else { return nil }
        let fields = line[afterMarker...].split { $0 == "-" || $0 == " " }
        guard fields.count >= 4, let month = Int(fields[0]), let day = Int(fields[1]), let year = Int(fields[2]) else {
            return nil
        }
        let clock = fields[3].prefix { $0.isNumber }
        guard clock.count == 4, let hour = Int(clock.prefix(2)), let minute = Int(clock.suffix(2)) else { return nil }
        return rfc3339(year: 2000 + year, month: month, day: day, hour: hour, minute: minute)
    }

    /// The same read from the bytes of an ASCII line (a byte is a Character there), in place:
    /// copying the line, splitting it into an array of fields and making a String of each
    /// number cost ~6,000 instructions an AP item.
    private static func anpaTrailer(ascii line: UnsafeBufferPointer<UInt8>) -> String? {
        func end(of marker: StaticString) -> Int? {
            let count = marker.utf8CodeUnitCount
            guard line.count >= count else { return nil }
            for start in 0...(line.count - count) {
                var matched = 0
                while matched < count, line[start + matched] == marker.utf8Start[matched] { matched += 1 }
                if matched == count { return start + count }
            }
            return nil
        }
        guard let afterMarker = end(of: "-WF-") ?? end(of: "-wf-") else { return nil }
        // The first four fields apart by "-" and " " (empty ones skipped, as `split` does).
        var fields: (Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0, 0..<0)
        var found = 0
        var index = afterMarker
        while found < 4 && index < line.count {
            if line[index] == 0x2D || line[index] == 0x20 {
                index += 1
                continue
            }
            var fieldEnd = index
            while fieldEnd < line.count, line[fieldEnd] != 0x2D, line[fieldEnd] != 0x20 { fieldEnd += 1 }
            switch found {
            case 0: fields.0 = index..<fieldEnd
            case 1: fields.1 = index..<fieldEnd
            case 2: fields.2 = index..<fieldEnd
            default: fields.3 = index..<fieldEnd
            }
            found += 1
            index = fieldEnd
        }
        guard found == 4, let month = number(line, fields.0), let day = number(line, fields.1),
            let year = number(line, fields.2)
        else { return nil }
        var clockEnd = fields.3.lowerBound
        while clockEnd < fields.3.upperBound, line[clockEnd] &- 0x30 < 10 { clockEnd += 1 }
        let clock = fields.3.lowerBound..<clockEnd
        guard clock.count == 4, let hour = number(line, clock.lowerBound..<(clock.lowerBound + 2)),
            let minute = number(line, (clock.upperBound - 2)..<clock.upperBound)
        else { return nil }
        return rfc3339(year: 2000 + year, month: month, day: day, hour: hour, minute: minute)
    }

    /// `Int(String(decoding: line[range], as: UTF8.self))` for an ASCII field without "-": an
    /// optional "+", then one digit or more, nil past `Int.max`.
    private static func number(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        if index < range.upperBound, line[index] == 0x2B { index += 1 }
        guard index < range.upperBound else { return nil }
        var value = 0
        while index < range.upperBound {
            let digit = line[index] &- 0x30
            guard digit < 10 else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int(digit))
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// Where the first `marker` (ASCII) in `line` ends, found among its bytes: a search of the
    /// String itself compares Characters and cost more than the rest of reading the trailer.
    private static func end(of marker: StaticString, in line: String) -> String.Index? {
        let utf8 = line.utf8
        let count = marker.utf8CodeUnitCount
        let pattern = marker.utf8Start
        var start = utf8.startIndex
        while let first = utf8[start...].firstIndex(of: pattern[0]) {
            var index = first
            var matched = 0
            while matched < count, index < utf8.endIndex, utf8[index] == pattern[matched] {
                matched += 1
                index = utf8.index(after: index)
            }
            if matched == count { return index }
            start = utf8.index(after: first)
        }
        return nil
    }

    /// IPTC 7901's closing line: "131137 GMT Nov 13" or "211259 Nov 18" (day, hour and
    /// minute, then month and two-digit year); German months too ("Okt", "Mai", "Dez").
    static func iptcTrailer(_ line: String) -> String? {
        // The stamp is six characters that read as a number: five ASCII digits at least. Most
        // lines after ETX (blank, DEL) have none, and need no splitting.
        var digits = 0
        for byte in line.utf8 where byte &- 0x30 < 10 {
            digits += 1
            if digits == 5 { break }
        }
        guard digits == 5 else { return nil }
        var line = line
        if let ascii = line.withUTF8({ bytes -> String?? in
            guard WordAtATime.isASCII(bytes), !bytes.contains(0x0D) else { return nil }
            return .some(iptcTrailer(ascii: bytes))
        }) {
            return ascii
        }
        let fields = WireLines.words(line).filter { $0 != "GMT" && $0 != "UTC" }
        guard fields.count >= 3, fields[0].count == 6, let stamp = Int(fields[0]),
            let month = month(String(fields[1])), let year = Int(fields[2]), fields[2].count == 2
        else { return nil }
        return rfc3339(year: 2000 + year, month: month, day: stamp / 10_000, hour: stamp / 100 % 100, minute: stamp % 100)
    }

    /// The same read from the bytes of an ASCII line without CR (where `WireLines.words` splits at
    /// spaces and a byte is a Character): the first three words that are not GMT or UTC, with no
    /// array of words and no Strings but the numbers'; the month from its first three letters.
    private static func iptcTrailer(ascii line: UnsafeBufferPointer<UInt8>) -> String? {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(3)
        var start = 0
        while start < line.count && fields.count < 3 {
            guard line[start] != 0x20 else {
                start += 1
                continue
            }
            var end = start
            while end < line.count, line[end] != 0x20 { end += 1 }
            let word = UnsafeBufferPointer(rebasing: line[start..<end])
            if !(word.elementsEqual("GMT".utf8) || word.elementsEqual("UTC".utf8)) { fields.append(start..<end) }
            start = end
        }
        func number(_ field: Range<Int>) -> Int? { Int(String(decoding: UnsafeBufferPointer(rebasing: line[field]), as: UTF8.self)) }
        guard fields.count >= 3, fields[0].count == 6, let stamp = number(fields[0]),
            let month = month(ascii: UnsafeBufferPointer(rebasing: line[fields[1]])), let year = number(fields[2]),
            fields[2].count == 2
        else { return nil }
        return rfc3339(year: 2000 + year, month: month, day: stamp / 10_000, hour: stamp / 100 % 100, minute: stamp % 100)
    }

    /// `month(_:)` of an ASCII word: its first three letters lowercased, as the table's keys (the
    /// one key beyond ASCII, "mär", cannot match).
    private static func month(ascii word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard word.count >= 3 else { return nil }
        let key = String(decoding: [ByteScalars.asciiLower(word[0]), ByteScalars.asciiLower(word[1]), ByteScalars.asciiLower(word[2])], as: UTF8.self)
        return months[key]
    }

    /// A key#value feed's date: "06 June 2016 14:00:00" (taken as UTC).
    static func dayMonthYearTime(_ text: String) -> String? {
        let fields = text.split(separator: " ")
        guard fields.count >= 3, let day = Int(fields[0]), let month = month(String(fields[1])), let year = Int(fields[2]),
            year > 1900
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        if fields.count >= 4 {
            let clock = fields[3].split(separator: ":").compactMap { Int($0) }
            guard clock.count >= 2 else { return nil }
            hour = clock[0]
            minute = clock[1]
            second = clock.count > 2 ? clock[2] : 0
        }
        return rfc3339(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// A government notice's issue time: "Issued at 9:27 am EST on Thursday 5 July 2018." or
    /// "At 1859UTC 15 July 2018" (Australian zones: EST/AEST +10, EDT/AEDT +11, CST/ACST +9:30,
    /// CDT/ACDT +10:30, WST/AWST +8; UTC, GMT). Nil without a zone it knows.
    static func notice(_ line: String) -> String? {
        let words = line.split { $0 == " " || $0 == "," }.map { String($0).trimmingCharacters(in: ".") }
        guard words.first?.lowercased() == "issued" || words.first?.lowercased() == "at" else { return nil }
        var clock: (hour: Int, minute: Int, offset: Int)?
        var date: (day: Int, month: Int, year: Int)?
        for (index, word) in words.enumerated() {
            if clock == nil, let time = noticeClock(Array(words[index...].prefix(3))) { clock = time }
            if date == nil, index + 2 < words.count, let day = Int(word), (1...31).contains(day),
                let month = month(words[index + 1]), words[index + 1].count >= 3, let year = Int(words[index + 2]),
                words[index + 2].count == 4
            {
                date = (day, month, year)
            }
        }
        guard let clock, let date else { return nil }
        guard let local = rfc3339(year: date.year, month: date.month, day: date.day, hour: clock.hour, minute: clock.minute)
        else { return nil }
        return shifted(local, byMinutes: -clock.offset)
    }

    static let zoneOffsets: [String: Int] = [
        "utc": 0, "gmt": 0, "est": 600, "aest": 600, "edt": 660, "aedt": 660, "cst": 570, "acst": 570, "cdt": 630,
        "acdt": 630, "wst": 480, "awst": 480,
    ]

    /// "9:27 am EST", "1859UTC", "1800 UTC": the hour and minute and the zone's offset in minutes.
    private static func noticeClock(_ words: [String]) -> (hour: Int, minute: Int, offset: Int)? {
        guard let first = words.first else { return nil }
        let digits = first.prefix { $0.isASCII && $0.isNumber }
        if digits.count == 4, let value = Int(digits) {
            let zone = first.count > 4 ? String(first.dropFirst(4)) : words.dropFirst().first ?? ""
            guard let offset = zoneOffsets[zone.lowercased()] else { return nil }
            return (value / 100, value % 100, offset)
        }
        let parts = first.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (1...12).contains(hour),
            words.count == 3, let offset = zoneOffsets[words[2].lowercased()]
        else { return nil }
        switch words[1].lowercased() {
        case "am": return (hour % 12, minute, offset)
        case "pm": return (hour % 12 + 12, minute, offset)
        default: return nil
        }
    }

    /// An RFC 3339 UTC time moved by whole minutes (across days, months and years).
    static func shifted(_ time: String, byMinutes minutes: Int) -> String? {
        let fields = time.split { !$0.isNumber }.compactMap { Int($0) }
        guard fields.count == 6 else { return nil }
        var total = (days(year: fields[0], month: fields[1], day: fields[2]) * 24 + fields[3]) * 60 + fields[4] + minutes
        let minute = ((total % 60) + 60) % 60
        total = (total - minute) / 60
        let hour = ((total % 24) + 24) % 24
        let civil = civilDate(days: (total - hour) / 24)
        return rfc3339(year: civil.year, month: civil.month, day: civil.day, hour: hour, minute: minute, second: fields[5])
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilDate(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func month(_ name: String) -> Int? {
        months[String(name.lowercased().prefix(3))]
    }

    /// Built once: a dictionary literal inside `month` was built again at every call.
    private static let months = [
        "jan": 1, "feb": 2, "mar": 3, "mär": 3, "mrz": 3, "apr": 4, "may": 5, "mai": 5, "jun": 6, "jul": 7,
        "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12,
    ]

    /// Days in `month` (1–12) of `year`, without an array made at every call.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func rfc3339(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) -> String? {
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...59).contains(second), (1970...2999).contains(year)
        else { return nil }
        // Every field has its fixed width here (a four-digit year, two digits for the rest): the
        // twenty bytes written at once, where interpolating six numbers cost ~3,000 instructions.
        return String(unsafeUninitializedCapacity: 20) { out in
            func put(_ value: Int, digits: Int, at offset: Int) {
                var value = value
                for position in stride(from: offset + digits - 1, through: offset, by: -1) {
                    out[position] = UInt8(truncatingIfNeeded: 0x30 + value % 10)
                    value /= 10
                }
            }
            put(year, digits: 4, at: 0)
            put(month, digits: 2, at: 5)
            put(day, digits: 2, at: 8)
            put(hour, digits: 2, at: 11)
            put(minute, digits: 2, at: 14)
            put(second, digits: 2, at: 17)
            out[4] = 0x2D  // -
            out[7] = 0x2D
            out[10] = 0x54  // T
            out[13] = 0x3A  // :
            out[16] = 0x3A
            out[19] = 0x5A  // Z
            return 20
        }
    }
}
