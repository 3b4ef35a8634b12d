import CTextDetection

/// Chooses the code page of a file that is not Unicode.
///
/// Detectors alone confuse close code pages (cp1251, KOI8-R and cp866 all map Cyrillic letters,
/// only to different bytes; Latin-1, cp1252 and ISO-8859-15 differ in a handful of bytes; GBK
/// and Big5 share most of their byte ranges), so they only propose: ICU's detector with its
/// confidences, uchardet's answer, and the other code pages of the same script. Each
/// proposal is then decoded strictly, and each reading is judged by a language model (CLD2):
/// the reading whose text most reads like a language wins, weighed by the detectors'
/// confidence and against signs of mojibake (C1 control characters, letters of two scripts
/// inside one word). No reading that any language model recognises, and every reading full of
/// mojibake: the file is rejected.
enum LegacyReading {
    /// Enough text to tell code pages apart; the winner then decodes the whole file.
    static let sampleBytes = 16 * 1024

    struct Candidate {
        var encoding: SourceEncoding
        /// ICU's confidence (0–100); uchardet's answer counts 50; twins share it, cousins get a quarter.
        var confidence: Double
    }

    static func best(of bytes: [UInt8]) throws(BulletinRejection) -> DecodedBulletin {
        let sample = bytes.prefix(sampleBytes)
        var judged: [(reading: Reading, encoding: SourceEncoding)] = []
        for candidate in candidates(for: sample) {
            guard let text = decodeSample(sample, truncated: sample.count < bytes.count, as: candidate.encoding) else {
                continue
            }
            // The same text under another name (Latin-1 and cp1252 without the bytes they differ
            // in) is judged once, named as the file most likely was written: Windows-1252 (the
            // code page of Western wire copy), else the Windows twin (the superset of the ISO
            // one), else the detectors' likeliest.
            if let same = judged.firstIndex(where: { $0.reading.text == text }) {
                if candidate.encoding.namePreference > judged[same].encoding.namePreference {
                    judged[same].encoding = candidate.encoding
                }
                continue
            }
            judged.append((Reading(text: text, confidence: candidate.confidence), candidate.encoding))
        }
        guard var winner = judged.max(by: { $0.reading.isWorse(than: $1.reading) }) else {
            throw BulletinRejection(
                reason: .undecodable, detail: "no code page the detectors propose reads these bytes without errors")
        }
        // Too little text for the model to recognise a language in any reading: Windows-1252,
        // the code page of Western wire copy (and bulletind's reading before detection), when
        // it reads the bytes.
        if winner.reading.languageMass == 0, let western = judged.first(where: { $0.encoding == .windows1252 }) {
            winner = western
        }
        guard winner.reading.isText else {
            throw BulletinRejection(
                reason: .undecodable,
                detail: "no reading of these bytes is text in any language (best: \(winner.encoding.rawValue))")
        }
        if sample.count == bytes.count { return DecodedBulletin(text: winner.reading.text, encoding: winner.encoding) }
        switch CodePage.decode(bytes[...], as: winner.encoding) {
        case .success(let text): return DecodedBulletin(text: text, encoding: winner.encoding)
        case .failure(let failure):
            throw BulletinRejection(
                reason: .undecodable,
                detail: "the text reads as \(winner.encoding.rawValue) but \(failure.description(of: bytes[...]))")
        }
    }

