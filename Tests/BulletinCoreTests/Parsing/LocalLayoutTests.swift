import Testing

@testable import BulletinCore

/// Layout cues as other languages write them: the French space before a closing guillemet,
/// the corner brackets of Japanese, a desk's own story among agency copy with datelines.
/// The sentences are the news text of the Parallel Universal Dependencies treebanks (CC BY-SA
/// 3.0, Tests/LangCorpus/SOURCES.md), laid out as `make lang-eval`'s bulletins are.
@Suite("Layout cues outside English")
struct LocalLayoutTests {
    let parser = BulletinParser()

    @Test(arguments: [
        ("Il ajouta : « Ceci est un pas vers la bonne combinaison. »", TextShape.Ending.sentence),
        ("Il ajouta : « Ceci est un pas vers la bonne combinaison »", .open),
        ("「・・・引いて帰るんじゃないの？」", .question),
        ("結果に。」", .sentence),
        ("Nos téléphones portables (de nos jours)", .open),
    ])
    func aSentenceEndsInsideClosingQuotesAndBrackets(line: String, ending: TextShape.Ending) {
        #expect(TextShape(Array(line.utf8)[...]).ending == ending)
    }

    @Test func aQuotationClosingWithASpacedGuillemetEndsItsStory() throws {
        let text = """
            Des chercheurs étudient le potentiel des contraceptions hormonales masculines depuis environ 20 ans

            Les injections ont réduit le nombre de spermatozoïdes chez la plupart des participants.

            Il ajouta : « Ceci est un pas vers la découverte de la bonne combinaison d'une contraception hormonale masculine. »

            Pour ceux qui suivent la transition des réseaux sociaux sur le Capitole, cela va être un peu différent

            « Alors que la plus grande partie de la transition numérique est sans précédent aux États-Unis, la transition sereine du pouvoir, elle, ne l'est pas », a publié Kori Schulman.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Des chercheurs étudient le potentiel des contraceptions hormonales masculines depuis environ 20 ans",
                "Pour ceux qui suivent la transition des réseaux sociaux sur le Capitole, cela va être un peu différent",
            ])
        #expect(stories.first?.paragraphs.count == 2)
    }

    @Test func aStoryWithoutADatelineAmongAgencyCopyKeepsItsHeadline() throws {
        let text = """
            Il a parlé en faveur de la torture

            PARIS (AFP) - La victoire de Donald Trump aurait l'effet immédiat rendre ce monde plus inquiétant et incertain.

            Aujourd'hui, Khanzir est peut-être un porc solitaire, mais il n'est pas toujours seul

            PARIS (AFP) - « Nous avons demandé à d'autres pays de nous aider à remplir le zoo », a indiqué Saqi.

            Il sera évalué

            PARIS (AFP) - De notre temps, il n’y en avait aucun, et les gens sans enfants manifestaient leur désapprobation.

            Sa voix a littéralement fait le tour du monde, dit Leive

            PARIS (AFP) - Dans un entretien récent, Leive a dit que « certains hommes pigent ça ».

            Nos téléphones portables sont tellement plus que ça, de nos jours

            PARIS (AFP) - C'est impressionnant, a déclaré Lindsay Gay, cliente du forfait Internet illimité de SaskTel.

            Il a aussi affirmé que Rogers avait récemment introduit une nouvelle qui aide les clients.

            Il serait beaucoup plus prudent de confier le pouvoir à des gardiens soigneusement formés, pensait Platon

            Comme beaucoup de personnes que je connais, j'ai passé ces derniers mois à lire des sondages.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Il a parlé en faveur de la torture",
                "Aujourd'hui, Khanzir est peut-être un porc solitaire, mais il n'est pas toujours seul",
                "Il sera évalué",
                "Sa voix a littéralement fait le tour du monde, dit Leive",
                "Nos téléphones portables sont tellement plus que ça, de nos jours",
                "Il serait beaucoup plus prudent de confier le pouvoir à des gardiens soigneusement formés, pensait Platon",
            ])
    }

    @Test(arguments: [
        ("من أين تستمد كل هذه الطاقة؟ أو ذلك الصوت الذي يخرج قوياً بحيث يحدث موجة صادمة؟", true),
        ("من يمكن أن يلوم من يتيح المجال لغليندا كي تؤدي بهذا الشكل الرائع؟", false),
    ])
    func arabicQuestionMarkBeforeAnotherSentenceIsABoundary(line: String, boundary: Bool) {
        #expect(TextShape(Array(line.utf8)[...]).containsSentenceBoundary == boundary)
    }

    /// A quotation left open at its end ("… سيستمر عملنا\"") looks like a headline between two
    /// headlines; the line over the dateline below still heads the next story.
    @Test func aLineOverADatelineEndsARunOfHeadlineShapedLines() throws {
        let text = """
            قد لا يكون ذلك مهماً بما أنني أنزعج طويلاً من ذلك

            لكن أفعال كوتون الشريرة لم تظهر جراء نوعٍ من الرغبة القاهرة بالقتل.

            في الوقت الراهن, يتردد المحللون في شطب الخدمة بالنسبة إلى الأموات

            قال بارات: "في المدن التي انطلقنا فيها أو التي لا زال فيها عملنا قيد الإنشاء, سيستمر عملنا"

            لا أدري لم اخترتها

            بريدة 17 جمادى الآخرة 1441 هـ الموافق 17 فبراير 2020 م واس بعد ذلك بسنتين, يحاكم جوتينغ, الذي بلغ الحادية والثلاثين من عمره الآن, أمام المحكمة العليا في هونغ كونغ.

            بعد سنتين وفي المحكمة العليا في هونغ كونغ, بدا جوتينغ في غاية الهدوء.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "قد لا يكون ذلك مهماً بما أنني أنزعج طويلاً من ذلك",
                "في الوقت الراهن, يتردد المحللون في شطب الخدمة بالنسبة إلى الأموات",
                "لا أدري لم اخترتها",
            ])
        #expect(stories.last?.dateline == "بريدة")
    }

    /// Leipzig's Greek web text (Tests/LangCorpus/SOURCES.md), as make-lang-corpus.py lays it out:
    /// a question closes a story, and the headline of the next stands right under it.
    @Test func aQuestionClosingAStoryDoesNotTakeTheHeadlineUnderIt() throws {
        let text = """
            Καλή τύχη δύναμη, γερό να ναι κι όλα τα άλλα παλεύονται

            ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ) - Και αυτό δεν έχει να κάνει με ειδικά εφέ, πολύ κόσμο κλπ.

            Η ομάδα και η διοίκηση θέλει να παρουσιάσει ένα σοβαρό πρόσωπο και δεν θα ανεχθούμε ακρότητες από τον οποιοδήποτε

            Παράλληλα, να γίνει και πάλι η χώρα εξαγωγέας, κορυφαίας ποιότητας δημητριακών, φέρνοντας και πολύτιμο συνάλλαγμα στον τόπο.

            Και υπάρχουν τεχνικές για να μην παθαίνουν όλοι όσοι αναλαμβάνουν τέτοιους ρόλους, αυτό που έπαθε η νεαρή μπαλαρίνα του Αρονόφσκυ.

            Δοκίμασες να τις αναμέιξεις με κάτι άλλο που της αρέσει?

            Τα μιμίδια, είναι το ‘πνευματικό’ αντίστοιχο των γονιδίων

            Ο 53χρονος Ινδός κροίσος επιχειρηματίας Mukesh Ambani βρίσκεται στη λίστα με τους πιο πλούσιους ανθρώπους του κόσμου.

            Αυτό θα αρχίσει στις 26 Οκτωβρίου και θα διεξαχθεί σε τέσσερις ομίλους.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Καλή τύχη δύναμη, γερό να ναι κι όλα τα άλλα παλεύονται",
                "Η ομάδα και η διοίκηση θέλει να παρουσιάσει ένα σοβαρό πρόσωπο και δεν θα ανεχθούμε ακρότητες από τον οποιοδήποτε",
                "Τα μιμίδια, είναι το ‘πνευματικό’ αντίστοιχο των γονιδίων",
            ])
        #expect(stories[1].paragraphs.last == "Δοκίμασες να τις αναμέιξεις με κάτι άλλο που της αρέσει?")
    }

    /// The same run under a question in a script without case is left as it was: such a question
    /// is a headline in Arabic news as often as not ("اقتصادنا إلى أين ؟").
    @Test func aQuestionInAScriptWithoutCaseIsNotJudgedSo() {
        #expect(!HeadlineShape.isPlainQuestion(TextShape(Array("من يمكن أن يلوم من يتيح المجال لغليندا كي تؤدي بهذا الشكل الرائع؟".utf8)[...])))
    }

    @Test func aLineTrailingOffInAnEllipsisOverADatelineIsAHeadline() throws {
        let text = """
            當然，我們對製造東西越來越痴迷，這與可觸產品的流行緊密相關

            倫敦的地標建築南銀大廈聘請了室內設計師瑞秋·溫漢（Rachel Winham）來設計其展覽公寓。

            我不知道為什麼我會選她……

            新華社北京6月27日電 兩年後，31歲的朱婷（Jutting）到香港最高法庭受審，她被指控兩起謀殺罪和一起擾亂合法葬禮罪。

            兩年後，在香港高等法院上，朱婷表現得十分鎮定。
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["當然，我們對製造東西越來越痴迷，這與可觸產品的流行緊密相關", "我不知道為什麼我會選她……"])
        #expect(stories.last?.dateline == "北京")
    }

    /// At the top of the file too: a question over a question, then a headline over a dateline,
    /// is one story with a question for its text, then the dateline's story.
    @Test func aLineOverADatelineEndsARunAtTheTopOfTheFile() throws {
        let text = """
            누가 이 오스트레일리아 측을 멈출 수 있는가?

            세계 최고라는 그들의 신성한권리는 더 이상 보장받지못하게 되었나?

            그들은 한 번의 반격으로 영국을 이겼다

            (서울=연합뉴스) 남아프리카는 거의 돌아올 수 없는 강을 건넜고 우리는 그들의 욕망에 필적할수 있어야 한다.

            그는 경기에 대해 진지하게 임하면서도 공을 처리하는솜씨가 유연하다.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["누가 이 오스트레일리아 측을 멈출 수 있는가?", "그들은 한 번의 반격으로 영국을 이겼다"])
        #expect(stories.first?.paragraphs.count == 1)
    }

    @Test(arguments: [
        ("」って言ってたけど、「・・・引いて帰るんじゃないの？", false),
        ("「・・・引いて帰るんじゃないの？」", true),
        ("石などがあるデコボコの地面に", true),
    ])
    func aLineOpeningWithAClosingBracketIsNoHeadline(line: String, headline: Bool) {
        #expect(HeadlineShape.looksLikeHeadline(TextShape(Array(line.utf8)[...])) == headline)
    }
}
