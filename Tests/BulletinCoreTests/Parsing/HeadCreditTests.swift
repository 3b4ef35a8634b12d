import Testing

@testable import BulletinCore

/// A writer's credit among the lines that head a story, with its text under it. The text is cut
/// from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md).
@Suite("Credits in a story's head")
struct HeadCreditTests {
    let parser = BulletinParser()

    /// independent-tuning/0061 (eldeber.com.bo, theplanetarypress.com): "Written by: Julie
    /// Mollins" under the byline and "Courtesy of Forests News", over the text. Without the
    /// rule the credit closed the story on its courtesy line, and its text became a story of
    /// its own headed by its first sentence.
    @Test func aCreditAboveTheFirstSentenceHeadsTheStory() throws {
        let text = """
            El último obstáculo sería un soborno, al cual denominan “tranca”, que consiste en pagar entre 50 a 300 dólares para poder sacar del país un motorizado robado en Chile. Incluso, señala que algunos policías de Diprove piden un incentivo económico para poder devolver los vehículos.

            Management of Intact Forestlands by Indigenous Peoples Key to Protecting Climate

            By The Planetary Press

            Courtesy of Forests News

            Written by: Julie Mollins

            Indigenous Peoples have had a track record of managing landscapes sustainably for millennia.

            However, incursions into their territories, often by settlers involved in natural resource extraction or agriculture, have fractured historic tenure rights, dismantling or putting livelihoods, wildlife and ecosystems at risk.

            """
        let stories = try parser.parse(text)
        #expect(stories.count == 2)
        #expect(stories.last?.headline == "Management of Intact Forestlands by Indigenous Peoples Key to Protecting Climate")
        #expect(stories.last?.paragraphs.count == 3)
        #expect(stories.last?.paragraphs.first == "Courtesy of Forests News")
    }
}