    /// ICU's proposals, uchardet's, and the other code pages of each proposal's script.
    static func candidates(for sample: ArraySlice<UInt8>) -> [Candidate] {
        var found: [SourceEncoding: Double] = [:]
        func propose(_ encoding: SourceEncoding, _ confidence: Double) {
            found[encoding] = max(found[encoding] ?? 0, confidence)
        }
        sample.withUnsafeBufferPointer { bytes in
            var proposals = [td_charset_candidate](repeating: td_charset_candidate(), count: 24)
            let count = Int(td_icu_charsets(bytes.baseAddress, Int32(bytes.count), &proposals, Int32(proposals.count)))
            for proposal in proposals.prefix(count) {
                let name = withUnsafeBytes(of: proposal.name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if let encoding = SourceEncoding(detectorName: name) { propose(encoding, Double(proposal.confidence)) }
            }
            var answer = [CChar](repeating: 0, count: 64)
            if td_uchardet_charset(bytes.baseAddress, bytes.count, &answer, Int32(answer.count)) > 0 {
                let name = String(decoding: answer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if let encoding = SourceEncoding(detectorName: name) { propose(encoding, 50) }
            }
        }
        // Without any proposal (a detector that saw too little), Western European is the
        // likeliest code page of wire copy.
        if found.isEmpty { propose(.windows1252, 10) }
        // A proposal's twins share its confidence (detectors cannot tell them apart; the text
        // will); its cousins get a quarter of it. Taken from the proposals alone, so the outcome
        // never depends on an order.
        let proposals = found
        for (encoding, confidence) in proposals {
            for twin in encoding.twins { propose(twin, confidence) }
            for cousin in encoding.cousins where proposals[cousin] == nil { propose(cousin, confidence / 4) }
        }
        // Fixed order: by confidence, a detector's own proposal before a sibling (an identical
        // reading keeps the name a detector gave it: KOI8-R for Russian, not KOI8-U), then name.
        return found.map { Candidate(encoding: $0.key, confidence: $0.value) }
            .sorted {
                ($0.confidence, proposals[$0.encoding] ?? -1, $1.encoding.rawValue)
                    > ($1.confidence, proposals[$1.encoding] ?? -1, $0.encoding.rawValue)
            }
    }

    /// The sample in `encoding`; a multi-byte character cut by the end of a truncated sample
    /// is left out rather than counted as an error.
    static func decodeSample(_ sample: ArraySlice<UInt8>, truncated: Bool, as encoding: SourceEncoding) -> String? {
        switch CodePage.decode(sample, as: encoding) {
        case .success(let text): return text
        case .failure(let failure):
            guard truncated, failure.offset >= sample.count - 4 else { return nil }
            let shorter = sample.prefix(failure.offset)
            if case .success(let text) = CodePage.decode(shorter, as: encoding) { return text }
            return nil
        }
    }
}

/// One reading of a sample, and what the language model and the characters say of it.
struct Reading {
    let text: String
    let confidence: Double
    let signs: MojibakeSigns
    /// The language the model reads, if any.
    let language: String?
    /// How much of the text reads as some language: bytes of letters the model recognises,
    /// weighed by how typical of the language they are (CLD2's score per kilobyte), halved
    /// where the model is unsure.
    let languageMass: Double

    /// Bytes of text the language model judges a reading on: readings differ only in the lines
    /// that hold bytes outside ASCII, and a few kilobytes of those tell a language from mojibake
    /// as well as sixteen do, and the model's time grows with the bytes it reads.
    static let judgedBytes = 4 * 1024

    init(text: String, confidence: Double) {
        self.text = text
        self.confidence = confidence
        signs = MojibakeSigns(text)
        // Characters no text holds (see `isText`): no language can redeem this reading, so the
        // model is not asked.
        guard signs.mayBeText else {
            languageMass = 0
            language = nil
            return
        }
        let verdict = Self.linesBeyondASCII(of: text, upTo: Self.judgedBytes).withUnsafeBufferPointer(LanguageModel.verdict)
        var mass = 0.0
        // A language holding a sliver of the text comes from a few stray letters, not text.
        for language in verdict.languages where language.percent >= 10 {
            mass += Double(language.percent) / 100 * Double(verdict.textBytes) * language.score / 1000
        }
        languageMass = verdict.isReliable ? mass : mass / 2
        language = verdict.best?.tag
    }

    /// The lines of `text` that hold a character outside ASCII (every reading of a file has the
    /// same ASCII lines), whole, until `limit` bytes; the last one cut at a character's end.
    static func linesBeyondASCII(of text: String, upTo limit: Int) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count > limit else { return Array(bytes) }
            var kept: [UInt8] = []
            kept.reserveCapacity(limit)
            var start = 0
            while start < bytes.count, kept.count < limit {
                var end = start
                var beyondASCII = false
                while end < bytes.count, bytes[end] != 0x0A {
                    beyondASCII = beyondASCII || bytes[end] >= 0x80
                    end += 1
                }
                if beyondASCII {
                    var stop = min(end, start + limit - kept.count)
                    while stop < end, stop > start, bytes[stop] & 0xC0 == 0x80 { stop -= 1 }  // never split a scalar
                    kept.append(contentsOf: bytes[start..<stop])
                    kept.append(0x0A)
                }
                start = end + 1
            }
            return kept
        }
    }

