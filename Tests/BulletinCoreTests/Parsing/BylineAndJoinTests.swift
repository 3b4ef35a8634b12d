import Testing

@testable import BulletinCore

/// Bylines, credits and line joins as web desks write them around an article's text. The texts
/// are cut from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/
/// SOURCES.md; each test names its page).
@Suite("Bylines and line joins")
struct BylineAndJoinTests {
    let parser = BulletinParser()

    /// de.motor1.com/news/545242/bmw-3er-touring-2022-erwischt/ (webnews.jsonl): the byline
    /// under the standfirst once in the file, then the page's time line, then the text. The
    /// time line never opens a story, so the byline above it is not an end byline.
    @Test func aBylineOverATimeLineKeepsItsStoryOpen() throws {
        let text = """
            BMW 3er Touring Facelift (2022) zum ersten Mal erwischt

            Die große Modellpflege der aktuellen 3er-Reihe (G20) von BMW wurde schon als Limousine gesichtet. Jetzt zeigt sich auch der Kombi.
            Von Adrian Padeanu
            Aktualisiert am 03.11.2021
            LCI (Life Cycle Impulse) nennt es BMW, wenn eine Baureihe eine große Modellpflege erhält. 2022 ist eine der beliebtesten Baureihen des Herstellers dran, die 3er-Reihe (G20).
            BMW-Traditionalisten müssen sich nicht grämen, denn die Größe des Kühlergrills bleibt auch beim kommenden Facelift nahezu unverändert.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["BMW 3er Touring Facelift (2022) zum ersten Mal erwischt"])
        #expect(stories.first?.byline == "Adrian Padeanu")
        #expect(stories.first?.paragraphs.count == 4)
        #expect(stories.first?.paragraphs[1] == "Aktualisiert am 03.11.2021")
    }

    /// thelocal.se/20200428/meet-the-swede-who-tattooed-a-state-epidemiologists-face-on-his-arm
    /// and swr.de's stuttgart-ohne-rivers-im-finale-100.html (webnews.jsonl): a page's byline
    /// lists its agency, outlet and authors with semicolons. Under each standfirst, as the
    /// file does twice, it is the story's own byline.
    @Test func aBylineListingNamesWithSemicolonsIsTheStorysByline() throws {
        let text = """
            Meet the Swede who tattooed a state epidemiologist's face on his arm

            Whether you're for or against Sweden's softer approach to coronavirus lockdowns, there is no denying state epidemiologist Anders Tegnell has become a household name in the country during the crisis.

            By AFP; The Local

            Strange tattoos are plentiful around the world, but you'd probably still be hard pressed to find one of a state epidemiologist.

            But on Monday, 32-year-old admirer Gustav Lloyd Agerblad from Stockholm had a portrait of Tegnell's stern-looking face permanently inked on his left arm.


            Hiobsbotschaft für Allianz MTV Stuttgart: Top-Angreiferin Krystal Rivers fällt aus

            Die Stuttgarter Volleyballerinnen müssen im vierten Spiel der Finalserie um die deutsche Meisterschaft gegen den Dresdner SC auf Krystal Rivers verzichten. Die US-Amerikanerin hat gesundheitliche Probleme.

            Von SWR Sport; Julius Richter

            "Sie ist nicht zu ersetzen", so Renkema geknickt.
            """
        let stories = try parser.parse(text)
        #expect(stories.count == 2)
        #expect(stories.map(\.byline) == ["AFP; The Local", "SWR Sport; Julius Richter"])
        #expect(stories.map(\.paragraphs.count) == [3, 2])
        // A sentence with a semicolon is no list of names.
        #expect(StandaloneLines.byline(Array("By Monday; the talks had ended".utf8)[...]) == nil)
    }

    /// decohome.de/farbe-des-jahres-2023-viva-magenta/ and scinexx.de's ammoniak-spaltung-durch-
    /// leds-statt-hitze (webnews.jsonl), hard-wrapped: a line ending in the first half of a pair
    /// ("Beige-", "Sonnen-") over "oder"/"und" keeps its space; a word broken at its own hyphen
    /// ("Russian-" + "backed"), and one such as "rock-" + "and-roll", is joined without one.
    @Test func aHyphenBeforeALineOpeningWithAConjunctionKeepsTheSpace() throws {
        let text = """
            Viva Magenta: Eine unkonventionelle Farbe

            Für die Kombination mit anderen Tönen eignen sich vor allem Beige-
            oder anderen Rotnuancen, aber auch helles Blau und Grün. Wasserstoff
            kann klimafreundlich durch Elektrolyse von Wasser mithilfe von Sonnen-
            und Windstrom gewonnen werden, sagte der Russian-
            backed rock-
            and-roll singer.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.first?.paragraphs == [
                "Für die Kombination mit anderen Tönen eignen sich vor allem Beige- oder anderen Rotnuancen, aber auch "
                    + "helles Blau und Grün. Wasserstoff kann klimafreundlich durch Elektrolyse von Wasser mithilfe von "
                    + "Sonnen- und Windstrom gewonnen werden, sagte der Russian-backed rock-and-roll singer."
            ])
        // Without a word to join, the lines are read where they stand in the cleaned text.
        let pairOnly = try parser.parse("Viva Magenta\n\nFür die Kombination eignen sich vor allem Beige-\noder anderen Rotnuancen.")
        #expect(pairOnly.first?.paragraphs == ["Für die Kombination eignen sich vor allem Beige- oder anderen Rotnuancen."])
    }

    /// kinzig.news/23578/das-steckt-dahinter-nachhaltigkeit-bei-der-spessart-tourismus-gmbh
    /// (webnews.jsonl), one paragraph a line: a German answer ends „….“ — the closing “ after
    /// the full stop ends the sentence, and the line, as ” does.
    @Test func aFullStopInsideAGermanClosingQuoteEndsTheLine() throws {
        let text = """
            Das steckt dahinter: Nachhaltigkeit bei der Spessart Tourismus GmbH

            Lohnt sich der Aufwand, sich damit zu beschäftigen, auch wirtschaftlich?
            Weber: „Das wirtschaftliche ist dabei genauso wichtig, wie Umwelt und Soziales. Das regt oft zum Umdenken an. Also ob wir auch über einen anderen Weg an unser Ziel kommen.“
            Mosbacher: „Wenn wir herausfinden, dass wir beispielsweise bei dem Druck unserer Magazine Papier einsparen müssen, dann ist das auch eine wirtschaftliche Dimension, um Kosten zu sparen. Dann müssen wir eben mehr online machen.“
            Also ist das nachhaltige Denken auch eine Chance, die eigenen Arbeitsabläufe und Strukturen zu überdenken?
            """
        let stories = try parser.parse(text)
        #expect(stories.count == 1)
        #expect(stories.first?.paragraphs.count == 4)
        #expect(BlockMetrics.endsSentence(Array("kommen.“".utf8)))
        #expect(BlockMetrics.endsSentence(Array("« Il est parti. »".utf8)))
        #expect(!BlockMetrics.endsSentence(Array("Sie sagte „".utf8)))
    }

    /// breakingbelizenews.com's PAHO story (webnews.jsonl, hard::breakingbelizenews.com-paho.html),
    /// hard-wrapped: a copyright paragraph opens like a sign-off line ("© 2022, …"), but the
    /// wrapper broke its first line, so the paragraph is read whole, not cut after that line.
    @Test func aWrappedParagraphOpeningWithACopyrightSignIsReadWhole() throws {
        let text = """
            Americas at risk of further COVID-19 wave as cases surge in other regions, PAHO Director warns

            Dr Etienne also warned that some countries and territories have scaled
            back public health measures prematurely, highlighting that data “is
            our eyes and ears into this pandemic.”

            © 2022, BreakingBelizeNews.com. This article is the copyrighted
            property of Breaking Belize News. Written permission must be obtained
            before reprint in online or print media. REPRINTING CONTENT WITHOUT
            PERMISSION AND/OR PAYMENT IS THEFT AND PUNISHABLE BY LAW.
            """
        let stories = try parser.parse(text)
        #expect(stories.count == 1)
        #expect(stories.first?.paragraphs.last?.hasPrefix("© 2022, BreakingBelizeNews.com. This article is the copyrighted property") == true)
        #expect(stories.first?.paragraphs.count == 2)
    }

    /// cooperativa.cl's presidente-boric-vuelve-a-su-casa (2022-05-04) and giromatch.com's
    /// online-kredit/1000-euro-kredit (webnews.jsonl): inside a semicolon list, an outlet or a
    /// place may carry a short lowercase word ("Cooperativa cl", "Frankfurt a M").
    @Test func aSemicolonListMayNameOutletsWithShortLowercaseWords() throws {
        func name(_ line: String) -> String? { StandaloneLines.byline(Array(line.utf8)[...])?.name }
        #expect(name("Por Cooperativa cl; EFE") == "Cooperativa cl; EFE")
        #expect(name("Von GIROMATCH; Frankfurt a M; Germany") == "GIROMATCH; Frankfurt a M; Germany")
        #expect(name("Von Bayerische Landesanstalt für Wald; Forstwirtschaft") != nil)
        // Outside a list a lowercase word still rules a name out, and a list of words is no list of names.
        #expect(name("Por Cooperativa cl") == nil)
        #expect(name("Von Montag bis Freitag; Sonntag geschlossen") == nil)
        let text = """
            Presidente Boric vuelve a su casa, Magallanes: Este miércoles realiza su segunda visita a regiones

            El Mandatario se reunirá, en Punta Arenas, con las autoridades locales, y luego se trasladará hasta Puerto Natales.

            Por Cooperativa cl; EFE

            El Presidente Gabriel Boric, quien vive uno de los momentos políticos más difíciles desde que asumiera el mando hace dos meses, viaja este miércoles a su región natal de Magallanes.
            """
        let stories = try parser.parse(text)
        #expect(stories.first?.byline == "Cooperativa cl; EFE")
        #expect(stories.first?.paragraphs.contains("Por Cooperativa cl; EFE") == false)
    }
}
