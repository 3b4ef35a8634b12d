/// The place (and wire credit) that opens a story's first paragraph: "MOSCOW-",
/// "UNITED NATIONS --", "WASHINGTON, March 2 -", "LONDON (Reuters) -",
/// "BEIRUT, Lebanon (AP) —", "NEW DELHI:". The paragraph keeps it; this only reads it.
struct Dateline: Equatable {
    var place: String
    var credit: String?
    /// Set off by a colon alone ("NEW DELHI: …"), with no date or credit: how English copy of
    /// South Asian desks writes a dateline, and how other languages write a lead-in in capitals
    /// ("İHRACATIN PERFORMANSI DÜŞÜYOR: 2005'te …", BOUN Turkish), which `StoryDraft` drops
    /// once the story's language is known not to be English.
    var byColonAlone = false

    /// Capitalized words that open sentences with a tight hyphen and are not places.
    static let notPlaces: Set<String> = [
        "US", "UK", "UN", "EU", "NATO", "OPEC", "ASEAN", "BRICS", "CSTO", "OSCE", "UNESCO", "UNICEF",
        "IAEA", "OPCW", "IMF", "WHO", "WTO", "G7", "G8", "G20", "GCC", "AU", "SCO", "CIS", "USSR", "PM", "FM",
    ]

    /// `notPlaces` for lookups by bytes; the names are ASCII, so other text takes the
    /// String route, where String equality decides as before.
    static let notPlaceTable = ByteNameSet(notPlaces, ignoringCase: false)

    private static func isNotPlace(_ bytes: ArraySlice<UInt8>, _ place: String) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return notPlaces.contains(place) }
        return bytes.withUnsafeBufferPointer(notPlaceTable.contains)
    }

    /// The English wire style, else a local convention (`LocalDatelines`: TASS, Xinhua,
    /// Yonhap, Kyodo, the Saudi Press Agency…), tried only on paragraphs that open with "(" or
    /// have a letter outside ASCII near the start, so English copy pays nothing for it.
    static func parse(_ paragraph: ArraySlice<UInt8>) -> Dateline? {
        if let dateline = englishStyle(paragraph) { return dateline }
        guard paragraph.first == 0x28 || paragraph.prefix(60).contains(where: { $0 >= 0x80 }) else { return nil }
        return LocalDatelines.parse(paragraph)
    }

    static func englishStyle(_ paragraph: ArraySlice<UInt8>) -> Dateline? {
        // A place starts with a capital; most paragraphs that do not are ruled out here.
        guard let first = paragraph.first, (first >= 0x41 && first <= 0x5A) || first >= 0xC0 else { return nil }
        var cursor = Cursor(bytes: paragraph.prefix(160))
        let placeStart = cursor.index
        var placeEnd = placeStart
        var words = 0
        var allCaps = true
        while words < 5, let wordEnd = cursor.placeWord() {
            words += 1
            placeEnd = wordEnd.end
            allCaps = allCaps && wordEnd.isCaps
            guard cursor.peek == 0x20, cursor.peekWordIsPlaceWord else { break }
            cursor.index += 1
        }
        guard words > 0, placeEnd - placeStart >= 2 else { return nil }

        var hasQualifier = false
        if cursor.peek == 0x2C {  // ", March 2" or ", Lebanon"
            cursor.index += 1
            guard cursor.skipQualifier() else { return nil }
            hasQualifier = true
        }
        var credit: String?
        if cursor.peekSpaceThen(0x28), let inner = cursor.parenthesized() {
            credit = inner
        }
        guard allCaps || hasQualifier || credit != nil else { return nil }
        guard let delimiter = cursor.delimiter() else { return nil }
        let placeBytes = paragraph[placeStart..<placeEnd]
        let place = ByteScalars.string(placeBytes)
        var letters = 0
        for scalar in place.unicodeScalars where ByteScalars.isLetter(scalar) { letters += 1 }
        guard letters >= 2, !isNotPlace(placeBytes, place) else { return nil }
        if delimiter == .tightHyphen {
            guard allCaps, cursor.nextIsUppercase else { return nil }
        }
        guard cursor.hasTextAfter else { return nil }
        return Dateline(place: place, credit: credit, byColonAlone: delimiter == .colon && credit == nil && !hasQualifier)
    }
}

/// Walks the opening bytes of a paragraph for `Dateline.parse`.
private struct Cursor {
    enum Delimiter { case spaced, tightHyphen, colon }

    let bytes: ArraySlice<UInt8>
    var index: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    var peek: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

