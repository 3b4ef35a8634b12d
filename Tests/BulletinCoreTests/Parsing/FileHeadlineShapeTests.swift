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

/// Files whose headlines sit right on their text while a blank line parts their paragraphs.
@Suite("Headlines set right on their text")
struct TightHeadlineTests {
    let parser = BulletinParser()

    @Test func aLineWithABlankLineUnderItIsACrossheadWhereHeadlinesSitOnTheirText() throws {
        let text = """
            UPDATE | DECEASED CLARENDON CRASH VICTIMS IDENTIFIED
            The police have now released the identities of the two people killed in a crash in Osborne Store.

            The crash happened about 1 p.m.

            DGB: BRÜCKENSPERRUNG BELEGT DIE VERSÄUMNISSE DER LETZTEN JAHRE
            Lüdenscheid/Südwestfalen. Die DGB-Regionen Südwestfalen, Mittelhessen und Ruhr-Mark schlagen Alarm.

            MARKANTES TRANSPARENT

            Mit einem markanten Transparent deuten die vier Gewerkschafter auf die Versäumnisse hin.

            SCHADEN FÜR DEN STARKEN WIRTSCHAFTSRAUM

            „Die Problematik einer unzureichenden Infrastruktur ist nicht neu“, sagt Matthias Körner.

            AMMONIAK-SPALTUNG DURCH LEDS STATT HITZE
            Wegbereiter zu „grünem“ Wasserstoff? Forscher haben eine neue Methode gefunden.

            Wasserstoff gilt als Energieträger der Zukunft.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "UPDATE | DECEASED CLARENDON CRASH VICTIMS IDENTIFIED",
                "DGB: BRÜCKENSPERRUNG BELEGT DIE VERSÄUMNISSE DER LETZTEN JAHRE",
                "AMMONIAK-SPALTUNG DURCH LEDS STATT HITZE",
            ])
        #expect(stories[1].paragraphs.count == 5)
        #expect(stories[1].paragraphs[1] == "MARKANTES TRANSPARENT")
    }

    @Test func aShortLineAfterAGapRightOnTheTextHeadsAStoryWhereHeadlinesSitOnTheirText() throws {
        let text = """
            Fiscal considera necesario ampliar régimen de excepción
            Actualizado el 22/04/2022

            A cinco días de concluir el régimen de excepción, el fiscal general consideró necesario ampliar la medida.

            Hasta ayer la Policía Nacional Civil había ejecutado 14,571 capturas en diferentes comunidades.

            Pidió más jueces

            Las audiencias en contra de los capturados durante el régimen de excepción iniciaron el sábado 9 abril.

            Nowa Zelandia: płatny urlop dla rodziców poronionego dziecka. Jak to wygląda w Polsce?
            Nowa Zelandia wprowadza płatny trzydniowy urlop dla rodziców poronionego dziecka. Prawo do urlopu ma przysługiwać bez względu na etap ciąży, w którym kobieta poroniła. Rozwiązanie zaproponowane przez Partię Pracy i przyjęte przez nowozelandzki parlament weszło w życie w kwietniu.

            Trzy dni – tyle czasu otrzymają rodzice po poronieniu.

            W Polsce rozwiązania te reguluje Kodeks Pracy.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Fiscal considera necesario ampliar régimen de excepción",
                "Nowa Zelandia: płatny urlop dla rodziców poronionego dziecka. Jak to wygląda w Polsce?",
            ])
        #expect(stories[0].paragraphs.count == 5)
        #expect(stories[0].paragraphs[3] == "Pidió más jueces")
        #expect(stories[1].paragraphs.count == 3)
    }

    @Test func aSentenceWrappedAfterAnInitialismStaysInItsParagraph() throws {
        // Tuning file 0246 of the first corpus: "… vital to the U.S." over "economy and …" is no
        // short line over its text (the segmenter parts the two lines at the initialism).
        let text = """
            U.S. Semiconductor Industry Form Consortium
            WASHINGTON, March 4 - A consortium of electrics industry firms
            to challenge Japan's presence in the global semiconductor market
            was announced by the Semiconductor Industry Association.

            The initiative will be funded by U.S. manufacturers to develop
            the most advanced semiconductor manufacturing technologies, the
            association said at a news conference.

            Government participation and financial support will also be
            sought for the consortium called SEMATECH, for "semiconductor
            manufacturing technology."

            "We can continue to sit back and watch the Japanese target and
            assualt yet another critical U.S. industry. Or we can get in
            gear and do what is necessary to repell this attack," said Irwin
            Federman, chief executive officer of Monolithic Memories Inc.

            He said the objective of SEMATECH, a non profit corporation, was
            to maintain leadership in an industry that was vital to the U.S.
            economy and national security.

            The plan was for SEMATECH to establish a facility at various
            manufacturers and equipment suppliers to pioneer advanced
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["U.S. Semiconductor Industry Form Consortium"])
        #expect(stories.first?.paragraphs.contains("economy and national security.") == true)
    }
}
