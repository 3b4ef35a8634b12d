/// Word lists the shape tests consult. Data, not logic: extend here. Lookups compare
/// bytes (ASCII case folded) so that no String is built per word on the hot path.
enum Vocabulary {
    /// Words a title-cased headline leaves in lowercase.
    static let minorWords: [StaticString] = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
        "with", "as", "from", "into", "over", "than", "vs", "via", "per", "is", "are", "be",
        "de", "la", "le", "van", "von", "al", "el", "bin", "ibn", "da", "di", "du", "der",
    ]

    /// Words followed by a period that does not end a sentence.
    static let abbreviations: [StaticString] = [
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
        "prof", "jr", "sr", "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pres",
    ]

    /// Lowercase particles allowed inside a personal name.
    static let nameParticles: [StaticString] = [
        "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "al",
        "el", "bin", "ibn", "bint", "ben", "dos", "das", "y", "and",
    ]

    static func isMinorWord(_ word: ArraySlice<UInt8>) -> Bool {
        contains(minorWords, word)
    }

    static func isAbbreviation(_ word: ArraySlice<UInt8>) -> Bool {
        guard !word.isEmpty, word.count <= 5 else { return false }
        // A single letter or an initialism ("U.S") before the period is an abbreviation.
        if word.count == 1 || word.contains(0x2E) { return true }
        var letters = word
        while let first = letters.first, first == 0x22 || first == 0x28 { letters = letters.dropFirst() }
        return contains(abbreviations, letters)
    }

    static func isNameParticle(_ word: ArraySlice<UInt8>) -> Bool {
        contains(nameParticles, word)
    }

    /// Whether `list` holds `word`, ignoring ASCII case.
    static func contains(_ list: [StaticString], _ word: ArraySlice<UInt8>) -> Bool {
        let count = word.count
        guard count <= 8 else { return false }
        for entry in list where entry.utf8CodeUnitCount == count {
            var equal = true
            var offset = 0
            for byte in word {
                if ByteScalars.asciiLower(byte) != entry.utf8Start[offset] {
                    equal = false
                    break
                }
                offset += 1
            }
            if equal { return true }
        }
        return false
    }

    static func lowercased(_ word: ArraySlice<UInt8>) -> String {
        String(decoding: word.map(ByteScalars.asciiLower), as: UTF8.self)
    }
}
