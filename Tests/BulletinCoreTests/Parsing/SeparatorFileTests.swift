import Testing

@testable import BulletinCore

/// Files whose stories are parted by separator lines ("-- -- --", "________"): only a separator
/// opens a story there, so a line elsewhere that could head one (a crosshead, an author's name
/// and title, a publisher's name under the time line) stays in the story it sits in. The texts
/// are cut from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/
/// SOURCES.md), laid out as `scripts/make-independent-corpus.py` lays out its bulletins.
@Suite("Separator-marked files")
struct SeparatorFileTests {
    let parser = BulletinParser()

    /// arteradio.com "La voix des nuls" and lopinion.fr "Glyphosate: radiographie d'une
    /// intoxication collective" (independent-tuning/0102): the second line of the first story's
    /// head stands a gap wider than the paragraphs under its headline, marked by the separator
    /// above its story, not by that gap; so the quotation set as a crosshead in the second story
    /// opens nothing.
    @Test func aSecondLineUnderASeparatorsHeadlineIsNoMarkOfItsOwn() throws {
        let text = """
            -- -- --

            La voix des nuls

            Par Un documentaire de Kristen Falchon
            « Je ne fais pas que voter blanc, je le bois aussi »
            Faut-il comptabiliser les bulletins blancs dans les suffrages exprimés lors des élections ? Cette revendication prend chaque année de l'ampleur, jusqu'à être reprise par certains politiques.
            Cette semaine Livo, abstentionniste depuis des années, cherche des arguments pour aller voter. Dans la rue avec les ouvriers, à l'Ecole Normale Supérieure avec la future élite européenne.
            -- -- --
            Glyphosate: radiographie d’une intoxication collective

            Par L'Opinion
            Un jugement ne fait pas une vérité scientifique. Les prétendus effets cancérogènes du glyphosate, utilisé depuis quarante ans, n’ont jamais été démontrés.
            Pour prendre une image, le danger pour un avion, c’est de tomber. Tous les avions peuvent tomber mais le risque, c’est la probabilité d’être dans un avion qui tombe : il est infime.
            « Les 11 agences sanitaires au monde ont un avis unanime : correctement utilisé, il ne présente pas de risque »
            D’ailleurs, les 11 agences sanitaires au monde (Efsa en Europe, Anses en France, EPA aux Etats-Unis…) ont un avis unanime sur le glyphosate : correctement utilisé, il ne présente pas de risque.
            L’Anses, l’agence française, est en train de lancer à son tour une nouvelle revue du produit.
            """
        let stories = try parser.parse(text)
        let crosshead = "« Les 11 agences sanitaires au monde ont un avis unanime : correctement utilisé, il ne présente pas de risque »"
        #expect(stories.first?.headline == "La voix des nuls")
        #expect(stories.last?.headline == "Glyphosate: radiographie d’une intoxication collective")
        #expect(stories.last?.paragraphs.count == 5)
        #expect(stories.last?.paragraphs.contains(crosshead) == true)
    }
}
