import Testing

@testable import BulletinCore

/// Files that run each paragraph on as one unwrapped line, no blank line between paragraphs: a
/// line break there was typed, and ends a paragraph even where the line ends without a full stop
/// (a link, a web address, a tweet's text). The texts are cut from the independent parse
/// corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md), paragraphs shortened.
@Suite("Unwrapped paragraphs")
struct UnwrappedParagraphTests {
    let parser = BulletinParser()

    /// independent-tuning/0002 (evang.at, "Lockdown: Gottesdienste bleiben …"): the paragraph
    /// ending on "evang.at/faq-corona" is not joined to the one under it.
    @Test func aLineEndingInAnAddressEndsItsParagraph() throws {
        let text = """
            Lockdown: Gottesdienste bleiben unter strengen Auflagen möglich › evang.at
            Aktualisiert am 19.11.2021
            Wien (epdÖ) – Auch während des bundesweiten Lockdowns ab Montag, 22. November, bleiben Gottesdienste unter strengen Auflagen möglich. Das hat Bischof Michael Chalupka am Freitag, 19. November, den evangelisch-lutherischen Pfarrgemeinden in einem Brief mitgeteilt.
            Die Maßnahmen gelten vorbehaltlich möglicher strengerer Regeln in der abschließenden Lockdown-Verordnung. Laufende Infos bekommen Sie demnächst auf evang.at/faq-corona
            Mit Verweis auf den Lockdown und die angekündigte Impfpflicht ab Februar ruft Chalupka die Verantwortlichen in den Pfarrgemeinden dazu auf, “als Gesprächspartnerinnen und Gesprächspartner zur Verfügung zu stehen”.
            ISSN 2222-2464
            """
        let stories = try parser.parse(text)
        #expect(stories.count == 1)
        #expect(
            stories.first?.paragraphs.dropFirst(2).first
                == "Die Maßnahmen gelten vorbehaltlich möglicher strengerer Regeln in der abschließenden Lockdown-Verordnung. Laufende Infos bekommen Sie demnächst auf evang.at/faq-corona"
        )
        #expect(stories.first?.paragraphs.count == 5)
    }

    /// independent-tuning/0001 (timesofisrael.com "State of Washington swears in first Native
    /// American-Jewish Supreme Court justice", vancouversun.com, reuters.com; two blank lines
    /// between stories): an embedded tweet's text ends on its link, and its signature line under
    /// it is a paragraph of its own, as the page sets it.
    @Test func aTweetAndItsSignatureAreTwoParagraphs() throws {
        let text = """
            State of Washington swears in first Native American-Jewish Supreme Court justice
            Updated 8 January 2020
            At the ceremony, there was an invocation from the president of the Quinault Indian Nation, opening and closing songs from Port Gamble S’Klallam Singers, and a benediction by Rabbi Seth Goldstein, a rabbi based in Olympia, Washington.
            Goldstein tweeted he was “honored” to offer the benediction:
            Honored to have offered the benediction today at this historic ceremony. The yarmulked head in the front row is mine. https://t.co/dLVatVHxRr
            — Seth Goldstein (@Rabbi_360) January 7, 2020
            Here’s a short clip of Montoya-Lewis walking in:
            The state’s newest Supreme Court Justice, Raquel Montoya-Lewis, heading into courtroom to be sworn in. She is the first state justice of Native American heritage. pic.twitter.com/CIHDX5qmux


            Microsoft moves to erase its carbon footprint from the atmosphere in climate push
            Updated 16 January 2020
            Microsoft Corp said on Thursday it aims to remove more carbon from the atmosphere than it emits by 2030 and that by 2050, it hopes to have taken out enough to account for all the direct emissions the company has ever made.
            The focus on removing existing carbon from the atmosphere sets Microsoft’s climate goals apart from other corporate pledges which have focused on cutting ongoing emissions or preventing future ones.


            'Parasite' scores historic upset at SAG awards, boosting Oscar chances
            Updated 20 January 2020
            LOS ANGELES (Reuters) - South Korean thriller “Parasite” was the upset winner at the Screen Actors Guild (SAG) awards on Sunday, while Joaquin Phoenix and Renee Zellweger were named best actors.
            """
        let stories = try parser.parse(text)
        #expect(stories.count == 3)
        #expect(
            Array(stories.first?.paragraphs.dropFirst(3).prefix(2) ?? []) == [
                "Honored to have offered the benediction today at this historic ceremony. The yarmulked head in the front row is mine. https://t.co/dLVatVHxRr",
                "— Seth Goldstein (@Rabbi_360) January 7, 2020",
            ])
    }
}
