/// One story of a bulletin, as the parser found it.
public struct Story: Sendable, Hashable {
    public var headline: String
    public var paragraphs: [String]
    public var byline: String?
    public var dateline: String?
    public var sources: [String]
    public var language: String
    public var bodyText: String { paragraphs.joined(separator: "\n\n") }
    public var wordCount: Int { bodyText.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
    public init(headline: String, paragraphs: [String], byline: String? = nil, dateline: String? = nil, sources: [String] = [], language: String = "en") { self.headline = headline; self.paragraphs = paragraphs; self.byline = byline; self.dateline = dateline; self.sources = sources; self.language = language }
}
