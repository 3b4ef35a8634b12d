/// News agencies and outlets, for telling a credited outlet ("according to Interfax")
/// from any other source of a statement ("according to the ministry").
enum KnownOutlets {
    /// Matched case-insensitively; recorded as the text writes them.
    static let names: Set<String> = [
        "reuters", "reuter", "thomson reuters", "ap", "associated press", "the associated press",
        "afp", "agence france-presse", "agence france presse", "france-presse", "interfax",
        "itar-tass", "itar tass", "tass", "ria novosti", "ria", "ria-novosti", "xinhua", "bbc", "bbc news", "cnn",
        "voice of russia", "vor", "voice of america",
        "voa", "rt", "russia today", "al jazeera", "al-jazeera", "al arabiya", "sana", "irna", "fars",
        "isna", "mehr", "kyodo", "yonhap", "dpa", "ansa", "efe", "bloomberg", "upi", "pti", "nhk",
        "cctv", "china central television", "china daily", "global times", "people's daily",
        "sky news", "fox news", "nbc", "cbs", "abc", "npr", "pbs", "le monde", "le figaro",
        "der spiegel", "spiegel", "kommersant", "izvestia", "pravda", "vedomosti", "the guardian",
        "guardian", "the new york times", "new york times", "the washington post", "washington post",
        "the wall street journal", "wall street journal", "financial times", "the times",
        "the telegraph", "the independent", "anadolu", "anadolu agency", "prensa latina", "kcna",
        "bernama", "antara", "aap", "press trust of india", "ani", "mena", "petra", "wam", "spa",
        "kuna", "qna", "apa", "trend", "novosti", "itar", "euronews", "dw", "deutsche welle", "rfi",
        "radio free europe", "rfe/rl", "politico", "axios", "the hill", "usa today", "los angeles times",
        "haaretz", "the jerusalem post", "jerusalem post", "ynet", "al-ahram", "al ahram",
        "rossiyskaya gazeta", "lenta.ru", "gazeta.ru", "echo of moscow", "ntv", "channel one",
        "rossiya 24", "press tv", "al mayadeen", "hurriyet", "daily sabah", "dawn", "the hindu",
        "times of india", "south china morning post", "scmp", "nikkei", "asahi", "yomiuri",
    ]

    /// Agencies that sign off a story on a line of their own ("Reuter", "(AP)").
    static let signOffAgencies: Set<String> = [
        "reuter", "reuters", "ap", "afp", "xinhua", "dpa", "upi", "tass", "itar-tass", "interfax",
        "ria novosti", "kyodo", "yonhap", "ansa", "efe", "aap", "pti", "ians", "bernama", "antara",
        "irna", "sana", "kuna", "wam", "mena", "anadolu", "bbc",
    ]

    /// National agencies that sign off in parentheses, as their own language writes them
    /// ("(PAP)", "(ČTK)", "(ΑΠΕ-ΜΠΕ)", "(واس)", "（新華社）", "(연합뉴스)"), lowercased. Only
    /// in parentheses: bare, such a name is as likely the last word of a wrapped sentence
    /// ("… in interviews with\nTanjug.").
    static let parenthesizedSignOffAgencies: Set<String> = [
        "pap", "lusa", "čtk", "ctk", "tasr", "mti", "bta", "hina", "sta", "agerpres", "tanjug", "aa", "apa",
        "ana-mpa", "belga", "anp", "ritzau", "spa", "qna", "petra",
        "тасс", "итар-тасс", "интерфакс", "риа новости", "укрінформ", "ukrinform", "белта",
        "απε-μπε", "απε", "واس", "وام", "كونا", "سانا", "قنا", "بترا", "أ ش أ",
        "新华社", "新華社", "中央社", "共同", "共同通信", "時事", "연합뉴스", "연합",
    ]

    /// Words that make a capitalized name an outlet even when the list above lacks it.
    static let outletWords: Set<String> = [
        "news", "agency", "press", "presse", "television", "tv", "radio", "times", "post", "journal",
        "tribune", "herald", "gazette", "gazeta", "telegraph", "broadcasting", "broadcaster",
        "network", "channel", "daily", "newspaper", "magazine", "wire", "chronicle", "courier",
        "observer", "reporter", "bulletin", "dispatch", "novosti", "tass", "izvestia", "express",
        "mail", "mirror", "standard", "examiner", "inquirer", "monitor", "voice",
    ]