    /// The judgement: language mass, trusted more where the detectors were confident, much less
    /// where the characters look like mojibake (a sign of it in one word in twenty halves it).
    var merit: Double {
        var merit = languageMass * (1 + confidence / 100)
        if signs.c1Controls > 0 { merit /= 10 }
        return merit * pow8(1 - signs.mixedWordShare)
    }

    private func pow8(_ x: Double) -> Double {
        let square = x * x
        let fourth = square * square
        return fourth * fourth
    }

    /// Text by any measure: a language is recognised without much mojibake, or there are too
    /// few letters to judge, or few of them are outside ASCII (a table of figures and names).
    var isText: Bool {
        guard signs.c1Controls == 0 else { return false }
        if languageMass > 0 { return signs.mixedWordShare < 0.2 }
        return signs.isMostlyASCII
    }

    func isWorse(than other: Reading) -> Bool {
        let (mine, theirs) = (merit, other.merit)
        if abs(mine - theirs) > 0.005 * max(mine, theirs) { return mine < theirs }
        // The model and the detectors cannot tell them apart: the fewer signs of mojibake, then
        // no generic currency sign (ISO-8859-15's "€" against Latin-1's "¤", a sign that stands
        // for no currency and appears in no text).
        if signs.total != other.signs.total { return signs.total > other.signs.total }
        if signs.genericCurrencySigns != other.signs.genericCurrencySigns {
            return signs.genericCurrencySigns > other.signs.genericCurrencySigns
        }
        // Both read as the same language: more letters inside words (a Greek "Ά" that the
        // other code page makes a quotation mark; not Windows-1250's "Ł" for a pound sign before
        // a figure). Else the detectors decide. Equal still: the first candidate, in their fixed
        // order, wins.
        if languageMass > 0, language == other.language, signs.lettersInWords != other.signs.lettersInWords {
            return signs.lettersInWords < other.signs.lettersInWords
        }
        if confidence != other.confidence { return confidence < other.confidence }
        return signs.letters < other.signs.letters
    }
}

/// Characters that betray a wrong code page.
struct MojibakeSigns {
    /// U+0080–U+009F: what ISO-8859 code pages make of Windows punctuation.
    var c1Controls = 0
    var letters = 0
    /// Letters next to another letter: a word's, not a stray one.
    var lettersInWords = 0
    var nonASCIILetters = 0
    /// Letters whose script differs from the letter before them in the same word ("cafИ").
    var scriptSwitches = 0
    /// A capital right after a small letter in one word ("τΆ" where "τ’" was written; KOI8
    /// read as cp1251 swaps the case of every letter).
    var caseSwitches = 0
    /// A symbol between two letters ("c½ur" for "cœur", "╕" inside a Ukrainian word).
    var symbolsInWords = 0
    /// U+00A4 CURRENCY SIGN.
    var genericCurrencySigns = 0

    var total: Int { c1Controls + scriptSwitches + caseSwitches + symbolsInWords }

