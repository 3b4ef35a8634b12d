/// Datelines as agencies write them outside the English wire style that `Dateline` reads:
///
/// - TASS, Ukrinform: `МОСКВА, 27 сентября. /ТАСС/. Text` — the credit between slashes;
/// - ČTK and others: `Praha 3. března (ČTK) - Text` — a date after the place without a comma;
/// - Xinhua, China News Service: `新华社北京6月1日电` (`新華社…電` in Traditional characters);
/// - Yonhap, Newsis, News1: `(서울=연합뉴스) Text`;
/// - Kyodo, Jiji: `【東京共同】Text`;
/// - Saudi Press Agency, WAM, QNA, KUNA…: `بريدة 12 جمادى الآخرة 1441 هـ الموافق 06 فبراير 2020 م واس`.
///
/// Each returns the place as written and the credit; the paragraph keeps them.
enum LocalDatelines {
    static func parse(_ paragraph: ArraySlice<UInt8>) -> Dateline? {
        guard let first = paragraph.first else { return nil }
        // Only paragraphs that open with a capital, "(", "【" or a letter outside ASCII.
        guard first >= 0x80 || first == 0x28 || (first >= 0x41 && first <= 0x5A) else { return nil }
        guard mayHoldOne(paragraph) else { return nil }
        // Each convention needs a byte that most openings lack; a reader is tried only where
        // its byte is there (all six on a String cost ~180,000 instructions a paragraph).
        let marks = OpeningMarks(paragraph.prefix(200))
        let opening = ByteScalars.string(paragraph.prefix(200))
        return (marks.slash ? slashCredit(opening) : nil) ?? (marks.parenthesis ? dateThenCredit(opening) : nil)
            ?? (marks.cjk ? chineseAgency(opening) : nil) ?? (first == 0x28 ? placeEqualsAgency(opening) : nil)
            ?? (marks.cjk ? lenticularBrackets(opening) : nil) ?? (marks.arabic ? arabicAgency(opening) : nil)
    }

    /// What each reader below needs among the opening's bytes: a "/" (`slashCredit`), a "("
    /// (`dateThenCredit`), a first scalar from U+3000 up (the Chinese and Japanese formulas), an
    /// Arabic first letter (`arabicAgency`'s place is Arabic from its first scalar).
    private struct OpeningMarks {
        var slash = false
        var parenthesis = false
        let cjk: Bool
        let arabic: Bool

        init(_ opening: ArraySlice<UInt8>) {
            let first = opening.first ?? 0
            cjk = first >= 0xE3
            arabic = first >= 0xD8 && first <= 0xDB
            for byte in opening where byte == 0x2F || byte == 0x28 {
                if byte == 0x2F { slash = true } else { parenthesis = true }
            }
        }
    }

    /// Whether any convention below could match, from the first scalar and bytes alone: most
    /// paragraphs that reach here open with a quotation mark, or a word and no "/" or "(" in
    /// reach, and building their opening as a String would cost more than all the rest.
    static func mayHoldOne(_ paragraph: ArraySlice<UInt8>) -> Bool {
        guard let first = paragraph.first else { return false }
        if first == 0x28 { return true }  // "(서울=연합뉴스)"
        let scalar = ByteScalars.scalar(in: paragraph, at: paragraph.startIndex).0
        switch scalar.value {
        case 0x3010, 0x0600...0x06FF, 0x4E00...0x9FFF: return true  // 【, an Arabic place, a Chinese agency
        default: break
        }
        // TASS's slashes and ČTK's parenthesized credit follow a place, within the 200 bytes read.
        guard ByteScalars.isLetter(scalar) else { return false }
        return paragraph.prefix(200).contains { $0 == 0x2F || $0 == 0x28 }
    }

    /// `МОСКВА, 27 сентября. /ТАСС/.`, `КИЇВ, 5 березня /Укрінформ/.`: a place in capitals, an
    /// optional date, and the credit between slashes.
    static func slashCredit(_ text: String) -> Dateline? {
        guard let open = text.firstIndex(of: "/"), text.distance(from: text.startIndex, to: open) < 60 else { return nil }
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(of: "/") else { return nil }
        let credit = rest[..<close]
        guard (2...30).contains(credit.count), credit.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else { return nil }
        let head = text[..<open].trimmingCharacters(in: " .,")
        let place = head.split(separator: ",", maxSplits: 1).first.map(String.init) ?? head
        guard isCapitalsPlace(place) else { return nil }
        // The date, if any, is a day number and a month.
        if let comma = head.firstIndex(of: ",") {
            let date = head[head.index(after: comma)...]
            guard date.contains(where: \.isDecimalDigit), date.count < 30 else { return nil }
        }
        return Dateline(place: place, credit: String(credit))
    }

