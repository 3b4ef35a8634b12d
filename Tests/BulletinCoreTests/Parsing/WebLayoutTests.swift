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
            // Month names in capitals and outside ASCII: both readings of a month's name.
            "UPDATED 8 JANUARY 2020", "Stand: 3. März 2021", "Publié le 3 déc. 2019",
        ] {
            #expect(isTimeLine(line), "\(line)")
        }
        for line in [
            "Tokyo 2020 Olympics postponed", "Storm kills 12 in 2023 floods", "Budget 2020: 5 things to know",
            "Energieversorgung der Zukunft", "The Captain’s Quest 2017 – Contest am 19. August in Dormagen",
            // A day and a year around a word that is no month's name, in ASCII and not.
            "Visit 8 Jordan 2020", "Besuch 8 Jördan 2020",
            // A run of digits too long for an Int (the fuzzer's finding: the reading overflowed).
            "Updated 123456789012345678901234567890",
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

    @Test func pageFurnitureIsNeverAHeadline() {
        for line in [
            "Weiterlesen: Vitamin D-Mangel: Mit diesen 4 hilfreichen Tipps tankst du auch im Winter Sonne",
            "MIRA | Kenji Fujimori: PJ concluye con interrogatorio a testigos", "Related Stories",
            "También puede leer: Tras escándalo en la Policía", "Fotocredit: Ilze Kitshoff", "图注：奥尔德林的圣餐杯回到了地球上",
        ] {
            #expect(PageFurniture.isFurniture(line), "\(line)")
        }
        for line in [
            "Photographers strike over pay", "Mirador del Este reopens", "Related parties in the deal",
            "Update | Deceased Clarendon crash victims identified", "Kenji Fujimori: juicio continuará el 18 de mayo",
        ] {
            #expect(!PageFurniture.isFurniture(line), "\(line)")
        }
    }

    @Test func whereTheFileSignsItsHeadlinesWithATimeLineAnUnsignedOneIsACrosshead() throws {
        let text = """
            Testing Client-Side Applications with Django Post Mortem

            Updated 8 June 2015

            I had the opportunity to give a webcast for O’Reilly Media during which I encountered a broken demo.

            What Happened

            It was my second webcast and I chose to use the same format for both.

            Tridents’ challenge

            Updated 29 April 2022

            It will be a challenging task for the senior men’s national football team to compete at the highest level.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["Testing Client-Side Applications with Django Post Mortem", "Tridents’ challenge"])
        #expect(stories[0].paragraphs.contains("What Happened"))
    }

    @Test func aNameLineBetweenParagraphsOfASeparatorMarkedFileIsACrosshead() throws {
        let text = """
            Auto leasen oder kaufen: Für wen lohnt sich was

            Rund 83 Prozent der deutschen Haushalte verfügen über ein Auto. Doch der Weg zum eigenen Wagen ist weit.

            Zur Person

            Robin Tschöpe ist ein Experte für Autofinanzierung und schreibt seit Jahren darüber.

            ~~~

            3 verrückte Orte in Berlin

            In Berlin lebe ich nun schon seit 9 Jahren und habe bereits jede Menge Verrücktes erlebt.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["Auto leasen oder kaufen: Für wen lohnt sich was", "3 verrückte Orte in Berlin"])
        #expect(stories[0].paragraphs.contains("Zur Person"))
    }
}
