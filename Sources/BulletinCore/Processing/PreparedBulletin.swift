import Synchronization

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
    /// The framings' service messages (copyright fill, tests): no record, a journal entry each.
    let notices: [BulletinProcessor.WireNotice]

    /// How many stories it holds (0 when the parser refused it).
    package var storyCount: Int { (try? stories.get().count) ?? 0 }

    /// A large bulletin's batches of parsed stories not yet decided; nil when its stories were
    /// all fingerprinted as it was prepared (or it has none).
    package var batchesWaiting: Int? {
        guard case .success(.parsed(let batches)) = stories else { return nil }
        return batches.batchesWaiting
    }

    /// The parser's rejection, if it refused the bulletin.
    package var rejection: BulletinRejection? {
        if case .failure(let rejection) = stories { return rejection }
        return nil
    }
}

/// A bulletin's stories, each fingerprinted when the bulletin was prepared (`prepared`) — or,
/// in a bulletin of more than `BulletinProcessor.preparedAtMost` stories, kept as parsed, in
/// batches fingerprinted one at a time as they are decided and freed once they are (`parsed`):
/// a prepared story takes about twice a parsed one's memory (its body joined, its fingerprint),
/// and a 16 MB file of 600,000 tiny stories held 167 MiB of them while it was decided (issue #14).
/// The framings' service messages are taken out beforehand (`notices`).
enum PreparedStories: Sendable {
    case prepared([PreparedStory])
    case parsed(StoryBatches)

    var count: Int {
        switch self {
        case .prepared(let stories): stories.count
        case .parsed(let batches): batches.count
        }
    }

    /// The framings' service messages taken out of `stories`: no record, a journal entry each.
    static func takeServiceMessages(from stories: inout [Story]) -> [BulletinProcessor.WireNotice] {
        guard stories.contains(where: { $0.wire?.isServiceMessage == true }) else { return [] }
        let notices = stories.compactMap { story in
            story.wire.flatMap { $0.isServiceMessage ? BulletinProcessor.WireNotice(headline: story.headline, wire: $0) : nil }
        }
        stories.removeAll { $0.wire?.isServiceMessage == true }
        return notices
    }
}

/// A large bulletin's parsed stories in batches of `StoryDecisions.batchSize`, which its
/// decisions take one at a time: each batch is fingerprinted, decided, stored and freed before
/// the next, so the stories' fingerprints, records and lines never live all at once, and the
/// parsed stories shrink as the bulletin is stored.
///
/// A reference, taken once: the loaded file that holds it is still held by whoever loaded it
/// while the pipeline decides it, and a value would be copied, not freed. A bulletin is decided
/// once (a file the store refused is read again for its next try).
final class StoryBatches: Sendable {
    /// How many stories, in all the batches.
    let count: Int
    let batchSize: Int
    /// The stories not yet taken: the parser's array cut into batches (the next one last), or a
    /// plain-text file's stream, which assembles each batch as it is taken.
    private let waiting: Mutex<Waiting>

    private enum Waiting {
        case cut([[Story]])
        case streamed(StoryStream)
    }

    init(_ stories: consuming [Story], batchSize: Int = StoryDecisions.batchSize) {
        count = stories.count
        self.batchSize = batchSize
        var batches: [[Story]] = []
        batches.reserveCapacity((stories.count + batchSize - 1) / batchSize)
        for start in stride(from: 0, to: stories.count, by: batchSize).reversed() {
            batches.append(Array(stories[start..<min(start + batchSize, stories.count)]))
        }
        waiting = Mutex(.cut(batches))
    }

    init(_ stream: consuming StoryStream, batchSize: Int = StoryDecisions.batchSize) {
        count = stream.count
        self.batchSize = batchSize
        waiting = Mutex(.streamed(stream))
    }

    /// How many batches are still waiting to be decided.
    var batchesWaiting: Int {
        waiting.withLock { waiting in
            switch waiting {
            case .cut(let batches): batches.count
            case .streamed(let stream): (stream.count - stream.taken + batchSize - 1) / batchSize
            }
        }
    }

    /// The next batch, now the caller's alone; nil after the last.
    func takeNext() -> [Story]? {
        waiting.withLock { waiting in
            switch waiting {
            case .cut(var batches):
                // Taken out first, so the batches are not copied to pop one.
                waiting = .cut([])
                defer { waiting = .cut(batches) }
                return batches.popLast()
            case .streamed(var stream):
                waiting = .cut([])
                defer { waiting = .streamed(stream) }
                let batch = stream.next(batchSize)
                return batch.isEmpty ? nil : batch
            }
        }
    }
}

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
