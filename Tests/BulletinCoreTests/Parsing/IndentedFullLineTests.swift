import Testing

@testable import BulletinCore

/// In a file that marks its paragraphs by indenting their first lines, a line at the indent
/// under a line the wrapper did not carry on is a paragraph's first line, and a line at the
/// same indent under it opens the next, even where the first fills the line to the margin.
/// The text is larepublica.net's "Estas son las medidas que ha tomado el gobierno para vencer
/// a los hackers" (2022-04-22, webnews.jsonl of the independent corpus,
/// Tests/ParseCorpus/independent/SOURCES.md) as independent-tuning 0150 lays it out: wrapped
/// at 78, a four-column indent. (The hanging indent the rule leaves alone is
/// WireFixtureTests' pr-asianet-3.txt, whose item fails with the rule made unconditional.)
@Suite("Full lines at the paragraph indent")
struct IndentedFullLineTests {
    static let text = """
        Estas son las medidas que ha tomado el gobierno para vencer a los hackers
        Actualizado el 22/04/2022
            Pese a amenazas este martes, el gobierno pagó pensión a 60 mil jubilados,
        a la vez que ayer depositó las pensiones alimenticias
            Johnny Castro johnnycastro.asesor@larepublica.net | Viernes 22 abril, 2022
            En medio de las críticas de los sectores productivas y las amenazas de los
        hackers, el gobierno de Carlos Alvarado trataba ayer -por quinto día
        consecutivo – de ganarle la batalla virtual a los cibercriminales y con ello,
        retomar el control de varios sitios de gobierno que fueron vulnerados y que
        dejarían al descubierto datos sensibles de miles de contribuyentes a menos de
        que el Estado pague un rescate que oscilaría entre $7 millones y $10 millones.
            Al cierre de edición Racsa, el Ministerio de Ciencia y Tecnología, el
        Instituto Meteorológico Nacional, el sitio del Ministerio de Trabajo y
        Fodesaf, así como varias plataformas para presentar impuestos por parte de
        Hacienda, se mantenían bloqueadas por las acciones de los cibercriminales
            Mientras tanto, Alvarado negaba que el país fuera a pagar un solo colón de
        rescate, a la vez que aseveró que “este ataque no es un tema de dinero, sino
        que busca amenazar la estabilidad del país, en una coyuntura de transición”.
            Tras el hackeo sistemático de diversas instituciones públicas y
        ministerios, cometido por un grupo de hackers conocido como Grupo Conti desde
        el Domingo Santo, el gobierno ha implementado varias medidas.
            La creación de una mesa de situación, conformada por expertos del
        ministerio de Ciencia, Tecnología y Telecomunicaciones (Micitt), el ministerio
        de Seguridad Pública, el Organismo de Investigación Judicial y el Instituto
        Costarricense de Electricidad, entre otras dependencias, ha permitido
        orquestar una serie de acciones de contingencia y contención de los
        ciberataques.
            De igual forma, se coordina de cerca con empresas de tecnología como
        Microsoft y GBM, además de contar con el apoyo de especialistas de Estados
        Unidos, España e Israel.
            Ayer, el gobierno anunció que emitirá una directriz de acatamiento
        obligatorio para que todas las instituciones públicas y los ministerios
        fortalezcan sus medidas de ciberseguridad.
        """

    /// The writer's line is 78 columns in a file wrapped at 78, so "En" would not have fitted
    /// on it: without the rule it joined the paragraph under it.
    @Test func aFullLineAtTheIndentIsAParagraphOfItsOwn() throws {
        let paragraphs = try BulletinParser().parse(Self.text).flatMap(\.paragraphs)
        #expect(!paragraphs.contains { $0.contains("Viernes 22 abril, 2022 En medio") })
        #expect(paragraphs.contains { $0.hasPrefix("En medio de las críticas de los sectores productivas") })
    }
}
