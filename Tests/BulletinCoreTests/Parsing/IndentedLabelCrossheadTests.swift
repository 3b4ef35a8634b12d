import Testing

@testable import BulletinCore

/// Labels closed by a colon as crossheads in files that indent their paragraphs' first lines,
/// and a crosshead under a one-line indented paragraph (see `BlockMetrics.opensCrosshead`).
/// The texts are cut from the parse corpora's tuning halves: independent-tuning/0116
/// (bsi.bund.de press release of 28 January 2022) and 0128 (gitarrebass.de "Gitarre & Bass
/// 02/2022"), both via the webnews set (Tests/ParseCorpus/independent/SOURCES.md), wrapped at
/// 78 and 70 columns; tuning/0260, Reuters-21578 "SANDOZ AG <SANZ.Z> YEAR 1986"
/// (Tests/ParseCorpus/SOURCES.md).
@Suite("Indented labels and crossheads")
struct IndentedLabelCrossheadTests {
    let parser = BulletinParser()

    /// "Pressekontakt:" under the sentence that ends a paragraph, over the indented contact
    /// paragraph: without the label rule it ended the paragraph above ("…genutzt werden.
    /// Pressekontakt:").
    @Test func aLabelClosedByAColonIsAParagraphOfItsOwn() throws {
        let text = """
            Sicherheits-Check für Künstliche Intelligenz in Autos: BSI und ZF starten Projekt mit TÜViT

                In dem nun gestarteten Projekt soll die Erprobung und Weiterentwicklung
            entsprechender Anforderungen, Methoden und Werkzeuge vorbereitet werden, um
            diese dann in einem Folgeprojekt gezielt an zwei Use-Cases durchzuführen.
            Mittelfristiges Ziel ist es, auf Basis der gewonnenen Erkenntnisse eine
            modulare technische Richtlinie zu erstellen. Diese kann beispielsweise als
            Grundlage für internationale Standardisierungsbemühungen im Rahmen des UNECE
            World Forum for Harmonization of Vehicle Regulations genutzt werden.
            Pressekontakt:
                Bundesamt für Sicherheit in der Informationstechnik Pressestelle Tel.:
            0228-999582-5777 E-Mail: presse@bsi.bund.de Internet: www.bsi.bund.de

            """
        let stories = try parser.parse(text)
        #expect(stories.count == 1)
        #expect(stories.first?.paragraphs.count == 3)
        #expect(stories.first?.paragraphs.dropFirst().first == "Pressekontakt:")
    }

    /// "Weitere Topthemen des Monats:" under a one-line indented paragraph ("    Alles Gute zum
    /// neuen Jahr & viel Spaß mit der neuen Ausgabe!"): the paragraph above is not wrapped at
    /// the margin, and the crosshead was joined to it.
    @Test func aCrossheadUnderAnIndentedOneLineParagraph() throws {
        let text = """
            Gitarre & Bass 02/2022

                Alles Gute zum neuen Jahr & viel Spaß mit der neuen Ausgabe!
            Weitere Topthemen des Monats:
                Lange hat es gedauert, doch nun ist es soweit: Mit ‚Heavy Load
            Blues‘ legen Gov’t Mule ihr erstes reines Blues-Album vor. Im
            Interview erklärt Mastermind Warren Haynes, wie die Band seinen über
            Jahre gehegten Plan umgesetzt hat – und welche Zutaten sie dafür
            brauchte. Außerdem teilt er mit uns den vielleicht wichtigsten Moment
            auf dem Weg zu seiner mittlerweile 40 Jahre währenden Karriere als
            Profi.

            """
        let stories = try parser.parse(text)
        #expect(
            stories.first?.paragraphs.prefix(2) == [
                "Alles Gute zum neuen Jahr & viel Spaß mit der neuen Ausgabe!", "Weitere Topthemen des Monats:",
            ])
    }

    /// Under an indented first line that ends on "vs.", the margin line "529 mln" goes on with
    /// it: a crosshead under an indented line opens with a capital letter.
    @Test func aLineGoingOnUnderAnIndentedOneIsNoCrosshead() throws {
        let text = """
            SANDOZ AG <SANZ.Z> YEAR 1986
                 BASLE, March 13 - Group 1986 net profit 541 mln Swiss francs vs.
            529 mln
                 Dividend 105 francs per 250 francs nominal share vs. 100, 21 francs
            per 50 franc nominal participation certificate vs 20
                Group Turnover 8.36 billion francs vs. 8.45 billion
                Cash Flow 956 mln francs vs. 941 mln
                Parent company net profit 153.8 mln francs vs. 135.3 mln

            """
        let stories = try parser.parse(text)
        #expect(stories.first?.paragraphs.first == "BASLE, March 13 - Group 1986 net profit 541 mln Swiss francs vs. 529 mln")
    }
}
