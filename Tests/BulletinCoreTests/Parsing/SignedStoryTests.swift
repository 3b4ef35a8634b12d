import Testing

@testable import BulletinCore

/// Stories a web desk heads with a byline or a time line, in files that set their stories apart
/// by no wider gap than their paragraphs: the signature says where a story starts. The texts
/// are cut from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/
/// SOURCES.md), paragraphs shortened.
@Suite("Signed stories")
struct SignedStoryTests {
    let parser = BulletinParser()

    /// independent-tuning/0011 (elnuevodia.com, elheraldo.hn): paragraphs on lines of their
    /// own, one blank line around each headline. The question over "Por Redacción" and the
    /// text under it heads that text; it does not close the story above, signed off.
    @Test func aLineOverABylineWithTextUnderItHeadsAStory() throws {
        let text = """
            Líder de la organización Mujeres Populares denuncia intentos del PPD de silenciarla

            Por Gloria Ruiz Kuilan
            Ada Álvarez Conde anticipó que renunciará a la presidencia de la organización Mujeres Populares. (Teresa Canino Rivera)
            La presidenta de la organización Mujeres Populares, Ada Álvarez Conde, denunció ayer que, desde el interior del Partido Popular Democrático (PPD), se le ha intentado silenciar.

            ¿Cuál sería el papel de “El Chapo” Guzmán en el juicio contra JOH?

            Por Redacción
            TEGUCIGALPA, HONDURAS.- Tras la extradición del expresidente de Honduras, Juan Orlando Hernández, hacia Estados Unidos, por sus presuntos nexos con el narcotráfico, han comenzado a sonar nombres.
            Ahora, una de las principales interrogantes es si el mexicano sería tomado en cuenta para declarar contra el exmandatario, por lo que EL HERALDO se dio a la tarea de trasladar la consulta a su defensa.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Líder de la organización Mujeres Populares denuncia intentos del PPD de silenciarla",
                "¿Cuál sería el papel de “El Chapo” Guzmán en el juicio contra JOH?",
            ])
        #expect(stories.map(\.byline) == ["Gloria Ruiz Kuilan", "Redacción"])
    }
}
