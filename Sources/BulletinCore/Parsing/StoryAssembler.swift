/// Walks the parts in order and groups them into stories: a headline opens a story, a
/// separator or an end byline closes one, text with no open story starts a headless one.
struct StoryAssembler {
    func stories(from parts: [Part]) -> [Story] {
        var stories: [Story] = []
        stories.reserveCapacity(min(parts.count, 16))  // rather than regrow from one
        var current: StoryDraft?

        func finish() {
            if let draft = current, let story = draft.story() { stories.append(story) }
            current = nil
        }
        func openIfNeeded() {
            if current == nil || current!.isClosed {
                finish()
                current = StoryDraft()
            }
        }

        for (index, part) in parts.enumerated() {
            switch part {
            case .separator:
                finish()
            case .headline(let headline):
                finish()
                current = StoryDraft(headline: headline)
            case .nameLine(let name):
                // "H. Mustafa" after a story's text and before the next story signs that story.
                // Only this case looks ahead: copying every next part would cost every part.
                let nextStartsStory = index + 1 < parts.count ? parts[index + 1].startsStory : true
                if let draft = current, draft.hasBody, draft.byline == nil, !draft.isClosed, nextStartsStory {
                    current!.byline = name
                    current!.isClosed = true
                } else {
                    finish()
                    current = StoryDraft(headline: name)
                }
            case .byline(let name, let affiliation):
                openIfNeeded()
                if current!.byline == nil { current!.byline = name }
                if let affiliation, KnownOutlets.isOutlet(affiliation) { current!.leadingCredits.append(affiliation) }
                if current!.hasBody { current!.isClosed = true }
            case .signOff(let credits):
                guard current != nil else { continue }
                current!.trailingCredits.append(contentsOf: credits)
                if current!.hasBody { current!.isClosed = true }
            case .paragraph(let bytes):
                openIfNeeded()
                current!.append(.prose(bytes))
            case .preformatted(let text):
                openIfNeeded()
                current!.append(.preformatted(text))
            }
        }
        finish()
        return stories
    }
}
