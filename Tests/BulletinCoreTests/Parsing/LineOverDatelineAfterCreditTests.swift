import Testing

@testable import BulletinCore

/// A line trailing off in an ellipsis right above a dateline lead heads the story the dateline
/// opens (`LayoutJudge.promotingTrailingOffLinesOverDatelines`), also where the story above
/// closes with its credit line ("(EFE)", a sign-off) rather than with text. PUD's Spanish news
/// text (Tests/LangCorpus/SOURCES.md), laid out as `make lang-eval`'s bulletins are (tuning
/// file 0607 of the "more" part: a copy with the credit line added, then the next story).
@Suite("A line over a dateline after a credit line")
struct LineOverDatelineAfterCreditTests {
    static let text = """
        Si lo hiciesen, las obligaciones con prima no serían diferentes de las cuentas de ahorro ordinarias

        Un inversor medianamente afortunado y con 10.000 libras en obligaciones podría esperar recibir 125 libras en premios por año.

        El dinero invertido en obligaciones con prima, y en otras cuentas de ahorro nacional e inversión, se utiliza para ayudar a financiar el gasto gubernamental.

        (EFE)

        No sé por qué la elegí a ella...

        MADRID, 6 Mar. (EFE) - Dos años más tarde, Jutting, que ahora tiene 31 años, está siendo juzgado en el Tribunal Supremo de Hong Kong, acusado de dos cargos de asesinato y uno de impedir un enterramiento legítimo.

        En el Tribunal Supremo de Hong Kong, dos años más tarde, Jutting apareció mayormente compuesto.
        """

    @Test func theTrailingOffLineHeadsTheDatelineStory() throws {
        let stories = try BulletinParser().parse(Self.text)
        #expect(stories.map(\.headline) == [
            "Si lo hiciesen, las obligaciones con prima no serían diferentes de las cuentas de ahorro ordinarias",
            "No sé por qué la elegí a ella...",
        ])
        #expect(stories.last?.dateline == "MADRID")
        #expect(stories.last?.paragraphs.first?.hasPrefix("MADRID, 6 Mar. (EFE) - ") == true)
    }
}
