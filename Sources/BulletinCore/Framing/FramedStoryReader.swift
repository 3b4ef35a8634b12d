/// Turns framed items into stories: one story per item (a service message too, marked so the
/// processor records it as a notice, not a story). Each body is read by the parser's own
/// cleaner, segmenter and part reader, but never cut into several stories: headlines the
/// reader sees inside the body are paragraphs of it.
enum FramedStoryReader {
    /// The stories of the items (empty when no item holds text: the caller then reads the text
    /// as plain, which rejects binary input for what it is).
    static func stories(_ framed: WireFraming.Framed, plain: (String) throws(BulletinRejection) -> [Story]) -> [Story] {
        var stories: [Story] = []
        var loose = framed.loose[...]
        // Text no item frames is read as plain text only when it holds words enough to be text
        // of its own (a receiver's preamble or routing lines are not).
        func readLoose(upTo position: Int) {
            while let next = loose.first, next.before <= position {
                loose.removeFirst()
                if WireFraming.Framed.letterCount(next.text, upTo: 40) >= 40, let read = try? plain(next.text) { stories += read }
            }
        }
        for (position, item) in framed.items.enumerated() {
            readLoose(upTo: position)
            if let story = story(item) { stories.append(story) }
        }
        readLoose(upTo: framed.items.count)
        return stories
    }

    static func story(_ item: WireItem) -> Story? {
        var draft = StoryDraft(headline: item.headline.flatMap(cleanLine))
        for block in item.blocks {
            switch block {
            case .preformatted(let text): draft.append(.preformatted(text))
            case .text(let pieces):
                appendText(pieces.count == 1 ? pieces[0] : Array(pieces.joined(separator: [0x0A, 0x0A])), to: &draft)
            }
        }
        guard var story = draft.story() else { return nil }
        if let byline = item.byline.flatMap(cleanLine) { story.byline = byline }
        if let place = item.dateline, story.paragraphs.first?.contains(place) == true { story.dateline = place }
        // Cleaned first: a key#value source may run over several lines (a fuzz finding).
        if let agency = item.metadata.agency.flatMap(cleanLine) {
            // Lowercased once, not twice for every credit the story names.
            let lowerAgency = agency.lowercased()
            let credited = story.sources.contains { source in
                let lowerSource = source.lowercased()
                return lowerSource.hasPrefix(lowerAgency) || lowerAgency.hasPrefix(lowerSource)
            }
            if !credited { story.sources.append(agency) }
        }
        var metadata = item.metadata
        metadata.slug = metadata.slug.flatMap(cleanLine)
        metadata.version = metadata.version.flatMap(cleanLine)
        metadata.category = metadata.category.flatMap(cleanLine)
        metadata.ednote = metadata.ednote.flatMap(cleanLine)
        metadata.agency = metadata.agency.flatMap(cleanLine)
        if ServiceMessage.isServiceMessage(slug: metadata.slug, headline: story.headline) { metadata.isServiceMessage = true }
        story.wire = metadata
        return story
    }

    /// Reads `text` (valid UTF-8) as the plain parser would, up to parts; every part joins the
    /// one story.
    static func appendText(_ text: [UInt8], to draft: inout StoryDraft) {
        let clean: CleanText? = text.withUnsafeBufferPointer { bytes in
            // Most bodies hold no scalar NFC could change: their tabs counted, not screened.
            if let tabs = TextScreening.tabsWithNothingToNormalize(bytes) { return TextCleaner.clean(bytes, tabs: tabs) }
            let verdict = TextScreening.screen(bytes)
            guard !verdict.linesToNormalize.isEmpty else { return TextCleaner.clean(bytes, tabs: verdict.tabs) }
            let normalized = TextScreening.normalized(bytes, lines: verdict.linesToNormalize)
            return normalized.withUnsafeBufferPointer { TextCleaner.clean($0, tabs: verdict.tabs) }
        }
        guard let clean else { return }
        let parts = PartReader(text: clean).bodyParts(Segmenter(text: clean).segments())
        for part in parts {
            switch part {
            case .separator: continue
            case .headline(let line), .nameLine(let line): draft.append(.prose(Array(line.utf8)[...]))
            case .paragraph(let paragraph): draft.append(.prose(paragraph.bytes))
            case .preformatted(let text): draft.append(.preformatted(text))
            case .byline(let name, let affiliation):
                if draft.byline == nil && !draft.hasBody { draft.byline = name }
                if let affiliation, KnownOutlets.isOutlet(affiliation) { draft.leadingCredits.append(affiliation) }
            case .signOff(let credits): draft.trailingCredits.append(contentsOf: credits)
            }
        }
    }

    /// One line of text: whitespace runs (newlines, tabs) become one space; nil when empty.
    static func cleanLine(_ text: String) -> String? {
        // Most are clean already: printable ASCII or UTF-8, single spaces, none at either end.
        // Looked at through a pointer: iterating the String's UTF-8 view cost twice as much.
        var text = text
        let clean = text.withUTF8 { bytes -> Bool in
            var previous: UInt8 = 0x20
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F || byte == 0x20 && previous == 0x20 || byte == 0xC2 || byte == 0xE2 || byte == 0xE3 {
                    return false  // a control, two spaces, or a lead byte of the Unicode spaces (U+0085, U+00A0, U+2000…, U+3000)
                }
                previous = byte
            }
            return previous != 0x20
        }
        if clean { return text }
        let words = text.split { $0.isWhitespace || $0.unicodeScalars.allSatisfy { $0.value < 0x20 || $0.value == 0x7F } }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
