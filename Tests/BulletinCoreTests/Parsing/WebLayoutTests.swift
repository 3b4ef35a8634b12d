import Testing

@testable import BulletinCore

/// Web desks' layouts around an article's own text: time lines, bylines under standfirsts,
/// crossheads in separator-marked files, source lines. The texts are cut from the independent
/// parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md).
@Suite("Web layouts")
struct WebLayoutTests {
    let parser = BulletinParser()

    @Test func timeLinesAreRecognisedAndOtherDatedLinesAreNot() {
        func isTimeLine(_ line: String) -> Bool {
            var line = line
            return line.withUTF8 { TimeLine.isTimeLine($0) }
        }
        for line in [
            "Updated 8 January 2020", "Published 27 July 2017", "Aktualisiert am 13.12.2022",
            "Veröffentlicht am 02.11.2021", "Mis à jour le 13/01/2014", "Actualizado el 18/02/2020",
            "Aktualizacja: 22.04.2021", "Updated December 29, 2019, 10:32", "2019-04-28",
        ] {
            #expect(isTimeLine(line), "\(line)")
        }
        for line in [
            "Tokyo 2020 Olympics postponed", "Storm kills 12 in 2023 floods", "Budget 2020: 5 things to know",
            "Energieversorgung der Zukunft", "The Captain’s Quest 2017 – Contest am 19. August in Dormagen",
        ] {
            #expect(!isTimeLine(line), "\(line)")
        }
    }

    @Test func aTimeLineAndAStandfirstUnderAHeadlineBelongToItsStory() throws {
        let text = """
            Microsoft moves to erase its carbon footprint from the atmosphere in climate push

            Updated 16 January 2020

            Microsoft aims to remove more carbon than it emits by 2030

            Microsoft Corp said on Thursday it aims to remove more carbon from the atmosphere than it emits by 2030.

            The focus on removing existing carbon from the atmosphere sets Microsoft’s climate goals apart.


            'Parasite' scores historic upset at SAG awards, boosting Oscar chances

            Updated 20 January 2020

            LOS ANGELES (Reuters) - South Korean thriller “Parasite” was the upset winner on Sunday.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Microsoft moves to erase its carbon footprint from the atmosphere in climate push",
                "'Parasite' scores historic upset at SAG awards, boosting Oscar chances",
            ])
        #expect(stories[0].paragraphs.prefix(2) == ["Updated 16 January 2020", "Microsoft aims to remove more carbon than it emits by 2030"])
        #expect(stories[1].paragraphs.first == "Updated 20 January 2020")
    }

    @Test func aBylineUnderAStandfirstKeepsTheStoryOpenWhereTheFileDoesItTwice() throws {
        let text = """
            Lockdown: Gottesdienste bleiben unter strengen Auflagen möglich

            Die Kirchen halten sich an die Regeln der Regierung.

            Von Beate Finken

            Öffentliche Gottesdienste bleiben auch im Lockdown möglich, sagte der Bischof.

            Die Gemeinden müssen Abstand halten.

            Wie kann ich schnell abnehmen

            Der Schlachtplan zum Wunschgewicht in sieben Schritten.

            Von Claus Boelen-Theile

            Wer abnehmen will, muss seine Ernährung umstellen.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["Lockdown: Gottesdienste bleiben unter strengen Auflagen möglich", "Wie kann ich schnell abnehmen"])
        #expect(stories.map(\.byline) == ["Beate Finken", "Claus Boelen-Theile"])
        #expect(stories.map(\.paragraphs.count) == [3, 2])
    }

    @Test func aWrappedLineOpeningWithALowercaseVonIsNoByline() throws {
        let text = """
            Rauchen hinterlässt Spuren im Erbgut

            Die Analyse zeigt eine direkte Verbindung zwischen der Anzahl
            von Zigaretten, die im Laufe des Lebens geraucht wurden, und der
            Anzahl von Mutationen in der DNA des Tumors.
            """
        let stories = try parser.parse(text)
        #expect(stories.count == 1)
        #expect(stories.first?.byline == nil)
        #expect(stories.first?.paragraphs.count == 1)
    }

    @Test func inAFileMarkedBySeparatorsACrossheadStaysInsideItsStory() throws {
        for rule in ["-ENDS-", "— — —", "+++"] {
            let text = """
                Fiscal considera necesario ampliar régimen de excepción

                A cinco días de concluir el régimen de excepción, el fiscal general pidió ampliarlo.

                Pidió más jueces

                Las audiencias en contra de los capturados se realizan en grupos.
                \(rule)
                How To Scrape Google With Python

                Ever since Google Web Search API deprecation in 2011, I've been searching for an alternative.
                \(rule)
                Zuckerberg offers peek at Facebook's acquisition strategies

                Facebook CEO Mark Zuckerberg spoke about the company's acquisitions on Wednesday.
                """
            let stories = try parser.parse(text)
            #expect(
                stories.map(\.headline) == [
                    "Fiscal considera necesario ampliar régimen de excepción", "How To Scrape Google With Python",
                    "Zuckerberg offers peek at Facebook's acquisition strategies",
                ], "\(rule)")
            #expect(stories.first?.paragraphs.count == 3, "\(rule)")
        }
    }

    @Test func aSourceLineInGermanOrSpanishIsASignOff() {
        #expect(StandaloneLines.signOff(Array("Quelle: Technische Universität Darmstadt, Pressemitteilung".utf8)[...]) != nil)
        #expect(StandaloneLines.signOff(Array("Fuente: EFE".utf8)[...]) == ["EFE"])
        #expect(StandaloneLines.signOff(Array("Quelle: die Regierung hat gestern entschieden, dass es so bleibt".utf8)[...]) == nil)
    }
}