    /// `Praha 3. března (ČTK) -`: a capitalized place, a date starting with its day, a credit.
    static func dateThenCredit(_ text: String) -> Dateline? {
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")"),
            text.distance(from: text.startIndex, to: open) < 50
        else { return nil }
        let head = text[..<open].split(separator: " ", omittingEmptySubsequences: true)
        guard head.count >= 2, let day = head.dropFirst().first, day.first?.isDecimalDigit == true else { return nil }
        let place = String(head[0])
        guard place.first?.isUppercase == true, place.allSatisfy(\.isLetter), place.count >= 2 else { return nil }
        let after = text[text.index(after: close)...].drop { $0 == " " }
        guard let delimiter = after.first, delimiter == "-" || delimiter == "\u{2013}" || delimiter == "\u{2014}" else {
            return nil
        }
        let credit = text[text.index(after: open)..<close]
        guard (2...30).contains(credit.count) else { return nil }
        return Dateline(place: place, credit: String(credit))
    }

    /// Chinese agencies' formula: agency, place, month 月 day 日 电.
    static let chineseAgencies = ["新华社", "新華社", "中新社", "中新网", "中新網", "人民网", "人民網", "央视网", "央視網", "本报", "本報"]

    static func chineseAgency(_ text: String) -> Dateline? {
        guard let agency = chineseAgencies.first(where: { text.hasPrefix($0) }) else { return nil }
        let rest = text.dropFirst(agency.count)
        // The place runs to the first digit (of the month).
        guard let digit = rest.firstIndex(where: \.isDecimalDigit), rest.distance(from: rest.startIndex, to: digit) <= 8
        else { return nil }
        let place = rest[..<digit]
        let date = rest[digit...].prefix(12)
        guard !place.isEmpty, place.allSatisfy({ $0.isLetter }), date.contains("日"),
            date.contains("电") || date.contains("電")
        else { return nil }
        return Dateline(place: String(place), credit: agency)
    }

    /// `(서울=연합뉴스)`: place, "=", agency, in parentheses at the start.
    static func placeEqualsAgency(_ text: String) -> Dateline? {
        guard text.hasPrefix("("), let close = text.firstIndex(of: ")"), text.distance(from: text.startIndex, to: close) < 30
        else { return nil }
        let inside = text[text.index(after: text.startIndex)..<close]
        let parts = inside.split(separator: "=", omittingEmptySubsequences: false)
        guard parts.count == 2, let place = parts.first, let credit = parts.last,
            !place.isEmpty, !credit.isEmpty, place.allSatisfy(\.isLetter)
        else { return nil }
        return Dateline(place: String(place), credit: String(credit))
    }

    /// Japanese agencies' formula: `【東京共同】`, `【ワシントン時事】`.
    static let japaneseAgencies = ["共同", "時事", "ロイター", "AFP=時事", "新華社"]

    static func lenticularBrackets(_ text: String) -> Dateline? {
        guard text.hasPrefix("【"), let close = text.firstIndex(of: "】"), text.distance(from: text.startIndex, to: close) < 24
        else { return nil }
        let inside = String(text[text.index(after: text.startIndex)..<close])
        guard let agency = japaneseAgencies.first(where: { inside.hasSuffix($0) }), inside.count > agency.count else {
            return nil
        }
        return Dateline(place: String(inside.dropLast(agency.count)), credit: agency)
    }

    /// Arab agencies close their dateline with their name after the Gregorian date:
    /// `الرياض 18 جمادى الآخرة 1441 هـ الموافق 12 فبراير 2020 م واس`.
    static let arabicAgencies: Set<String> = ["واس", "وام", "قنا", "كونا", "بنا", "سبأ", "سانا", "العمانية", "بترا", "وال"]

    static func arabicAgency(_ text: String) -> Dateline? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).prefix(16)
        guard let firstDigit = words.firstIndex(where: { $0.first?.isDecimalDigit == true }), firstDigit >= 1, firstDigit <= 2
        else { return nil }
        let place = words[..<firstDigit].joined(separator: " ")
        guard place.unicodeScalars.allSatisfy({ (0x600...0x6FF).contains($0.value) || $0 == " " }) else { return nil }
        // The credit follows the era mark "م" (or the year) of the Gregorian date.
        for index in words.indices.dropFirst(firstDigit) where index + 1 < words.endIndex {
            let word = words[index]
            guard word == "م" || word == "م." || word.allSatisfy(\.isDecimalDigit) else { continue }
            let next = String(words[index + 1]).trimmingCharacters(in: " -–—:")
            if arabicAgencies.contains(next) { return Dateline(place: place, credit: next) }
        }
        return nil
    }

    /// A place written in capitals (Cyrillic, Greek or Latin), up to four words.
    static func isCapitalsPlace(_ place: String) -> Bool {
        let words = place.split(separator: " ")
        guard (1...4).contains(words.count), place.count >= 2 else { return false }
        return place.allSatisfy { $0 == " " || $0 == "-" || ($0.isLetter && $0.isUppercase) }
    }
}

extension Character {
    /// A digit of a decimal number (ASCII, Arabic-Indic, fullwidth…), not any character with a
    /// numeric value: 京 (ten quadrillion) is a place name's character too.
    fileprivate var isDecimalDigit: Bool {
        unicodeScalars.first.map { $0.properties.numericType == .decimal } ?? false
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        let set = Set(characters)
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
