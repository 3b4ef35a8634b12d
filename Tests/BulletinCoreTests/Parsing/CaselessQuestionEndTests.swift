import Testing

@testable import BulletinCore

/// A question or exclamation in a script without letter case, with a clause in it, right over a
/// line that closes no sentence, between paragraphs written in sentences: the last line of the
/// story above, and the line under it the next headline. The text is Leipzig Arabic web
/// sentences (lingua-py's test data, Tests/LangCorpus/SOURCES.md), laid out as `make
/// lang-eval`'s bulletins are (tuning file 0438 of the new part); the exclamation headline over
/// a paper's credit line is two SaudiNewsNet articles (Tests/ParseCorpus/SOURCES.md) of the
/// parse corpus's tuning part.
@Suite("Caseless questions closing a story")
struct CaselessQuestionEndTests {
    @Test func anArabicQuestionClosesTheStoryAbove() throws {
        let text = """
            مشاهدة مباشرة مسلسل رصاصة رحمة الحلقة 4 الرابعة اون لاين مسلسل رصاصة رحمة يوت

            بريدة 25 جمادى الآخرة 1441 هـ الموافق 25 فبراير 2020 م واس سهر وضعت نصب عينيها هدف طرح خدمات شبكية لتساهم في انقاذ ودعم اشخاص وقعوا في ازمة نفسية صعبة، اشخاص على شفى الانتحار، اشخاص يفكرون في الانتحار، اشخاصاً يعرفون آخرين معرضين لخطر الانتحار، ولافراد عائلة هؤلاء الذين حاولوا او قاموا بالانتحار فعلاً.

            وتتلهف الأحزاب السياسية إلى الحصول على نفوذ بشأن كيفية إدارة الحكومة وترغب معظم الأحزاب المشاركة في الحكومة.

            فالاسلام دين شمولي ولايسمح لهذه التفرقة المختلفة

            لقد عرف عالمنا فى فترات متعددة صورا من الإستعمارالتى كانت تمثل إستغلال مباشر لثروات دولة بمعرفة دولة أخرى وهى المستعمر، وكان من الطبيعى أن تجهز الجيوش لحماية ذلك الإستثمار، وتدافع عنه ويقوم بتجهيزها بلا شك أصحاب المصلحةوهم المستثمرين.

            نحن الأمويين مشهورون كفنانين من المرتبة الأولى في الحفرعلى الخشب والعاج، أين يُمكن رؤية دليل على ذلك ؟

            الالتزام بتشكيل مجلس الأمناء وفقا لسياسات وإجراءات المجلس الأعلى للتعليم

            والثابت الآخر هو حرص «الأخ القائد» على عدم استقرار أي ليبي في عمله ومسكنه وطبابته وتعليم أولاده.
            """
        #expect(
            try BulletinParser().parse(text).map(\.headline) == [
                "مشاهدة مباشرة مسلسل رصاصة رحمة الحلقة 4 الرابعة اون لاين مسلسل رصاصة رحمة يوت",
                "فالاسلام دين شمولي ولايسمح لهذه التفرقة المختلفة",
                "الالتزام بتشكيل مجلس الأمناء وفقا لسياسات وإجراءات المجلس الأعلى للتعليم",
            ])
    }

    /// An exclamation without a clause over "عين اليوم – متابعات" (the paper and "follow-ups"):
    /// a headline over its credit line, closing no story above it.
    @Test func anExclamationOverAPapersCreditIsAHeadline() throws {
        let text = """
            منة شلبي تُبكي المشاهدين وهي حليقة الرأس

            عين اليوم – القاهرة

            وتداول نشطاء صورتها بعد حلاقة شعرها وتشويه ملامح وجهها، مما دفع بعضهم إلى استذكار ما حدث للفنانة ماجدة الصباحي في فيلم “جميلة أبو حيرد” حيث ظهرت حليقة الرأس أيضاً.

            كليبات إليسا تحصد “مليار” مشاهدة!

            عين اليوم – متابعات

            نشرت الفنانة اللبنانية إليسا صورة تظهر تخطي متابعي أغنياتها المصورة “كليب” على أحد مواقع التواصل الاجتماعي إلى أكثر من مليار مشاهدة.
            """
        #expect(
            try BulletinParser().parse(text).map(\.headline) == [
                "منة شلبي تُبكي المشاهدين وهي حليقة الرأس", "كليبات إليسا تحصد “مليار” مشاهدة!",
            ])
    }
}
