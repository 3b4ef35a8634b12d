import Testing

@testable import BulletinCore

/// Layout cues as other languages write them: the French space before a closing guillemet,
/// the corner brackets of Japanese, a desk's own story among agency copy with datelines.
/// The sentences are the news text of the Parallel Universal Dependencies treebanks (CC BY-SA
/// 3.0, Tests/LangCorpus/SOURCES.md), laid out as `make lang-eval`'s bulletins are.
@Suite("Layout cues outside English")
struct LocalLayoutTests {
    let parser = BulletinParser()

    @Test(arguments: [
        ("Il ajouta : « Ceci est un pas vers la bonne combinaison. »", TextShape.Ending.sentence),
        ("Il ajouta : « Ceci est un pas vers la bonne combinaison »", .open),
        ("「・・・引いて帰るんじゃないの？」", .question),
        ("結果に。」", .sentence),
        ("Nos téléphones portables (de nos jours)", .open),
    ])
    func aSentenceEndsInsideClosingQuotesAndBrackets(line: String, ending: TextShape.Ending) {
        #expect(TextShape(Array(line.utf8)[...]).ending == ending)
    }

    @Test func aQuotationClosingWithASpacedGuillemetEndsItsStory() throws {
        let text = """
            Des chercheurs étudient le potentiel des contraceptions hormonales masculines depuis environ 20 ans

            Les injections ont réduit le nombre de spermatozoïdes chez la plupart des participants.

            Il ajouta : « Ceci est un pas vers la découverte de la bonne combinaison d'une contraception hormonale masculine. »

            Pour ceux qui suivent la transition des réseaux sociaux sur le Capitole, cela va être un peu différent

            « Alors que la plus grande partie de la transition numérique est sans précédent aux États-Unis, la transition sereine du pouvoir, elle, ne l'est pas », a publié Kori Schulman.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Des chercheurs étudient le potentiel des contraceptions hormonales masculines depuis environ 20 ans",
                "Pour ceux qui suivent la transition des réseaux sociaux sur le Capitole, cela va être un peu différent",
            ])
        #expect(stories.first?.paragraphs.count == 2)
    }

    @Test func aStoryWithoutADatelineAmongAgencyCopyKeepsItsHeadline() throws {
        let text = """
            Il a parlé en faveur de la torture

            PARIS (AFP) - La victoire de Donald Trump aurait l'effet immédiat rendre ce monde plus inquiétant et incertain.

            Aujourd'hui, Khanzir est peut-être un porc solitaire, mais il n'est pas toujours seul

            PARIS (AFP) - « Nous avons demandé à d'autres pays de nous aider à remplir le zoo », a indiqué Saqi.

            Il sera évalué

            PARIS (AFP) - De notre temps, il n’y en avait aucun, et les gens sans enfants manifestaient leur désapprobation.

            Sa voix a littéralement fait le tour du monde, dit Leive

            PARIS (AFP) - Dans un entretien récent, Leive a dit que « certains hommes pigent ça ».

            Nos téléphones portables sont tellement plus que ça, de nos jours

            PARIS (AFP) - C'est impressionnant, a déclaré Lindsay Gay, cliente du forfait Internet illimité de SaskTel.

            Il a aussi affirmé que Rogers avait récemment introduit une nouvelle qui aide les clients.

            Il serait beaucoup plus prudent de confier le pouvoir à des gardiens soigneusement formés, pensait Platon

            Comme beaucoup de personnes que je connais, j'ai passé ces derniers mois à lire des sondages.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Il a parlé en faveur de la torture",
                "Aujourd'hui, Khanzir est peut-être un porc solitaire, mais il n'est pas toujours seul",
                "Il sera évalué",
                "Sa voix a littéralement fait le tour du monde, dit Leive",
                "Nos téléphones portables sont tellement plus que ça, de nos jours",
                "Il serait beaucoup plus prudent de confier le pouvoir à des gardiens soigneusement formés, pensait Platon",
            ])
    }
}
