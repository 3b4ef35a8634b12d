import Testing

@testable import BulletinCore

/// A page's label shaped like a name ("Related Stories", "NOTAS RELACIONADAS") after a story's
/// text signs no story: it is furniture (`PageFurniture`), a line of the text it ends. The
/// text is cut from the independent parse corpus's tuning half
/// (Tests/ParseCorpus/independent/SOURCES.md): independent-tuning/0044, newspaper4k's test
/// article cleveland.com1 ("Let me Google that for you: 2014's most popular food-related
/// searches", cleveland.com) and trafilatura's evaluation page ahlen.de "Aktuelle" (its first
/// paragraph cut to two sentences), stories three blank lines apart.
@Suite("Furniture name lines")
struct FurnitureNameLineTests {
    /// Without the rule "Related Stories" was taken for the story's end byline and dropped
    /// from its text.
    @Test func aRelatedStoriesLabelStaysTheStorysLastLine() throws {
        let text = """
            Let me Google that for you: 2014's most popular food-related searches

            Published 27 December 2014

            Oh, and nine million people watched a tiny hampster eating a tiny burrito.

            The lesson, as always: you are what you search.

            -- By Michael Russell Follow @tdmrussell

            Related Stories



            Aktuelle

            Veröffentlicht am 27.01.2020

            Ins Reparaturcafé kann jeder reparaturbedürftige Gegenstände gebracht werden, um ihn von einem kompetenten und engagierten Team reparieren zu lassen. Elektriker, Tischler und Schneiderinnen: viele Experten bieten kostenlos ihre Dienste an.

            """
        let stories = try BulletinParser().parse(text)
        #expect(
            stories.map(\.headline) == [
                "Let me Google that for you: 2014's most popular food-related searches", "Aktuelle",
            ])
        #expect(stories.first?.paragraphs.last == "Related Stories")
        #expect(stories.first?.byline == nil)
    }

    /// The Spanish label, plural, in capitals, is furniture as its singular is.
    @Test func theSpanishPluralLabelIsFurniture() {
        #expect(PageFurniture.isFurniture("NOTAS RELACIONADAS"))
        #expect(PageFurniture.isFurniture("Noticias relacionadas"))
    }
}
