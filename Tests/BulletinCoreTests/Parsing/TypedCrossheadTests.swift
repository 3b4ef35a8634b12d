import Testing

@testable import BulletinCore

/// A crosshead typed wider than the file's wrapper fills, between indented paragraphs, under
/// a paragraph whose last line ends no sentence. The text is larepublica.net's "Estas son las
/// medidas que ha tomado el gobierno para vencer a los hackers" (2022-04-22, webnews.jsonl of
/// the independent corpus, Tests/ParseCorpus/independent/SOURCES.md) as independent-tuning
/// 0150 lays it out: wrapped at 78, paragraphs marked by a first line indented four columns.
@Suite("Typed crossheads in indented files")
struct TypedCrossheadTests {
    static let text = """
        Estas son las medidas que ha tomado el gobierno para vencer a los hackers
            En lo que respecta al restablecimiento de servicios, el martes se logró el
        pago a 60 mil jubilados del gobierno Central y ayer se depósito 15 mil
        pensiones alimentarias.
            En ese sentido, Elián Villegas, ministro de Hacienda, aseguró que la
        próxima semana se realizará el pago de planilla de empleados públicos.
            Por otra parte, el ministro de Hacienda, indicó el miércoles que ese
        encuentran realizando el mayor esfuerzo por restablecer todas las plataformas
        de hacienda, para evitar más pérdidas de los exportadores, quienes calculan
        que cada día pierden unos $38 millones por las complicaciones generadas por el
        hackeo de las plataformas de hacienda y el mayor costo de logística y
        almacenamiento.
        ¿Qué es?
            Hackers Grupo Conti Origen Rusia Técnica Ransomware Objetivos Ministerios
        de Hacienda, de Educación Pública y de Trabajo, Racsa, Imas, Caja del Seguro
        Social Afectación Secuestro, publicación y cifrado de información Recompensa
        $10 millones Límite de pago 23 de abril
        NOTAS RELACIONADAS
        Hackers ofrecen descuento del 35% al Gobierno de Costa Rica y prometen no tocar al sector privado
            Jueves 21 abril, 2022
            Sin embargo, Geannina Dinarte, ministra de la Presidencia, señaló ayer en
        conferencia de prensa que “No estamos dispuestos a ninguna extorción ni
        recompensa"
        Grupo Conti asegura haber hackeado Ministerio de Hacienda y contar con 1 terrabyte de información de contribuyentes
            Lunes 18 abril, 2022
            A pesar de que el ataque informático trascendió hasta el día de hoy, se
        habría realizado desde ayer domingo de Resurección o Pascua.

        """

    /// "…ni recompensa\"" ends no sentence (a straight quote after a word), so the rule for
    /// crossheads at the margin did not apply, and the 115-column line was joined to the
    /// paragraph above it. (Cut from its file, the line heads a story of its own over the
    /// date line; in the whole file it stays a paragraph of its story: either way it is a line
    /// of its own.)
    @Test func aLineWiderThanTheWrapEndsTheParagraphAboveIt() throws {
        let stories = try BulletinParser().parse(Self.text)
        let lines = stories.flatMap { [$0.headline] + $0.paragraphs }
        #expect(lines.contains { $0.hasSuffix("ninguna extorción ni recompensa\"") })
        #expect(lines.contains("Grupo Conti asegura haber hackeado Ministerio de Hacienda y contar con 1 terrabyte de información de contribuyentes"))
        #expect(lines.contains("Lunes 18 abril, 2022"))
    }
}
