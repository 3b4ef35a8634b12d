import Testing

@testable import BulletinCore

/// Files that mark paragraphs by indenting their first lines and set a crosshead flush at the
/// margin between two paragraphs: the crosshead is a paragraph of its own, inside its story,
/// even where its first word would not have fitted on the line above. The texts are cut from the
/// independent parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md).
@Suite("Indented crossheads")
struct IndentedCrossheadTests {
    let parser = BulletinParser()

    /// independent-tuning/0004 (24horas.cl "Segundo viaje oficial fuera de Santiago …", Agencia
    /// EFE; ambito.com; soy502.com): a blank line around each headline, none between paragraphs.
    /// "RECUPERAR LA CONFIANZA" under a paragraph's last line, over an indented one, is a
    /// paragraph of the first story, not a headline and not the tail of the paragraph above.
    @Test func aFlushLineBetweenIndentedParagraphsIsACrosshead() throws {
        let text = """
            Segundo viaje oficial fuera de Santiago: Presidente Boric inicia gira por Magallanes este miércoles

                A la incertidumbre de una parte de la población se sumó el ruido y la
            controversia en torno a la Convención Constituyente que escribe una nueva
            Carta Magna -uno de los hitos de su mandato- y la tendencia negativa de la
            economía mundial, arrastrada por la guerra en Europa y el alza de la inflación
            tras años de pandemia, que ha espoleado la impaciencia de muchos sectores.
            RECUPERAR LA CONFIANZA
                En este contexto, Boric retorna a "su casa" para tratar de difundir desde
            el terreno todas las medidas sociales que en medio de la vorágine ha impulsado
            el Ejecutivo en busca de la recuperación económica, participar en la ceremonia
            de la Armada por el "Mes del Mar", retomar el pulso y los bríos en esta
            compleja fase inicial de gestión.

            Paritarias al rojo: gremios de la alimentación marcan inflación de 5,3% en abril y amenazan con paro

            Por Mariano Martín
                La disparada de precios tensiona el último tramo de las paritarias
            adelantadas por el Gobierno y amaga con impulsar un paro nacional del gremio
            de Alimentación, que reclama una suba salarial anual de 60 por ciento y acaba
            de medir la inflación de abril en 5,3 por ciento.

            Mujer quería impedir detención de su hijo y la capturan por asesinato

            Por Gustavo E Méndez
                Durante un operativo para detener a tres presuntos roba motos, la Policía
            Nacional Civil (PNC) informó que aprehendió a la madre de uno de los
            señalados.
            """
        let stories = try parser.parse(text)
        #expect(stories.count == 3)
        #expect(stories.first?.paragraphs.count == 3)
        #expect(stories.first?.paragraphs.dropFirst().first == "RECUPERAR LA CONFIANZA")
    }
}
