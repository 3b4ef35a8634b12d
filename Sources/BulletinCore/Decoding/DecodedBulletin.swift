/// A bulletin's bytes as text. `text` has the byte-order mark removed but is otherwise
/// as decoded: line endings, whitespace and normalization are the parser's business.
package struct DecodedBulletin: Sendable, Hashable {
    package let text: String
    package let encoding: SourceEncoding

    package init(text: String, encoding: SourceEncoding) {
        self.text = text
        self.encoding = encoding
    }
}
