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
    static let lastWords: Set<UInt64> = Set(
        names.compactMap { name in name.split(separator: " ").last.flatMap { packed(Array($0.utf8)[...]) } })

    /// Up to eight bytes, ASCII lowercased, trailing punctuation dropped, as one integer.
    static func packed(_ word: ArraySlice<UInt8>) -> UInt64? {
        var word = word
        while let last = word.last, last == 0x2C || last == 0x2E || last == 0x3B || last == 0x3A {
            word = word.dropLast()
        }
        guard !word.isEmpty, word.count <= 8 else { return nil }
        return word.reduce(0) { $0 << 8 | UInt64(ByteScalars.asciiLower($1)) }
    }

    static func isLastWordOfKnownName(_ word: ArraySlice<UInt8>) -> Bool {
        packed(word).map(lastWords.contains) ?? (word.count > 8)
    }

    static func isKnown(_ name: String) -> Bool {
        // The packed last word rules out most names without lowercasing the whole.
        var name = name
        let lastWordKnown = name.withUTF8 { bytes in
            let lastSpace = bytes.lastIndex(of: 0x20) ?? -1
            return isLastWordOfKnownName(ArraySlice(UnsafeBufferPointer(rebasing: bytes[(lastSpace + 1)...])))
        }
        return lastWordKnown && names.contains(name.lowercased())
    }

    /// `outletWords`, each as its length and first eight lowercased bytes.
    static let outletWordKeys: Set<UInt64> = Set(outletWords.map { key(Array($0.utf8)[...]) })

    static func key(_ word: ArraySlice<UInt8>) -> UInt64 {
        word.prefix(8).reduce(0) { $0 << 8 | UInt64(ByteScalars.asciiLower($1)) } ^ UInt64(word.count) << 58
    }

    static func isSignOffAgency(_ name: String) -> Bool {
        name.utf8.count <= 20 && signOffAgencies.contains(name.lowercased())
    }

    static let signOffKeys: Set<UInt64> = Set(signOffAgencies.map { key(Array($0.utf8)[...]) })

    /// `isSignOffAgency` without building a string: nearly every short line is not one.
    static func mayBeSignOffAgency(_ bytes: ArraySlice<UInt8>) -> Bool {
        signOffKeys.contains(key(bytes))
    }

    /// A capitalized phrase naming an outlet: listed, or holding an outlet word.
    static func isOutlet(_ name: String) -> Bool {
        if isKnown(name) { return true }
        var name = name
        return name.withUTF8 { bytes in
            ArraySlice(bytes).split(separator: 0x20).contains { outletWordKeys.contains(key($0)) }
        }
    }
}
