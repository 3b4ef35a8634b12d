import Testing

@testable import BulletinCore

/// A Chinese story's last line, signed by its writers in a full-width parenthesis ("…才有这座英雄的城！
/// （评论员 罗博 萧海川）"), ends in an exclamation: in a script without letter case that is all a
/// headline shows, so the line was read as the next story's headline. Cut from the independent
/// parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md): independent-tuning/0149,
/// Xinhua "武汉的声音：有英勇的你，才有英雄的城！-新华网" (xinhuanet.com, via the webnews set) and
/// kinzig.news "Das steckt dahinter: Nachhaltigkeit bei der Spessart Tourismus GmbH" after it.
@Suite("Chinese writers' credits")
struct HanCreditTests {
    static let creditLine = "正是有了英勇的你们，才有这座英雄的城！（评论员 罗博 萧海川）"

    /// Fails with the credit rule off in `HeadlineShape.looksLikeHeadline`: the credit line heads
    /// a story of its own, the German headline under it becomes its first paragraph.
    @Test func aLineClosingWithTheWritersCreditEndsItsStory() throws {
        let text = """
            \(XinhuaWuhanText.headline)

            无情未必真豪杰，怜子如何不丈夫。真正的英雄同样会落泪，但揩干泪水，依然义无反顾，在封闭中坚持。时代的一粒尘，落在个人头上，便是一座山。但千万人众志成城，一座山终会变为一粒尘。

            越是到疫情防控最为吃劲的时候，越是需要汇聚信心与力量。武汉“封城”27天后，湖北以外地区新冠肺炎每日确诊病例迎来15连降，湖北神农架林区确诊病例全部治愈。疫情虽在持续，但希望就在继续努力之中。

            \(Self.creditLine)

            Das steckt dahinter: Nachhaltigkeit bei der Spessart Tourismus GmbH

            Aktualisiert am 01.11.2023

            SPESSART - Der Spessart ist eine Tourismus-Region mitten in Deutschland. Besonders der unberührte Wald, der übrigens der größte zusammenhängende Laubmischwald in Deutschland ist, macht die Region einzigartig. Bei dieser Naturverbundenheit liegt auch das Thema Nachhaltigkeit nahe.

            """
        let stories = try BulletinParser().parse(text)
        #expect(
            stories.map(\.headline) == [
                XinhuaWuhanText.headline, "Das steckt dahinter: Nachhaltigkeit bei der Spessart Tourismus GmbH",
            ])
        #expect(stories.first?.paragraphs.last == Self.creditLine)
    }

    /// The credit is told by the role it opens with: an agency's name in the same parenthesis
    /// (the credit line `make lang-eval`'s Chinese copies add, "（新華社）"), a photo credit that
    /// names the role outside one (0149's caption, "…新华社记者 才扬 摄") and the headline are not it.
    @Test func onlyAParenthesisOpeningWithAWritersRoleIsACredit() {
        func closes(_ line: String) -> Bool { HanCredit.closesWithCredit(Array(line.utf8)[...]) }
        #expect(closes(Self.creditLine))
        #expect(!closes("（新華社）"))
        #expect(!closes("2月17日，在武汉血液中心的中国医学科学院CPnCoV项目组，康复病人、来自汉口医院的护士蔡桃英在献血浆时拍照留念。新华社记者 才扬 摄"))
        #expect(!closes(XinhuaWuhanText.headline))
    }
}
