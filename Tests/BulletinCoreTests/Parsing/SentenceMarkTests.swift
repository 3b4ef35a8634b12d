import Testing

@testable import BulletinCore

/// Where a sentence ends, as other languages mark it: a date's dots, the German closing quote,
/// a quotation's own exclamations. The text is the news of the Parallel Universal Dependencies
/// treebanks (CC BY-SA 3.0) and Leipzig Ukrainian web sentences (Tests/LangCorpus/SOURCES.md),
/// laid out as `make lang-eval`'s bulletins are.
@Suite("Sentence marks outside English")
struct SentenceMarkTests {
    let parser = BulletinParser()

    @Test(arguments: [
        ("2010) Проект Закону про енергетичну ефективність будівель (проект н. д. Ю. Одарченка вручено 01.06.", TextShape.Ending.sentence),
        ("Talks resume in the U.S.", .open),
        ("Über eine Zeile in einem ihrer vielen trauernden Facebook Posts hätte Chris sehr gefreut: „Ich kenne niemanden, der afrikanischer ist als du.“", .sentence),
        ("Jeden z mnoha jejich truchlivých příspěvků na Facebooku obsahuje výrok, který by Chris miloval: „Neznám nikoho afričtějšího než Tebe.“", .sentence),
    ])
    func aSentenceEndsAfterADateAndInsideAGermanClosingQuote(line: String, ending: TextShape.Ending) {
        #expect(TextShape(Array(line.utf8)[...]).ending == ending)
    }

    @Test(arguments: [
        ("Amerikalı, \"Andy'yi tebrik etmek zorundayım! Dünyada bir numara olmak, bu inanılmaz bir başarı!\" dedi", false),
        // The same words without the quotation marks: two sentences of the line's own.
        ("Amerikalı, Andy'yi tebrik etmek zorundayım! Dünyada bir numara olmak, bu inanılmaz bir başarı! dedi", true),
    ])
    func aQuotationsOwnMarksAreNotTheLinesBoundary(line: String, boundary: Bool) {
        #expect(TextShape(Array(line.utf8)[...]).containsSentenceBoundary == boundary)
    }

    @Test func aHeadlineQuotingExclamationsHeadsItsStory() throws {
        let text = """
            Ancak, iş yeri sohbet araçlarındaki yenilikler, teknoloji şirketlerinden gelen daha büyük bir eğilimin parçası

            Microsoft, Çarşamba günü sanayinin sevgilisi Slack'i tahtından etmeye hazırlanan yeni bir iş yeri sohbet aracını duyurdu.

            Hareket, şirketin kullanıcılarını ürünlerini sadece verimlilik araçları olarak görmekten vazgeçirme isteğini vurguladı.

            Amerikalı, "Andy'yi tebrik etmek zorundayım! Dünyada bir numara olmak, bu inanılmaz bir başarı!" dedi

            ANKARA (AA) - En iyi tenis oyunlarından bazılarını bir sette dengelediği ve karar vermeye zorladığı maçlarda sergileyen Isner, borcunu da ödedi.

            Brisbane Nine News "Şaka olsun diye Kuzey Kore golf turnuvasına katıldılar" diye yazdı

            Kendilerine göre golfte çok kötü olan iki Avustralyalı, herkesi kandırarak Kuzey Kore'nin önde gelen golf turnuvalarından birine katılmayı başardı.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Ancak, iş yeri sohbet araçlarındaki yenilikler, teknoloji şirketlerinden gelen daha büyük bir eğilimin parçası",
                "Amerikalı, \"Andy'yi tebrik etmek zorundayım! Dünyada bir numara olmak, bu inanılmaz bir başarı!\" dedi",
                "Brisbane Nine News \"Şaka olsun diye Kuzey Kore golf turnuvasına katıldılar\" diye yazdı",
            ])
    }

    @Test func aParagraphEndingOnADateIsNoHeadline() throws {
        let text = """
            Ліля почала займатись перекладами ще в юності

            Крім того, виділяється ще внутрішнє гальмування (умовне гальмування).

            2010) Проект Закону про енергетичну ефективність будівель (проект н. д. Ю. Одарченка вручено 01.06.

            Активізація українського національно-визвольного руху викликала хвилю доносів

            У 1867 р. у Росії за 6,7 млн дол. був куплена Аляска, кожен гектар землі якої обійшовся лише в розмірі 5 центів.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Ліля почала займатись перекладами ще в юності",
                "Активізація українського національно-визвольного руху викликала хвилю доносів",
            ])
        #expect(stories.first?.paragraphs.count == 2)
    }

    @Test func aQuotationClosedTheGermanWayEndsItsStory() throws {
        let text = """
            Er arbeitete ein Jahrzent für die BBC

            Danach verbrachte er vier Jahre beim Radiosender BBC World Service im Bush House.

            Über eine Zeile in einem ihrer vielen trauernden Facebook Posts hätte Chris sehr gefreut: „Ich kenne niemanden, der afrikanischer ist als du.“

            Eine Analyse zeigte, dass riesige Datenmengen benutzt wurden, um die Störung zu verursachen

            „Leider ist es wieder so, dass es ein paar wenige für alle ruinieren“, schrieb Jesse LaBrocca, Gründer von Hack Forums, in einer Nachricht, in der er erklärte, warum der Bereich geschlossen wurde.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Er arbeitete ein Jahrzent für die BBC",
                "Eine Analyse zeigte, dass riesige Datenmengen benutzt wurden, um die Störung zu verursachen",
            ])
        #expect(stories.first?.paragraphs.count == 2)
    }
}
