import Testing

@testable import BulletinCore

/// A hard-wrapped file's margin is where its wrapper's lines end, not where a lone typed line
/// does. The text is cut from the independent parse corpus's tuning half
/// (Tests/ParseCorpus/independent/SOURCES.md): independent-tuning/0010, one story of a file
/// wrapped at 70 with a blank line between paragraphs, "Kim Jong Un: Der Diktator ist zurück -
/// Donald Trump ist „glücklich“" (fr.de, via the webnews set), whose crosshead
/// "Nordkorea: Hinweise auf eine gesundheitliche Gefährdung von Kim Jong Un" is 71 columns.
@Suite("A file's wrap margin")
struct FileWrapMarginTests {
    static let text = """
        Kim Jong Un: Der Diktator ist zurück - Donald Trump ist „glücklich“
        Von Redaktion

        Veröffentlicht am 04.05.2020

        Kim Jong Un taucht nach Wochen wieder auf. Die Bilder, die das
        beweisen sollen, erfreuen Donald Trump. Er sendet Grüße nach
        Nordkorea.

        1) Kim Jong Un lächelt und raucht wieder
        2) Bilder des Diktators von Nordkorea veröffentlicht
        3) Donald Trump* wünscht Nordkoreas Diktator alles Gute

        Update vom 03. Mai 2020, 16:05 Uhr: Kim Jong Uns vermeintliche
        Rückkehr auf die politische Weltbühne stimmt am anderen Ende der Welt
        jemanden froh: Donald Trump. Der US-Präsident schrieb auf Twitter, er
        sei „glücklich“, dass Kim Jong Un „wieder zurück und gesund“ sei.

        I, for one, am glad to see he is back, and well!
        https://t.co/mIWVeRMnOJ

        Die beiden Staatsoberhäupter aus den USA und Nordkorea verbindet eine
        wechselhafte Freundschaft. Nach anfänglichen Provokationen schrieben
        sie sich bald Briefe. Kim lud Trump schließlich nach Nordkorea ein, er
        folgte der Einladung und wurde der erste US-Präsident, der jemals
        nordkoreanischen Boden betrat - wenn auch nur in der demilitarisierten
        Zone im Grenzgebiet und nur für ein paar Schritte.

        Nordkorea: Kim Jong Un ist wieder da - Bilder veröffentlicht

        Update, 13:17 Uhr: Die Authentizität der Bilder von Nordkoreas
        Machthaber Kim Jong Un wird bislang unterschiedlich bewertet. Das
        südkoeranische Vereinigungsministerium bestätigte den Auftritt des
        Diktators aus dem Nachbarland. „Grundlose Berichte über Nordkorea
        haben zuletzt unnötige Verwirrung in den Bereichen der Wirtschaft, der
        Sicherheit und Gesellschaft gestiftet“, hieß es in einer Erklärung des
        Ministeriums.

        Der US-Nachrichtensender CNN wiederum scheint skeptischer zu sein. Die
        Echtheit der Bilder könne noch nicht zweifelsfrei bestätigt werden.
        Das gelte für den Ort, an dem die Bilder angeblich gemacht wurden
        genauso wie für den Zeitpunkt.

        Kim Jong Un: Nordkoreas Diktator lächelt in die Kamera

        Die Aufnahmen zeigen Kim Jong Un, der lächelnd und rauchend eine neue
        Düngemittelfabrik besucht. Der Alleinherrscher Nordkoreas wird unter
        anderem in Begleitung seiner Schwester gezeigt, die bereits als seine
        Nachfolgerin gehandelt wurde. Von der Zeremonie in der Fabrik hieß es,
        Kim Jong Un habe sich mehrere Orte auf dem Fabrikgelände angeschaut
        und sich über den Produktionsprozess informieren lassen.

        Update vom 02. Mai 2020, 9:20 Uhr: Das Regime in Nordkorea hat
        angeblich aktuelle Fotos von Machthaber Kim Jong Un veröffentlicht.
        Kim soll an der Eröffnung einer Düngemittelfabrik teilgenommen haben.
        Auf den Bildern lächelt der Diktator und scheint sich bester
        Gesundheit zu erfreuen.

        Der Alleinherrscher Nordkoreas war für rund drei Wochen von der
        Bildfläche verschwunden. Spekulationen um eine mögliche Operation
        machten die Runde, sogar von Koma oder dem Tod Kims war die Rede.
        Einen Grund für die lange Abwesenheit des Alleinherrschers wurde in
        den Staatsmedien nicht genannt.

        Wo ist Kim Jong Un? Spekulationen um die Nachfolge beginnen

        Update, 29.04.2020, 17:15 Uhr: Die Gerüchte um den Gesundheitszustand
        von Nordkoreas Machthaber Kim Jong Un reißen nicht ab. Das Land hüllt
        sich weiter in Schweigen und die Spekulationen um die mögliche
        Nachfolge haben bereits begonnen.

        Hoch im Kurs steht dabei offenbar Kim Jong Uns kleine Schwester: Kim
        Yo Jong. Die 32-Jährige ist bereits stellvertretendes Mitglied des
        Politbüros, eine der mächtigsten Institutionen innerhalb der
        kommunistischen Diktatur auf der korenischen Halbinsel.

        Sollte sie auf ihren Bruder folgen, würde eine Tradition fortgesetzt,
        die in Nordkorea seit der Staatsgründung praktiziert wird. Kims
        Vorgänger im Amt war sein Vater, Kim Jong Il. Und dessen Vorgänger war
        Kims Großvater, Staatsgründer Kim Il Sung.

        Der „ewige Präsident“ Kim Il Sung ist bis heute offiziell
        Staatsoberhaupt und Parteivorsitzender und wurde nie offiziell zum Tod
        erklärt. Als Kims Vater Kim Jong Il im Jahr 2012 starb, wurde das
        ganze Land zur Staatstrauer verdonnert und eine gigantische
        Trauerfeier abgehalten. Eine offizielle Todeserklärung zu Kim Jong Un
        aus Nordkorea könnte also wie bei seinem Großvater niemals erfolgen
        oder bei seinem Vater sehr pompös ausfallen.

        Kim Jong Un laut Trump am Leben - US-Präsident: „Ich wünsche ihm alles Gute“

        Update, 28.4.2020, 12.45 Uhr: Inmitten der Spekulationen über den
        Verbleib von Nordkoreas Machthaber Kim Jong Un hat US-Präsident Donald
        Trump indirekt erklärt, dass dieser noch am Leben sei. Auf die Frage,
        ob er neue Informationen zu Kims Gesundheitszustand habe, sagte Trump
        am Montag bei einer Pressekonferenz im Weißen Haus: „Ja, ich weiß
        ziemlich gut Bescheid, aber ich kann jetzt nicht darüber sprechen. Ich
        wünsche ihm nur alles Gute.“

        „Ich hoffe, es geht ihm gut“, sagte Donald Trump gegenüber den Medien
        weiter. „Ich weiß, wie es ihm geht, relativ gesehen.“ Die Medien
        würden „wahrscheinlich in nicht allzu ferner Zukunft erfahren“, was
        mit Kim los sei.

        Zuletzt hatte es vermehrt Spekulationen über Kims Gesundheitszustand
        gegeben, nachdem dieser mehr als zwei Wochen nicht mehr in der
        Öffentlichkeit gesehen wurde und er nicht an den Feierlichkeiten zum
        Geburtstag seines Großvaters und Staatsgründers Kim Il Sung am 15.
        April teilgenommen hatte - dem wichtigsten Tag im politischen Kalender
        des Landes.

        Eingriff am Herz-Kreislauf-System

        Nach Berichten, wonach Kim erkrankt sein und sich einem dringlichen
        Eingriff am Herz-Kreislauf-System unterzogen haben soll, hatte der
        Sicherheitsberater der südkoreanischen Regierung am Sonntag gesagt,
        Kim lebe und sei „wohlauf“.

        Erstmeldung

        Pjöngjang – Südkorea hat mit Vorsicht auf Berichte reagiert, wonach
        sich der nordkoreanische Machthaber Kim Jong Un nach einer Operation
        in kritischem Zustand befindet. Es könne nicht bestätigt werden, dass
        es Anzeichen für ernste Probleme mit der Gesundheit Kims gebe, teilte
        das Präsidialamt in Seoul am Dienstag mit. „Auch gibt es keine
        ungewöhnlichen Aktivitäten in Nordkorea.“ Das abgeschottete Land
        hüllte sich wie so oft zuvor in Schweigen, eine unabhängige
        Überprüfung der Informationen ist nicht möglich.

        Nordkorea: Hinweise auf eine gesundheitliche Gefährdung von Kim Jong Un

        Der US-Nachrichtensender CNN berichtete unter Berufung auf einen
        Regierungsbeamten, es gebe geheimdienstliche Hinweise, dass Kim „nach
        einer Operation in ernsthafter Gefahr“ sei. CNN bezog sich auf einen
        mit dem Fall vertrauten US-Regierungsbeamten.

        CNN: "Kim Jong Un is gravely ill" NBC: "Kim Jong Un is brain dead"
        Reuters: "Kim Jong Un is fine" It would be really nice to be able to
        trust our media right about now but they really make it impossible.

        Auch die auf Nachrichten aus Nordkorea spezialisierte Internetzeitung
        „Daily NK“ in Südkorea meldete, Kim habe sich einer Operation
        unterziehen müssen. Nach einem Eingriff am 12. April am Herzen erhole
        er sich aber wieder unter Beobachtung von Ärzten in einer Villa am
        nordöstlich von Pjöngjang gelegenen Berg Myohyang. „Daily NK“ beruft
        sich auf einen Informanten innerhalb des Landes. Dieser nehme an, dass
        der Eingriff aufgrund mehrere Faktoren nötig gewesen sein könnte, Kims
        Übergewicht, seine Rauchgewohnheiten und „Überarbeitung“
        eingeschlossen.

        Nordkorea kontrolliert Informationen über Kim Jong Un

        Nordkorea äußerte sich nicht zu den Berichten. Zwar zelebriert das
        Land um seine Herrscher seit jeher einen Führerkult, doch kontrolliert
        die kommunistische Führung Informationen über Kim Jong Un und seine
        Familie äußerst streng.

        Zuletzt hatte Kims Abwesenheit von einer Zeremonie zum Gedenken an
        seinen 1994 gestorbenen Großvater und früheren Staatschef Kim Il Sung
        am 15 April erste Spekulationen über seinen Gesundheitszustand
        ausgelöst. Nach Angaben des Vereinigungsministeriums in Seoul war es
        das erste Mal seit seiner Machtübernahme Ende 2011, dass er einen
        Besuch des Mausoleums am Geburtstag Kim Il Sungs verpasste, wo die
        einbalsamierten Leichen seines Vaters und Großvaters liegen.

        Nordkorea: Spekulationen über Kim Jong Un

        Noch am 11. April hatte Kim Jong Un ein wichtiges Parteitreffen in
        Pjöngjang geleitet. Kim hatte am 8. Januar Geburtstag, sein Alter wird
        in Südkorea auf 36 Jahre geschätzt.

        Als Kim im Oktober 2014 wochenlang von der Bildfläche verschwunden
        war, hatte es ebenfalls Spekulationen um seine Gesundheit gegeben. Der
        südkoreanische Geheimdienst nahm damals an, dass Kim wegen einer Zyste
        im rechten Sprunggelenk operierte worden und deshalb wochenlang
        verschwunden gewesen sei. Die Zyste könne sich wegen des Übergewichts
        des Diktators jederzeit neu bilden können, hieß es. (FR mit dpa)

        *fr.de ist Teil des bundesweiten Ippen-Redaktionsnetzwerks

        Rubriklistenbild: © KCNA/dpa

        """

    /// "angeblich aktuelle Fotos von Machthaber Kim Jong Un veröffentlicht." (67 columns) ends
    /// a sentence over "Kim soll …": "Kim" fits within a margin of 71 (the crosshead's), not
    /// within the wrapper's 70, so with the lone line counted (the rule off) the paragraph was
    /// cut in two there.
    @Test func aLoneLinePastTheWrappersLinesIsNoMargin() throws {
        let paragraphs = try BulletinParser().parse(Self.text).flatMap(\.paragraphs)
        #expect(paragraphs.contains { $0.hasPrefix("Update vom 02. Mai 2020, 9:20 Uhr:") && $0.hasSuffix("Gesundheit zu erfreuen.") })
    }
}
