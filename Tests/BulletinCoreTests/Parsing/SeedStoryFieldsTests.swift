import Testing

@testable import BulletinCore

/// The checks the issue spells out for the seed bulletin, written by hand so that a
/// regenerated expectation file cannot hide a regression.
@Suite("Seed bulletin: stories and fields")
struct SeedStoryFieldsTests {
    let stories: [Story]

    init() throws {
        stories = try FixtureCorpus.stories("seed.txt")
    }

    func story(_ prefix: String) throws -> Story {
        try #require(stories.first { $0.headline.hasPrefix(prefix) }, "no story \(prefix)")
    }

    @Test func fourteenStoriesInOrder() {
        #expect(stories.count == 14)
        #expect(
            stories.first?.headline
                == "Russia wants to approve UN resolution on Syria without going beyond Geneva agreements - Lavrov")
        #expect(stories.last?.headline.hasPrefix("China's FM: International Community") == true)
        #expect(!stories.contains { $0.headline == "H. Mustafa" })
    }

    @Test func bylinesEndTheirStories() throws {
        #expect(try story("Pushkov: There are limits").byline == "H. Mustafa")
        #expect(try story("China's FM").byline == "H. Mustafa")
        #expect(stories.filter { $0.byline != nil }.count == 2)
    }

    @Test func ryabkovStory() throws {
        let ryabkov = try story("Ryabkov: US Syria Policies within UNSC Illogical")
        #expect(ryabkov.dateline == "MOSCOW")
        #expect(ryabkov.sources == ["Voice of Russia"])
        #expect(ryabkov.paragraphs.first?.hasPrefix("MOSCOW- Russian Deputy") == true)  // dateline stays in the text
        #expect(ryabkov.paragraphs.count == 2)
    }

    @Test func banStory() throws {
        let ban = try story("Ban: The only answer is a political settlement")
        #expect(ban.dateline == "UNITED NATIONS")
        #expect(ban.sources == ["Agence France-Presse"])
        #expect(ban.paragraphs.count == 4)
    }

    @Test func creditsAsWritten() throws {
        #expect(try story("CSTO opposes military action").sources == ["VoR"])
        #expect(try story("Lavrov to attend UN General Assembly session").sources == ["Voice of Russia", "Interfax"])
        #expect(try story("UN sees 'opportunity for Syria diplomacy'").sources == ["BBC"])
        #expect(try story("All chemical weapons should be destroyed").sources == ["Interfax"])
        #expect(try story("China, Russia Lawmakers").sources == ["Itar Tass"])
        #expect(try story("Lavrov: CSTO Supports").dateline == "MOSCOW")
    }

    @Test func paragraphCounts() {
        #expect(stories.map(\.paragraphs.count) == [2, 4, 5, 4, 2, 2, 4, 5, 8, 3, 2, 3, 2, 4])
    }

    @Test func languageAndWordCount() throws {
        #expect(stories.allSatisfy { $0.language == "en" })
        let ryabkov = try story("Ryabkov: UN experts")
        #expect(ryabkov.wordCount == ryabkov.bodyText.split(whereSeparator: \.isWhitespace).count)
    }
}
