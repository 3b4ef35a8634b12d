import Testing

@testable import BulletinCore

@Suite("Fixture corpus")
struct FixtureTests {
    @Test func corpusIsLargeEnough() {
        #expect(FixtureCorpus.names.count >= 30)
        #expect(FixtureCorpus.names.contains("seed.txt"))
    }

    @Test("every fixture gives its expected stories and fields", arguments: FixtureCorpus.names)
    func fixtureMatchesExpectation(name: String) throws {
        let expected = try FixtureCorpus.expectation(for: name)
        let bytes = try FixtureCorpus.bytes(name)
        let stories: [Story]
        do throws(BulletinRejection) {
            // A file may be refused by the decoder (no reading fits) as well as by the parser.
            let decoded = try BulletinDecoder.decode(bytes)
            if let encoding = expected.encoding { #expect(decoded.encoding.rawValue == encoding) }
            stories = try BulletinParser().parse(decoded.text)
        } catch {
            #expect(error.reason.rawValue == expected.rejection, "unexpected rejection: \(error.detail)")
            return
        }
        #expect(expected.rejection == nil, "expected a rejection")
        try #require(stories.count == expected.stories.count, "headlines: \(stories.map(\.headline))")
        for (story, want) in zip(stories, expected.stories) {
            #expect(story.headline == want.headline)
            #expect(story.byline == want.byline, "\(want.headline)")
            #expect(story.dateline == want.dateline, "\(want.headline)")
            #expect(story.sources == want.sources, "\(want.headline)")
            if let language = want.language { #expect(story.language == language, "\(want.headline)") }
            #expect(story.paragraphs.count == want.paragraphCount, "\(want.headline)")
            if let paragraphs = want.paragraphs { #expect(story.paragraphs == paragraphs) }
        }
    }

    @Test("parsing is deterministic and fields are clean", arguments: FixtureCorpus.names)
    func fieldsAreClean(name: String) throws {
        guard let stories = try? FixtureCorpus.stories(name) else { return }
        #expect(try FixtureCorpus.stories(name) == stories)
        for story in stories {
            for text in [story.headline] + story.paragraphs {
                #expect(text == text.trimmingSpaces, "untrimmed: \(text.debugDescription)")
                #expect(
                    !text.unicodeScalars.contains {
                        $0 == "\u{FFFD}" || $0 == "\u{200B}" || $0 == "\u{A0}" || $0 == "\t" || $0 == "\r"
                    })
            }
            for paragraph in story.paragraphs where !paragraph.contains("\n") {
                #expect(!paragraph.contains("  "), "double space in prose: \(paragraph.debugDescription)")
            }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars[...]
        while scalars.first == " " || scalars.first == "\n" { scalars = scalars.dropFirst() }
        while scalars.last == " " || scalars.last == "\n" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
