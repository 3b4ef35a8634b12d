import Testing

@testable import BulletinCore

/// Short lines one after another inside a story's text, in a file that marks every story with
/// a wider gap: a quotation's source and a related-links box are lines of that story. The text
/// is cut from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/
/// SOURCES.md), stories shortened.
@Suite("Name runs inside marked text")
struct NameRunInTextTests {
    let parser = BulletinParser()

    /// independent-tuning/0070 (a bpb.de/fsfe article on Free Software, a Jugend forscht press
    /// release, lopinion.fr): paragraphs one blank line apart, stories two. Under the closing
    /// quotation, "Richard Stallman", "Freie Software" and "Zwischen Privat- und
    /// Gemeineigentum" stand at the paragraph gap over the box's links. Without the rule
    /// "Richard Stallman" signed the story off, and "Freie Software" and "Zwischen Privat- und
    /// Gemeineigentum" each opened a story of their own.
    @Test func namesInsideAMarkedStorysTextStayInIt() throws {
        let text = """
            Was ist Freie Software

            Von Beitrag von r

            Aktualisiert am 21.01.2009

            Was ist Freie Software und warum ist sie wichtig?

            von Georg C. F. Greve

            Freie Software ist Software, die ohne Ansicht der Person vier Freiheiten garantiert: Die Freiheit der unbegrenzten Nutzung zu jedem Zweck, die Freiheit des Studiums und der Modifikation, die Freiheit der Weitergabe und die Freiheit der Weitergabe von modifizierten Versionen. Software, die diese vier Freiheiten [1] bietet, ist Freie Software.

            Der fundamentale Akt von Freundschaft unter denkenden Wesen besteht darin, einander etwas beizubringen und Wissen gemeinsam zu nutzen. Dies ist nicht nur ein nützlicher Akt, sondern es hilft die Bande des guten Willens zu verstärken, die die Grundlage der Gesellschaft bilden und diese von der Wildnis unterscheidet. Dieser gute Wille, die Bereitschaft unserem Nächsten zu helfen, ist genau das, was die Gesellschaft zusammenhält und was sie lebenswert macht. Jede Politik oder jedes Rechtssystem, das diese Art der Kooperation verurteilt oder verbietet, verseucht die wichtigste Ressource der Gesellschaft. Es ist keine materielle Ressource, aber es ist dennoch eine äußerst wichtige Ressource.

            Richard Stallman

            Freie Software

            Zwischen Privat- und Gemeineigentum

            http://freie-software.bpb.de/

            Leitfaden Open Source Software - Rechtliche Grundlagen und Hinweise -

            Experten des BITKOM Fachausschusses AGB gehen auf die zunehmende Verbreitung

            von Open Source Software (OSS) ein und entwickeln einen Praxisleitfaden.

            Leitfaden Open Source Software

            http://www.bitkom.org/de/publikationen/38336_39870.aspx


            Neuartige Feuerlöschtechnik, alternative Grillkohle und Redox-Flow-Technologie – MINT-Talente präsentieren innovative Ideen

            Fünf aktuelle Preisträgerinnen und Preisträger präsentieren ab morgen drei innovative Projekte in Nürnberg

            Aktualisiert am 02.11.2021

            Hamburg, 2. November 2021

            Preisträgerinnen und Preisträger von Deutschlands bekanntestem Nachwuchswettbewerb auf der Erfindermesse iENA 2021 in Nürnberg


            Glyphosate: radiographie d’une intoxication collective

            Par L'Opinion

            Mis à jour le 15/05/2019

            Un jugement ne fait pas une vérité scientifique. Les prétendus effets cancérogènes du glyphosate, utilisé depuis quarante ans, n’ont jamais été démontrés. Aucune agence sanitaire n’exige son interdiction. Le produit semble surtout nocif pour la rationalité
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Was ist Freie Software",
                "Neuartige Feuerlöschtechnik, alternative Grillkohle und Redox-Flow-Technologie – MINT-Talente präsentieren innovative Ideen",
                "Glyphosate: radiographie d’une intoxication collective",
            ])
        let first = stories.first?.paragraphs ?? []
        #expect(first.contains("Richard Stallman") && first.contains("Freie Software"))
        #expect(first.contains("Zwischen Privat- und Gemeineigentum"))
    }
}
