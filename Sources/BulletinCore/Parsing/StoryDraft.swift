/// A story while it is being assembled.
struct StoryDraft {
    enum Block {
        case prose(ArraySlice<UInt8>)
        case preformatted(String)
    }

    var headline: String?
    var blocks: [Block] = []
    var byline: String?
    /// Credited before the body (a byline's outlet) and after it (sign-offs).
    var leadingCredits: [String] = []
    var trailingCredits: [String] = []
    /// An end byline or sign-off closed it: more text starts a new story.
    var isClosed = false

    var hasBody: Bool { !blocks.isEmpty }

    mutating func append(_ block: Block) {
        if blocks.isEmpty { blocks.reserveCapacity(4) }  // a story has a few: rather than regrow from one
        blocks.append(block)
    }

    /// Whether `story()` gives a story: a headline, or prose to make one from.
    var makesStory: Bool {
        headline != nil
            || blocks.contains { block in
                if case .prose(let bytes) = block { Self.proseBody(bytes) != nil } else { false }
            }
    }

    /// One pass over the blocks: each prose block's body (without its inline credit) is found
    /// once, and made its paragraph, scanned for credits and sampled for the language as it
    /// comes. What those need first (the dateline, whose credit comes before any the text
    /// names, and the headline, the language sample's start) is known at the first prose
    /// block: the dateline is read from it only when no table came before it, and a missing
    /// headline is made from it. Two passes found every body twice and copied every block
    /// twice (~2 % of a wire feed's parse).
    func story() -> Story? {
        var paragraphs: [String] = []
        paragraphs.reserveCapacity(blocks.count)
        var headline = headline
        var dateline: Dateline?
        var proseDateline: Dateline?
        var credits = SourceCredits()
        var language: LanguageSample?
        /// The dateline, and the credits and language sample started, as they stand before
        /// `firstBody` (nil when the story has no prose).
        func start(firstBody: ArraySlice<UInt8>?) -> Bool {
            if let firstBody {
                // The first prose block is the first paragraph: its dateline is the story's.
                if paragraphs.isEmpty { proseDateline = Dateline.parse(firstBody) }
                if headline == nil { headline = HeadlineSynthesizer.headline(from: firstBody, skipping: proseDateline) }
            }
            guard let headline else { return false }
            dateline = proseDateline ?? Dateline.openingTable(blocks)
            for credit in leadingCredits { credits.add(credit) }
            if let credit = dateline?.credit { credits.add(credit) }
            language = LanguageSample(headline: headline)
            return true
        }
        for block in blocks {
            switch block {
            case .prose(let bytes):
                guard let body = Self.proseBody(bytes) else { continue }
                if language == nil { guard start(firstBody: body) else { return nil } }
                paragraphs.append(ByteScalars.string(body))
                credits.scan(body)
                if language?.wantsMore == true { language?.add(body) }
            case .preformatted(let text):
                paragraphs.append(text)
            }
        }
        if language == nil { guard start(firstBody: nil) else { return nil } }
        guard let headline, let language else { return nil }
        for credit in trailingCredits { credits.add(credit) }

        let tag = language.tag
        // A colon after capitals is a dateline in English copy only (`Dateline.byColonAlone`).
        let place = dateline?.byColonAlone == true && tag != "en" && tag != "und" ? nil : dateline?.place
        return Story(
            headline: headline, paragraphs: paragraphs, byline: byline, dateline: place,
            sources: credits.names, language: tag)
    }

    /// A prose block without its inline credit ("… an ounce. (Reporting by …)"); nil
    /// when nothing else is left.
    private static func proseBody(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var body = bytes
        if let creditStart = StandaloneLines.trailingCreditStart(body) {
            body = ByteScalars.trimmed(body[..<creditStart])
        }
        return body.isEmpty ? nil : body
    }
}

/// For a body with no headline: the first sentence of the first paragraph, after its dateline.
enum HeadlineSynthesizer {
    static let maximumBytes = 120

    static func headline(from paragraph: ArraySlice<UInt8>, skipping dateline: Dateline?) -> String {
        var text = paragraph
        if dateline != nil, let delimiter = datelineEnd(text) { text = ByteScalars.trimmed(text[delimiter...]) }
        var end = text.endIndex
        var index = text.startIndex
        while index + 1 < text.endIndex {
            let byte = text[index]
            if (byte == 0x2E || byte == 0x3F || byte == 0x21) && text[index + 1] == 0x20 {
                let wordStart = (text[..<index].lastIndex(of: 0x20) ?? (text.startIndex - 1)) + 1
                if byte != 0x2E || !Vocabulary.isAbbreviation(text[wordStart..<index]) {
                    end = index
                    break
                }
            }
            index += 1
        }
        var sentence = text[..<end]
        if sentence.last == 0x2E { sentence = sentence.dropLast() }
        if sentence.count > maximumBytes {
            var cut = sentence.prefix(maximumBytes).lastIndex(of: 0x20) ?? (sentence.startIndex + maximumBytes)
            while cut > sentence.startIndex && sentence[cut] & 0xC0 == 0x80 { cut -= 1 }  // never split a scalar
            return ByteScalars.string(ByteScalars.trimmed(sentence[..<cut])) + "\u{2026}"
        }
        return ByteScalars.string(sentence)
    }

    /// Index just after the first dash run or colon, where the dateline's delimiter ends.
    private static func datelineEnd(_ text: ArraySlice<UInt8>) -> Int? {
        let window = text.prefix(160)
        guard let dash = window.firstIndex(where: { $0 == 0x2D || $0 == 0x3A || $0 == 0xE2 }) else { return nil }
        var index = dash
        while index < window.endIndex && (window[index] == 0x2D || window[index] == 0x3A) { index += 1 }
        if index == dash { index = min(dash + 3, window.endIndex) }
        return index
    }
}
