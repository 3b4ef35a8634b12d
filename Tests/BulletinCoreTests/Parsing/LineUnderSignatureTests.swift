import Testing

@testable import BulletinCore

/// A line right under the signature that heads a story — its byline and time line, under its
/// headline and standfirst — is the story's own, not the head of another. The text is cut from
/// the independent parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md):
/// independent-tuning/0026, pinkstinks.de "Das Patriarchat als Kulturtechnik" and internet-law.de
/// "Internet-Law" (a blank line between every paragraph and every story alike).
@Suite("Lines under a story head's signature")
struct LineUnderSignatureTests {
    let parser = BulletinParser()

    /// "Eine Kolumne von Nils Pickert" under "Von Nils / Aktualisiert am 25.10.2023" is the
    /// column's label, a paragraph of its story. Without the rule it opened a story of its own
    /// (a name line with the story's text under it).
    @Test func aNameUnderTheBylineAndTimeLineIsTheStorysOwnLine() throws {
        let text = """
            Das Patriarchat als Kulturtechnik

            Wir leben im Patriarchat, in dem weibliche Leistungen abgewertet wird.
            Aber wieso eigentlich? Und was genau bedeutet Patriarchat?

            Von Nils

            Aktualisiert am 25.10.2023

            Eine Kolumne von Nils Pickert

            Das patriarchalische Eheideal behauptet seine Herrschaft nicht nur im
            persönlichen Verhältnis der Gatten zueinander und zu ihren Kindern, es
            verschanzt sich vor allem auch hinter dem Wall des gesetzlichen
            Güterstandes, welches dem Herrenrecht des Mannes praktisch einen noch
            festeren Stützpunkt bietet, als selbst das prinzipiell so bedeutsame
            ehemännliche Entscheidungsrecht.

            Internet-Law

            Aktualisiert am 17.07.2011

            Verstößt der Ausschluss von Pseudonymen bei Google+ gegen deutsches Recht?

            Google+ hat nunmehr mehrfach die Profile solcher Nutzer gesperrt, die
            sich nicht mit ihrem tatsächlichen bürgerlichen Namen angemeldet
            haben. Ich bin gefragt worden, ob das Verhalten von Google nicht gegen
            § 13 Abs. 6 TMG verstößt. Danach muss der Diensteanbieter
            grundsätzlich gewährleisten, dass der Nutzer den Dienst auch anonym
            oder pseudonym nutzen kann.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["Das Patriarchat als Kulturtechnik", "Internet-Law"])
        let first = try #require(stories.first)
        #expect(first.byline == "Nils")
        #expect(first.paragraphs.count == 4)
        #expect(first.paragraphs.dropFirst(2).first == "Eine Kolumne von Nils Pickert")
    }
}
