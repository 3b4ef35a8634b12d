/// One line of the store: a story occurrence, first sighted (`story`) or seen before (`duplicate`).
///
/// Field names and meanings are the contract's (`schema/record.schema.json`); the JSON form is
/// written by `encodedLine()` and read back with `Codable`.
public struct StoryRecord: Sendable, Equatable, Codable {
    public static let schemaVersion = "bulletind/1"

    public enum Kind: String, Sendable, Codable { case story, duplicate }

    /// Where an occurrence came from.
    public struct BulletinReference: Sendable, Equatable, Codable {
        public var file: String
        public var sha256: String
        public var index: Int
        /// How many stories the bulletin holds: lets recovery tell a bulletin cut short by a
        /// crash from a complete one (an addition to the contract's fields).
        public var stories: Int?
        /// The encoding the bytes were read in (an addition to the contract's fields).
        public var encoding: String?
        public init(file: String, sha256: String, index: Int, stories: Int? = nil, encoding: String? = nil) {
            self.file = file
            self.sha256 = sha256
            self.index = index
            self.stories = stories
            self.encoding = encoding
        }
    }

    public var schema: String = StoryRecord.schemaVersion
    public var kind: Kind
    public var id: String
    public var receivedAt: String
    public var bulletin: BulletinReference
    public var headline: String
    // A story line, and a near duplicate's own text:
    public var bodyText: String?
    public var byline: String?
    public var dateline: String?
    public var sources: [String]?
    public var language: String?
    public var wordCount: Int?
    // A duplicate line:
    public var duplicateOf: String?
    public var match: String?
    public var similarity: Double?

    enum CodingKeys: String, CodingKey {
        case schema, kind, id, bulletin, headline, byline, dateline, sources, language, match, similarity
        case receivedAt = "received_at"
        case bodyText = "body_text"
        case wordCount = "word_count"
        case duplicateOf = "duplicate_of"
    }

    public init(
        kind: Kind, id: String, receivedAt: String, bulletin: BulletinReference, headline: String,
        bodyText: String? = nil, byline: String? = nil, dateline: String? = nil, sources: [String]? = nil,
        language: String? = nil, wordCount: Int? = nil, duplicateOf: String? = nil, match: String? = nil,
        similarity: Double? = nil
    ) {
        self.kind = kind
        self.id = id
        self.receivedAt = receivedAt
        self.bulletin = bulletin
        self.headline = headline
        self.bodyText = bodyText
        self.byline = byline
        self.dateline = dateline
        self.sources = sources
        self.language = language
        self.wordCount = wordCount
        self.duplicateOf = duplicateOf
        self.match = match
        self.similarity = similarity
    }
}
