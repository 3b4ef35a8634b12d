import Testing

@testable import BulletinCore

/// Files that mark their stories in one way throughout — a separator line, the same wider gap
/// — and hard-wrapped files whose headlines sit in the block of their text. The texts are cut
/// from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md).
@Suite("File-marked layouts")
struct FileMarkedLayoutTests {
    let parser = BulletinParser()

    @Test func aHeadlineWiderThanTheWrapOverItsTimeLineAndTextIsALineOfItsOwn() throws {
        // Enough wrapped lines to show the file's margin (three ending within three columns,
        // more than the typed lines wider than it).
        let text = """
            Ciclista guatemalteca competirá contra las mejores del mundo en el Reino Unido
            Actualizado el 13/04/2022
                La ciclista guatemalteca Nicole Hacohen está lista para
            comenzar la temporada de pista con su participación en la Copa de
            Naciones de Glasgow 2022.
                La primera competencia de la temporada 2022 llegó para la
            ciclista Nicole Hacohen, quien tendrá la oportunidad de
            representar a Guatemala en la Copa de Naciones que se llevará a
            cabo del 21 al 24 de abril en Glasgow, Reino Unido.
                Nicole está lista para entregar su máximo esfuerzo en el
            tercer evento de talla mundial que afronta en su carrera
            deportiva. La guatemalteca de 24 años viene de una larga
            preparación de casi 2 meses tras participar en un campamento de
            alto rendimiento en el Centro Mundial de Ciclismo, en Aigle,
            Suiza.
                Esta será la primera parada de la Copa de Naciones organizada
            por la UCI, que en esta ocasión contará con la presencia de
            representantes de 40 diferentes países del mundo.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["Ciclista guatemalteca competirá contra las mejores del mundo en el Reino Unido"])
        #expect(stories.first?.paragraphs.count == 5)
        #expect(stories.first?.paragraphs.first == "Actualizado el 13/04/2022")
        #expect(stories.first?.paragraphs.last?.hasPrefix("Esta será la primera parada") == true)
    }

    @Test func aDateOverFigureRowsOpensTheTableButATimeLineUnderAHeadlineIsNoRow() throws {
        let text = """
            11 schöne Ausflugsziele für den Herbst rund um Berlin
            Aktualisiert am 21.01.2016
                Zugegeben, wir vermissen den Sommer auch schon wieder, dabei gibt es
            genügend Dinge, für die wir dem Herbst wirklich dankbar sein können.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["11 schöne Ausflugsziele für den Herbst rund um Berlin"])
        #expect(stories.first?.paragraphs.first == "Aktualisiert am 21.01.2016")
    }

    @Test func underASeparatorTheShortLineOverTheTextHeadsTheStory() throws {
        let text = """
            La voix des nuls

            Faut-il comptabiliser les bulletins blancs dans les suffrages exprimés lors des élections ?
            * * *

            ¿Cuál sería el papel de “El Chapo” Guzmán en el juicio contra JOH?

            TEGUCIGALPA, HONDURAS.- Tras la extradición del expresidente de Honduras, han comenzado a sonar nombres.

            NEXOS DE JOH CON “EL CHAPO” GUZMÁN

            Cuando “Tony” Hernández fue presentado en el banquillo de los acusados, la Fiscalía habló.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["La voix des nuls", "¿Cuál sería el papel de “El Chapo” Guzmán en el juicio contra JOH?"])
        #expect(stories.last?.paragraphs.count == 3)
        #expect(stories.last?.paragraphs[1] == "NEXOS DE JOH CON “EL CHAPO” GUZMÁN")
    }

    @Test func whereTheSameWiderGapOpensEveryStoryACrossheadStaysInside() throws {
        let text = """
            DGB: Brückensperrung belegt die Versäumnisse der letzten Jahre

            Die Sperrung der Talbrücke Rahmede hat gravierende Folgen für die Region.

            Schaden für den starken Wirtschaftsraum an der A45

            Die Unternehmen entlang der Autobahn leiden unter den Umwegen.


            Luftwaffe hat mit dem Training auf den Hubschraubern begonnen

            Die ersten Besatzungen haben die Ausbildung in Niedersachsen aufgenommen.

            Acht Maschinen für die Ausbildung der Besatzungen

            Die Hubschrauber werden in Bückeburg stationiert.


            Heliumkerne in Zinn-Atomen entdeckt

            Forschende haben Alpha-Teilchen an der Oberfläche schwerer Kerne nachgewiesen.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "DGB: Brückensperrung belegt die Versäumnisse der letzten Jahre",
                "Luftwaffe hat mit dem Training auf den Hubschraubern begonnen",
                "Heliumkerne in Zinn-Atomen entdeckt",
            ])
        #expect(stories[0].paragraphs.count == 3)
        #expect(stories[1].paragraphs[1] == "Acht Maschinen für die Ausbildung der Besatzungen")
    }
    @Test func aShortLastLineOverTheWiderGapStillEndsItsStory() throws {
        // A story may end with a short line of its own ("ISSN 2222-2464", "Keep Talking
        // Sports!"): the wider gap under it is still the file's story boundary.
        let text = """
            Lockdown: Gottesdienste bleiben unter strengen Auflagen möglich

            Wien (epdÖ) – Auch während des bundesweiten Lockdowns ab Montag, 22. November, bleiben Gottesdienste unter strengen Auflagen möglich.

            ISSN 2222-2464


            Top 10 Women Talking Sports

            A generally accepted myth: Men talk about sports, women don’t.

            Keep Talking Sports!


            How does the brain turn unconscious information into conscious thought?

            A new study investigates when the 'a-ha!' moment takes place in the brain, and how similar it is to other brain processes.

            'A-ha' moment similar to making a decision

            However, by applying a mathematical model, the scientists were able to match these subjective decision times to the bounded evidence accumulation process.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Lockdown: Gottesdienste bleiben unter strengen Auflagen möglich", "Top 10 Women Talking Sports",
                "How does the brain turn unconscious information into conscious thought?",
            ])
        #expect(stories.first?.paragraphs.last == "ISSN 2222-2464")
        #expect(stories.dropFirst().first?.paragraphs.last == "Keep Talking Sports!")
        #expect(stories.last?.paragraphs[1] == "'A-ha' moment similar to making a decision")
    }
    @Test func whereSeparatorsMarkTheStoriesABylineWithTextUnderItStaysInItsStory() throws {
        // Once in the file, "Headline / Standfirst / Par … / Text" would read as a one-paragraph
        // story signed at its end; but the file marks its stories with a rule, and no rule
        // stands under the byline.
        let text = """
            Turpitude et architecture

            Un roman, noir de pessimisme, où malgré tout l’amitié et l’entraide occupent une grande place.
            -- -- --
            La fin des trottinettes en libre-service à Montréal

            L’administration Plante justifie sa décision par le taux élevé de délinquance chez les utilisateurs.

            Par Jeanne Corriveau

            En raison du taux élevé de délinquance chez les utilisateurs des trottinettes en libre-service, l’administration de Valérie Plante a décidé de ne pas autoriser ces véhicules dans les rues de la ville en 2020.
            -- -- --
            Glyphosate: radiographie d’une intoxication collective

            Un jugement ne fait pas une vérité scientifique.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Turpitude et architecture", "La fin des trottinettes en libre-service à Montréal",
                "Glyphosate: radiographie d’une intoxication collective",
            ])
        #expect(stories[1].byline == "Jeanne Corriveau")
        #expect(stories[1].paragraphs.count == 2)
    }
}
