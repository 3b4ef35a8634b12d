import Testing

@testable import BulletinCore

/// A line opening with a square bracket is a page's or an editor's mark inside a story, never
/// a headline. The text is cut from the independent parse corpus's tuning half
/// (Tests/ParseCorpus/independent/SOURCES.md): independent-tuning/0033, soy502.com "Mujer quería
/// impedir detención de su hijo y la capturan por asesinato" (its headline and last three
/// paragraphs) and echte-demokratie-jetzt.de "Liebe Menschen Europas" (the page's language
/// switch under its headline), a blank line between every paragraph and every story alike.
@Suite("Bracketed lines")
struct BracketedLineTests {
    let parser = BulletinParser()

    /// "[spanish] [greek] [english]" under "Liebe Menschen Europas" is the letter's first line,
    /// and the name-like line above it its headline. Without the rule the bracketed line headed
    /// a story and the name over it, with no text under it, closed the story above as its byline.
    @Test func aLanguageSwitchIsNoHeadline() throws {
        let text = """
            Mujer quería impedir detención de su hijo y la capturan por asesinato

            Durante el procedimiento, la PNC confirmó que una mujer se acercó
            al lugar y de forma alterada quiso impedir la detención de Jorge
            Antonio Solís Sosa.

            Los agentes entonces identificaron a la mujer y confirmaron que
            tenía una orden de captura vigente por asesinato.

            La mujer fue identificada como Hilda Marleni Sosa del Cid, de 44
            años. Además de tener la orden de captura por asesinato, también
            cuenta con tres antecedentes por portación ilegal de arma blanca,
            tenencia de droga y robo agravado.

            Liebe Menschen Europas

            [spanish] [greek] [english]

            Liebe Menschen Europas, in Griechenland, Spanien, Italien oder wo
            auch immer Ihr lebt!

            Wir sind Menschen in Deutschland, Menschen aus der
            occupy-Bewegung, Menschen aus allen Bevölkerungsschichten, wir
            sind die 99%, die nicht von der Finanzkrise profitieren und die
            99% die keine Politiker sind und wir lehnen die Politik „unserer“
            Regierung ab!
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["Mujer quería impedir detención de su hijo y la capturan por asesinato", "Liebe Menschen Europas"])
        #expect(stories.first?.byline == nil)
        #expect(stories.last?.paragraphs.first == "[spanish] [greek] [english]")
    }
}
