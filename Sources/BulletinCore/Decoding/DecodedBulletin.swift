/// A bulletin's bytes as text. `text` has the byte-order mark removed but is otherwise
/// as decoded: line endings, whitespace and normalization are the parser's business.
public struct DecodedBulletin: Sendable, Hashable {
    public let text: String
    public let encoding: SourceEncoding

    public init(text: String, encoding: SourceEncoding) {
        self.text = text
        self.encoding = encoding
    }
}
