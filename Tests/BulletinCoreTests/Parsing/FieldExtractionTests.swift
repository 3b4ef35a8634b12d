import Testing

@testable import BulletinCore

@Suite("Field extraction")
struct FieldExtractionTests {
    @Test(
        "datelines",
        arguments: [
            ("MOSCOW- Russian officials said.", "MOSCOW", nil),
            ("MOSCOW-Moscow expects a deal.", "MOSCOW", nil),
            ("UNITED NATIONS -- The council met.", "UNITED NATIONS", nil),
            ("WASHINGTON, March 2 - The Senate voted.", "WASHINGTON", nil),
            ("LONDON (Reuters) - Sterling fell.", "LONDON", "Reuters"),
            ("BEIRUT, Lebanon (AP) \u{2014} Protesters gathered.", "BEIRUT", "AP"),
            ("NEW YORK, Sept. 24 (Xinhua) -- Talks began.", "NEW YORK", "Xinhua"),
            ("PORT-AU-PRINCE, Haiti - Rain fell.", "PORT-AU-PRINCE", nil),
            ("NEW DELHI: The monsoon arrived.", "NEW DELHI", nil),
            ("Moscow (Interfax) - Talks resumed.", "Moscow", "Interfax"),
            ("US-backed forces advanced.", nil, nil),
            ("NATO-Russia talks will resume.", nil, nil),
            ("US - Russia relations are tense.", nil, nil),
            ("In New York, the minister said.", nil, nil),
            ("Russian officials said on Monday.", nil, nil),
            ("OPEC: output will rise.", nil, nil),
        ] as [(String, String?, String?)])
    func dateline(_ paragraph: String, place: String?, credit: String?) {
        let dateline = Dateline.parse(Array(paragraph.utf8)[...])
        #expect(dateline?.place == place)
        #expect(dateline?.credit == credit)
    }

    @Test(
        "credited outlets",
        arguments: [
            ("The deal is close, according to Interfax.", ["Interfax"]),
            ("He was quoted by Interfax as saying so.", ["Interfax"]),
            ("The minister told the BBC on Monday.", ["BBC"]),
            ("The minister told reporters on Monday.", []),
            ("Lavrov told the press after the meeting.", []),
            ("It was agreed, reports VoR's Polina Chernitsa.", ["VoR"]),
            ("In an interview with the BBC's Kim Ghattas, he spoke.", ["BBC"]),
            ("It could be held as well,according to Voice of Russia, Interfax.", ["Voice of Russia", "Interfax"]),
            ("Exports fell, according to the ministry.", []),
            ("The busy time, according to Russia's Foreign Ministry.", []),
            ("According to China Central Television (CCTV), the remark was made.", ["China Central Television"]),
            ("Output was flat, Interfax reported.", ["Interfax"]),
            ("Confirmed, according to Reuters and The Associated Press.", ["Reuters", "Associated Press"]),
            ("The leader told TVN24 television that it was over.", ["TVN24"]),
            ("Officials said so, Xinhua news agency said.", ["Xinhua"]),
            ("Lavrov said the talks went well.", []),
        ] as [(String, [String])])
    func sources(_ paragraph: String, expected: [String]) {
        var credits = SourceCredits()
        credits.scan(Array(paragraph.utf8)[...])
        #expect(credits.names == expected)
    }

    @Test(
        "headline shape",
        arguments: [
            ("Ban: The only answer is a political settlement", true),
            ("UN sees 'opportunity for Syria diplomacy'", true),
            ("OIL PRICES JUMP AFTER PIPELINE ATTACK", true),
            ("Is the Housing Market About to Turn?", true),
            ("Talks on trade deal to resume in the U.S.", true),
            ("Obama meets Putin in St. Petersburg", true),
            ("The talks were productive, Lavrov said.", false),
            ("Why now?", false),
            ("He left. Then he came back", false),
            ("the talks resumed on Monday", false),
            ("Prices rose by 3 percent,", false),
            ("12345", false),
        ] as [(String, Bool)])
    func headlineShape(_ line: String, isHeadline: Bool) {
        #expect(HeadlineShape.looksLikeHeadline(TextShape(Array(line.utf8)[...])) == isHeadline)
    }

    @Test(
        "bylines",
        arguments: [
            ("By Jane Smith", "Jane Smith"),
            ("BY JANE SMITH", "JANE SMITH"),
            ("By Jane Smith, Associated Press", "Jane Smith"),
            ("By J.R. de la Cruz", "J.R. de la Cruz"),
            ("By the way, prices rose.", nil),
            ("Byelection called in Leeds", nil),
        ] as [(String, String?)])
    func startByline(_ line: String, name: String?) {
        #expect(StandaloneLines.byline(Array(line.utf8)[...])?.name == name)
    }

    @Test(
        "end bylines",
        arguments: [
            ("H. Mustafa", "H. Mustafa"), ("-- Piotr Nowak", "Piotr Nowak"), ("Ahmed al-Hassan", "Ahmed al-Hassan"),
            ("Reuters", nil), ("Prices rose sharply", nil), ("Syria", nil),
        ] as [(String, String?)])
    func endByline(_ line: String, name: String?) {
        #expect(StandaloneLines.endByline(Array(line.utf8)[...]) == name)
    }

    @Test(
        "separators and end marks",
        arguments: ["---", "***", "###", "-30-", "- 30 -", "- 0 -", "ENDS", "# # #", "* * *", "=====", "(END)"])
    func separator(_ line: String) {
        #expect(StandaloneLines.isSeparator(Array(line.utf8)[...]))
    }

    @Test(arguments: [
        "-- Reuters", "Reuter", "(AP)", "Source: Interfax", "(Reporting by A; Editing by B)", "(c) 2013 Wire",
    ])
    func signOff(_ line: String) {
        #expect(StandaloneLines.signOff(Array(line.utf8)[...]) != nil)
    }

    @Test(
        "language guess",
        arguments: [
            (
                "Talks resume", "The talks between the two countries resumed on Monday and were said to be going well.",
                "en"
            ),
            (
                "Grève",
                "Des centaines de vols ont été annulés mardi en raison d'une grève, selon les syndicats qui sont dans la rue.",
                "fr"
            ),
            (
                "Streik",
                "Der Streik der Piloten ist nicht beendet, und die Gewerkschaft will mit dem Vorstand sprechen.", "de"
            ),
            (
                "Переговоры", "Президент провёл переговоры, и это было важно для обеих стран, что отметили в Кремле.",
                "ru"
            ),
            ("地震", "日本东北部海岸发生强烈地震，没有发布海啸警报。", "zh"),
            ("地震", "東北地方の沖合で強い地震がありました。津波の心配はありません。", "ja"),
            ("Xyz", "Qwv prt zzk.", "und"),
        ] as [(String, String, String)])
    func language(_ headline: String, body: String, tag: String) {
        var sample = LanguageSample(headline: headline)
        sample.add(Array(body.utf8)[...])
        #expect(sample.tag == tag)
    }

    @Test func wordCountCountsBodyWords() {
        let story = Story(headline: "Ignored words here", paragraphs: ["One two, three.", "Four -- five\n6"])
        #expect(story.wordCount == 6)
        #expect(story.bodyText == "One two, three.\n\nFour -- five\n6")
    }
}
