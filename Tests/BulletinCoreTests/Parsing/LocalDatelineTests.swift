import Testing

@testable import BulletinCore

/// Datelines and credits as agencies outside the English wire write them.
@Suite("Local datelines")
struct LocalDatelineTests {
    @Test(
        arguments: [
            ("МОСКВА, 27 сентября. /ТАСС/. Президент России провел переговоры.", "МОСКВА", "ТАСС"),
            ("КИЇВ, 5 березня. /Укрінформ/. Уряд ухвалив рішення.", "КИЇВ", "Укрінформ"),
            ("Praha 3. března (ČTK) - Vláda schválila návrh zákona.", "Praha", "ČTK"),
            ("Berlin (dpa) - Die Bundesregierung hat beschlossen.", "Berlin", "dpa"),
            ("PARIS (AFP) - Le gouvernement a annoncé mardi.", "PARIS", "AFP"),
            ("MADRID, 3 Mar. (EFE) - El Gobierno aprobó hoy.", "MADRID", "EFE"),
            ("新华社北京6月1日电 国家主席习近平1日在人民大会堂会见了外宾。", "北京", "新华社"),
            ("新華社北京6月12日電 國家主席1日會見了外賓。", "北京", "新華社"),
            ("(서울=연합뉴스) 정부는 1일 새로운 정책을 발표했다.", "서울", "연합뉴스"),
            ("【東京共同】政府は1日、新たな方針を決めた。", "東京", "共同"),
            ("بريدة 12 جمادى الآخرة 1441 هـ الموافق 06 فبراير 2020 م واس نفذت أمانة المنطقة مشروعا جديدا.", "بريدة", "واس"),
        ] as [(String, String, String)])
    func readsPlaceAndCredit(_ paragraph: String, place: String, credit: String) {
        let dateline = Dateline.parse(Array(paragraph.utf8)[...])
        #expect(dateline?.place == place)
        #expect(dateline?.credit == credit)
    }

    @Test(
        arguments: [
            "Президент России провел переговоры в Москве.",
            "记者从国家统计局获悉，今年一季度经济增长。",
            "(Updates with details) The index rose.",
            "قال وزير الخارجية إن المحادثات كانت مثمرة.",
            "Předseda vlády (ODS) řekl, že zákon podpoří.",
        ])
    func leavesProseAlone(_ paragraph: String) {
        #expect(Dateline.parse(Array(paragraph.utf8)[...]) == nil)
    }

    @Test func aStoryCreditsTheAgencyOfItsDateline() throws {
        let text = "Переговоры в Москве\n\nМОСКВА, 27 сентября. /ТАСС/. Президент России провел переговоры с главой МИД.\n"
        let story = try #require(try BulletinParser().parse(text).first)
        #expect(story.dateline == "МОСКВА")
        #expect(story.sources == ["ТАСС"])
    }

    /// The byte gate in front of the local conventions never turns away a paragraph one of
    /// them reads: whatever it rules out, every convention rules out too.
    @Test(
        arguments: [
            "\u{201C}Our negotiations were productive,\u{201D} Lavrov told reporters.",
            "Lavrov said his meeting with Kerry \u{201C}addressed many issues\u{201D} (Interfax).",
            "«Les négociations ont été productives», a dit M. Lavrov.",
            "Über 40 Menschen kamen am Sonntag in die Stadt / Region.",
            "МОСКВА, 27 сентября. /ТАСС/. Президент России провел переговоры.",
            "Praha 3. března (ČTK) - Vláda schválila návrh zákona.",
            "(서울=연합뉴스) 정부는 1일 새로운 정책을 발표했다.",
            "【東京共同】政府は1日、新たな方針を決めた。",
            "新华社北京6月1日电 国家主席习近平1日在人民大会堂会见了外宾。",
            "بريدة 12 جمادى الآخرة 1441 هـ الموافق 06 فبراير 2020 م واس نفذت أمانة المنطقة مشروعا جديدا.",
            "– Dette budskapet skrur i en litt annen retning (sier han).",
        ])
    func theGateKeepsEveryParagraphAConventionReads(_ paragraph: String) {
        let bytes = Array(paragraph.utf8)[...]
        let opening = String(decoding: bytes.prefix(200), as: UTF8.self)
        let read =
            LocalDatelines.slashCredit(opening) ?? LocalDatelines.dateThenCredit(opening)
            ?? LocalDatelines.chineseAgency(opening) ?? LocalDatelines.placeEqualsAgency(opening)
            ?? LocalDatelines.lenticularBrackets(opening) ?? LocalDatelines.arabicAgency(opening)
        if read != nil { #expect(LocalDatelines.mayHoldOne(bytes)) }
        #expect(LocalDatelines.parse(bytes)?.place == read?.place)
    }
}

/// The lines national agencies end a story with: their name in parentheses.
@Suite("Local sign-offs")
struct LocalSignOffTests {
    @Test(arguments: [
        ("(PAP)", "PAP"), ("(Lusa)", "Lusa"), ("(ČTK)", "ČTK"), ("(AA)", "AA"), ("(ΑΠΕ-ΜΠΕ)", "ΑΠΕ-ΜΠΕ"),
        ("(واس)", "واس"), ("（新華社）", "新華社"), ("(연합뉴스)", "연합뉴스"), ("（共同）", "共同"), ("(ТАСС)", "ТАСС"),
        ("(Укрінформ)", "Укрінформ"), ("(dpa)", "dpa"), ("Reuter", "Reuter"),
    ] as [(String, String)])
    func readsTheAgency(_ line: String, agency: String) {
        #expect(StandaloneLines.signOff(Array(line.utf8)[...]) == [agency])
    }

