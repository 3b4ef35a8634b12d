import Testing

@testable import BulletinCore

/// In a file that marks its stories with a wider gap than its paragraphs, the short line after
/// each such gap, and the file's first line, head stories even as two sentences. The text is cut
/// from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md).
@Suite("Lines after wider gaps")
struct WiderGapHeadTests {
    let parser = BulletinParser()

    /// independent-tuning/0018: phys.org "Flint flake tool …" ending in its copyright line, rp.pl
    /// "Unijne fundusze coraz bliżej. Sejm zagłosował "za"" (two sentences) and wired.com
    /// "Intensified Israeli Surveillance …", paragraphs one blank line apart, stories two. The
    /// gap after the copyright line (a sign-off) marks a story as the gap after text does.
    /// Without the rule the two wider gaps counted as one, nothing was promoted, and the Polish
    /// story's headline became its first sentence, "Unijne fundusze coraz bliżej.".
    @Test func aWiderGapAfterASignOffMarksAStory() throws {
        let text = """
            Flint flake tool partially covered by birch tar adds to evidence of Neanderthal complex thinking

            The tool was found on Zandmotor beach near The Hague prior to the arrival of modern humans—carbon dating showed it to be approximately 50,000 years old. The researchers note that at the time the tool was created and used, the area where it was found was at the edges of the Neanderthal range, and still under the North Sea. Known as Doggerland, the area was icy tundra with very few trees. This suggests the Neanderthal were quite dedicated to making such tools. The researchers believe that the one they found could have been used for cutting plants or scraping animal skins as a means to stave off the cold. They note that spending so much time and effort to make such a tool, which was not used for hunting, suggests that birch tar was more widely used by the Neanderthal than has been thought. Most such examples would have decayed long ago—the tool found by the researchers survived only because it was at the bottom of the North Sea for most of its existence.

            © 2019 Science X Network


            Unijne fundusze coraz bliżej. Sejm zagłosował "za"

            – To jest moment fundamentalny. Nie ma miejsca na kłótnie. To jest przełomowy moment. Apeluję do całej izby o przyjęcie tej ustawy. W takim momencie liczy się Polska – mówił w Sejmie premier Mateusz Morawiecki, przekonując do głosowania za decyzją o zasobach własnych Unii.

            Ostatecznie 290 posłów głosowało za rządowym projektem ustawy w tej sprawie, przeciwko było tylko 33, za to 133 wstrzymało się od głosu.


            Intensified Israeli Surveillance Has Put the West Bank on Lockdown

            On Sunday, October 29, Ahmed Azza was given permission to leave his neighborhood for the first time in three days. He passed the surveillance camera trained on his front door and the group of Israeli soldiers stationed on the hill above and walked eight minutes to the checkpoint at the end of his street. He placed his belongings on a table to be searched, made mandatory eye contact with the facial recognition camera, and crossed through the rotating metal barriers into Hebron. Ten hours later, he was given a one-hour window to return home before the checkpoint closed and he was locked out—or in—for the next two days.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Flint flake tool partially covered by birch tar adds to evidence of Neanderthal complex thinking",
                "Unijne fundusze coraz bliżej. Sejm zagłosował \"za\"",
                "Intensified Israeli Surveillance Has Put the West Bank on Lockdown",
            ])
        #expect(stories.dropFirst().first?.paragraphs.count == 2)
    }

    /// independent-tuning/0103: diaadia.com.pa "¡Exclusividad! Ulpiano Vergara ahora será una
    /// marca registrada" at the top of the file, echte-demokratie-jetzt.de "Liebe Menschen
    /// Europas" (a name-like line) and elnuevodia.com "Líder de la organización Mujeres
    /// Populares …", paragraphs one a line, stories one blank line apart (paragraphs cut). The
    /// name-like line after the first wider gap is a candidate as a headline is, and the file's
    /// first line heads its story. Without either part the first story's headline was its
    /// first sentence, "¡Exclusividad!" (the name line broke the file's pattern, or the top line
    /// was not looked at).
    @Test func theFirstLineOfAGapMarkedFileHeadsItsStory() throws {
        let text = """
            ¡Exclusividad! Ulpiano Vergara ahora será una marca registrada
            Ay, papá; al parecer El Mechi Blanco no quiere juega vivos ni relajito con su nombre y ahora será hasta una marca registrada.
            El reconocido artista de la música típica, Ulpiano Vergara presentó este jueves una solicitud para el registro de su marca, en la Ventanilla de la Dirección General de Registro de Propiedad Industrial (DIGERPI) del Ministerio de Comercio e Industrias (MICI).
            Cabe destacar que durante el trámite, Ulpiano estuvo acompañado por su hija, Dania María Vergara.
            Mire: El cantante Juan Luis Guerra da positivo a COVID-19

            Liebe Menschen Europas
            [spanish] [greek] [english]
            Liebe Menschen Europas, in Griechenland, Spanien, Italien oder wo auch immer Ihr lebt!
            Wir sind Menschen in Deutschland, Menschen aus der occupy-Bewegung, Menschen aus allen Bevölkerungsschichten, wir sind die 99%, die nicht von der Finanzkrise profitieren und die 99% die keine Politiker sind und wir lehnen die Politik „unserer“ Regierung ab!

            Líder de la organización Mujeres Populares denuncia intentos del PPD de silenciarla
            Ada Álvarez Conde, quien indicó que próximamente renunciará al puesto, resaltó que existe una falta de comunicación en la colectividad y que han impuesto mordazas al surgir polémicas como las expresiones de José Luis Dalmau relacionadas al aborto
            Ada Álvarez Conde anticipó que renunciará a la presidencia de la organización Mujeres Populares. (Teresa Canino Rivera)
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "¡Exclusividad! Ulpiano Vergara ahora será una marca registrada", "Liebe Menschen Europas",
                "Líder de la organización Mujeres Populares denuncia intentos del PPD de silenciarla",
            ])
        #expect(stories.first?.paragraphs.first?.hasPrefix("Ay, papá;") == true)
    }
}
