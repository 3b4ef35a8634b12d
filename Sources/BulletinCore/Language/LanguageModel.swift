import CTextDetection

/// What CLD2 (Google's Compact Language Detector 2, a naive Bayes model over character
/// quadgrams and, for Han, Hangul and kana, unigrams and bigrams) finds in some text.
struct LanguageVerdict: Sendable {
    struct Language: Sendable, Equatable {
        /// BCP 47 tag.
        var tag: String
        /// Share of the scored text, 0–100.
        var percent: Int
        /// CLD2's score per kilobyte of this language's text: higher when the text reads more
        /// like the language (mojibake in a known script scores far lower than the real text).
        var score: Double
    }

    /// Up to three languages, best first; "und" never appears here.
    var languages: [Language]
    /// Bytes of letters CLD2 scored.
    var textBytes: Int
    /// The first language is clearly ahead of the others.
    var isReliable: Bool

    var best: Language? { languages.first }
}

enum LanguageModel {
    static func verdict(_ utf8: UnsafeBufferPointer<UInt8>) -> LanguageVerdict {
        var result = td_language_result()
        utf8.withMemoryRebound(to: CChar.self) { text in
            td_detect_language(text.baseAddress, Int32(clamping: text.count), &result)
        }
        let numbers = [result.language.0, result.language.1, result.language.2]
        let percents = [result.percent.0, result.percent.1, result.percent.2]
        let scores = [result.normalized_score.0, result.normalized_score.1, result.normalized_score.2]
        var languages: [LanguageVerdict.Language] = []
        for position in 0..<3 where percents[position] > 0 {
            guard let tag = LanguageTags.tag(forCLD2: numbers[position]) else { continue }
            languages.append(.init(tag: tag, percent: Int(percents[position]), score: scores[position]))
        }
        return LanguageVerdict(languages: languages, textBytes: Int(result.text_bytes), isReliable: result.reliable != 0)
    }

    static func verdict(_ text: String) -> LanguageVerdict {
        var text = text
        return text.withUTF8(verdict)
    }
}

/// CLD2's language codes as BCP 47 tags.
enum LanguageTags {
    /// Codes CLD2 writes in an older form than BCP 47 prefers.
    static let renamed: [String: String] = [
        "iw": "he", "jw": "jv", "in": "id", "mo": "ro", "tl": "fil", "zh-Hant": "zh-Hant", "sit-NP": "new",
    ]

    /// Indexed by CLD2's language number; nil for "unknown" and for CLD2's script-only
    /// pseudo-languages ("xx-Qaai"), which name no language.
    static let table: [String?] = {
        var tags: [String?] = []
        var number: Int32 = 0
        while let code = td_language_code(number) {
            let name = String(cString: code)
            if name == "un" || name.hasPrefix("xx-") || name.hasPrefix("zzb") || name.hasPrefix("zzp") {
                tags.append(nil)
            } else {
                tags.append(renamed[name] ?? name)
            }
            number += 1
        }
        return tags
    }()

    static func tag(forCLD2 number: Int32) -> String? {
        number >= 0 && Int(number) < table.count ? table[Int(number)] : nil
    }
}
