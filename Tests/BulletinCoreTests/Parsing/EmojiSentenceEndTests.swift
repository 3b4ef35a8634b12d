import Testing

@testable import BulletinCore

/// A sentence closed by an emoji after its mark still ends there. The text is cut from the
/// independent parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md):
/// independent-tuning/0155 (and 0128), gitarrebass.de "Gitarre & Bass 02/2022" (via the
/// webnews set), paragraphs indented by four and wrapped at 70, the page's link lines
/// ">>> … <<<" set flush at the margin under the paragraph that ends "! 😉".
@Suite("Emoji after a sentence's end")
struct EmojiSentenceEndTests {
    static let text = """
            Und eine Sache, auf die wir uns in diesem Jahr mehr denn je
        freuen, ist der GUITAR SUMMIT, der vom 09.-11. September 2022 wie
        gewohnt im Rosengarten in Mannheim stattfinden wird. Es gibt nur noch
        wenige Early-Bird-Tickets, also ran an die Buletten! 😉
        >>> www.guitarsummit.de/tickets <<<
        >>> Jetzt die aktuelle Ausgabe bestellen! <<<
            Alles Gute zum neuen Jahr & viel Spaß mit der neuen Ausgabe!

        """

    /// With the emoji read as the line's end (the rule off), the paragraph's last line ended
    /// no sentence, and the flush link line under it was taken for the paragraph's next line
    /// (the paragraph ended "… Buletten! 😉 >>> www.guitarsummit.de/tickets <<<").
    @Test func theLineUnderAnEmojiAfterASentenceIsNoContinuation() throws {
        #expect(BlockMetrics.endsSentence(Array("wenige Early-Bird-Tickets, also ran an die Buletten! 😉".utf8)))
        #expect(!BlockMetrics.endsSentence(Array("Heute zeig ich euch 😉".utf8)))
        let paragraphs = try BulletinParser().parse(Self.text).flatMap(\.paragraphs)
        #expect(paragraphs.first?.hasSuffix("also ran an die Buletten! 😉") == true)
    }
}
