import Testing

@testable import BulletinCore

/// Crossheads set loose in a file that sets its headlines tight on their text. The text is cut
/// from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md),
/// paragraphs left out.
@Suite("Loose crossheads")
struct LooseCrossheadTests {
    let parser = BulletinParser()

    /// independent-tuning/0162 (jamaica-gleaner.com, guten-tach.de, scinexx.com): paragraphs one
    /// blank line apart, each headline in capitals right over its text, each crosshead in
    /// capitals too but a blank line above and below it. Without the rule every crosshead
    /// ("MARKANTES TRANSPARENT", "SCHADEN FÜR DEN STARKEN WIRTSCHAFTSRAUM", "EISEN UND KUPFER ALS
    /// SPALTUNGSHELFER") headed a story of its own: six stories, not three.
    @Test func aLineAtTheParagraphGapInAFileOfTightHeadlinesIsACrosshead() throws {
        let text = """
            UPDATE | DECEASED CLARENDON CRASH VICTIMS IDENTIFIED
            The police have now released the identities of the two people killed in a crash in Osborne Store, Clarendon Tuesday.

            They are: Heather Grant, 33, of Christiana, Manchester and a man known as Nigel Ambersley, whose address was not immediately obtained.

            The other three were admitted.

            Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica. Send us a message on WhatsApp at 1-876-499-0169 or email us at onlinefeedback@gleanerjm.com or editors@gleanerjm.com

            DGB: BRÜCKENSPERRUNG BELEGT DIE VERSÄUMNISSE DER LETZTEN JAHRE
            Lüdenscheid/Südwestfalen. Die DGB-Regionen Südwestfalen, Mittelhessen, Dortmund-Hellwig und Ruhr-Mark krisitieren in einer gemeinsamen Mitteilung schwere Versäumnisse in der Verkehrspolitik.

            „Nicht erst seit der Sperrung und dem endgültigen Aus für die Rahmedetalbrücke auf der A45 bei Lüdenscheid zeigt sich, wie marode unsere Infrastruktur in weiten Teilen unseres Landes ist. Die mit der Brückensperrung einhergehenden katastrophalen Auswirkungen auf unseren starken Wirtschaftsstandort und Tausenden von Arbeitsplätzen zeigen in aller Breite die Versäumnisse der letzten Jahre, ja Jahrzehnte bei notwendigen Infrastrukturmaßnahmen“, so die gemeinsame Aussage von DGB-Vertretern aus den Anrainer-Regionen entlang der A45.

            MARKANTES TRANSPARENT

            Mit einem markanten Transparent deuten die vier Gewerkschafter Matthias Körner (DGB-Region Mittelhessen), Ingo Degenhardt (DGB-Region Südwestfalen), Stefan Marx (DGB-Region Ruhr-Mark) und Ralf Beltermann (DGB-Region Dortmund-Hellweg) auf die fatalen negativen Auswirkungen der momentanen Situation und jahrelang verfehlter Investitionspolitik in Verkehrsinfrastruktur hin. Ihre gemeinsame Aussage lautet: „Die A45 ist ein Stützpfeiler für unseren starken Wirtschaftsraum und für sichere Arbeitsplätze“.

            SCHADEN FÜR DEN STARKEN WIRTSCHAFTSRAUM

            „Die Problematik einer unzureichenden Infrastruktur auf der Schiene und marode Brücken und Straßen sind nicht ausschließlich lokale Probleme, sie sind von gravierender und von überregionaler Bedeutung. Vor einem Jahr haben wir bereits gemeinsam auf die Problematik im Güter- und Personenverkehr auf der Schiene in unserem Wirtschaftsraum hingewiesen und endlich den durchgängigen zweigleisigen Ausbau der Siegstrecke gefordert. Von daher gilt es sich über das Kirchturmsdenken hinweg zusammenzuschließen und sich zu positionieren. Wir müssen Zeichen setzen und die Thematik von fehlenden Investitionen öffentlich diskutieren. Die nun auf Jahre unterbrochene Sauerlandlinie stellt einen Kollateralschaden für unseren starken Wirtschaftsraum, für Standort- und Beschäftigungssicherheit dar“, sagt Ingo Degenhardt, Geschäftsführer der DGB-Region Südwestfalen.

            AMMONIAK-SPALTUNG DURCH LEDS STATT HITZE
            Wegbereiter zu „grünem“ Wasserstoff? Forscher haben eine neue Methode gefunden, um Wasserstoff aus Ammoniak zu gewinnen – nur mithilfe von LED-Licht, Eisen und Kupfer. Anders als bei der gängigen Ammoniak-Spaltung benötigt diese Photokatalyse keine starke Hitze oder teure Platinmetalle, wie das Team in „Science“ berichtet. Das könnte den künftigen Einsatz von Ammoniak als Transport- und Speichermedium für „grünen“ Wasserstoff deutlich erleichtern.

            Wasserstoff gilt als Energieträger der Zukunft. Er kann klimafreundlich durch Elektrolyse von Wasser mithilfe von Sonnen- und Windstrom gewonnen werden und dabei zugleich Stromschwankungen ausgleichen. Doch um den Wasserstoff effizient speichern und transportieren zu können, muss er extrem heruntergekühlt und verflüssigt oder aber in chemisch gebundene Form gebracht werden. Als vielversprechender Kandidat für letzteres gilt flüssiges Ammoniak (NH3), das zwar korrosiv und giftig ist, aber nur auf minus 40 Grad gekühlt werden muss.

            Das Problem jedoch: Um Ammoniak wieder in Stickstoff und Wasserstoff aufzuspalten, benötigt man 400 bis 600 Grad Hitze und entsprechende Energie. Zwar können Katalysatoren aus Platin, Ruthenium, Ruthenium oder Palladium die Reaktionstemperatur senken, sie sind aber teuer und rar.

            EISEN UND KUPFER ALS SPALTUNGSHELFER

            Eine günstigere Alternative haben nun Yigao Yuan von der Rice University on Houston und seine Kollegen entwickelt. Statt das Ammoniak durch die klassische thermische Reaktion zu cracken, nutzen sie sogenannte plasmonische Photokatalysatoren. Diese meist aus metallischen Nanopartikeln bestehenden Reaktionshelfer wirken wie winzige Antennen, die die Energie des einfallenden Lichts bündeln und dadurch Elektronen des Materials kurzzeitig stark anregen. Ein zweites Metall dient als vorübergehender Partner für Stickstoff und ermöglicht so die Abspaltung des Wasserstoffs.

            Für ihre Studie erzeugten die Forschenden zunächst einen Photokatalysator mit Kupfer als Lichtantenne und Eisen als chemischen Spaltungshelfer. Diese Partikel gaben sie zusammen mit Ammoniak in einen Testreaktor und führten in einem ersten Durchgang Licht in Form von Laserpulsen zu. Tatsächlich kam eine Ammoniakspaltung in Gang. „Unter Lichtzufuhr zeigte der Kupfer-Eisen-Katalysator eine Reaktivität und Effizienz, die mit der des gängigen Katalysators Kupfer-Ruthenium vergleichbar ist“, berichtet Yuans Kollege Hossein Robatjazi.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "UPDATE | DECEASED CLARENDON CRASH VICTIMS IDENTIFIED",
                "DGB: BRÜCKENSPERRUNG BELEGT DIE VERSÄUMNISSE DER LETZTEN JAHRE",
                "AMMONIAK-SPALTUNG DURCH LEDS STATT HITZE",
            ])
        #expect(stories.dropFirst().first?.paragraphs.contains("MARKANTES TRANSPARENT") == true)
        #expect(stories.last?.paragraphs.contains("EISEN UND KUPFER ALS SPALTUNGSHELFER") == true)
    }
}
