import Testing

@testable import BulletinCore

/// Short lines that hold a figure but run on for words after it are phrases, not rows of a
/// figure table. The text is cut from the independent parse corpus's tuning half
/// (Tests/ParseCorpus/independent/SOURCES.md): independent-tuning/0027 (paragraphs one a line,
/// with the heads of the stories either side: the file's wider gap shows where stories end) and 0023 (paragraphs indented, wrapped at 70, with
/// the end of the story before and the head of the next), blogoff.de "3 verrückte Orte in Berlin" (via
/// the webnews set), whose last two paragraphs each name a place and how far it is from a
/// station.
@Suite("Figures at a row's end")
struct FigureTailTests {
    static let lines = """
        Zimbabwe coup: Robert Mugabe and wife Grace 'insisting he finishes his term', as priest steps in to mediate

        Zimbabwe President Robert Mugabe, his wife Grace and two key figures from her G40 political faction are under house arrest at Mugabe's "Blue House" compound in Harare and are insisting the 93 year-old finishes his presidential term, a source said.
        The G40 figures are cabinet ministers Jonathan Moyo and Saviour Kasukuwere, who fled to the compound after their homes were attacked by troops in Tuesday night's coup, the source, who said he had spoken to people inside the compound, told Reuters.
        Mr Mugabe is resisting mediation by a Catholic priest to allow the former guerrilla a graceful exit after the military takeover.


        3 verrückte Orte in Berlin

        In Berlin lebe ich nun schon seit 9 Jahren und habe bereits jede Menge Verrücktes erlebt. Heute zeig ich euch daher im Video oben 3 der verrücktesten Sachen, die man in der Hauptstadt erleben kann. Viel Spaß!
        Vielen Dank an die S-Bahn Berlin, die mich für dieses Video unterstützt hat, und mit der man all diese Orte auch ganz bequem erreichen kann! Hier gibt es mehr Infos zur VBB-Umweltmonatskarte.
        Und hier findet ihr die im Video genannten Attraktionen: Die Biosphäre Potsdam Vom S-Bahnhof Potsdam mit der Tram bis Haltestelle Vogelpark
        Crash Room 3 Minuten vom S-Bahnhof Ostkreuz
        Base Flying 2 Minuten vom S-Bahnhof Alexanderplatz


        Líder de la organización Mujeres Populares denuncia intentos del PPD de silenciarla

        Ada Álvarez Conde, quien indicó que próximamente renunciará al puesto, resaltó que existe una falta de comunicación en la colectividad y que han impuesto mordazas al surgir polémicas como las expresiones de José Luis Dalmau relacionadas al aborto
        Ada Álvarez Conde anticipó que renunciará a la presidencia de la organización Mujeres Populares. (Teresa Canino Rivera)
        La presidenta de la organización Mujeres Populares, Ada Álvarez Conde, denunció ayer que, desde el interior del Partido Popular Democrático (PPD), se le ha intentado silenciar para que no asuma posturas públicas en contra de la colectividad tras la expresión de José Luis Dalmau Santiago catalogando de “asesinas” a las mujeres que se han practicado un aborto.

        """

    static let indented = """
        que trae aire caliente de salida. Es en esta zona donde se pueden
        esperar que los efectos del cambio climático sean más evidentes y
        lleguen con más rapidez, incluido el deshielo de los glaciares, el
        aumento de la superficie sin cubierta de nieve y por tanto el
        terreno de expansión para las especies. La península será la
        primera parte de la Antártida que dejará de ser blanca y pasará a
        ser verde, pero probablemente los extremos puntuales de
        temperaturas no contribuyan mucho a ello.
            Puede escribirnos a nuno@esmateria.com o seguir a Materia en
        Facebook, Twitter, Instagram o suscribirse aquí a nuestra
        newsletter.


        3 verrückte Orte in Berlin
        Aktualisiert am 12.11.2015
            In Berlin lebe ich nun schon seit 9 Jahren und habe bereits
        jede Menge Verrücktes erlebt. Heute zeig ich euch daher im Video
        oben 3 der verrücktesten Sachen, die man in der Hauptstadt erleben
        kann. Viel Spaß!
            Vielen Dank an die S-Bahn Berlin, die mich für dieses Video
        unterstützt hat, und mit der man all diese Orte auch ganz bequem
        erreichen kann! Hier gibt es mehr Infos zur VBB-Umweltmonatskarte.
            Und hier findet ihr die im Video genannten Attraktionen: Die
        Biosphäre Potsdam Vom S-Bahnhof Potsdam mit der Tram bis
        Haltestelle Vogelpark
            Crash Room 3 Minuten vom S-Bahnhof Ostkreuz
            Base Flying 2 Minuten vom S-Bahnhof Alexanderplatz


        Heliumkerne in Zinn-Atomen entdeckt
        Aktualisiert am 17.01.2021
            Darmstadt - Januar 2021. Mit Hilfe hochenergetischer Protonen
        lassen sich Nukleonen und vorgeformte Kern-Cluster aus Atomkernen
        herausschlagen. In einem Experiment am Research Center for Nuclear
        Physics (RCNP) in Osaka konnten nun Heliumkerne in verschiedenen
        Zinn-Isotopen nachgewiesen werden und die Entwicklung der
        Wahrscheinlichkeit für ihre Formierung entlang der
        Zinn-Isotopenkette studiert werden.

        """

    /// Each of the two lines has one figure and four words after it: with the figure counted
    /// (the rule off), the two were kept as one table block (in the indented file with the
    /// wrapped paragraph's last line "Haltestelle Vogelpark" over them).
    @Test(arguments: [lines, indented])
    func linesRunningOnAfterTheirFigureAreParagraphs(_ text: String) throws {
        let stories = try BulletinParser().parse(text)
        let berlin = stories.first { $0.headline == "3 verrückte Orte in Berlin" }
        let paragraphs = berlin?.paragraphs ?? []
        #expect(paragraphs.suffix(2) == ["Crash Room 3 Minuten vom S-Bahnhof Ostkreuz", "Base Flying 2 Minuten vom S-Bahnhof Alexanderplatz"])
    }

    /// Rows of Reuters-21578's results tables (the tuning corpus's wire part,
    /// Tests/ParseCorpus/sources) keep their figure — at most three words follow the last one
    /// in every row there but two "NOTE:" lines — and a phrase does not.
    @Test func aRowEndsOnItsValuesOrTheirUnit() {
        func endsNear(_ row: String) -> Bool {
            Array(row.utf8).withUnsafeBufferPointer { FigureRows.endsNearFigure($0) }
        }
        #expect(endsNear("Shr 43 cts vs 41 cts"))
        #expect(endsNear("Pay April 10"))
        #expect(endsNear("Turnover 543.2 mln stg vs 481.5 mln"))
        #expect(endsNear("Annual div 72 cts vs 72 cts prior yr"))
        #expect(!endsNear("Crash Room 3 Minuten vom S-Bahnhof Ostkreuz"))
        #expect(!endsNear("Nine mths"))
    }
}
