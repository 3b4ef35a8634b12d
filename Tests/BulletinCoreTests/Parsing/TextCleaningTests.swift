import Testing

@testable import BulletinCore

@Suite("Text cleaning")
struct TextCleaningTests {
    func onlyStory(_ text: String) throws -> Story {
        let stories = try BulletinParser().parse(text)
        try #require(stories.count == 1, "got \(stories.map(\.headline))")
        return stories[0]
    }

    @Test("line endings", arguments: ["\n", "\r\n", "\r", "\u{2028}", "\u{85}"])
    func lineEndings(_ newline: String) throws {
        let text = ["Storm hits coast", "", "Winds reached 120 km/h on", "Monday night.", "", "Power was cut."].joined(
            separator: newline)
        let story = try onlyStory(text)
        #expect(story.headline == "Storm hits coast")
        #expect(story.paragraphs == ["Winds reached 120 km/h on Monday night.", "Power was cut."])
    }

    @Test func nfcNormalization() throws {
        let story = try onlyStory("Cafe\u{301} reopens\n\nThe cafe\u{301} on the square reopened.")
        #expect(story.headline.unicodeScalars.elementsEqual("Caf\u{E9} reopens".unicodeScalars))
        #expect(story.paragraphs[0].unicodeScalars.contains("\u{E9}"))
        #expect(!story.paragraphs[0].unicodeScalars.contains("\u{301}"))
    }

    @Test func invisibleAndOddSpaces() throws {
        let story = try onlyStory(
            "Heat\u{200B}wave\u{A0}ends\n\n\tIt\u{2009}rained\u{00AD} on\u{FEFF} Monday,\u{200D} at last.\u{3000}")
        #expect(story.headline == "Heatwave ends")
        #expect(story.paragraphs == ["It rained on Monday, at last."])
    }

    @Test func tabsExpandInTables() throws {
        let story = try onlyStory("Results\n\nThe scores were:\n\nTeam\tWon\tLost\nAlpha\t3\t1\nBeta\t2\t2")
        #expect(story.paragraphs.last == "Team    Won     Lost\nAlpha   3       1\nBeta    2       2")
    }

    @Test func hyphenatedWordAcrossLines() throws {
        let story = try onlyStory(
            "Rebels advance\n\nRussian-\nbacked rebels and the govern-\nment forces clashed on the\nborder on Monday, officials said."
        )
        #expect(
            story.paragraphs == [
                "Russian-backed rebels and the govern-ment forces clashed on the border on Monday, officials said."
            ])
    }
}
