/// A bulletin taken as far as it can go without the duplicate index: decoded, parsed, and each
/// story fingerprinted (`BulletinProcessor.prepare`). What is left (`decide`) is cheap and must
/// run one bulletin at a time, in order.
public struct PreparedBulletin: Sendable {
    public let sha256: String
    public let encoding: SourceEncoding
    /// The configuration the fingerprints were made with.
    let dedup: DedupConfiguration
    /// The stories, or why the bulletin holds none.
    let stories: Result<[PreparedStory], BulletinRejection>

    /// The parser's rejection, if it refused the bulletin.
    public var rejection: BulletinRejection? {
        if case .failure(let rejection) = stories { return rejection }
        return nil
    }
}

/// A story with what its record needs that takes a pass over its text, computed once.
struct PreparedStory: Sendable {
    let story: Story
    let bodyText: String
    let wordCount: Int
    let fingerprint: StoryFingerprint

    init(_ story: Story, fingerprinter: StoryFingerprinter) {
        self.story = story
        bodyText = story.bodyText
        // Paragraphs are joined by blank lines, so the body counts as its paragraphs do, and
        // one long text is counted faster than many short ones.
        wordCount = WordCounter.count(bodyText)
        fingerprint = fingerprinter.fingerprint(headline: story.headline, bodyText: bodyText)
    }
}
