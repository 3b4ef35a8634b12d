/// Parses a decoded bulletin into stories. Pure and linear in the size of the text.
///
/// Stages: screen (binary? needs NFC?) → clean (line endings, spaces, invisibles) →
/// segment (blank lines, indentation, wrap width, separators, figure rows) → read parts
/// (headline, paragraph, table, byline, sign-off) → judge the file's layout (which
/// headline-shaped parts open stories, `LayoutJudge`) → assemble stories and their fields.
///
/// Degenerate input: empty text, blank lines only, form feeds or invisible characters
/// only → `.empty`; U+0000 or >5% control characters → `.binary`; only separators,
/// sign-offs or bylines → `.noStories`. A headline with no body is a story with no
/// paragraphs; a body with no headline gets its first sentence as headline; one huge
/// line is one paragraph. Text over `largestText` bytes → `.tooLarge`.
package struct BulletinParser: Sendable {
    /// The most UTF-8 bytes of text the parser takes: its lines are kept as 32-bit offsets and
    /// columns (`TextLine`), and a tab expands to at most 8 columns, normalization and the
    /// stream-safe limit any other byte to fewer (512 MiB; the daemon's default
    /// `inbox.max_file_size` is 16 MiB).
    package static let largestText = (Int(UInt32.max) - 1) / 8

    let largestText: Int

    /// `largestText`: below `BulletinParser.largestText`, for tests of the limit.
    package init(largestText: Int = BulletinParser.largestText) {
        self.largestText = min(largestText, Self.largestText)
    }

    /// `text` is taken: the parser lets it go once it is cleaned, so a caller that passes it
    /// with `consume` does not hold a bulletin's text through the whole parse (issue #14).
    package func parse(_ text: consuming String) throws(BulletinRejection) -> [Story] {
        switch try stories(consume text, assembledAtOnce: .max) {
        case .all(let stories): return stories
        case .streamed(var stream): return stream.next(.max)
        }
    }

    /// A parse's stories for a caller that stores them as it goes (the daemon): all of them, or,
    /// for a plain-text file of more than `assembledAtOnce` parts, its `StoryStream`.
    package enum Stories: Sendable {
        case all([Story])
        case streamed(StoryStream)
    }

    /// `parse`, for a caller that stores stories as it goes: a plain-text file of more than
    /// `assembledAtOnce` parts (and so possibly more stories) is read and its layout judged
    /// whole, but its stories are assembled a batch at a time as the caller asks for them, so
    /// they are never all held at once (issue #14: a file of tiny stories held 88 bytes a story
    /// and its paragraphs besides). The stories are those `parse` gives, in the same order.
    package func stories(_ text: consuming String, assembledAtOnce: Int) throws(BulletinRejection) -> Stories {
        guard text.utf8.count <= largestText else {
            throw BulletinRejection(
                reason: .tooLarge, detail: "\(text.utf8.count) bytes of text, over the parser's \(largestText)")
        }
        // First, before anything normalizes: runs of combining marks cut to UAX #15's limit.
        let limited = StreamSafeText.limited(consume text)
        // Wire framing first: its control bytes would make the text look binary.
        if let framed = WireFraming.frame(limited) {
            let stories = FramedStoryReader.stories(framed, plain: { text throws(BulletinRejection) in try parsePlain(text) })
            if !stories.isEmpty { return .all(stories) }
        }
        let judged = try Self.judgedParts(consume limited)
        guard judged.parts.count > assembledAtOnce else {
            return .all(try Self.nonEmpty(StoryAssembler.stories(from: judged.parts, marks: judged.marks)))
        }
        let stream = StoryStream(StoryAssembler(parts: judged.parts, marks: judged.marks))
        guard stream.count > 0 else { throw Self.noStories }
        return .streamed(stream)
    }

    /// Text without wire framing: screen, clean, segment, read parts, assemble stories.
    func parsePlain(_ text: consuming String) throws(BulletinRejection) -> [Story] {
        let judged = try Self.judgedParts(consume text)
        return try Self.nonEmpty(StoryAssembler.stories(from: judged.parts, marks: judged.marks))
    }

    /// The parts of text without wire framing, its layout judged, and the marks its stories
    /// are assembled by.
    private static func judgedParts(_ text: consuming String) throws(BulletinRejection) -> (
        parts: [Part], marks: StoryAssembler.Marks?
    ) {
        let placed = try Self.placedParts(consume text)
        let parts = LayoutJudge().judged(placed.parts, placements: placed.placements)
        let marks = LayoutJudge.markedParagraphGap(parts, placements: placed.placements).map {
            StoryAssembler.Marks(placements: placed.placements, paragraphGap: $0)
        }
        return (parts, marks)
    }

    private static let noStories = BulletinRejection(
        reason: .noStories, detail: "text found, but only separators, bylines or sign-offs")

    private static func nonEmpty(_ stories: [Story]) throws(BulletinRejection) -> [Story] {
        guard !stories.isEmpty else { throw noStories }
        return stories
    }

    /// Screen, clean, segment and read parts, in a scope of its own: the text, its cleaned
    /// lines and its segments are let go here, before the layout is judged; the parts keep
    /// only the slices of the cleaned bytes they read (issue #14: a file of tiny stories has
    /// a 24-byte line every 11 bytes of text).
    private static func placedParts(_ text: consuming String) throws(BulletinRejection) -> (
        parts: [Part], placements: [LayoutJudge.Placement]
    ) {
        let screened: CleanText? = text.withUTF8 { bytes in
            let verdict = TextScreening.screen(bytes)
            if verdict.isBinary { return nil }
            guard !verdict.linesToNormalize.isEmpty else { return TextCleaner.clean(bytes, tabs: verdict.tabs) }
            // NFC leaves tabs alone: the count still holds.
            let normalized = TextScreening.normalized(bytes, lines: verdict.linesToNormalize)
            return normalized.withUnsafeBufferPointer { TextCleaner.clean($0, tabs: verdict.tabs) }
        }
        _ = consume text  // cleaned: the bytes read from here on are the clean ones
        guard let clean = screened else {
            throw BulletinRejection(reason: .binary, detail: "the text holds NUL or too many control characters")
        }
        guard clean.lines.contains(where: { !$0.isFormFeed }) else {
            throw BulletinRejection(reason: .empty, detail: "no visible text")
        }
        return PartReader(text: clean).placedParts(Segmenter(text: clean, opensStories: true))
    }
}

/// A plain-text file's stories, assembled a batch at a time (`BulletinParser.stories`): it
/// holds the file's judged parts not yet taken (the slices of its cleaned bytes they read),
/// never more than a batch of its stories.
package struct StoryStream: Sendable {
    /// How many stories the file gives in all (counted by a walk that makes none of them).
    package let count: Int
    /// How many have been taken.
    package private(set) var taken = 0
    private var assembler: StoryAssembler

    init(_ assembler: StoryAssembler) {
        count = StoryAssembler.count(from: assembler.parts, marks: assembler.marks)
        self.assembler = assembler
    }

    /// How many of the file's parts it still holds (the ones taken are let go as it goes).
    var partsHeld: Int { assembler.parts.count }

    /// The next stories, at most `limit` of them, in order; empty after the last.
    package mutating func next(_ limit: Int) -> [Story] {
        let stories = assembler.next(limit)
        taken += stories.count
        return stories
    }
}
