import Crypto

/// The pure pipeline for one bulletin: bytes → text → stories → duplicate decisions → store lines.
///
/// Everything here is deterministic given the bytes, the name, the instant and the index, which is
/// what lets the daemon repeat a bulletin after a crash and get the same lines.
public struct BulletinProcessor: Sendable {
    public var parser: BulletinParser

    public init(parser: BulletinParser = BulletinParser()) { self.parser = parser }

    /// A bulletin turned into the lines it adds to the store.
    public struct Result: Sendable {
        public var sha256: String
        public var encoding: SourceEncoding
        public var records: [StoryRecord]
    }

    /// Processes one bulletin. New stories are inserted into `index` as they are found, so a story
    /// repeated within the same bulletin is recorded as a duplicate of its first occurrence.
    public func process(
        bytes: [UInt8], file: String, receivedAt: Timestamp, index: inout DuplicateIndex
    ) throws(BulletinRejection) -> Result {
        let sha256 = Self.sha256Hex(bytes)
        let decoded = BulletinDecoder.decode(bytes)
        let stories = try parser.parse(decoded.text)
        var records: [StoryRecord] = []
        records.reserveCapacity(stories.count)
        for (position, story) in stories.enumerated() {
            let reference = StoryRecord.BulletinReference(
                file: file, sha256: sha256, index: position, stories: stories.count, encoding: decoded.encoding.rawValue)
            let decision = index.ingest(story, receivedAt: receivedAt.secondsSinceEpoch)
            records.append(Self.record(for: story, decision: decision, reference: reference, receivedAt: receivedAt))
        }
        return Result(sha256: sha256, encoding: decoded.encoding, records: records)
    }

    static func record(
        for story: Story, decision: DedupDecision, reference: StoryRecord.BulletinReference, receivedAt: Timestamp
    ) -> StoryRecord {
        switch decision {
        case .new(let id):
            return StoryRecord(
                kind: .story, id: id, receivedAt: receivedAt.rfc3339, bulletin: reference,
                headline: story.headline, bodyText: story.bodyText, byline: story.byline,
                dateline: story.dateline, sources: story.sources, language: story.language,
                wordCount: story.wordCount)
        case .duplicate(let original, let match, let similarity):
            return StoryRecord(
                kind: .duplicate, id: occurrenceID(reference, receivedAt: receivedAt),
                receivedAt: receivedAt.rfc3339, bulletin: reference, headline: story.headline,
                // A near copy's own words are kept: its text may differ from the original's.
                bodyText: match == .exact ? nil : story.bodyText,
                duplicateOf: original, match: match.rawValue, similarity: similarity)
        }
    }

    /// A duplicate line's id: unique per occurrence (file, bytes, position, instant).
    static func occurrenceID(_ reference: StoryRecord.BulletinReference, receivedAt: Timestamp) -> String {
        let key = "\(reference.sha256)\n\(reference.file)\n\(reference.index)\n\(receivedAt.millisecondsSinceEpoch)"
        return "d" + hex(SHA256.hash(data: Array(key.utf8)).prefix(16))
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
