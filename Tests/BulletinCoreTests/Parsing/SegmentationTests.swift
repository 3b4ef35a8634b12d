import Testing

@testable import BulletinCore

/// How blocks of lines are cut into headlines, paragraphs and preformatted blocks.
@Suite("Segmentation")
struct SegmentationTests {
    let parser = BulletinParser()

    @Test func wrappedParagraphsJoinAndTheirEndsAreKept() throws {
        let text = """
            Council approves budget

            The city council voted on Tuesday to approve the budget for the
            harbour, ending a dispute that had lasted most of the year.
            Councillors said the money would pay for dredging.
            """
        let story = try #require(try parser.parse(text).first)
        #expect(
            story.paragraphs == [
                "The city council voted on Tuesday to approve the budget for the harbour, ending a dispute that had lasted most of the year.",
                "Councillors said the money would pay for dredging.",
            ])
    }

    @Test func capsHeadlineDirectlyAboveItsText() throws {
        let stories = try parser.parse("RAIL FARES TO RISE\nRail fares will rise by 3 percent from January.\n")
        #expect(stories.map(\.headline) == ["RAIL FARES TO RISE"])
        #expect(stories[0].paragraphs.count == 1)
    }

    @Test func tableIsOneBlockAndNeverAHeadline() throws {
        let text = "Results\n\nTeam      Won  Lost\nAlpha       3     1\nBeta        2     2\n"
        let story = try #require(try parser.parse(text).first)
        #expect(story.headline == "Results")
        #expect(story.paragraphs == ["Team      Won  Lost\nAlpha       3     1\nBeta        2     2"])
    }

    @Test func typistsDoubleSpaceAfterAFullStopIsNotATable() throws {
        let text = "Talks end\n\nThe talks ended.  Both sides left.\nNo date was set.  Officials said little.\n"
        let story = try #require(try parser.parse(text).first)
        #expect(story.paragraphs.allSatisfy { !$0.contains("\n") })
    }

    @Test(arguments: ["---", "***", "###", "-30-", "- 0 -", "ENDS", "\u{C}"])
    func separatorEndsAStory(_ separator: String) throws {
        let stories = try parser.parse("First headline\n\nFirst text.\n\(separator)\nSecond headline\n\nSecond text.\n")
        #expect(stories.map(\.headline) == ["First headline", "Second headline"])
        #expect(stories.map(\.paragraphs.count) == [1, 1])
    }

    @Test func signOffsStayOutOfTheBody() throws {
        let text =
            "Gold falls\n\nGold fell on Monday.\nREUTER\n\nOil rises\n\nOil rose. (Reporting by A; Editing by B)\n"
        let stories = try parser.parse(text)
        #expect(stories.map(\.paragraphs) == [["Gold fell on Monday."], ["Oil rose."]])
        #expect(stories[0].sources == ["REUTER"])
    }
}