    /// Last words of the listed names, packed ("interfax", "press", "bbc"); a cheap
    /// test that rules out nearly every word before "said".
    static let lastWords = PackedKeySet(
        names.compactMap { name in
            name.split(separator: " ").last.flatMap { word in Array(word.utf8).withUnsafeBufferPointer(packed) }
        })

    /// `names` for lookups by bytes.
    static let nameTable = ByteNameSet(names, ignoringCase: true)

    /// Up to eight bytes, ASCII lowercased, trailing punctuation dropped, as one integer.
    static func packed(_ word: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var count = word.count
        while count > 0, [0x2C, 0x2E, 0x3B, 0x3A].contains(word[count - 1]) { count -= 1 }  // , . ; :
        guard count > 0, count <= 8 else { return nil }
        return word[..<count].reduce(0) { $0 << 8 | UInt64(ByteScalars.asciiLower($1)) }
    }

    static func isLastWordOfKnownName(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        packed(word).map(lastWords.contains) ?? (word.count > 8)
    }

    static func isKnown(_ name: String) -> Bool {
        var name = name
        return name.withUTF8(isKnown)
    }

    static func isKnown(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        // The listed names are ASCII: ASCII text is looked up as it is. Other text takes
        // the String route, where Unicode lowercasing decides (the Kelvin sign is a "k").
        if name.allSatisfy({ $0 < 0x80 }) { return nameTable.contains(name) }
        let lastSpace = name.lastIndex(of: 0x20) ?? -1
        guard isLastWordOfKnownName(UnsafeBufferPointer(rebasing: name[(lastSpace + 1)...])) else {
            return false
        }
        return names.contains(String(decoding: name, as: UTF8.self).lowercased())
    }

    /// `outletWords`, each as its length and first eight lowercased bytes.
    static let outletWordKeys = PackedKeySet(outletWords.map { key(Array($0.utf8)[...]) })

    @inline(__always)
    static func key<C: Collection<UInt8>>(_ word: C) -> UInt64 {
        word.prefix(8).reduce(0) { $0 << 8 | UInt64(ByteScalars.asciiLower($1)) } ^ UInt64(word.count) << 58
    }

    /// The same key read through a pointer: the generic one cost ~180 instructions a short
    /// line, and the sign-off check asks it of every short line (each row of a results table).
    @inline(__always)
    static func key(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for index in 0..<min(word.count, 8) { packed = packed << 8 | UInt64(ByteScalars.asciiLower(word[index])) }
        return packed ^ UInt64(word.count) << 58
    }

    static func isSignOffAgency(_ name: String, parenthesized: Bool = false) -> Bool {
        guard name.utf8.count <= 24 else { return false }
        let lowercased = name.lowercased()
        return signOffAgencies.contains(lowercased) || parenthesized && parenthesizedSignOffAgencies.contains(lowercased)
    }

    /// Keys of the names as a sign-off line writes them: lowercase, capitals ("ΑΠΕ-ΜΠΕ",
    /// "ТАСС") or capitalized ("Укрінформ"); `key` folds only ASCII case.
    static let signOffKeys = PackedKeySet(
        signOffAgencies.union(parenthesizedSignOffAgencies).flatMap { name in
            [name, name.uppercased(), name.prefix(1).uppercased() + name.dropFirst()].map { key(Array($0.utf8)[...]) }
        })

    /// `isSignOffAgency` without building a string: nearly every short line is not one.
    static func mayBeSignOffAgency(_ bytes: ArraySlice<UInt8>) -> Bool {
        signOffKeys.contains(bytes.withUnsafeBufferPointer(key))
    }

    /// A capitalized phrase naming an outlet: listed, or holding an outlet word.
    static func isOutlet(_ name: String) -> Bool {
        var name = name
        return name.withUTF8(isOutlet)
    }

    static func isOutlet(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if isKnown(name) { return true }
        let outletWordKeys = outletWordKeys
        var wordStart = 0
        while wordStart < name.count {
            var wordEnd = wordStart
            while wordEnd < name.count && name[wordEnd] != 0x20 { wordEnd += 1 }
            if wordEnd > wordStart
                && outletWordKeys.contains(key(UnsafeBufferPointer(rebasing: name[wordStart..<wordEnd])))
            {
                return true
            }
            wordStart = wordEnd + 1
        }
        return false
    }
}
