/// A cheap language guess: the script of the letters, then, for Latin and Cyrillic,
/// which language's commonest words appear most. "und" when nothing stands out.
enum LanguageGuesser {
    static let sampleBytes = 200

    /// Very common short words, each frequent in one language and rare in the others.
    static let stopwords: [(tag: String, words: Set<String>)] = [
        (
            "en",
            [
                "the", "and", "of", "to", "is", "that", "was", "for", "with", "said", "on", "it", "he", "has", "have",
                "will", "by", "are", "in", "a", "at", "from", "their", "after", "were", "which", "would", "not", "its",
                "been", "this",
            ]
        ),
        (
            "fr",
            [
                "le", "les", "des", "est", "une", "dans", "pour", "que", "qui", "sur", "pas", "du", "au", "avec",
                "sont", "il", "a",
            ]
        ),
        (
            "de",
            [
                "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine", "sich", "auf",
                "dem", "im",
            ]
        ),
        (
            "es",
            [
                "el", "los", "las", "que", "por", "una", "con", "para", "del", "se", "es", "su", "al", "como", "pero",
                "y",
            ]
        ),
        (
            "it",
            ["il", "di", "che", "non", "per", "una", "con", "sono", "della", "gli", "nel", "anche", "è", "alla", "ha"]
        ),
        ("pt", ["o", "os", "que", "não", "uma", "com", "para", "do", "da", "dos", "em", "no", "na", "foi", "ao", "é"]),
        ("nl", ["de", "het", "een", "en", "van", "niet", "dat", "is", "op", "voor", "met", "zijn", "ook", "naar"]),
        ("ru", ["и", "в", "не", "на", "что", "с", "по", "он", "как", "это", "из", "за", "от", "для", "его"]),
        ("uk", ["і", "та", "що", "не", "на", "з", "до", "від", "це", "як", "про", "його", "для", "є"]),
    ]

    static func guess<Body: Sequence<ArraySlice<UInt8>>>(headline: String, body: Body) -> String {
        var sample = Sample(headline: headline)
        for block in body where sample.wantsMore { sample.add(block) }
        return sample.guess
    }

    /// The headline and the first body bytes, read as they come: up to `sampleBytes`.
    struct Sample {
        private var tally = Tally()

        init(headline: String) {
            var headline = headline
            headline.withUTF8 { tally.add(UnsafeBufferPointer(rebasing: $0.prefix(sampleBytes))) }
        }

        var wantsMore: Bool { tally.bytesSeen < sampleBytes }

        mutating func add(_ block: ArraySlice<UInt8>) {
            block.prefix(sampleBytes - tally.bytesSeen).withUnsafeBufferPointer { tally.add($0) }
        }

        var guess: String {
            guard let script = tally.scripts.dominant else { return "und" }
            switch script {
            case .latin, .cyrillic: return tally.byStopwords(script: script)
            case .arabic: return "ar"
            case .han: return "zh"
            case .kana: return "ja"
            case .hangul: return "ko"
            case .greek: return "el"
            case .hebrew: return "he"
            case .devanagari: return "hi"
            case .thai: return "th"
            case .armenian: return "hy"
            case .georgian: return "ka"
            }
        }
    }

    static let latinLists = 0..<7
    static let cyrillicLists = 7..<9

