import Testing

@testable import BulletinCore

/// A name line set at the paragraph gap inside a story's text, in a file that marks every
/// story with the same wider gap: a line of the story (an author's name at its end), so the
/// headline-shaped line under it is no story of its own. The text is cut from the independent
/// parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md): independent-tuning/0135,
/// schlosswirtjuval.it "Hof & Geschichte", hertha-blog.de "Der Lange und die alte Dame",
/// aerobuzz.de "CAE bildet künftig Luftwaffen-Piloten in Bremen aus" (paragraphs cut to their
/// first sentence).
@Suite("Unmarked name lines")
struct UnmarkedNameLineTests {
    let parser = BulletinParser()

    /// "Bob Fischer" one blank line under the text and over "Folgen Sie uns auf Twitter …",
    /// stories three blank lines apart: both lines, and the links under them, are the CAE
    /// story's last paragraphs. Without the rule the name closed the story and the line under
    /// it headed one of its own.
    @Test func aNameAtTheParagraphGapInAGapMarkedFileClosesNoStory() throws {
        let text = """
            Hof & Geschichte
            Veröffentlicht am 18.05.2015

            Doch 1983 schlug für die Burg und den Oberortlhof die Stunde der Rettung. Mit dem Erwerb durch Reinhold Messner erlebte die Burg eine Wiedergeburt.

            Der neue Besitzer: Reinhold Messner

            Reinhold Messner, 1944 in Südtirol geboren, bestieg bereits als 5-Jähriger in Begleitung seines Vaters den ersten Dreitausender.



            Der Lange und die alte Dame
            Veröffentlicht am 23.07.2017

            Natürlich ist auch der neue Michael Preetz nicht fehlerlos.

            Läuft (weiter) bei uns! Vladimir Darida hat verlängert und spielt auch in Zukunft mit der Fahne auf der Brust. #hahohe pic.twitter.com/GpnT4GvoXd

            — Michael Preetz (@michaelpreetz) July 21, 2017



            CAE bildet künftig Luftwaffen-Piloten in Bremen aus
            Von Bob Fischer

            Veröffentlicht am 04.02.2022

            Das Bundesamt für Ausrüstung, Informationstechnik und Nutzung der Bundeswehr (BAAINBw) hat mit dem deutschen Tochterunternehmen CAE GmbH des kanadischen Trainingsspezialisten und Simulatorherstellers CAE einen Vertrag über die künftige Ab-initio-Ausbildung von Pilotinnen und Piloten der Luftwaffe getroffen.

            In Bremen sollen hauptsächlich Piloten für die Flugbereitschaft des Bundesministeriums der Verteidigung und A400M-Piloten ausgebildet werden.

            CAE baut in Bremen ein Trainingszentrum

            Im CAE Training Centre wird das Unternehmen Fluglehrer, Dispatcher, Techniker und Unterstützungspersonal beschäftigen, um einen reibungslosen Ablauf der Ausbildung zu gewährleisten.

            Dan Gelston, der Vorsitzende des Geschäftsbereichs Defence & Security bei CAE, sagte: „Dieser Vertrag ist ein großartiges Beispiel dafür, wie CAE sein erstklassiges Know-how in der Pilotenausbildung sowohl im Verteidigungsbereich als auch in der zivilen Luftfahrt einsetzt, um eine einzigartige Lösung für die Erstflugausbildung anzubieten.

            Bob Fischer

            Folgen Sie uns auf Twitter Liken Sie uns auf Facebook

            Schon gelesen?

            Luftwaffe hat mit dem Training auf den H145 von NHV begonnen

            LH Technik hat die erste A321LR für die Luftwaffe in Empfang genommen
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Hof & Geschichte", "Der Lange und die alte Dame", "CAE bildet künftig Luftwaffen-Piloten in Bremen aus",
            ])
        let last = try #require(stories.last)
        #expect(
            last.paragraphs.suffix(5) == [
                "Bob Fischer", "Folgen Sie uns auf Twitter Liken Sie uns auf Facebook", "Schon gelesen?",
                "Luftwaffe hat mit dem Training auf den H145 von NHV begonnen",
                "LH Technik hat die erste A321LR für die Luftwaffe in Empfang genommen",
            ])
    }
}
