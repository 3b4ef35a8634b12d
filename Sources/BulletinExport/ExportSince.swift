import BulletinCore

/// Where `export --since` starts: a time given as a person writes it.
package enum ExportSince {
    /// `2026-11-29T18:05:00Z` (any RFC 3339 time, fraction and offset allowed), `2026-11-29`
    /// (midnight UTC), `now`, or a time ago: `90s`, `30m`, `6h`, `7d`.
    package static func parse(_ text: String, now: Timestamp) -> Timestamp? {
        if text == "now" { return now }
        if let ago = duration(text) { return Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch - ago) }
        let bytes = Array(text.utf8)
        if bytes.count == 10, let day = days(bytes) { return Timestamp(millisecondsSinceEpoch: day * 86_400_000) }
        return dateTime(bytes)
    }

    /// `30m` → milliseconds.
    private static func duration(_ text: String) -> Int64? {
        guard let unit = text.last, let amount = Int64(text.dropLast()), amount >= 0 else { return nil }
        let milliseconds: Int64
        switch unit {
        case "s": milliseconds = 1000
        case "m": milliseconds = 60_000
        case "h": milliseconds = 3_600_000
        case "d": milliseconds = 86_400_000
        default: return nil
        }
        let (product, overflow) = amount.multipliedReportingOverflow(by: milliseconds)
        return overflow ? nil : product
    }

    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int64? {
        guard range.upperBound <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[range] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        return value
    }

    /// `YYYY-MM-DD` at the start of `bytes` → days since the epoch.
    private static func days(_ bytes: [UInt8]) -> Int64? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes, 0..<4), let month = number(bytes, 5..<7), let day = number(bytes, 8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        // Days from civil (Howard Hinnant), as `Timestamp(rfc3339:)` computes them.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`
    private static func dateTime(_ bytes: [UInt8]) -> Timestamp? {
        guard bytes.count >= 20, let day = days(bytes), bytes[10] | 0x20 == UInt8(ascii: "t"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = number(bytes, 11..<13), let minute = number(bytes, 14..<16), let second = number(bytes, 17..<19),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var milliseconds: Int64 = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            guard index > start else { return nil }
            let digits = bytes[start..<min(index, start + 3)]
            milliseconds = digits.reduce(0) { $0 * 10 + Int64($1 - 48) }
            for _ in digits.count..<3 { milliseconds *= 10 }
        }
        var offsetMinutes: Int64 = 0
        guard index < bytes.count else { return nil }
        if bytes[index] | 0x20 == UInt8(ascii: "z") {
            guard index + 1 == bytes.count else { return nil }
        } else {
            guard index + 6 == bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
                bytes[index + 3] == UInt8(ascii: ":"), let hours = number(bytes, index + 1..<index + 3),
                let minutes = number(bytes, index + 4..<index + 6), hours < 24, minutes < 60
            else { return nil }
            offsetMinutes = (hours * 60 + minutes) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        }
        let seconds = ((day * 24 + hour) * 60 + minute - offsetMinutes) * 60 + second
        return Timestamp(millisecondsSinceEpoch: seconds * 1000 + milliseconds)
    }
}
