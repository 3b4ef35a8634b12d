import Testing

@testable import BulletinCore

/// Bylines, credits and line joins as web desks write them around an article's text. The texts
/// are cut from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/
/// SOURCES.md; each test names its page).
@Suite("Bylines and line joins")
struct BylineAndJoinTests {
    let parser = BulletinParser()

    /// de.motor1.com/news/545242/bmw-3er-touring-2022-erwischt/ (webnews.jsonl): the byline
    /// under the standfirst once in the file, then the page's time line, then the text. The
    /// time line never opens a story, so the byline above it is not an end byline.
    @Test func aBylineOverATimeLineKeepsItsStoryOpen() throws {
        let text = """
            BMW 3er Touring Facelift (2022) zum ersten Mal erwischt

            Die große Modellpflege der aktuellen 3er-Reihe (G20) von BMW wurde schon als Limousine gesichtet. Jetzt zeigt sich auch der Kombi.
            Von Adrian Padeanu
            Aktualisiert am 03.11.2021
            LCI (Life Cycle Impulse) nennt es BMW, wenn eine Baureihe eine große Modellpflege erhält. 2022 ist eine der beliebtesten Baureihen des Herstellers dran, die 3er-Reihe (G20).
            BMW-Traditionalisten müssen sich nicht grämen, denn die Größe des Kühlergrills bleibt auch beim kommenden Facelift nahezu unverändert.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["BMW 3er Touring Facelift (2022) zum ersten Mal erwischt"])
        #expect(stories.first?.byline == "Adrian Padeanu")
        #expect(stories.first?.paragraphs.count == 4)
        #expect(stories.first?.paragraphs[1] == "Aktualisiert am 03.11.2021")
    }
}