    /// One pass over the sample counting letters by script and stopwords by language.
    /// Words are packed into integers as they are read and looked up in a small table;
    /// the stopword tallies live in 7-bit lanes of one integer (the sample is too short
    /// for a lane to overflow).
    struct Tally {
        var scripts = ScriptCounts()
        var stopwordLanes: UInt64 = 0
        var words = 0
        var bytesSeen = 0
        private let table = StopwordIndex.shared

        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            // The loop runs on locals, stored back once: it reads every byte of the sample.
            var latin = 0
            var key: UInt64 = 0
            var length = 0
            var words = self.words
            var stopwordLanes = self.stopwordLanes
            let table = self.table
            @inline(__always) func endWord() {
                guard length > 0 else { return }
                words += 1
                // Past 127 words a 7-bit lane could overflow; the sample rarely holds half as many.
                if length <= 8 && words <= 127 { stopwordLanes &+= table.lanes(key) }
                key = 0
                length = 0
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (byte | 0x20) &- 0x61 < 26 {
                        latin += 1
                        key = key << 8 | UInt64(byte | 0x20)
                        length += 1
                    } else {
                        endWord()
                    }
                    index += 1
                    continue
                }
                let (scalar, scalarLength) = ByteScalars.scalar(in: bytes, at: index)
                if let script = ScriptCounts.script(of: scalar.value) { scripts.counts[script.position] += 1 }
                for offset in 0..<scalarLength where index + offset < bytes.count {
                    key = key << 8 | UInt64(bytes[index + offset])
                }
                length += scalarLength
                index += scalarLength
            }
            endWord()
            self.words = words
            self.stopwordLanes = stopwordLanes
            scripts.counts[Script.latin.position] += latin
            bytesSeen += bytes.count + 1
        }

        func hits(_ position: Int) -> Int { Int((stopwordLanes >> UInt64(7 * position)) & 0x7F) }

        func byStopwords(script: Script) -> String {
            // The lists are ordered Latin-script languages first, then Cyrillic.
            let candidates = script == .cyrillic ? cyrillicLists : latinLists
            var best = candidates.lowerBound
            var runnerUp = 0
            for position in candidates where hits(position) > hits(best) { best = position }
            for position in candidates where position != best { runnerUp = max(runnerUp, hits(position)) }
            guard hits(best) >= 2, hits(best) * 10 >= words else { return "und" }
            if runnerUp * 10 > hits(best) * 8 { return "und" }  // too close to call
            return stopwords[best].tag
        }
    }

    /// Up to eight bytes, ASCII lowercased, as one integer; nil for longer words.
    static func packedWord<C: Collection<UInt8>>(_ bytes: C) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for byte in bytes { key = key << 8 | UInt64(ByteScalars.asciiLower(byte)) }
        return key
    }

    /// Stopwords in an open-addressing table keyed by the packed word; each slot holds a
    /// one in the 7-bit tally lane of every language that lists the word.
    struct StopwordIndex: Sendable {
        static let shared = StopwordIndex()
        static let slots = 1024
        let keys: [UInt64]
        let lanes: [UInt64]

        init() {
            var keys = [UInt64](repeating: 0, count: Self.slots)
            var lanes = [UInt64](repeating: 0, count: Self.slots)
            for (position, entry) in LanguageGuesser.stopwords.enumerated() {
                for word in entry.words {
                    guard let key = LanguageGuesser.packedWord(Array(word.utf8)) else { continue }
                    var slot = Self.slot(for: key)
                    while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (Self.slots - 1) }
                    keys[slot] = key
                    lanes[slot] |= 1 << UInt64(7 * position)
                }
            }
            self.keys = keys
            self.lanes = lanes
        }

        @inline(__always)
        static func slot(for key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54)  // top 10 bits: 1024 slots
        }

        /// The word's tally increments, zero when no language lists it.
        @inline(__always)
        func lanes(_ key: UInt64) -> UInt64 {
            var slot = Self.slot(for: key)
            while true {
                let stored = keys[slot]
                if stored == key { return lanes[slot] }
                if stored == 0 { return 0 }
                slot = (slot + 1) & (Self.slots - 1)
            }
        }
    }

    enum Script: Int, CaseIterable {
        case latin, cyrillic, greek, arabic, hebrew, han, kana, hangul, devanagari, thai, armenian, georgian
        var position: Int { rawValue }
        static let count = allCases.count
    }

    struct ScriptCounts {
        /// Letters by `Script.position`. A vector, not an array: a guess runs per story and
        /// should allocate nothing. Lanes past the last script stay zero.
        var counts = SIMD16<Int>()

        var dominant: Script? {
            let total = counts.wrappedSum()
            guard total >= 3 else { return nil }
            var best = 0  // the first of equal counts wins
            for position in 1..<Script.count where counts[position] > counts[best] { best = position }
            // Japanese mixes kana with Han: any real share of kana makes it Japanese.
            let kana = counts[Script.kana.position]
            if kana * 5 >= total { return .kana }
            return counts[best] * 2 > total ? Script(rawValue: best) : nil
        }

        static func script(of value: UInt32) -> Script? {
            switch value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: .latin
            case 0x400...0x52F: .cyrillic
            case 0x370...0x3FF, 0x1F00...0x1FFF: .greek
            case 0x531...0x58F: .armenian
            case 0x590...0x5FF: .hebrew
            case 0x600...0x6FF, 0x750...0x77F: .arabic
            case 0x900...0x97F: .devanagari
            case 0xE00...0xE7F: .thai
            case 0x10A0...0x10FF: .georgian
            case 0x1100...0x11FF, 0xAC00...0xD7AF: .hangul
            case 0x3040...0x30FF: .kana
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: .han
            default: nil
            }
        }
    }
}
