/// Walks the parts in order and groups them into stories: a headline opens a story, a
/// separator or an end byline closes one, text with no open story starts a headless one.
///
/// Resumable (`next(_:)`): a file of hundreds of thousands of tiny stories is assembled a batch
/// at a time as its stories are stored, so they are never all held at once (issue #14).
struct StoryAssembler {
    /// In a file that marks every story (`LayoutJudge.markedParagraphGap`), each part's gap
    /// above it and the file's paragraph gap: only the file's mark ends a story there.
    struct Marks {
        let placements: [LayoutJudge.Placement]
        let paragraphGap: Int
    }

    /// The parts not yet let go (`next` drops the ones taken, see `lettingGoOfTakenParts`).
    private(set) var parts: [Part]
    private(set) var marks: Marks?
    private let bylinesUnderStandfirsts: Bool
    /// The next part to take.
    private var index = 0
    private var assembly = Assembly()

    init(parts: [Part], marks: Marks? = nil) {
        self.parts = parts
        self.marks = marks
        bylinesUnderStandfirsts = Self.bylinesUnderStandfirsts(parts)
    }

    /// All the stories of `parts`.
    static func stories(from parts: [Part], marks: Marks? = nil) -> [Story] {
        var assembler = StoryAssembler(parts: parts, marks: marks)
        // Sized once for the stories the headlines open (a file of tiny stories has one every 20
        // bytes, and regrowing held the array twice over at the parse's peak: issue #14).
        assembler.assembly.stories.reserveCapacity(Self.headlineCount(parts) + 1)
        return assembler.next(.max)
    }

    /// How many stories `parts` make, without making them: the same walk, each finished draft
    /// only asked whether it would make a story.
    static func count(from parts: [Part], marks: Marks? = nil) -> Int {
        var assembler = StoryAssembler(parts: parts, marks: marks)
        assembler.assembly.counting = true
        while assembler.index < parts.count { assembler.take() }
        assembler.assembly.finish()
        return assembler.assembly.count
    }

    /// The next stories, at most `limit`; empty once every part is taken.
    mutating func next(_ limit: Int) -> [Story] {
        while index < parts.count && assembly.stories.count < limit { take() }
        if index == parts.count { assembly.finish() }
        lettingGoOfTakenParts()
        guard assembly.stories.count > limit else {
            defer { assembly.stories = [] }
            return assembly.stories
        }
        // The last part's story past the limit waits for the next call.
        defer { assembly.stories.removeFirst(limit) }
        return Array(assembly.stories[..<limit])
    }

    /// Parts this far behind the next one are never looked at again (`take` looks two back).
    private static let partsKeptBehind = 8

    /// Once half the parts are taken, the rest are copied into arrays of their own and the
    /// whole let go, and so on for each half left (issue #14: a file assembled a batch at a
    /// time held all its parts and placements, 28 bytes a part, until its last story, while
    /// the index grew by each of its stories). Each part is copied at most once on average,
    /// and the copy is never more than half of what was held.
    private mutating func lettingGoOfTakenParts() {
        let start = index - Self.partsKeptBehind
        guard start >= parts.count / 2, start >= 1024 else { return }
        parts = Array(parts[start...])
        if let kept = marks {
            marks = Marks(placements: Array(kept.placements[start...]), paragraphGap: kept.paragraphGap)
        }
        index -= start
    }

    /// Takes the part at `index` into the assembly.
    private mutating func take() {
        defer { index += 1 }
        switch parts[index] {
        case .separator:
            assembly.finish()
        case .headline(let headline):
            assembly.open(headline: headline)
        case .nameLine(let name):
            // "H. Mustafa" after a story's text and before the next story signs that story.
            // Only this case looks ahead: copying every next part would cost every part.
            let nextStartsStory = index + 1 < parts.count ? parts[index + 1].startsStory : true
            let draft = assembly.draft
            if assembly.isOpen, draft.hasBody, draft.byline == nil, !draft.isClosed, nextStartsStory {
                assembly.draft.byline = name
                assembly.draft.isClosed = true
            } else if assembly.isOpen, draft.hasBody, !draft.isClosed,
                Self.isNameInsideText(index, in: parts, marks: marks)
            {
                assembly.draft.append(.prose(Array(name.utf8)[...]))
            } else {
                assembly.open(headline: name)
            }
        case .byline(let name, let affiliation):
            assembly.openIfNeeded()
            if assembly.draft.byline == nil { assembly.draft.byline = name }
            if let affiliation, KnownOutlets.isOutlet(affiliation) {
                assembly.draft.leadingCredits.append(affiliation)
            }
            // After text, a byline ends the story; but where the file puts it under a
            // standfirst, it is the story's own (see `bylinesUnderStandfirsts`), and so it
            // is where the file marks its stories and text follows it unmarked ("Headline
            // / Summary. / Por Agencia EFE / Text" in a file of separators).
            if assembly.draft.hasBody && !(bylinesUnderStandfirsts && Self.isUnderStandfirst(index, in: parts))
                && !Self.textFollowsUnmarked(index, in: parts, marks: marks)
                && !Self.timeLineFollows(index, in: parts)
            {
                assembly.draft.isClosed = true
            }
        case .signOff(let credits):
            guard assembly.isOpen else { return }
            assembly.draft.trailingCredits.append(contentsOf: credits)
            if assembly.draft.hasBody && !Self.textFollowsUnmarked(index, in: parts, marks: marks)
                && !Self.creditsTheHead(assembly.draft, before: index, in: parts)
            {
                assembly.draft.isClosed = true
            }
        case .paragraph(let paragraph):
            assembly.openIfNeeded()
            assembly.draft.append(.prose(paragraph.bytes))
        case .preformatted(let text):
            assembly.openIfNeeded()
            assembly.draft.append(.preformatted(text))
        }
    }

