import Testing

@testable import BulletinCore

/// A list of words inside a stack of short lines that hold figures here and there: the list
/// is a list (one preformatted block), not part of a figure table, and the lines either side of
/// it are paragraphs. The text is cut from the independent parse corpus's tuning half
/// (Tests/ParseCorpus/independent/SOURCES.md): independent-tuning/0002, giromatch.com "1000
/// Euro Kredit » 1000 EUR sofort aufs Konto" (via the webnews set), one paragraph a line.
@Suite("Lists inside figure runs")
struct ListInFigureRunTests {
    /// "Jetzt 1000 Euro Kredit sichern »", the list's three rows (one of them "24h
    /// Auszahlung") and the crosshead "1000 Euro Kredit - Sofortzusage & Sofortauszahlung" are
    /// five short lines, three with figures: a figure run, and it held the list whole, so the
    /// five were kept as one table block. A list whose rows are mostly words cuts the run (what
    /// the lines either side become, paragraphs or a headline, is the layout judge's to say).
    @Test func aListOfWordsCutsTheFigureRunAroundIt() throws {
        let text = """
            1000 Euro Kredit » 1000 EUR sofort aufs Konto
            1000 Euro Kredit - von GIROMATCH ✓ Günstig & unkompliziert ✓ Auszahlung direkt aufs Konto ✓ 100% Unverbindlich
            Von GIROMATCH; Frankfurt a M; Germany
            Aktualisiert am 01.01.2016
            1000 Euro Kredit - Online & schnell
            Mit dem 1000 Euro Kredit von Giromatch schließen Sie kleine finanziellen Lücken im Handumdrehen. Eine kleine Autoreparatur, eine Überbrückung bis zum nächsten Gehaltseingang oder gar ein Kurzurlaub auf den Malediven? Fragen Sie noch heute den Kredit an und Sie haben bestenfalls morgen 1000 Euro sofort auf dem Konto!
            1000 Euro Kredit: die Vorteile auf einen Blick
            • Online Prüfung: Sofortzusage und 24h Auszahlung
            • Einfacher Kreditantrag: digitale Unterschrift & ohne Papier
            • Trotz Schufa: Auch mit negativer Schufa möglich
            Durch die geringe Kredithöhe ist der 1000 Euro Kredit einfach zu beantragen, sodass auf Nachweise in Papierform verzichtet werden kann. Dies macht den Tausend Euro Kredit sehr beliebt. Die Laufzeit und monatliche Rate bestimmen dabei Sie selbst.
            Fragen Sie jetzt den Kredit kostenlos und unverbindlich an! Wir helfen Ihnen bei Ihrem Anliegen und finden eine schnelle und passende Lösung
            Jetzt 1000 Euro Kredit sichern »
            • Unverbindlich & kostenlos
            • 24h Auszahlung
            • Ohne Einkommensnachweis
            1000 Euro Kredit - Sofortzusage & Sofortauszahlung
            1000 Euro sind eine kleinere Kreditsumme, bei der die Bonitätsprüfung nicht so streng erfolgt wie bei einem 50.000 Euro Kredit. Daher ist eine Sofortzusage bzw. eine Sofortauszahlung für den 1000 Euro Kredit möglich. Die Prüfung erfolgt dabei vollständig online durch spezifizierte Bonitätsprüfungsverfahren, bei denen unter anderem die persönliche und finanzielle Situation beachtet wird.

            """
        let paragraphs = try BulletinParser().parse(text).flatMap(\.paragraphs)
        #expect(paragraphs.contains("• Unverbindlich & kostenlos\n• 24h Auszahlung\n• Ohne Einkommensnachweis"))
        #expect(!paragraphs.contains { $0.contains("Kredit sichern »\n") || $0.contains("Einkommensnachweis\n") })
    }

    /// The rule in `ListRows.merged`: a list the figure run holds whole stays inside it only
    /// where `isTable` says its rows are figures; otherwise it cuts the run, and what is left
    /// either side stays a run only with two rows.
    @Test func aListThatIsNoTableCutsTheRunHoldingIt() {
        #expect(ListRows.merged(lists: [3..<6], figures: [2..<7], isTable: { _ in false }) == [3..<6])
        #expect(ListRows.merged(lists: [3..<6], figures: [1..<8], isTable: { _ in false }) == [1..<3, 3..<6, 6..<8])
        #expect(ListRows.merged(lists: [3..<6], figures: [1..<8], isTable: { _ in true }) == [1..<8])
    }
}
