import Testing

@testable import BulletinCore

/// Headlines a desk sets tight on their text, or over a time line at no wider gap than the one
/// above them, in files that put no wider gap between stories than their own marks show. The
/// texts are cut from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/
/// SOURCES.md), stories shortened.
@Suite("Tight heads")
struct TightHeadTests {
    let parser = BulletinParser()

    /// independent-tuning/0006 (laprensagrafica.com, regenbogenportal.de, disfunctions.de):
    /// paragraphs and stories one blank line apart, each headline set tight on the line under
    /// it. "Mensaje de response para boletines", at the paragraph gap over the next headline,
    /// is the last line of the Salvadoran story; the headline set tight over "Aktualisiert am
    /// 08.11.2021" heads the next. Without the rule the pair read as a headline and its
    /// standfirst: "Mensaje de response para boletines" headed the German story.
    @Test func ofTwoLinesAfterTextTheOneSetTightHeadsTheStory() throws {
        let text = """
            Fiscal considera necesario ampliar régimen de excepción
            Actualizado el 22/04/2022

            Rodolfo Delgado aseguró que las facultades que brinda el régimen de excepción son necesarias para combatir a la delincuencia. La ampliación de la medida también fue planteada por el ministro de seguridad la semana anterior.

            A cinco días de concluir el régimen de excepción, el fiscal general, Rodolfo Delgado, consideró necesario ampliar la medida aprobada el 27 de marzo pasado para combatir la incidencia delictiva en El Salvador.

            Hacemos periodismo desde hace 106 años. Y ahora, como en otros periodos de la historia de El Salvador, el periodismo es fundamental para que la opinión pública se fortalezca. HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS

            Mensaje de response para boletines

            08.11.2021 | Online-Fachtag zum Intersex Day of Remembrance
            Aktualisiert am 08.11.2021

            Am 8. November 2021 findet der jährliche Intersex Day of Remembrance (deutsch: Tag des inter* Gedenkens) statt, der die Situation von inter* Personen ins Blickfeld rückt. Passend dazu organisiert die Hochschule Merseburg eine digitale Veranstaltung zum Thema „Geschlechtergerechte Pädagogik“.

            Der Intersex Day of Remembrance (IDoR) wird weltweit am 8. November gefeiert – dem Geburtstag von Herculin Barbin, einer intergeschlechtlichenIntergeschlechtliche (lat. 'inter': zwischen) Menschen haben angeborene körperliche Merkmale, die sich nach medizinischen Normen nicht eindeutig als (nur) männlich oder (nur) weiblich einordnen lassen. Person aus Frankreich, die im 19. Jahrhundert lebte. Der IDoR markiert das Ende von zwei Wochen, die mit dem Intersex Awareness Day am 26. Oktober beginnen. In dieser Zeit feiern überall inter* Personen sich selbst und erhöhen ihre Sichtbarkeit. Zudem soll der Tag aufzeigen, wie ihre Rechte besser geschützt und ausgebaut werden können.

            Das erscheint dringend nötig, da inter* genauso wie trans*Transgeschlechtliche Menschen identifizieren sich nicht oder nicht nur mit dem Geschlecht, das ihnen bei der Geburt zugewiesen wurde. und nicht-binäre'Nicht-binär', 'non-binary' oder auch 'genderqueer' sind Selbstbezeichnungen für eine Geschlechtsidentität, die sich nicht in der Gegenüberstellung von Mann oder Frau beschreiben lässt. Menschen nach wie vor Diskriminierungen ausgesetzt sind bzw. nicht ausreichend wahrgenommen werden. Dies gilt selbstverständlich auch für Schulen, Ausbildungsstätten und Universitäten.

            Disfunctions.de
            Das Blog Disfunctions.de - Das Blog der gnadenlosen Fehlfunktionen!

            Von Matthias Hille

            Aktualisiert am 06.05.2014

            Podcasts in Plex einbinden

            Erstellt von Fabian am Dienstag 6. Mai 2014

            Ich benutze jetzt seit längerem Plex um Filme,Musik etc. zu verwalten und zu streamen. Allerdings hatte ich bis jetzt keine Möglichkeit gefunden Podcasts direkt einzubinden. Deshalb habe ich ein kleines Workarround gebastelt.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Fiscal considera necesario ampliar régimen de excepción",
                "08.11.2021 | Online-Fachtag zum Intersex Day of Remembrance", "Disfunctions.de",
            ])
        #expect(stories.first?.paragraphs.last == "Mensaje de response para boletines")
        #expect(stories.dropFirst().first?.paragraphs.first == "Aktualisiert am 08.11.2021")
    }

    /// independent-tuning/0119 (heartlandnewsfeed.com, herald-sun via readability, otto.de,
    /// arteradio.com): paragraphs on lines of their own, stories and the time line under each
    /// headline one blank line away. A line after a story's end over a time line at the gap
    /// above it heads a story as a line over text does. Without it, "Sommer-Must-have
    /// Strohtasche! Darum lieben wir sie ..." (two sentences) broke the file's pattern of
    /// headlines after each wider gap, nothing was promoted, and the line closing the story
    /// above, "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR", headed the German story.
    @Test func aLineOverATimeLineAtTheGapAboveItHeadsAStory() throws {
        let text = """
            Christian County police blotters

            Published 27 October 2023
            TAYLORVILLE — The following are arrest and accident reports as recorded by the Taylorville Police Department and the Christian County Sheriff’s Department. The blotter is as follows:
            October 20: ACCIDENT – A vehicle driven by Kimberly Carrell, no age or address reported, was southbound on 1600E Road near 400N Road when a deer entered the roadway. The vehicle was unable to avoid striking the deer, and it sustained damage to the front end. The vehicle was driven from the scene, and no injuries were reported.
            October 25: ARRESTS – Chad Hull, 37, Bulpitt, was arrested by Kincaid police for violating an order of protection. Casey Conaway, 30, Edinburg was arrested by Kincaid police for domestic battery. Amanda D. Johanningmeier, 32, Taylorville, was arrested for criminal trespassing. Jayden F. Snow, 22, Pana, was arrested on an active warrant.
            Nothing special. We cover news items that don't necessarily require an author.

            Angry media won’t buckle over new surveillance laws

            A new Bill would require telecommunications service providers to store so-called ‘metadata’ for two years. Source: Supplied
            A HIGH-powered federal government team has been doing the rounds of media organisations in the past few days in an attempt to allay concerns about the impact of new surveillance legislation on press freedom. It failed.
            The roadshow featured the Prime Minister’s national security adviser, Andrew Shearer, Justin Bassi, who advises Attorney-General George Brandis on crime and security matters, and Australian Federal Police Commissioner Andrew Colvin. Staffers from the office of Communications Minister Malcolm Turnbull also took part.
            Those CEOs should make it clear they are just as angry about this as they were about Stephen Conroy’s attempt to impinge on press freedom through media regulation under the previous Labor government.
            Memories of the grief Conroy brought down on his head would undoubtedly make Abbott sit up and take notice.
            LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR

            Sommer-Must-have Strohtasche! Darum lieben wir sie ...

            Veröffentlicht am 01.06.2019
            Auch wenn das Wetter mancherorts noch nicht so ganz nach Sommer aussieht, es wird in den nächsten Tagen bestimmt auch bei euch warm. Und falls nicht, haben wir neue Lieblingstaschen, die zumindest nach Sonne, Strand und Meer aussehen: Strohtaschen! Sie sind – ganz dem Nachhaltigkeits-Trend entsprechend – aus Naturmaterialien und erinnern ein wenig an den Stil der 70er. Sie passen ebenso zu langen Kleidern im Boho-Style wie zu Schlaghose und Ringelshirt im French Chic. Es gibt sie in allen Größen und für jeden Anlass: ob als Minibag oder große Korbtasche, in die Handtuch, Sonnencreme und eine halbe Wassermelone passen … In diesem Artikel zeigen wir euch, wie ihr die geflochtenen Taschen aus Bast nicht nur an den Strand, sondern auch im Alltag ausführen könnt. Die Bags mit Holiday-Feeling dürfen uns diesen Sommer rund um die Uhr begleiten.
            Was so alles in eine XXL-Strohtasche passt
            Wie ihr seht, gibt es die Strohtaschen in verschiedenen Variationen, und ihr könnt sie zu den unterschiedlichsten Anlässen tragen. Wie gefallen euch Strohtaschen? In der Produkt-Galerie findet ihr diese und weitere tolle Accessoires, die uns nicht nur am Strand stehen. Viel Spaß beim Stöbern.
            XX, Die Redaktion

            La voix des nuls

            Publié le 23/05/2019
            « Je ne fais pas que voter blanc, je le bois aussi »
            Faut-il comptabiliser les bulletins blancs dans les suffrages exprimés lors des élections ? Cette revendication prend chaque année de l'ampleur, jusqu'à être reprise par certains politiques. Mais qu'en est-il des bulletins nuls ? Y a t-il vraiment une différence entre blancs et nuls (non, ceci n'est pas une blague raciste ;) ? Conservés au Conseil consitutionnel, les bulletins nuls, invalidés parce que rayés, écrits, tachés, etc., recèlent des trésors d'humour, de poésie, et même de revendications politiques. On y retrouve par exemple des causes portées désormais au grand jour par les "gilets jaunes". Kristen Falc'hon est allé au Conseil dépouiller ces "voix des nuls" et en parler avec le sociologue Jérémie Moualek, spécialiste du sujet.
            Cette semaine Livo, abstentionniste depuis des années, cherche des arguments pour aller voter. Dans la rue avec les ouvriers, à l'Ecole Normale Supérieure avec la future élite européenne.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Christian County police blotters", "Angry media won’t buckle over new surveillance laws",
                "Sommer-Must-have Strohtasche! Darum lieben wir sie ...", "La voix des nuls",
            ])
        #expect(stories.dropFirst().first?.paragraphs.last == "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR")
    }
}
