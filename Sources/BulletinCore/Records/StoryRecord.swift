/// One line of the store: a story occurrence, first sighted (`story`) or seen before (`duplicate`).
///
/// Field names and meanings are the contract's (`schema/record.schema.json`); the JSON form is
/// written by `encodedLine()` and read back with `Codable`.
package struct StoryRecord: Sendable, Equatable, Codable {
    package static let schemaVersion = "bulletind/1"

    package enum Kind: String, Sendable, Codable { case story, duplicate }

    /// Where an occurrence came from.
    package struct BulletinReference: Sendable, Equatable, Codable {
        package var file: String
        package var sha256: String
        package var index: Int
        /// How many stories the bulletin holds: lets recovery tell a bulletin cut short by a
        /// crash from a complete one (an addition to the contract's fields).
        package var stories: Int?
        /// The encoding the bytes were read in (an addition to the contract's fields).
        package var encoding: String?
        package init(file: String, sha256: String, index: Int, stories: Int? = nil, encoding: String? = nil) {
            self.file = file
            self.sha256 = sha256
            self.index = index
            self.stories = stories
            self.encoding = encoding
        }
    }

    package var schema: String = StoryRecord.schemaVersion
    package var kind: Kind
    package var id: String
    package var receivedAt: String
    package var bulletin: BulletinReference
    package var headline: String
    // A story line, and a near duplicate's own text:
    package var bodyText: String?
    package var byline: String?
    package var dateline: String?
    package var sources: [String]?
    package var language: String?
    package var wordCount: Int?
    // A duplicate line:
    package var duplicateOf: String?
    package var match: String?
    package var similarity: Double?
    // A story line of a framed wire item (all optional, written only when known):
    /// The framing: "anpa-1312", "iptc-7901", "zczc", "press-release", "key-value".
    package var wireFormat: String?
    package var slug: String?
    /// The take or version marker as written: "1st Ld-Writethru", "REFILE", "CORRECTED".
    package var version: String?
    /// ninjs urgency, 1 (flash) … 9.
    package var urgency: Int?
    package var category: String?
    package var ednote: String?
    /// When the agency filed the item, RFC 3339 UTC.
    package var filedAt: String?
    /// The id of the first sighting of the story this line is a later version of.
    package var versionOf: String?
    /// ninjs pubstatus: "canceled" for a kill or withdrawal (absent: usable).
    package var pubstatus: String?

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

    package init(
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