    /// A word of a place name: capitals ("MOSCOW", "PORT-AU-PRINCE", "ST.") or a capitalized
    /// word ("Moscow"), which `parse` accepts only with a date or a credit.
    mutating func placeWord() -> (end: Int, isCaps: Bool)? {
        let start = index
        var letters = 0
        var lower = 0
        var sawUpperFirst = false
        while index < bytes.endIndex {
            let (scalar, length) = ByteScalars.scalar(in: bytes, at: index)
            if ByteScalars.isLetter(scalar) {
                if letters == 0 { sawUpperFirst = ByteScalars.isUppercase(scalar) }
                if ByteScalars.isLowercase(scalar) { lower += 1 }
                letters += 1
            } else if scalar == "-" || scalar == "'" || scalar == "\u{2019}" || scalar == "." {
                // A hyphen followed by a space or a capital is the delimiter, not part of the name.
                if scalar == "-", index + 1 < bytes.endIndex {
                    let next = ByteScalars.scalar(in: bytes, at: index + 1).0
                    if next == " " || next == "-"
                        || (lower == 0 && ByteScalars.isUppercase(next) && isTightDelimiter(at: index))
                    {
                        break
                    }
                }
                if scalar == "-" && index + 1 >= bytes.endIndex { break }
            } else {
                break
            }
            index += length
        }
        guard letters > 0, sawUpperFirst else {
            index = start
            return nil
        }
        return (index, lower == 0)
    }

    /// "MOSCOW-Moscow expects": a hyphen between a capitals word and a capitalized word.
    private func isTightDelimiter(at hyphen: Int) -> Bool {
        var probe = hyphen + 1
        var sawLower = false
        while probe < bytes.endIndex && bytes[probe] != 0x20 && probe < hyphen + 30 {
            let byte = bytes[probe]
            if byte >= 0x61 && byte <= 0x7A { sawLower = true }
            probe += 1
        }
        return sawLower
    }

    var peekWordIsPlaceWord: Bool {
        guard index + 1 < bytes.endIndex else { return false }
        let next = ByteScalars.scalar(in: bytes, at: index + 1).0
        return ByteScalars.isUppercase(next)
    }

    /// ", March 2", ", Sept. 24", ", Lebanon", ", Calif.": up to four words of capitals,
    /// capitalized words or numbers, then a credit or a delimiter.
    mutating func skipQualifier() -> Bool {
        var words = 0
        var sawNumber = false
        while index < bytes.endIndex && bytes[index] == 0x20 { index += 1 }
        while index < bytes.endIndex, words < 4 {
            let (scalar, _) = ByteScalars.scalar(in: bytes, at: index)
            let isNumber = scalar.isASCII && ByteScalars.isDigit(UInt8(scalar.value))
            // After a day number a month may be lowercase, as French and Russian write it.
            guard ByteScalars.isUppercase(scalar) || isNumber || (sawNumber && ByteScalars.isLetter(scalar)) else {
                return false
            }
            sawNumber = sawNumber || isNumber
            while index < bytes.endIndex && bytes[index] != 0x20 && bytes[index] != 0x2D && bytes[index] != 0x28 {
                if bytes[index] == 0x3A { return false }
                index += 1
            }
            words += 1
            if index < bytes.endIndex && bytes[index] == 0x20, index + 1 < bytes.endIndex {
                let next = bytes[index + 1]
                if next == 0x2D || next == 0x28 || next == 0xE2 { return true }
                index += 1
                continue
            }
            return true
        }
        return words > 0
    }

    func peekSpaceThen(_ byte: UInt8) -> Bool {
        (peek == 0x20 && index + 1 < bytes.endIndex && bytes[index + 1] == byte) || peek == byte
    }

    /// "(Reuters)" → "Reuters".
    mutating func parenthesized() -> String? {
        var probe = index
        if bytes[probe] == 0x20 { probe += 1 }
        probe += 1
        let innerStart = probe
        while probe < bytes.endIndex && bytes[probe] != 0x29 && probe - innerStart < 40 { probe += 1 }
        guard probe < bytes.endIndex, bytes[probe] == 0x29, probe > innerStart else { return nil }
        index = probe + 1
        return ByteScalars.string(bytes[innerStart..<probe])
    }

    /// " - ", " -- ", " — ", "- ", "-" before a capital, ": ".
    mutating func delimiter() -> Delimiter? {
        let hadSpace = peek == 0x20
        if hadSpace { index += 1 }
        guard let byte = peek else { return nil }
        var dashes = 0
        if byte == 0x2D {
            while peek == 0x2D {
                index += 1
                dashes += 1
            }
        } else if byte == 0xE2, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94
        {
            index += 3
            dashes = 1
        } else if byte == 0x3A && !hadSpace {
            index += 1
            guard peek == 0x20 else { return nil }
            return .colon
        } else {
            return nil
        }
        guard dashes <= 3 else { return nil }
        if peek == 0x20 { return .spaced }
        return hadSpace ? .spaced : .tightHyphen
    }

    var nextIsUppercase: Bool {
        guard index < bytes.endIndex else { return false }
        let scalar = ByteScalars.scalar(in: bytes, at: index).0
        return ByteScalars.isUppercase(scalar) || scalar == "\"" || scalar == "\u{201C}"
    }

    var hasTextAfter: Bool {
        bytes[index...].contains { $0 != 0x20 }
    }
}
