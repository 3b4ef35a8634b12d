/// Filing times as the framings write them, turned into RFC 3339 UTC.
enum FiledTime {
    /// AP's trailer: "AP-WF-02-20-16 0337GMT" (month, day, two-digit year, hour and minute).
    static func anpaTrailer(_ line: String) -> String? {
        guard let range = line.firstRange(of: "-WF-") ?? line.firstRange(of: "-wf-") else { return nil }
        let fields = line[range.upperBound...].split { $0 == "-" || $0 == " " }
        guard fields.count >= 4, let month = Int(fields[0]), let day = Int(fields[1]), let year = Int(fields[2]) else {
            return nil
        }
        let clock = fields[3].prefix { $0.isNumber }
        guard clock.count == 4, let hour = Int(clock.prefix(2)), let minute = Int(clock.suffix(2)) else { return nil }
        return rfc3339(year: 2000 + year, month: month, day: day, hour: hour, minute: minute)
    }

    /// IPTC 7901's closing line: "131137 GMT Nov 13" or "211259 Nov 18" (day, hour and
    /// minute, then month and two-digit year); German months too ("Okt", "Mai", "Dez").
    static func iptcTrailer(_ line: String) -> String? {
        let fields = line.split(separator: " ").filter { $0 != "GMT" && $0 != "UTC" }
        guard fields.count >= 3, fields[0].count == 6, let stamp = Int(fields[0]),
            let month = month(String(fields[1])), let year = Int(fields[2]), fields[2].count == 2
        else { return nil }
        return rfc3339(year: 2000 + year, month: month, day: stamp / 10_000, hour: stamp / 100 % 100, minute: stamp % 100)
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

    static func month(_ name: String) -> Int? {
        let key = name.lowercased().prefix(3)
        let months = [
            "jan": 1, "feb": 2, "mar": 3, "mär": 3, "mrz": 3, "apr": 4, "may": 5, "mai": 5, "jun": 6, "jul": 7,
            "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12,
        ]
        return months[String(key)]
    }

    static func rfc3339(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) -> String? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...59).contains(second), (1970...2999).contains(year)
        else { return nil }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))Z"
    }
}
