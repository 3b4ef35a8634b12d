/// A bulletin taken as far as it can go without the duplicate index: decoded, parsed, and each
/// story fingerprinted (`BulletinProcessor.prepare`). What is left (`decide`) is cheap and must
/// run one bulletin at a time, in order.
package struct PreparedBulletin: Sendable {
    package let digest: BulletinDigest
    package let encoding: SourceEncoding
    /// The configuration the fingerprints were made with.
    let dedup: DedupConfiguration
    /// The stories, or why the bulletin holds none.
    let stories: Result<PreparedStories, BulletinRejection>

    /// How many stories it holds (0 when the parser refused it).
    package var storyCount: Int { (try? stories.get().count) ?? 0 }

    /// The parser's rejection, if it refused the bulletin.
    package var rejection: BulletinRejection? {
        if case .failure(let rejection) = stories { return rejection }
        return nil
    }
}

/// A bulletin's stories, each fingerprinted when the bulletin was prepared (`prepared`) — or,
/// in a bulletin of more than `BulletinProcessor.preparedAtMost` stories, kept as parsed and
/// fingerprinted one at a time as they are decided (`parsed`): a prepared story takes about
/// twice a parsed one's memory (its body joined, its fingerprint), and a 16 MB file of 600,000
/// tiny stories held 167 MiB of them while it was decided (issue #14).
enum PreparedStories: Sendable {
    case prepared([PreparedStory])
    case parsed([Story])

    var count: Int {
        switch self {
        case .prepared(let stories): stories.count
        case .parsed(let stories): stories.count
        }
    }

    /// The framings' service messages taken out: no record, a journal entry each.
    mutating func removeServiceMessages() -> [BulletinProcessor.WireNotice] {
        switch self {
        case .prepared(var stories):
            let notices = Self.takeServiceMessages(from: &stories)
            self = .prepared(stories)
            return notices
        case .parsed(var stories):
            let notices = Self.takeServiceMessages(from: &stories)
            self = .parsed(stories)
            return notices
        }
    }

    private static func takeServiceMessages<Item: WireItemStory>(from stories: inout [Item]) -> [BulletinProcessor.WireNotice] {
        guard stories.contains(where: { $0.wire?.isServiceMessage == true }) else { return [] }
        let notices = stories.compactMap { story in
            story.wire.flatMap { $0.isServiceMessage ? BulletinProcessor.WireNotice(headline: story.headline, wire: $0) : nil }
        }
        stories.removeAll { $0.wire?.isServiceMessage == true }
        return notices
    }
}

/// A story with a headline and, if framed, its wire metadata: what tells a service message.
protocol WireItemStory {
    var headline: String { get }
    var wire: WireMetadata? { get }
}

extension Story: WireItemStory {}
extension PreparedStory: WireItemStory {}

/// A story as its record needs it, with what takes a pass over its text computed once.
///
/// It keeps the joined body, not the paragraphs: those are released where they were made, on
/// the loading thread. Freed at commit instead, on the pipeline's thread, they sent every
/// free into the other thread's malloc arena, and the two threads queued on its lock.
struct PreparedStory: Sendable {
    let headline: String
    let bodyText: String
    let byline: String?
    let dateline: String?
    let sources: [String]
    let language: String
    let wordCount: Int
    let fingerprint: StoryFingerprint
    /// Boxed: inline, the metadata would take 122 of this struct's 290 bytes for every story,
    /// even plain text's, which has none (a 16 MB file of tiny stories holds 600,000 of these).
    private let wireBox: WireBox?
    var wire: WireMetadata? { wireBox?.metadata }

    init(_ story: Story, fingerprinter: StoryFingerprinter) {
        headline = story.headline
        bodyText = story.bodyText
        byline = story.byline
        dateline = story.dateline
        sources = story.sources
        language = story.language
        wireBox = story.wire.map(WireBox.init)
        // Paragraphs are joined by blank lines, so the body counts as its paragraphs do, and
        // one long text is counted faster than many short ones.
        wordCount = WordCounter.count(bodyText)
        fingerprint = fingerprinter.fingerprint(headline: headline, bodyText: bodyText)
    }
}

/// A wire story's metadata, kept out of line (`PreparedStory.wire`).
private final class WireBox: Sendable {
    let metadata: WireMetadata
    init(_ metadata: WireMetadata) { self.metadata = metadata }
}
