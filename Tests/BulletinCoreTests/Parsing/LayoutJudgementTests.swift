import Testing

@testable import BulletinCore

/// How the file's own layout decides which headline-shaped lines open stories: figure
/// tables, credit lines, crossheads, wider gaps, separators, headlines without letter case.
/// The texts are cut from the parse corpus's real articles (Tests/ParseCorpus/SOURCES.md).
@Suite("Layout judgement")
struct LayoutJudgementTests {
    let parser = BulletinParser()

    @Test func aFigureTableUnderItsDatelineStaysOneBlockOfItsStory() throws {
        let text = """
            BROWN-FORMAN INC <BFD> 4TH QTR NET

            LOUISVILLE, Ky., Feb 26 -
            Shr one dlr vs 73 cts
            Net 12.6 mln vs 15.8 mln
            Revs 337.3 mln vs 315.2 mln
            Nine mths
            Shr 3.07 dlrs vs 3.08 dlrs
            Net 66 mln vs 66.2 mln
            Reuter

            OWENS AND MINOR INC <OBOD> RAISES QTLY DIVIDEND

            RICHMOND, Va. Feb 26 -
            Qtly div eights cts vs 7.5 cts prior
            Pay March 31
            Record March 13
            Reuter
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["BROWN-FORMAN INC <BFD> 4TH QTR NET", "OWENS AND MINOR INC <OBOD> RAISES QTLY DIVIDEND"])
        #expect(stories[0].paragraphs.count == 2)
        #expect(stories[0].paragraphs.last?.split(separator: "\n").count == 6)
        #expect(stories[1].paragraphs.last == "Qtly div eights cts vs 7.5 cts prior\nPay March 31\nRecord March 13")
    }

    @Test func aNoteUnderATableIsAParagraphNotAHeadline() throws {
        let text = """
            <CANBRA FOODS LTD> YEAR NET

            LETHBRIDGE, Alberta, March 16 -
            Oper shr profit 1.52 dlrs vs loss 55 cts
            Oper profit 4,172,188 vs loss 1,502,032

            Note: 1986 shr and net exclude extraordinary gain of 1,294,245 dlrs or 47 cts share

            TORONTO DOMINION ISSUES 20 BILLION YEN EUROBOND
            LONDON, March 17 - Toronto Dominion Bank is issuing a 20 billion yen eurobond due April 6, 1992.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["<CANBRA FOODS LTD> YEAR NET", "TORONTO DOMINION ISSUES 20 BILLION YEN EUROBOND"])
        #expect(stories[0].paragraphs.last?.hasPrefix("Note: 1986") == true)
    }

    @Test(arguments: [
        "Reporting by Eileen Soreng in Bengaluru; Editing by Gopakumar Warrier",
        "(Reporting by Andrew Galbraith\nEditing by Shri Navaratnam)",
        "Reporting by: Wolfgang Schmidt\nEditing by: Joseph Nasr",
    ])
    func aCreditLineEndsItsStoryAndIsNoHeadline(credit: String) throws {
        let text = """
            Oil edges up on drilling data

            Oil prices edged up on Monday, supported by the first fall in US drilling activity in months.

            \(credit)

            Gold steadies as dollar slips

            Gold steadied on Monday as the dollar slipped against a basket of currencies.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["Oil edges up on drilling data", "Gold steadies as dollar slips"])
        #expect(stories[0].paragraphs.count == 1)
    }

    @Test func aCrossheadStaysInItsArticleWhereAWiderGapSeparatesStories() throws {
        let text = """
            Jussi Niinistö: Ylen tiedoissa voi olla kyse informaatio-operaatiosta

            Puolustusministeri Jussi Niinistö kertoo STT:lle, että kyse voi olla informaatio-operaatiosta.

            Puolustusvoimat hämmästyi

            Puolustusvoimien koulutuspäällikkö kertoi, ettei asiasta ole tehty päätöstä.


            Parliament passes the Alcohol Act

            The Parliament has approved the Alcohol Act by 124 votes to 65.


            Government wins confidence vote

            The government won a vote of confidence on Thursday.
            """
        let stories = try parser.parse(text)
        #expect(stories.count == 3)
        #expect(stories[0].paragraphs.count == 3)
        #expect(stories[0].paragraphs[1] == "Puolustusvoimat hämmästyi")
    }

    @Test func headlinesWithoutLetterCaseAndTheCreditUnderThem() throws {
        let text = """
            بارتوميو رئيساً لبرشلونة حتى 2021
            عين اليوم – برشلونة

            احتفظ جوزيب ماريا بارتوميو برئاسة نادي برشلونة الاسباني حتى 2021 بعد فوزه في الانتخابات التي جرت أمس الأحد، وحصل على 54.63 في المئة من أصوات الناخبين.

            أنقذوا ليبيا!

            قبل عامين تقريبا، التقيت مبعوث الأمم المتحدة السابق لحل الأزمة الليبية طارق متري في بيروت وكان متشائما بشأن مستقبل الحوار بين الفرقاء الليبيين.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["بارتوميو رئيساً لبرشلونة حتى 2021", "أنقذوا ليبيا!"])
        #expect(stories[0].paragraphs.first == "عين اليوم – برشلونة")
    }

    @Test func theSeedBulletinsMixOfGapsStillCutsEveryStory() throws {
        // Some stories after two blank lines, most after one, all alike: no pattern to overrule.
        let text = """
            Negotiations with US Secretary of State were productive - Lavrov

            Russian Foreign Minister Sergei Lavrov said his meeting with John Kerry was productive.


            Ban: The only answer is a political settlement

            UN Secretary-General Ban Ki-moon said a military victory in Syria is an illusion.

            Ryabkov: UN experts to return to Syria on September 25

            Ryabkov said the UN chemical weapons experts are expected to return to Syria.
            """
        #expect(try parser.parse(text).count == 3)
    }

    /// Hard-wrapped Arabic copy (SaudiNewsNet, Tests/ParseCorpus/SOURCES.md): a headline over
    /// its credit line, two lines too short to show a wrap width, take the width of the
    /// wrapped text under them; the credit is the story's first paragraph.
    @Test func aHeadlineOverItsCreditLineInWrappedCaselessCopyIsCutThere() throws {
        let text = """
            مقتل شرطي تركي وإصابة آخر بالرصاص في هجوم بديار بكر
            عين اليوم – دياربكر

            قتل شرطي وأصيب اخر بالرصاص الخميس في هجوم وقع في شارع في احد احياء
            دياربكر كبرى مدن جنوب شرق تركيا حيث الغالبية الكردية حسب ما افاد مصدر
            طبي.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["مقتل شرطي تركي وإصابة آخر بالرصاص في هجوم بديار بكر"])
        #expect(stories.first?.paragraphs.first == "عين اليوم – دياربكر")
        #expect(stories.first?.paragraphs.count == 2)
    }

    /// A two-line paragraph wrapped at the width of the text under it (its first line is
    /// shorter than that width, but the next word would not have fitted) stays one paragraph.
    @Test func aTwoLineWrappedParagraphAboveWrappedTextStaysWhole() throws {
        let text = """
            Council approves budget

            The city council voted on Tuesday to approve the new budget
            immediately

            Councillors said the money would pay for dredging of the harbour and
            for new moorings, and that work would start in the spring once the
            contracts were signed.
            """
        let story = try #require(try parser.parse(text).first)
        #expect(story.paragraphs.first == "The city council voted on Tuesday to approve the new budget immediately")
        #expect(story.paragraphs.count == 2)
    }

    @Test(
        "a sentence boundary in a script without case",
        arguments: [
            ("وتوج برشلونة بثلاثة ألقاب في الموسم الماضي، الدوري والكأس المحليان، ودوري ابطال أوروبا. سمات بارتيميو برشلونة", false),
            ("تعرّف على التفاصيل.. شركة صينية يمكنها حل أزمة السكن بالسعودية خلال عام", true),
            ("د. عبدالله يفتتح معرض الكتاب في الرياض", true),
            ("He left. then he came back", true),
        ] as [(String, Bool)])
    func caselessSentenceBoundary(_ line: String, isHeadline: Bool) {
        #expect(HeadlineShape.looksLikeHeadline(TextShape(Array(line.utf8)[...])) == isHeadline)
    }

    /// Stories between "-30-" lines, one of them with several crossheads set off like its
    /// paragraphs (Faktisk.no and BBC text, Tests/ParseCorpus/SOURCES.md): the crossheads
    /// all sit between the same two marked headlines, so they are one article's, not stories.
    @Test func manyCrossheadsInOneArticleOfAFileMarkedBySeparatorsStayInIt() throws {
        let text = """
            Lesotho textile workers lose jobs

            Six foreign-owned textile factories have closed in Lesotho, leaving 6,650 workers jobless.

            -30-

            Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030

            Et bilde av et dokument deles på sosiale medier.

            Ingenting med saken å gjøre

            Ved å søke gjennom dokumentene kan du se at det ikke står noe om dette.

            Importeres til Norge fra USA

            Budskapet kommer fra amerikanske nettsteder.

            Avvises av talsperson og forsker

            FN avviser påstandene i dokumentet.

            -30-

            Hobbit picture 'four years away'

            Lord of the Rings director Peter Jackson has said that it will be up to four years before he starts work on a film.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Lesotho textile workers lose jobs", "Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030",
                "Hobbit picture 'four years away'",
            ])
        #expect(stories[1].paragraphs.count == 7)
        #expect(stories[1].paragraphs[1] == "Ingenting med saken å gjøre")
    }

    /// Headlines in sentence case, questions among them, as languages other than English
    /// write them (PUD news text, Tests/LangCorpus/SOURCES.md): where the file marks no
    /// headline with a wider gap, a short question opens a story like any other headline.
    @Test func aQuestionInSentenceCaseOpensAStoryInAFileOfEvenGaps() throws {
        let text = """
            Там гибнут люди

            Более 330 членов экипажа находятся на борту корабля.

            Вега намекнул, что в силу своего возраста многие могли не знать об этой истории.

            Кто может остановить Австралию?

            У них только один шанс реабилитироваться -- обыграть команду Англии.

            Он работал в BBC в течение десяти лет

            Затем он провел четыре года на радио BBC World Service в Bush House.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Там гибнут люди", "Кто может остановить Австралию?", "Он работал в BBC в течение десяти лет",
            ])
        #expect(stories[1].paragraphs.count == 1)
    }

    /// Where wider gaps mark the file's headlines, questions under narrower ones are an
    /// interviewer's questions or crossheads inside their story, however many there are.
    @Test func questionsInSentenceCaseStayInTheirStoryWhereWiderGapsMarkHeadlines() throws {
        let text = """
            Он работал в BBC в течение десяти лет

            Затем он провел четыре года на радио BBC World Service в Bush House.

            Кто они?

            Более 330 членов экипажа находятся на борту корабля.

            Кто может остановить Австралию?

            У них только один шанс реабилитироваться -- обыграть команду Англии.

            А что же насчет позиции Австралии?

            Южная Африка почти подошла к точке невозврата.


            Там гибнут люди

            Вега намекнул, что в силу своего возраста многие могли не знать об этой истории.


            Ухожу на пике

            Он играл в жестком стиле, но у него были гибкие руки.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["Он работал в BBC в течение десяти лет", "Там гибнут люди", "Ухожу на пике"])
        #expect(stories[0].paragraphs.count == 7)
        #expect(stories[0].paragraphs[1] == "Кто они?")
    }
}