    private static func headlineCount(_ parts: [Part]) -> Int {
        var count = 0
        for part in parts {
            if case .headline = part { count += 1 }
        }
        return count
    }

    /// A byline right under a story's first paragraph, with the text still to come: "Headline
    /// / Summary of the story. / Von Beate Finken / Text". Alone, that is the end byline of a
    /// one-paragraph story; where a file does it twice or more, it is how the file writes a
    /// standfirst and a byline above every story's text.
    private static func isUnderStandfirst(_ index: Int, in parts: [Part]) -> Bool {
        guard index >= 2, index + 1 < parts.count, case .headline = parts[index - 2], case .paragraph = parts[index - 1]
        else { return false }
        return !parts[index + 1].startsStory
    }

    /// Text right under the part at no more than the paragraph gap, in a file that marks its
    /// stories: the same story goes on.
    private static func textFollowsUnmarked(_ index: Int, in parts: [Part], marks: Marks?) -> Bool {
        guard let marks, index + 1 < parts.count else { return false }
        switch parts[index + 1] {
        case .paragraph, .preformatted: return marks.placements[index + 1].gapBefore <= marks.paragraphGap
        default: return false
        }
    }

    /// A name line between lines of a story's text, in a file that marks its stories, with
    /// no wider gap above or under it ("Actualizado el 03/05/2022 / Página Siete Digital /
    /// El inspector general…", "About the author / Scott Cunningham / Senior Vice President
    /// …"): only the file's mark opens a story there, so the name is a line of the text.
    private static func isNameInsideText(_ index: Int, in parts: [Part], marks: Marks?) -> Bool {
        guard let marks, marks.placements[index].gapBefore <= marks.paragraphGap else { return false }
        return textFollowsUnmarked(index, in: parts, marks: marks)
    }

    /// A time line right under the byline ("Von Adrian Padeanu / Aktualisiert am 03.11.2021"):
    /// it dates the story it stands in and never opens one, so the byline above it heads
    /// that story's text rather than signing off a one-paragraph story.
    private static func timeLineFollows(_ index: Int, in parts: [Part]) -> Bool {
        guard index + 1 < parts.count, case .paragraph(let next) = parts[index + 1], next.count <= 80 else {
            return false
        }
        return next.bytes.withUnsafeBufferPointer { TimeLine.isTimeLine($0) }
    }

    private static func bylinesUnderStandfirsts(_ parts: [Part]) -> Bool {
        var count = 0
        for index in parts.indices {
            guard case .byline = parts[index], isUnderStandfirst(index, in: parts) else { continue }
            count += 1
            if count >= 2 { return true }
        }
        return false
    }

    /// The stories so far and the one being assembled. The draft is a plain value with an
    /// `isOpen` flag rather than an optional: it is read and changed for every part.
    private struct Assembly {
        var stories: [Story] = []
        var draft = StoryDraft()
        var isOpen = false
        /// Counting (`StoryAssembler.count`): finished drafts are counted, not made into stories.
        var counting = false
        var count = 0

        mutating func finish() {
            if isOpen {
                if counting {
                    if draft.makesStory { count += 1 }
                } else if let story = draft.story() {
                    stories.append(story)
                }
            }
            draft = StoryDraft()
            isOpen = false
        }

        mutating func open(headline: String?) {
            finish()
            draft = StoryDraft(headline: headline)
            isOpen = true
        }

        mutating func openIfNeeded() {
            if !isOpen || draft.isClosed { open(headline: nil) }
        }
    }
}
