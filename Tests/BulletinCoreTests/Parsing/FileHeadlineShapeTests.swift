import Testing

@testable import BulletinCore

/// Files whose stories are parted by the same gap as their paragraphs: only the file's own way
/// of writing its headlines tells a headline from a crosshead. The texts are cut from the
/// independent parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md).
@Suite("The file's own headline shape")
struct FileHeadlineShapeTests {
    let parser = BulletinParser()

    @Test func inAFileOfHeadlinesInCapitalsAMixedCaseLineIsACrosshead() throws {
        let text = """
            MEET THE SWEDE WHO TATTOOED A STATE EPIDEMIOLOGIST'S FACE ON HIS ARM

            Strange tattoos are plentiful around the world, but you'd probably still be hard pressed to find one of a state epidemiologist.

            "So I wanted to have the Swedish face of the crisis on my arm," he added.

            MUSK-FIRMA XAI VERÖFFENTLICHT FÜR TESTS ERSTES MODELL

            In diesem Frühjahr gehörte Tesla-CEO Elon Musk zu mehreren hundert Fachleuten, die wegen Gefahren dieser Technologie eine Pause forderten.

            Musk-KI mit rebellischer Ader

            Grok sei als künstliche Intelligenz dem Buch „Per Anhalter durch die Galaxis“ nachempfunden.

            Grok für Tesla und X-Abonnenten

            Weitere Berührungspunkte sind, dass Tesla laut Musk ohnehin künstliche Intelligenz entwickle.

            HOW TO SCRAPE GOOGLE WITH PYTHON

            Ever since Google Web Search API deprecation in 2011, I've been searching for an alternative.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "MEET THE SWEDE WHO TATTOOED A STATE EPIDEMIOLOGIST'S FACE ON HIS ARM",
                "MUSK-FIRMA XAI VERÖFFENTLICHT FÜR TESTS ERSTES MODELL",
                "HOW TO SCRAPE GOOGLE WITH PYTHON",
            ])
        #expect(stories[1].paragraphs.count == 5)
        #expect(stories[1].paragraphs[1] == "Musk-KI mit rebellischer Ader")
    }

    @Test func aFileThatMarksAMixedCaseHeadlineWritesBoth() throws {
        // Copy of two desks: a wire story in capitals, then one in mixed case after its sign-off.
        let text = """
            ERICSSON'S U.S. UNIT WINS 1.4 MLN DLR CONTRACT

            RICHARDSON, Texas, March 5 - Ericsson Corp, the U.S. unit of LM Ericsson Telephone Co of Sweden, said it won a 1.4 mln dlr contract.

            Reuter

            Asian banks halt dollar's slide

            The dollar regained some lost ground against most major currencies on Wednesday.

            Chinese dam firm 'defies Beijing'

            The China Three Gorges Project Corp is refusing to obey a government order to stop construction.

            GENCORP SAYS IT WILL STUDY BID

            AKRON, Ohio, March 5 - GenCorp Inc said its board will study the offer.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "ERICSSON'S U.S. UNIT WINS 1.4 MLN DLR CONTRACT", "Asian banks halt dollar's slide",
                "Chinese dam firm 'defies Beijing'", "GENCORP SAYS IT WILL STUDY BID",
            ])
    }
}
