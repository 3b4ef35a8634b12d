import Testing

@testable import BulletinCore

/// What the parser makes of input no desk should send. Speed is measured by the
/// benchmark, not here; these check the result.
@Suite("Degenerate input")
struct DegenerateInputTests {
    let parser = BulletinParser()

    func rejection(_ text: String) -> BulletinRejection.Reason? {
        do {
            _ = try parser.parse(text)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test(
        "rejections",
        arguments: [
            ("", BulletinRejection.Reason.empty),
            ("\n\n\n", .empty),
            (" \t \u{A0}\n\u{200B}\n\u{C}\n", .empty),
            ("Headline\u{0}\n\nBody.", .binary),
            (String(repeating: "\u{1}\u{2}\u{3}abc", count: 100), .binary),
            ("---\n\n***\n-30-\n", .noStories),
            ("Reuter\n", .noStories),
        ])
    func rejected(_ text: String, reason: BulletinRejection.Reason) {
        #expect(rejection(text) == reason)
    }

    @Test func millionBlankLines() throws {
        let text =
            String(repeating: "\n", count: 1_000_000) + "Headline here\n" + String(repeating: "\r\n", count: 1000)
            + "Body text."
        let stories = try parser.parse(text)
        #expect(stories == [Story(headline: "Headline here", paragraphs: ["Body text."], language: "en")])
    }

    @Test func tenMegabyteLineIsOneParagraph() throws {
        let line = String(repeating: "word ", count: 2_000_000)
        let stories = try parser.parse(line)
        #expect(stories.count == 1)
        #expect(stories[0].paragraphs.count == 1)
        #expect(stories[0].wordCount == 2_000_000)
        #expect(stories[0].headline.utf8.count <= HeadlineSynthesizer.maximumBytes + 3)
    }

    @Test func millionOneWordLinesAreOneParagraph() throws {
        let stories = try parser.parse(String(repeating: "word\n", count: 1_000_000))
        #expect(stories.count == 1)
        #expect(stories[0].wordCount == 1_000_000)
    }

    @Test func headlineWithNoBody() throws {
        #expect(
            try parser.parse("Earthquake strikes Japan\n") == [
                Story(headline: "Earthquake strikes Japan", paragraphs: [], language: "en")
            ])
    }

    @Test func bodyWithNoHeadlineTakesItsFirstSentence() throws {
        let stories = try parser.parse("The council met on Monday. It approved the budget.\n\nMore later.")
        #expect(stories.map(\.headline) == ["The council met on Monday"])
        #expect(stories[0].paragraphs.count == 2)
    }

    @Test func textAfterAnEndBylineStartsANewStory() throws {
        let stories = try parser.parse("Headline one\n\nText one.\n\nBy Jane Smith\n\nText two without headline.")
        #expect(stories.map(\.headline) == ["Headline one", "Text two without headline"])
        #expect(stories[0].byline == "Jane Smith")
    }

    /// A bare name followed by text is a short headline; only before a headline, a
    /// separator or the end of the file does it sign the story above.
    @Test func bareNameBeforeTextIsAHeadline() throws {
        let stories = try parser.parse("Headline one\n\nText one.\n\nJane Smith\n\nText two.\n\nJohn Doe")
        #expect(stories.map(\.headline) == ["Headline one", "Jane Smith"])
        #expect(stories.map(\.byline) == [nil, "John Doe"])
    }
}
