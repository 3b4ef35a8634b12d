import Testing

@testable import BulletinCore

/// A question in a script without letter case heads a story up to
/// `HeadlineShape.longestCaselessQuestion` words; a longer one is a sentence of the text, as a
/// question in sentence case of more than ten words is. Leipzig Arabic web sentences (lingua-py's
/// test data, Tests/LangCorpus/SOURCES.md), laid out as `make lang-eval`'s bulletins are (tuning
/// file 0577 of the "more" part): an 18-word question closing a story's text was taken for the
/// next story's headline, and the real headline under it for the line under a headline.
@Suite("Long questions in scripts without case")
struct LongCaselessQuestionTests {
    @Test(arguments: [
        ("وما هو هذا الوطن إن لم ترفع فيه رأسك وتعبر فيه عن رأيك وتناصح وتسائل وتختار وترضى فيه وتسخط؟", false),
        ("ما هي الترتيبات التي اتخذتموها في مجلس الخدمة العسكرية لتعديل ما يلزم وفقا للتوجيه السامي الكريم؟", true),
    ])
    func aQuestionOfMoreThanSixteenWordsIsNoHeadline(line: String, isHeadline: Bool) {
        #expect(HeadlineShape.looksLikeHeadline(TextShape(Array(line.utf8)[...])) == isHeadline)
    }

    @Test func theLineUnderALongQuestionHeadsTheNextStory() throws {
        let text = """
        قالت مصادر بوزارة الخدمة المدنية، إنه سيتم تعويض

        بريدة 5 جمادى الآخرة 1441 هـ الموافق 5 فبراير 2020 م واس ي مجال المساعدات الصحية والإنسانية لوزارة الصحة والمؤسسات غير الحكومية.

        وما هو هذا الوطن إن لم ترفع فيه رأسك وتعبر فيه عن رأيك وتناصح وتسائل وتختار وترضى فيه وتسخط؟

        يرجع ولو ثانية الى الوراء يمكن حينها نستطيع ان نجتمع بأناس قد صعب علينا فراقهم لحد يومنا هذا

        ملاحظة: هذا القسم متاح فقط للصفحات القياسية والصفحات ذات الأنواع المخصصة القائمة على نوع الصفحة القياسي وصفحات PL/SQL وصفحات الاستكشاف وفقط لأعضاء مجموعة ناشري المداخل.

        وقال: سنعقد عدة اجتماعات للخروج لمؤتمر كبير محلي للسعودة خلال الفترة المقبلة وسنبين لخادم الحرمين الشريفين الملك عبد الله بن عبد العزيز جدية استجابة القطاع الخاص لهذه المراسيم التي أعلن عنها.
        """
        #expect(
            try BulletinParser().parse(text).map(\.headline) == [
                "قالت مصادر بوزارة الخدمة المدنية، إنه سيتم تعويض",
                "يرجع ولو ثانية الى الوراء يمكن حينها نستطيع ان نجتمع بأناس قد صعب علينا فراقهم لحد يومنا هذا",
            ])
    }
}
