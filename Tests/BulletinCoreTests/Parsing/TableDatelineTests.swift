@testable import BulletinCore
import Testing

/// A story whose body opens with a table of figures keeps the dateline written above or at the
/// top of the table (Reuters' results items, Reuters-21578).
@Suite struct TableDatelineTests {
    static func story(_ blocks: [StoryDraft.Block]) -> Story? {
        var draft = StoryDraft(headline: "INSITUFORM OF NORTH AMERICA INC <INSUA> 4TH QTR")
        for block in blocks { draft.append(block) }
        return draft.story()
    }

    static func prose(_ text: String) -> StoryDraft.Block { .prose(Array(text.utf8)[...]) }

    @Test func datelineOnTheTablesFirstLine() throws {
        let story = try #require(Self.story([
            .preformatted("MEMPHIS, Tenn., March 12 - 4th qtr\nShr nine cts vs four cts\nNet 658,159 vs 299,930"),
            Self.prose("NOTE: 1985 year net excludes 13,000 dlr tax credit."),
        ]))
        #expect(story.dateline == "MEMPHIS")
        #expect(story.paragraphs.count == 2)
    }

    @Test func datelineAloneAboveTheTable() throws {
        let story = try #require(Self.story([
            Self.prose("NEW YORK, March 23 -"),
            .preformatted("Oper shr loss 20 cts vs loss 81 cts\nOper net loss 1,042,000 vs loss 4,077,000"),
        ]))
        #expect(story.dateline == "NEW YORK")
    }

    @Test func aTableRowOpeningWithANameIsNoDateline() throws {
        let rows = try #require(Self.story([.preformatted("DENVER - 3 2 1 .600\nBOSTON - 2 3 0 .400")]))
        #expect(rows.dateline == nil)
        let later = try #require(Self.story([
            Self.prose("Shares closed higher."), .preformatted("NEW YORK, March 23 - 4th qtr\nShr 1 ct vs 2 cts"),
        ]))
        #expect(later.dateline == nil)
    }

    @Test func aProseDatelineStillWins() throws {
        let story = try #require(Self.story([
            Self.prose("BROOKFIELD, WIS., March 11 - Rexnord said it signed a definitive agreement."),
            .preformatted("NEW YORK, March 23 - 4th qtr\nShr 1 ct vs 2 cts"),
        ]))
        #expect(story.dateline == "BROOKFIELD")
    }
}
