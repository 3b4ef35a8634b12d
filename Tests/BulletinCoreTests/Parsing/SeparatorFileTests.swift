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

    /// paginasiete.bo "Policía anuncia coordinación con Carabineros…" (independent-tuning/0054):
    /// the publisher's name under the time line is a line of the story, not a story of its own.
    @Test func aNameLineBetweenLinesOfTextStaysInItsStory() throws {
        let text = """
            El último obstáculo sería un soborno, al cual denominan “tranca”, que consiste en pagar entre 50 a 300 dólares para poder sacar del país un motorizado robado en Chile.

            -- -- --
            Policía anuncia coordinación con Carabineros para investigar otros casos de robo de vehículos
            En ese marco, el inspector general de la Policía, Álvaro Álvarez, ha garantizado la “transparencia” del proceso de investigación.

            Actualizado el 03/05/2022

            Página Siete Digital

            El inspector general de la Policía, Álvaro Álvarez, anunció la noche de este martes una coordinación con Carabineros de Chile para investigar otros casos de robo de vehículos además del reciente escándalo que ha derivado en la investigación a dos exjefes policiales.

            En ese marco, el funcionario policial ha garantizado “transparencia” en el proceso de investigación.

            -- -- --
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline).dropFirst() == [
                "Policía anuncia coordinación con Carabineros para investigar otros casos de robo de vehículos"
            ])
        #expect(stories.last?.paragraphs.count == 5)
        #expect(stories.last?.paragraphs.contains("Página Siete Digital") == true)
    }

    /// iab.com "Getting LEAN with Digital Ad UX" (independent-tuning/0013): the story ends with
    /// its author's name and title, then a separator; neither opens a story.
    @Test func anAuthorsNameAndTitleOverASeparatorEndTheStory() throws {
        let text = """
            Getting LEAN with Digital Ad UX
            The consumer is demanding these actions, challenging us to do better, and we must respond.
            That is user experience.
            IAB Tech Lab Members can join the IAB Tech Lab Ad Blocking Working Group, please email adblocking@iab.com for more information.
            Read more about ad blocking here.
            About the author
            Scott Cunningham
            Senior Vice President of Technology and Ad Operations at IAB, and General Manager of the IAB Tech Lab

            ________
            LÍDER DO GRUPO DE SEQUESTRADORES QUE TINHA PMS FOI MORTO EM CONFRONTO POLICIAL

            Publicado em 04/05/2022
            Uma das lideranças da organização que contava com PMs para cometer crimes de extorsão mediante sequestro, e que teve três integrantes preso nesta terça-feira (3) na operação "Só Rasteira", morreu em confronto com policiais civis e militares em fevereiro do ano passado, no bairro da Sete Portas, em Salvador.

            ________
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Getting LEAN with Digital Ad UX", "LÍDER DO GRUPO DE SEQUESTRADORES QUE TINHA PMS FOI MORTO EM CONFRONTO POLICIAL",
            ])
        #expect(
            stories.first?.paragraphs.suffix(3) == [
                "About the author", "Scott Cunningham",
                "Senior Vice President of Technology and Ad Operations at IAB, and General Manager of the IAB Tech Lab",
            ])
    }
}
