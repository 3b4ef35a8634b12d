import Testing

@testable import BulletinCore

/// A file that marks its paragraphs by indenting their first lines sets a one-line paragraph
/// as an indented line, and the paragraph under it opens indented too: two lines in a row at
/// the paragraph indent, the first short of the wrap, are two paragraphs (a wrapped
/// paragraph's second line is at the margin). The text is cut from the independent parse
/// corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md): independent-tuning/0098,
/// regenbogenportal.de "08.11.2021 | Online-Fachtag zum Intersex Day of Remembrance" (its last
/// paragraphs), wrapped at 70 columns with a four-column indent.
@Suite("Indented one-line paragraphs")
struct IndentedOneLineParagraphTests {
    /// Without the rule the link joined the paragraph under it ("…/tinpaedagogik Nachfolgend
    /// lesen Sie …"), and "Die Teilnahme ist kostenlos." joined nothing only because it ends a
    /// sentence.
    @Test func anIndentedLineOverAnotherIsAParagraphOfItsOwn() throws {
        let text = """
            08.11.2021 | Online-Fachtag zum Intersex Day of Remembrance

                Der Fachtag wird von der Hochschule Merseburg veranstaltet und vom
            Bundesministerium für Familie, Senioren, Frauen und Jugend gefördert.
                Die Teilnahme ist kostenlos.
                Hier finden Sie das vollständige Programm und können sich
            anmelden:
                https://www.hs-merseburg.de/tinpaedagogik
                Nachfolgend lesen Sie das Policy Paper der Hochschule Merseburg
            mit Studienergebnissen:

            """
        let stories = try BulletinParser().parse(text)
        #expect(stories.map(\.headline) == ["08.11.2021 | Online-Fachtag zum Intersex Day of Remembrance"])
        #expect(
            stories.first?.paragraphs == [
                "Der Fachtag wird von der Hochschule Merseburg veranstaltet und vom Bundesministerium für Familie, "
                    + "Senioren, Frauen und Jugend gefördert.",
                "Die Teilnahme ist kostenlos.",
                "Hier finden Sie das vollständige Programm und können sich anmelden:",
                "https://www.hs-merseburg.de/tinpaedagogik",
                "Nachfolgend lesen Sie das Policy Paper der Hochschule Merseburg mit Studienergebnissen:",
            ])
    }
}