    /// Bare, such a name may be the last word of a wrapped sentence.
    @Test(arguments: ["PAP.", "Tanjug.", "Lusa", "ТАСС", "共同", "(Warszawa)", "(Президент)"])
    func leavesOtherLinesAlone(_ line: String) {
        #expect(StandaloneLines.signOff(Array(line.utf8)[...]) == nil)
    }

    @Test func theSignOffEndsTheStoryAndTheNextHeadlineOpensOne() throws {
        let text = """
            Rząd przyjął projekt ustawy

            Warszawa (PAP) - Rada Ministrów przyjęła we wtorek projekt ustawy.

            (PAP)

            Sejm zbierze się w środę

            Posłowie zajmą się projektem w środę rano.

            """
        let stories = try BulletinParser().parse(text)
        #expect(stories.map(\.headline) == ["Rząd przyjął projekt ustawy", "Sejm zbierze się w środę"])
        #expect(stories.first?.paragraphs.count == 1)
        #expect(stories.first?.sources == ["PAP"])
    }
}

/// Ordinals and list numbers written with a period, as German, the Slavic languages, Turkish
/// and Greek write them (PUD and Leipzig text, Tests/LangCorpus/SOURCES.md). The price: an
/// English line "He was 45. Then he left" reads as one headline-shaped line.
@Suite("Ordinals with a period")
struct OrdinalTests {
    @Test(arguments: [
        ("Trudeau wird den 45. Präsidenten der Vereinigten Staaten einladen, wer auch immer das sein wird", true),
        ("Trudeau wystosuje to zaproszenie do 45. prezydenta Stanów Zjednoczonych, ktokolwiek nim będzie", true),
        ("12. Розширення програмованого навчання, комп'ютеризація освіти", true),
        ("Hofheim am Taunus | Wiesbaden, 11. November 2021", false),
        ("The index rose in 2015. Then it fell", false),
    ] as [(String, Bool)])
    func anOrdinalDoesNotEndASentence(_ line: String, isHeadline: Bool) {
        #expect(HeadlineShape.looksLikeHeadline(TextShape(Array(line.utf8)[...])) == isHeadline)
    }
}

/// A headline's length is counted in characters: in UTF-8 a Cyrillic or Greek letter takes two
/// bytes, and a byte limit cut such headlines at half an English one's length (a negative of
/// the multilingual corpus, Tests/LangCorpus: PUD's Russian text).
@Suite("Headline length in characters")
struct HeadlineLengthTests {
    @Test func aLongCyrillicHeadlineIsStillAHeadline() {
        let line = "Полиция в Британской Колумбии сказала, что ранее у Кляйна, похоже, не было судимости, "
            + "и сообщила туманные сведения о его последнем местонахождении"
        #expect(line.utf8.count > 250 && line.unicodeScalars.count < 250)
        #expect(HeadlineShape.looksLikeHeadline(TextShape(Array(line.utf8)[...])))
    }

    @Test func moreThanTwoHundredFiftyLettersIsTooLongInAnyAlphabet() {
        let latin = String(repeating: "Word ", count: 30) + String(repeating: "x", count: 110)
        let cyrillic = String(repeating: "Слово ", count: 30) + String(repeating: "ж", count: 80)
        #expect(latin.unicodeScalars.count == 260 && cyrillic.unicodeScalars.count == 260)
        #expect(!HeadlineShape.fitsLength(Array(latin.utf8)[...]))
        #expect(!HeadlineShape.fitsLength(Array(cyrillic.utf8)[...]))
        #expect(HeadlineShape.fitsLength(Array(cyrillic.utf8.prefix(cyrillic.utf8.count - 20))[...]))
    }

    /// A Chinese or Japanese character says about as much as a short word: 84 of them on one
    /// line make a paragraph, as UTF-8 bytes already measured it.
    @Test func aLineOfEightyFourHanCharactersIsTooLong() {
        let han = String(repeating: "政府繰返主張", count: 14)
        #expect(!HeadlineShape.fitsLength(Array(han.utf8)[...]))
        #expect(HeadlineShape.fitsLength(Array(han.utf8.prefix(83 * 3))[...]))
    }
}
