import BulletinCore
import Foundation
import Testing

/// The bulletin bulletind was designed from: 14 stories, two of them signed "H. Mustafa".
@Suite struct SeedBulletinTests {
    static func seed() throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/bulletins/seed", withExtension: "txt"))
        return try BulletinDecoder.decode(Array(try Data(contentsOf: url))).text
    }

    @Test func everyHeadlineLineStartsAStory() throws {
        let stories = try BulletinParser().parse(Self.seed())
        #expect(stories.count == 14)
        #expect(stories.first?.headline == "Russia wants to approve UN resolution on Syria without going beyond Geneva agreements - Lavrov")
        #expect(stories.last?.headline.hasPrefix("China's FM: International Community Should Reach Consensus") == true)
        #expect(!stories.contains { $0.headline == "H. Mustafa" })
    }

    @Test func theMustafaLinesAreBylines() throws {
        let stories = try BulletinParser().parse(Self.seed())
        let signed = stories.filter { $0.byline == "H. Mustafa" }.map(\.headline)
        #expect(signed == [
            "Pushkov: There are limits for Moscow Cooperation with the US",
            "China's FM: International Community Should Reach Consensus on the Issue of Chemical Weapons in Syria as Soon as Possible",
        ])
        #expect(stories.allSatisfy { !$0.bodyText.contains("H. Mustafa") })
    }

    @Test func everyStoryHasABody() throws {
        let stories = try BulletinParser().parse(Self.seed())
        #expect(stories.allSatisfy { !$0.paragraphs.isEmpty && $0.wordCount > 10 })
    }

    @Test func aRepeatedBulletinIsAllExactDuplicates() throws {
        let bytes = Array(try Self.seed().utf8)
        var index = DuplicateIndex()
        let processor = BulletinProcessor()
        let first = try processor.process(bytes: bytes, file: "a.txt", receivedAt: Timestamp(millisecondsSinceEpoch: 0), index: &index)
        let second = try processor.process(bytes: bytes, file: "b.txt", receivedAt: Timestamp(millisecondsSinceEpoch: 1), index: &index)
        #expect(first.records.map(\.kind) == Array(repeating: .story, count: 14))
        #expect(second.records.map(\.kind) == Array(repeating: .duplicate, count: 14))
        #expect(second.records.map(\.duplicateOf) == first.records.map(\.id))
        #expect(second.records.allSatisfy { $0.match == "exact" && $0.similarity == 1 })
        #expect(Set(first.records.map(\.id) + second.records.map(\.id)).count == 28)
    }
}
