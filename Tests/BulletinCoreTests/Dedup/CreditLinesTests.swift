@testable import BulletinCore
import Testing

/// `CreditLines.removing`: near matching ignores credit paragraphs wherever they stand.
@Suite struct CreditLinesTests {
    /// The folded words of a body made of `paragraphs` that near matching keeps.
    static func kept(_ paragraphs: [String]) -> [String] {
        let folded = FoldedText(headline: "Head", body: paragraphs.joined(separator: "\n\n"))
        return CreditLines.removing(from: folded.bodyTokens).map {
            String(decoding: folded.bytes[Int($0.start)..<Int($0.end)], as: UTF8.self)
        }
    }

    static let story = "The council met on Monday."
    static let more = "It voted to close the road."
    static let credit = "Reporting by Jane Smith; Editing by Tom Brown"

    @Test("a body without credit lines keeps every word")
    func keepsEverything() {
        #expect(Self.kept([Self.story, Self.more]) == ["the", "council", "met", "on", "monday", "it", "voted", "to", "close", "the", "road"])
    }

    @Test("credit lines go first, between, last and several at once; the rest stays in order")
    func removesCreditParagraphs() {
        let plain = Self.kept([Self.story, Self.more])
        #expect(Self.kept([Self.credit, Self.story, Self.more]) == plain)
        #expect(Self.kept([Self.story, Self.credit, Self.more]) == plain)
        #expect(Self.kept([Self.story, Self.more, Self.credit]) == plain)
        #expect(Self.kept([Self.credit, Self.story, "(Additional reporting by Ann Lee)", Self.more, Self.credit]) == plain)
        #expect(Self.kept([Self.credit]).isEmpty)
    }

    @Test("prose that opens like a credit line stays")
    func keepsProse() {
        let long = "Reporting by local papers " + String(repeating: "and others ", count: 20) + "was thin."
        #expect(Self.kept([Self.story, long]).count == Self.kept([Self.story]).count + Self.kept([long]).count)
        #expect(Self.kept(["Reporting on the vote continued."]) == ["reporting", "on", "the", "vote", "continued"])
    }
}