    init(_ text: String) {
        var previous: (script: LetterScript, lower: Bool)?
        var symbolAfterLetter = false
        var previousInWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 0x80 && value <= 0x9F { c1Controls += 1 }
            if value == 0xA4 { genericCurrencySigns += 1 }
            let traits = ScalarTraits.of(scalar)
            guard traits.contains(.alphabetic) else {
                if traits.contains(.continuesWord) { continue }  // marks and joiners
                if traits.contains(.symbol) {
                    symbolAfterLetter = previous != nil && value >= 0x80
                    if !symbolAfterLetter { previous = nil }
                } else {
                    previous = nil
                    symbolAfterLetter = false
                }
                continue
            }
            letters += 1
            if value >= 0x80 { nonASCIILetters += 1 }
            let script = LetterScript(value)
            let lower = traits.contains(.lowercase)
            if previous != nil, !symbolAfterLetter { lettersInWords += previousInWord ? 1 : 2 }
            previousInWord = previous != nil && !symbolAfterLetter
            if let previous {
                if symbolAfterLetter { symbolsInWords += 1 }
                if previous.script != script, script != .other, previous.script != .other { scriptSwitches += 1 }
                if previous.lower && traits.contains(.uppercase) { caseSwitches += 1 }
            }
            symbolAfterLetter = false
            previous = (script, lower)
        }
    }

    /// Too few letters to judge, or few of them outside ASCII (a table of figures and names).
    var isMostlyASCII: Bool { letters < 40 || nonASCIILetters * 10 <= letters }

    /// Whether `Reading.isText` can hold whatever the language model says: no C1 controls, and
    /// words that mix scripts or cases in less than a fifth of the text unless it is mostly ASCII.
    var mayBeText: Bool { c1Controls == 0 && (mixedWordShare < 0.2 || isMostlyASCII) }

    /// How much of the text sits in words that mix scripts or cases or hide symbols, as a share
    /// of its letters (a word is about four letters).
    var mixedWordShare: Double {
        letters == 0 ? 0 : min(1, Double((scriptSwitches + symbolsInWords + caseSwitches) * 4) / Double(letters))
    }
}

/// The Unicode properties `MojibakeSigns` reads of a scalar. Every reading of every candidate
/// code page asks them of each of up to 16 KB of characters, and the standard library's property
/// lookups made that most of a legacy file's decoding time; so the Basic Multilingual Plane's
/// answers are read once into a table (64 KB, built at the first legacy file), and only
/// scalars beyond it are looked up each time.
struct ScalarTraits: OptionSet, Equatable {
    let rawValue: UInt8

    static let alphabetic = ScalarTraits(rawValue: 1)
    static let lowercase = ScalarTraits(rawValue: 2)
    static let uppercase = ScalarTraits(rawValue: 4)
    /// Not a letter, but part of the word it sits in: a combining mark, a joiner.
    static let continuesWord = ScalarTraits(rawValue: 8)
    /// Not a letter: a symbol, a number sign such as "½", a private-use character.
    static let symbol = ScalarTraits(rawValue: 16)

    @inline(__always)
    static func of(_ scalar: Unicode.Scalar) -> ScalarTraits {
        scalar.value < 0x10000 ? ScalarTraits(rawValue: basicPlane[Int(scalar.value)]) : lookedUp(scalar)
    }

    static func lookedUp(_ scalar: Unicode.Scalar) -> ScalarTraits {
        let properties = scalar.properties
        var traits: ScalarTraits = []
        if properties.isAlphabetic { traits.insert(.alphabetic) }
        if properties.isLowercase { traits.insert(.lowercase) }
        if properties.isUppercase { traits.insert(.uppercase) }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .format: traits.insert(.continuesWord)
        case .otherSymbol, .mathSymbol, .modifierSymbol, .otherNumber, .privateUse: traits.insert(.symbol)
        default: break
        }
        return traits
    }

    /// Surrogate code points are no scalars: their entries stay empty and are never read.
    private static let basicPlane: [UInt8] = (0..<0x10000).map { value in
        Unicode.Scalar(UInt32(value)).map { lookedUp($0).rawValue } ?? 0
    }
}

/// Scripts coarse enough that a word never mixes two of them honestly.
enum LetterScript {
    case latin, cyrillic, greek, arabic, hebrew, cjk, hangul, thai, other

    init(_ value: UInt32) {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: self = .latin
        case 0x400...0x52F: self = .cyrillic
        case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
        case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
        case 0x590...0x5FF: self = .hebrew
        // Han and kana mix honestly in Japanese.
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: self = .cjk
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: self = .hangul
        case 0xE00...0xE7F: self = .thai
        default: self = .other
        }
    }
}
