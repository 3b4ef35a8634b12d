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
    // A story line of a framed wire item (all optional, written only when known):
    /// The framing: "anpa-1312", "iptc-7901", "zczc", "press-release", "key-value".
    public var wireFormat: String?
    public var slug: String?
    /// The take or version marker as written: "1st Ld-Writethru", "REFILE", "CORRECTED".
    public var version: String?
    /// ninjs urgency, 1 (flash) … 9.
    public var urgency: Int?
    public var category: String?
    public var ednote: String?
    /// When the agency filed the item, RFC 3339 UTC.
    public var filedAt: String?
    /// The id of the first sighting of the story this line is a later version of.
    public var versionOf: String?
    /// ninjs pubstatus: "canceled" for a kill or withdrawal (absent: usable).
    public var pubstatus: String?

    enum CodingKeys: String, CodingKey {
        case schema, kind, id, bulletin, headline, byline, dateline, sources, language, match, similarity
        case slug, version, urgency, category, ednote, pubstatus
        case wireFormat = "wire_format"
        case filedAt = "filed_at"
        case versionOf = "version_of"
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

extension StoryRecord {
    /// The wire fields of a framed item's story line.
    mutating func addWireFields(_ wire: WireMetadata, versionOf: String?) {
        wireFormat = wire.format.rawValue
        slug = wire.slug
        version = wire.version
        urgency = wire.urgency
        category = wire.category
        ednote = wire.ednote
        filedAt = wire.filedAt
        self.versionOf = versionOf
        pubstatus = wire.isWithdrawn ? "canceled" : nil
    }
}
