import Testing

@testable import BulletinCore

/// Web text cut short with two periods ("…صح النوم غ..") ends a sentence, though its last word is
/// as short as an initialism ("U.S."). The text is Leipzig Arabic web sentences (lingua-py's test
/// data, Tests/LangCorpus/SOURCES.md), laid out as `make lang-eval`'s bulletins are (tuning file
/// 0494 of the new part).
@Suite("A cut-short line's two periods")
struct EllipsisEndTests {
    @Test(arguments: [
        ("مشاهدة مباشرة مسلسل صح النوم الحلقة 13 يوتيوب اون لاين فيديو مسلسل صح النوم غ..", TextShape.Ending.sentence),
        ("Talks resume in the U.S.", .open),
        ("Exports rise 5 pct in the U.K.", .open),
    ])
    func twoPeriodsInARowCloseNoInitialism(line: String, ending: TextShape.Ending) {
        #expect(TextShape(Array(line.utf8)[...]).ending == ending)
    }

    @Test func theLineUnderACutShortParagraphHeadsTheNextStory() throws {
        let text = """
            لوكالة دعاية وإعلان لديه خبرة في نفس المجال

            الحموضة في المواد الغذائية هي بالتأكيد عدوا شرسا لصحة الإنسان!

            ويُنتجُ أيضاً برنامج باللغةِ الفرنسيِة، اللوموند دي ديمين وبرنامج باللغةِ الإسبانيِة، أل موندو دى ما نانا، كذلك ننشر.

            مشاهدة مباشرة مسلسل صح النوم الحلقة 13 يوتيوب اون لاين فيديو مسلسل صح النوم غ..

            27 موقعا لنشاطات الرياضة الجماهيرية، بلغ الاستثمار فيها 4ر2 مليون يوان

            تأكيد الاشتراك بعد إرسال الطلب من خلال رسالة البريد التي ستصلك.

            تمتد لحدود برزا - جزيرة النقرة - كرم ابن احمد - جزيرة الغرابة - مسطحات الخربة وما حولها.
            """
        #expect(
            try BulletinParser().parse(text).map(\.headline) == [
                "لوكالة دعاية وإعلان لديه خبرة في نفس المجال",
                "27 موقعا لنشاطات الرياضة الجماهيرية، بلغ الاستثمار فيها 4ر2 مليون يوان",
            ])
    }
}
