/// Lines that mean something on their own, whatever surrounds them: separators and
/// end marks, wire sign-offs, and bylines.
enum StandaloneLines {
    /// "---", "***", "###", "===", "+++", "— — —", "-30-", "- 0 -", "ENDS", "-ENDS-", "# # #",
    /// "* * *".
    static func isSeparator(_ line: ArraySlice<UInt8>) -> Bool {
        let text = ByteScalars.trimmed(line)
        guard let first = text.first, text.count <= 80, mayOpenSeparator(first) else { return false }
        switch first {
        case 0x2D, 0x2A, 0x23, 0x3D, 0x5F, 0x7E, 0x2B: break  // - * # = _ ~ +
        case 0x45, 0x28: guard text.count <= 8 else { return false }  // "ENDS", "(END)"
        case 0xE2: return isDashRule(text)
        default: return false
        }
        let compact = text.filter { $0 != 0x20 }
        if compact.count >= 3, let first = compact.first, [0x2D, 0x2A, 0x23, 0x3D, 0x5F, 0x7E, 0x2B].contains(first),
            compact.allSatisfy({ $0 == first })
        {
            return true
        }
        let word = Vocabulary.lowercased(compact[...]).uppercased()
        return endMarks.contains(word)
    }

    /// The first bytes a separator may open with (`isSeparator`'s cases): a caller holding a
    /// line's first byte (cleaned lines have no leading space) rules most lines out with it.
    @inline(__always)
    static func mayOpenSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2D, 0x2A, 0x23, 0x3D, 0x5F, 0x7E, 0x2B, 0x45, 0x28, 0xE2: true  // - * # = _ ~ + E ( and a dash's lead byte
        default: false
        }
    }

    /// "— — —", "–––", "───": three or more em dashes, en dashes or box-drawing rules.
    private static func isDashRule(_ text: ArraySlice<UInt8>) -> Bool {
        let compact = Array(text.filter { $0 != 0x20 })
        guard compact.count >= 9, compact.count % 3 == 0 else { return false }
        let unit = compact[0..<3]
        guard unit.elementsEqual([0xE2, 0x80, 0x94]) || unit.elementsEqual([0xE2, 0x80, 0x93])
            || unit.elementsEqual([0xE2, 0x94, 0x80])
        else { return false }
        return stride(from: 3, to: compact.count, by: 3).allSatisfy { compact[$0..<($0 + 3)].elementsEqual(unit) }
    }

    static let sourceLabels: [StaticString] = ["Sources:", "Source:", "Quellen:", "Quelle:", "Fuentes:", "Fuente:"]

    static let endMarks: Set<String> = ["-30-", "-0-", "ENDS", "END", "-END-", "-ENDS-", "(END)", "ENDIT", "###"]

    /// Credits agencies but is not body text: "Reuter", "(AP)", "-- AFP", "Source: Interfax",
    /// "(Reporting by …; Editing by …)", "(c) Copyright …". Nil when the line is not one.
    static func signOff(_ text: ArraySlice<UInt8>) -> [String]? {
        // The two-byte test below, asked first of the line as it comes: when neither of its first
        // two bytes is a space, trimming keeps both (`ByteScalars.trimmed` drops spaces only),
        // and most short lines asked (table rows) stop here before a slice is made.
        if text.count >= 2, !mayOpenSignOff(text[text.startIndex], text[text.startIndex + 1]) { return nil }
        var body = ByteScalars.trimmed(text)
        guard body.count <= 200 || body.first == 0x28 else { return nil }
        // Past 30 bytes only a credit, a copyright line or a source label can be one, and each
        // opens with one of a few bytes: most sentences and table rows are ruled out here (the
        // figure-row finder, the segmenter and the part reader ask this of every short line).
        if body.count > 30, let first = body.first, !mayOpenLongSignOff(first) { return nil }
        // A line opening with two ASCII bytes other than "(" or "-" is one only if they open a
        // credit, "copyright", a source label or an agency's own name: a row of a results
        // table ("3.00 Dream Kisses", "Division 1 …") is ruled out here, not by each test below.
        if body.count >= 2, let first = body.first, first < 0x80, first != 0x28, first != 0x2D {
            let second = body[body.startIndex + 1]
            if second < 0x80, !SignOffOpenings.mayOpen(first, second) { return nil }
            // Past 30 bytes no lone agency's name is left to match, only a credit, "copyright"
            // or a source label: far fewer openings than with the agencies' ("In …", "And …",
            // "Said …", "State …" of wrapped prose pass the test above and stop here).
            if body.count > 30, second < 0x80, !SignOffOpenings.mayOpenLong(first, second) { return nil }
        }
        if let inner = reportingCredit(body) { return inner }
        if isBareCredit(body) { return [] }
        guard let first = body.first else { return nil }
        let initial = ByteScalars.asciiLower(first)
        if initial == 0x28 || initial == 0x63 || first == 0xC2,
            ByteScalars.hasPrefix(body, "(c)", caseInsensitive: true) || ByteScalars.hasPrefix(body, "\u{A9}")
                || ByteScalars.hasPrefix(body, "copyright ", caseInsensitive: true)
        {
            return body.count <= 200 ? [] : nil
        }
        // "Source:" and the same label as German and Spanish desks write it.
        for prefix: StaticString in sourceLabels
        where initial == prefix.utf8Start[0] | 0x20 && ByteScalars.hasPrefix(body, prefix, caseInsensitive: true) {
            // A credit line is a short list of names, not a sentence that starts "Source:".
            guard body.count <= 100 else { return nil }
            let names = ByteScalars.trimmed(body.dropFirst(prefix.utf8CodeUnitCount))
            let parts = names.split(separator: 0x2C).map { ByteScalars.trimmed($0) }
            guard
                parts.allSatisfy({ $0.count <= 40 && $0.first.map { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0xC0 } == true })
            else { return nil }
            return parts.map(ByteScalars.string)
        }
        // A lone agency name, maybe wrapped in parentheses (fullwidth in CJK text: "（共同）")
        // or led by a dash.
        guard body.count <= 30 else { return nil }
        let parenthesized =
            body.first == 0x28 && body.last == 0x29
            || body.count > 6 && ByteScalars.hasPrefix(body, "\u{FF08}") && body[body.endIndex - 1] == 0x89
                && body[body.endIndex - 2] == 0xBC && body[body.endIndex - 3] == 0xEF
        while let first = body.first, first == 0x2D || first == 0x28 || first == 0x20 { body = body.dropFirst() }
        if body.first == 0xE2, ByteScalars.hasPrefix(body, "\u{2014}") || ByteScalars.hasPrefix(body, "\u{2013}") {
            body = ByteScalars.trimmed(body.dropFirst(3))
        }
        if body.first == 0xEF, ByteScalars.hasPrefix(body, "\u{FF08}") { body = body.dropFirst(3) }
        while let last = body.last, last == 0x29 || last == 0x20 || last == 0x2E { body = body.dropLast() }
        if body.last == 0x89, body.count >= 3, body[body.endIndex - 3] == 0xEF, body[body.endIndex - 2] == 0xBC {
            body = body.dropLast(3)  // "）"
        }
        guard KnownOutlets.mayBeSignOffAgency(body) else { return nil }
        let name = ByteScalars.string(body)
        return KnownOutlets.isSignOffAgency(name, parenthesized: parenthesized) ? [name] : nil
    }

    /// False when a line whose first two bytes are these is no sign-off: the two-byte test of
    /// `signOff` (`SignOffOpenings`), which holds as it is for a line whose first two bytes are
    /// not spaces (trimming keeps both). A caller holding a cleaned line's bytes asks this
    /// before it makes a slice of the line.
    @inline(__always)
    static func mayOpenSignOff(_ first: UInt8, _ second: UInt8) -> Bool {
        guard first != 0x20, first < 0x80, first != 0x28, first != 0x2D, second != 0x20, second < 0x80 else { return true }
        return SignOffOpenings.mayOpen(first, second)
    }

    /// A first byte that a sign-off longer than a lone agency's name may open with: "(" (a
    /// credit or "(c)"), "©"'s lead byte, a credit opener's initial (also "copyright"'s), or a
    /// source label's ("Source:", "Quelle:", "Fuente:"), in either case.
    @inline(__always)
    private static func mayOpenLongSignOff(_ byte: UInt8) -> Bool {
        if byte == 0x28 || byte == 0xC2 { return true }
        switch byte | 0x20 {
        case 0x73, 0x71, 0x66: return true  // s q f
        default: return isCreditInitial(byte)
        }
    }

    /// The first two bytes, ASCII lowercased, that a sign-off opening with two ASCII bytes
    /// other than "(" and "-" can have: those of a credit opener (`creditOpeners`), of
    /// "copyright ", of a source label (`sourceLabels`), and of each sign-off agency's name
    /// (`KnownOutlets.signOffAgencies` and the parenthesized ones; a line lowercases to such a
    /// name only if its first two ASCII bytes lowercase to the name's). Every test of `signOff`
    /// compares those two bytes (in any ASCII case) before anything else can match.
    enum SignOffOpenings {
        private static let pairs: [UInt64] = table(
            KnownOutlets.signOffAgencies.union(KnownOutlets.parenthesizedSignOffAgencies).map { Array($0.utf8) }
                + longOpenings)

        /// The openings of the sign-offs longer than 30 bytes that open with two ASCII bytes other
        /// than "(": a credit opener, "copyright ", a source label. A lone agency's name (at
        /// most 30 bytes) is none of them.
        private static let longPairs: [UInt64] = table(longOpenings)

        private static var longOpenings: [[UInt8]] {
            (creditOpeners + sourceLabels + ["copyright "]).map {
                Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount))
            }
        }

        /// A bit for each pair of ASCII bytes, lowercased, that opens one of `openings`.
        private static func table(_ openings: [[UInt8]]) -> [UInt64] {
            var bits = [UInt64](repeating: 0, count: 128 * 128 / 64)
            for bytes in openings {
                guard bytes.count >= 2, bytes[0] < 0x80, bytes[1] < 0x80 else { continue }
                let index = Int(ByteScalars.asciiLower(bytes[0])) << 7 | Int(ByteScalars.asciiLower(bytes[1]))
                bits[index >> 6] |= 1 << UInt64(index & 63)
            }
            return bits
        }

        /// Both bytes ASCII.
        @inline(__always)
        static func mayOpen(_ first: UInt8, _ second: UInt8) -> Bool {
            let index = Int(ByteScalars.asciiLower(first)) << 7 | Int(ByteScalars.asciiLower(second))
            return pairs[index >> 6] & (1 << UInt64(index & 63)) != 0
        }

        /// Both bytes ASCII, the line longer than 30 bytes and not opening with "(".
        @inline(__always)
        static func mayOpenLong(_ first: UInt8, _ second: UInt8) -> Bool {
            let index = Int(ByteScalars.asciiLower(first)) << 7 | Int(ByteScalars.asciiLower(second))
            return longPairs[index >> 6] & (1 << UInt64(index & 63)) != 0
        }
    }

    /// A whole line that is a sign-off; cheap for the long lines of text, which never are.
    static func isSignOffLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        let mayBe =
            line.count <= 40 || first == 0x28 || first == 0xC2 || first | 0x20 == 0x63
            || (line.count <= 100 && (first | 0x20 == 0x73 || first | 0x20 == 0x71 || first | 0x20 == 0x66))
            || (line.count <= 200 && isCreditInitial(first))
        return mayBe && signOff(line) != nil
    }

    /// Words that open a Reuters-style credit in parentheses.
    static let creditOpeners: [StaticString] = [
        "reporting by", "additional reporting by", "writing by", "editing by", "edited by",
        "compiled by", "written by", "reported by", "translated by", "research by",
    ]

    /// One of the first letters of `creditOpeners`, in either case. A switch, not a set:
    /// it is asked of nearly every paragraph.
    @inline(__always)
    static func isCreditInitial(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case 0x72, 0x61, 0x77, 0x65, 0x63, 0x74: true  // r a w e c t
        default: false
        }
    }

    /// The credit opener `text` starts with, in any case. The first two bytes rule out
    /// nearly every line before any opener is compared in full.
    static func creditOpener(_ text: ArraySlice<UInt8>) -> StaticString? {
        guard text.count >= 9, isCreditInitial(text[text.startIndex]) else { return nil }
        let first = text[text.startIndex] | 0x20
        let second = ByteScalars.asciiLower(text[text.startIndex + 1])
        for opener in creditOpeners where opener.utf8Start[0] == first && opener.utf8Start[1] == second {
            if ByteScalars.hasPrefix(text, opener, caseInsensitive: true) { return opener }
        }
        return nil
    }

    /// A credit line without parentheses, as desks also write them: "Reporting by Helen
    /// Okafor; Editing by Sophie Kowalski", "Editing by: Joseph Nasr". The name after "by"
    /// starts with a capital, and the line holds no sentence.
    static func isBareCredit(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.count <= 200, let opener = creditOpener(text) else { return false }
        var rest = text.dropFirst(opener.utf8CodeUnitCount)
        if rest.first == 0x3A { rest = rest.dropFirst() }  // "Editing by: Joseph Nasr"
        guard rest.first == 0x20 else { return false }
        rest = ByteScalars.trimmed(rest)
        guard let initial = rest.first, ByteScalars.isUppercase(ByteScalars.scalar(in: rest, at: rest.startIndex).0)
            || initial >= 0xC0
        else { return false }
        return !TextShape(rest).containsSentenceBoundary
    }

    static func reportingCredit(_ text: ArraySlice<UInt8>) -> [String]? {
        guard text.last == 0x29, opensReportingCredit(text) else { return nil }
        return []
    }

    /// "(Reporting by …": the start of a credit, which may close on a later line.
    static func opensReportingCredit(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.first == 0x28 else { return false }
        return creditOpener(text.dropFirst()) != nil
    }

    /// Where a paragraph ends in an inline credit "… he said. (Reporting by …)", the
    /// index of its opening parenthesis.
    static func trailingCreditStart(_ text: ArraySlice<UInt8>) -> Int? {
        guard text.last == 0x29, let open = text.lastIndex(of: 0x28), open > text.startIndex else { return nil }
        return reportingCredit(text[open...]) != nil ? open : nil
    }

    /// The words a byline opens with, as desks write them: English "By", German "Von",
    /// French "Par", Spanish and Portuguese "Por", Italian "Di", Dutch "Door", Scandinavian
    /// "Av"/"Af", and "Autor:" (Czech, Polish, German).
    static let bylineLabels: [StaticString] = ["by ", "von ", "par ", "por ", "di ", "door ", "av ", "af ", "autor: "]

    /// Whether a line opening with `byte` may be a byline: one comparison for most lines.
    @inline(__always)
    static func mayOpenByline(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case 0x62, 0x76, 0x70, 0x64, 0x61: true  // b v p d a
        default: false
        }
    }

    /// Whether a line opening with `first` and `second` may be a byline: the first two letters
    /// of a label (`bylineLabels`), in either case; for the many lines whose first byte alone
    /// does not rule them out ("Race one Eagle Farm …", "Debt agreements …", AAP's tables).
    @inline(__always)
    static func mayOpenByline(_ first: UInt8, _ second: UInt8) -> Bool {
        switch (first | 0x20, second | 0x20) {
        case (0x62, 0x79), (0x76, 0x6F), (0x70, 0x61), (0x70, 0x6F), (0x64, 0x69), (0x64, 0x6F), (0x61, 0x76),
            (0x61, 0x66), (0x61, 0x75):
            true  // by vo pa po di do av af au
        default: false
        }
    }

    /// "By Jane Smith", "BY JANE SMITH", "By Jane Smith, Associated Press", "Von Beate
    /// Finken": the name, and what follows the first comma (a title or an outlet).
    static func byline(_ text: ArraySlice<UInt8>) -> (name: String, affiliation: String?)? {
        let body = ByteScalars.trimmed(text)
        guard body.count <= 120, let first = body.first, mayOpenByline(first),
            let label = bylineLabels.first(where: {
                $0.utf8Start[0] == first | 0x20 && ByteScalars.hasPrefix(body, $0, caseInsensitive: true)
            }),
            // "by" in any case, as English desks write it; the others with a capital, never
            // the "von Zigaretten, die …" of a wrapped German sentence.
            first | 0x20 == 0x62 || first <= 0x5A
        else { return nil }
        let rest = ByteScalars.trimmed(body.dropFirst(label.utf8CodeUnitCount))
        let comma = rest.firstIndex(of: 0x2C)
        let namePart = ByteScalars.trimmed(rest[..<(comma ?? rest.endIndex)])
        guard isPersonalName(namePart, minimumWords: 1) || isListOfNames(namePart) else { return nil }
        let affiliation = comma.map { ByteScalars.string(ByteScalars.trimmed(rest[($0 + 1)...])) }
        return (ByteScalars.string(namePart), affiliation?.isEmpty == false ? affiliation : nil)
    }

    /// "AFP; The Local", "SWR Sport; Julius Richter", "Ibtisam Mahdi; Ruwaida Kamal Amer": a
    /// page's authors and outlets as its byline lists them, two to four, each a name or a
    /// listed name (`isListedName`).
    private static func isListOfNames(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.contains(0x3B) else { return false }
        let names = text.split(separator: 0x3B, omittingEmptySubsequences: false)
        return (2...4).contains(names.count)
            && names.allSatisfy {
                let name = ByteScalars.trimmed($0)
                return isPersonalName(name, minimumWords: 1) || isListedName(name)
            }
    }

    /// An outlet's or a place's name as a semicolon list has it: "Cooperativa cl", "Frankfurt a
    /// M", "Bayerische Landesanstalt für Wald". Capitalized first, then capitalized words or
    /// short lowercase ones (at most three letters: "a", "cl", "für"); at most six words, no
    /// sentence's punctuation. Only inside such a list, whose semicolons already say "names".
    private static func isListedName(_ text: ArraySlice<UInt8>) -> Bool {
        guard !text.isEmpty, text.count <= 60, ByteScalars.isUppercase(ByteScalars.scalar(in: text, at: text.startIndex).0)
        else { return false }
        var words = 0
        for word in text.split(separator: 0x20) {
            words += 1
            guard words <= 6 else { return false }
            let (initial, _) = ByteScalars.scalar(in: word, at: word.startIndex)
            if ByteScalars.isUppercase(initial) {
                var index = word.startIndex
                while index < word.endIndex {
                    let (scalar, length) = ByteScalars.scalar(in: word, at: index)
                    guard ByteScalars.isLetter(scalar) || scalar == "." || scalar == "-" else { return false }
                    index += length
                }
                continue
            }
            // A short lowercase word: letters only, at most three of them.
            var letters = 0
            var index = word.startIndex
            while index < word.endIndex {
                let (scalar, length) = ByteScalars.scalar(in: word, at: index)
                guard ByteScalars.isLetter(scalar), !ByteScalars.isUppercase(scalar) else { return false }
                letters += 1
                index += length
            }
            guard letters <= 3 else { return false }
        }
        return true
    }

    /// "H. Mustafa", "Jane Smith", "J.R. de la Cruz", "Ahmed al-Hassan", "JANE SMITH":
    /// short, every word an initial, a capitalized word or a particle.
    static func isPersonalName(_ text: ArraySlice<UInt8>, minimumWords: Int) -> Bool {
        guard text.count <= 60, let first = text.first, first >= 0x41 else { return false }
        // A name never ends a sentence; most lines that reach here do.
        if let last = text.last, last == 0x2E || last == 0x2C || last == 0x3A || last == 0x3F, text.count > 3,
            text[text.endIndex - 3] != 0x20 && text[text.endIndex - 3] != 0x2E
        {
            return false
        }
        var wordCount = 0
        var capitalizedWords = 0
        var wordStart = text.startIndex
        // Walks the words in place: most lines fail on their first lowercase word.
        while wordStart < text.endIndex {
            while wordStart < text.endIndex && text[wordStart] == 0x20 { wordStart += 1 }
            guard wordStart < text.endIndex else { break }
            var wordEnd = wordStart
            while wordEnd < text.endIndex && text[wordEnd] != 0x20 { wordEnd += 1 }
            let word = text[wordStart..<wordEnd]
            wordStart = wordEnd
            wordCount += 1
            guard wordCount <= 6 else { return false }
            if Vocabulary.isNameParticle(word) { continue }
            let (first, _) = ByteScalars.scalar(in: word, at: word.startIndex)
            guard ByteScalars.isUppercase(first) || hasParticlePrefix(word) else { return false }
            var index = word.startIndex
            while index < word.endIndex {
                let (scalar, length) = ByteScalars.scalar(in: word, at: index)
                let allowed =
                    ByteScalars.isLetter(scalar) || scalar == "." || scalar == "-" || scalar == "'"
                    || scalar == "\u{2019}"
                guard allowed else { return false }
                index += length
            }
            if word.count >= 2 && word.last != 0x2E { capitalizedWords += 1 }
        }
        return wordCount >= minimumWords && capitalizedWords >= 1
    }

    /// "al-Hassan", "el-Sisi", "bin-Salman": a particle joined to a capitalized name.
    private static func hasParticlePrefix(_ word: ArraySlice<UInt8>) -> Bool {
        guard let hyphen = word.firstIndex(of: 0x2D), hyphen + 1 < word.endIndex else { return false }
        return Vocabulary.isNameParticle(word[..<hyphen])
            && ByteScalars.isUppercase(ByteScalars.scalar(in: word, at: hyphen + 1).0)
    }

    /// A name with a leading dash, as some desks sign: "-- H. Mustafa".
    static func endByline(_ text: ArraySlice<UInt8>) -> String? {
        var body = ByteScalars.trimmed(text)
        while let first = body.first, first == 0x2D || first == 0x20 { body = body.dropFirst() }
        if body.first == 0xE2, ByteScalars.hasPrefix(body, "\u{2014}") || ByteScalars.hasPrefix(body, "\u{2013}") {
            body = ByteScalars.trimmed(body.dropFirst(3))
        }
        guard body.contains(0x20), isPersonalName(body, minimumWords: 2) else { return nil }
        return ByteScalars.string(body)
    }
}
