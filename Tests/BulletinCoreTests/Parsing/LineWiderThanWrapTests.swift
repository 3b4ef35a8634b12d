import Testing

@testable import BulletinCore

/// A line wider than the file's wrap under a line of a wrapped block: no wrapper made it (a
/// wrapper fills a line to its margin, and goes past it only with a word too long to break,
/// alone on its line), so the break over it was typed too. The text is cut from the
/// independent parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md):
/// independent-tuning/0129, evang.at "Lockdown: Gottesdienste bleiben unter strengen Auflagen
/// möglich › evang.at" (via the webnews set), paragraphs indented by two, wrapped at 66, the
/// page's two subheadings set at the margin under the headline, each on one line.
@Suite("Lines wider than the file's wrap")
struct LineWiderThanWrapTests {
    static let text = """
        Lockdown: Gottesdienste bleiben unter strengen Auflagen möglich › evang.at
        Lockdown: Gottesdienste bleiben unter strengen Auflagen möglich
        Chalupka: “Verantwortliche in Pfarrgemeinden sollen als Gesprächspartner*innen zur Verfügung stehen”
          Wien (epdÖ) – Auch während des bundesweiten Lockdowns ab Montag,
        22. November, bleiben Gottesdienste unter strengen Auflagen
        möglich. Das hat Bischof Michael Chalupka am Freitag, 19.
        November, den evangelisch-lutherischen Pfarrgemeinden in einem
        Brief mitgeteilt. Es werden aber strenge Mindestregeln gelten:
        Teilnehmerinnen und Teilnehmer von Gottesdiensten müssen eine
        FFP2-Maske tragen, Mitwirkende sind im unumgänglichen Ausmaß
        hiervon ausgenommen, wenn die notwendigen Ersatzmaßnahmen wie etwa
        größere Abstände eingehalten werden können. Es ist ein
        Mindestabstand von einem Meter zu anderen Personen einzuhalten,
        sofern diese nicht im selben Haushalt leben.
          Die Maßnahmen gelten vorbehaltlich möglicher strengerer Regeln
        in der abschließenden Lockdown-Verordnung. Laufende Infos bekommen
        Sie demnächst auf evang.at/faq-corona

        """

    /// "Chalupka: “…”" (101 columns) could not have been filled by the 66-column wrapper that
    /// broke the text under it, though its first word would not have fitted on the line above
    /// (63 + 1 + 9 columns): without the rule the two subheadings were one paragraph (lines 1
    /// and 2 one segment), which the file's other stories then read as text run on.
    @Test func aLineWiderThanTheWrapIsNoWrapperSContinuation() throws {
        var copy = Self.text
        let clean = copy.withUTF8 { TextCleaner.clean($0, tabs: 0) }
        let segments = Segmenter(text: clean).segments()
        #expect(segments.map(\.lines) == [0..<1, 1..<2, 2..<3, 3..<14, 14..<17])
    }

    /// The exception: a Chinese sentence has no space a wrapper could break at, so the one
    /// that wrapped "(Daniel" set the rest, "Huot)表示：…", alone on a line past its margin
    /// (independent-tuning/0014: Guangming Online "宇航员在太空中喝酒会怎么样？…" via
    /// readability's test pages, in a file wrapped at 70 with breakingbelizenews.com's "Americas
    /// at risk of further COVID-19 wave …"). Without it the one paragraph was cut in two.
    @Test func aWordTooLongForTheWrapGoesOnTheParagraph() throws {
        var copy = """
        Cases of COVID-19 are surging in Europe and East Asia due to Omicron
        BA.2, and while overall new cases and deaths have dropped across most
        of the Americas, there are still more than 620 thousand new cases each
        week and in parts of North America and the Caribbean, where Omicron is
        becoming the predominant variant, new infections are beginning to
        rise.

        Omicron BA.2 has already been detected in 8.7 percent of sequences
        reported from South America, and the Director noted that “time and
        time again, we’ve seen how the infection dynamics in Europe are
        mirrored here just a few weeks later,” but we now “know what it takes
        to protect our people.”

        While more than 685 million people in the region have completed their
        COVID vaccination schedules, and 50 countries and territories have
        already begun to deliver booster doses, we must now “redouble our
        efforts to ensure that our vulnerable populations receive the doses
        they need,” as soon as possible, Dr Etienne said.

        美国宇航局约翰逊航天中心发言人丹尼尔·霍特(Daniel
        Huot)表示：“国际空间站上的宇航员不允许喝酒。在国际空间站上，酒精和其它挥发性化合物的使用受到控制，因为它们的挥发物可能对该站的水回收系统产生影响。”

        """
        let clean = copy.withUTF8 { TextCleaner.clean($0, tabs: 0) }
        let segments = Segmenter(text: clean).segments()
        #expect(segments.map(\.lines) == [0..<6, 6..<11, 11..<16, 16..<18])
    }
}
