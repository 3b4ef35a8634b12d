import Testing

@testable import BulletinCore

/// Stories a web desk heads with a byline or a time line, in files that set their stories apart
/// by no wider gap than their paragraphs: the signature says where a story starts. The texts
/// are cut from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/
/// SOURCES.md), paragraphs shortened.
@Suite("Signed stories")
struct SignedStoryTests {
    let parser = BulletinParser()

    /// independent-tuning/0011 (elnuevodia.com, elheraldo.hn): paragraphs on lines of their
    /// own, one blank line around each headline. The question over "Por Redacción" and the
    /// text under it heads that text; it does not close the story above, signed off.
    @Test func aLineOverABylineWithTextUnderItHeadsAStory() throws {
        let text = """
            Líder de la organización Mujeres Populares denuncia intentos del PPD de silenciarla

            Por Gloria Ruiz Kuilan
            Ada Álvarez Conde anticipó que renunciará a la presidencia de la organización Mujeres Populares. (Teresa Canino Rivera)
            La presidenta de la organización Mujeres Populares, Ada Álvarez Conde, denunció ayer que, desde el interior del Partido Popular Democrático (PPD), se le ha intentado silenciar.

            ¿Cuál sería el papel de “El Chapo” Guzmán en el juicio contra JOH?

            Por Redacción
            TEGUCIGALPA, HONDURAS.- Tras la extradición del expresidente de Honduras, Juan Orlando Hernández, hacia Estados Unidos, por sus presuntos nexos con el narcotráfico, han comenzado a sonar nombres.
            Ahora, una de las principales interrogantes es si el mexicano sería tomado en cuenta para declarar contra el exmandatario, por lo que EL HERALDO se dio a la tarea de trasladar la consulta a su defensa.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Líder de la organización Mujeres Populares denuncia intentos del PPD de silenciarla",
                "¿Cuál sería el papel de “El Chapo” Guzmán en el juicio contra JOH?",
            ])
        #expect(stories.map(\.byline) == ["Gloria Ruiz Kuilan", "Redacción"])
    }

    /// independent-tuning/0137 (vancouversun.com, womencantalksports.com, pcmag.com): one
    /// blank line between all blocks. A headline over its standfirst over "By Reuters" keeps
    /// the standfirst; the last of three short lines ("10. YOU!!!!!!! / Keep Talking Sports! /
    /// Next-Gen HAMR …"), over a standfirst and a byline, heads the next story while the two
    /// above it close the list story.
    @Test func theSignedLineOfARunHeadsAStory() throws {
        let text = """
            Microsoft moves to erase its carbon footprint from the atmosphere in climate push

            Microsoft will invest US$1 billion over the next four years to speed up the development of carbon removal technology

            By Reuters

            Microsoft Corp said on Thursday it aims to remove more carbon from the atmosphere than it emits by 2030.

            It was not immediately clear if the figures reported by the companies were exactly comparable.

            Top 10 Women Talking Sports

            January 22, 2014

            A generally accepted myth: Men talk about sports, women don’t.

            9. The Sports Brat

            Jessica Ceresino founded The Sports Brat and writes for the female fans too. I just found this site, and I really love what she is doing. Check it out! Twitter: @_TheSportsBrat

            10. YOU!!!!!!!

            Keep Talking Sports!

            Next-Gen HAMR Platters Promise 80TB Hard Drives

            We're about to get 20 terabyte hard drives, but the path looks clear to scale up to 80TB.

            By Matthew Humphries

            As the world's demand for storage continues to grow, so does the need to find the next storage density breakthrough.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Microsoft moves to erase its carbon footprint from the atmosphere in climate push",
                "Top 10 Women Talking Sports",
                "Next-Gen HAMR Platters Promise 80TB Hard Drives",
            ])
        #expect(stories.first?.paragraphs.count == 3)
        #expect(stories.dropFirst().first?.paragraphs.suffix(2) == ["10. YOU!!!!!!!", "Keep Talking Sports!"])
    }

    /// independent-tuning/0187 (tagesschau.de, hellogiggles.com): one blank line between all
    /// blocks. Of two short lines after a story's text, the second stands over its standfirst
    /// and its time line: it heads the story, and the first is the last line of the story above.
    @Test func aLineOverItsStandfirstAndTimeLineHeadsAStoryAfterAClosingLine() throws {
        let text = """
            Daten von Rheinmetall gehackt - Interne Unterlagen im Netz

            Veröffentlicht am 29.04.2020

            Der Rüstungskonzern Rheinmetall ist nach NDR-Recherchen von einem Datenleck betroffen.

            Bei einem anderen Vorfall war Rheinmetall im September 2019 von Hackern angegriffen worden.

            Datenleck bei Rheinmetall Benedikt Strunz, NDR 28.04.2020 21:38 Uhr

            Dead Skin Cells Might Actually Be A Good Thing

            Put down the exfoliating acid. According to dermatologists, dead skin cells actually do *so* much more than we give them credit for.

            Published 15 October 2019

            Admit it: Ever since the first rough, grainy glob of St. Ives Apricot Scrub touched down on your pre-pubescent cheek, you’ve devoted your life to destroying your dead skin cells.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Daten von Rheinmetall gehackt - Interne Unterlagen im Netz",
                "Dead Skin Cells Might Actually Be A Good Thing",
            ])
        #expect(stories.first?.paragraphs.last == "Datenleck bei Rheinmetall Benedikt Strunz, NDR 28.04.2020 21:38 Uhr")
    }
}
