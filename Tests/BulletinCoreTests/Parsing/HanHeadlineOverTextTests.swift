import Testing

@testable import BulletinCore

/// A Chinese headline typed right over its first paragraph, in a file that runs its paragraphs
/// on unwrapped with a blank line between them: the break under a line is typed when the next
/// line's first word would have fitted on it, and a line of Chinese, written without spaces,
/// was one word that never fits. Cut from the independent parse corpus's tuning half
/// (Tests/ParseCorpus/independent/SOURCES.md): independent-tuning/0079, Reuters "Microsoft moves
/// to erase its carbon footprint …" (its headline over its text the same way) and Guangming
/// Online "宇航员在太空中喝酒会怎么样？…" (via readability's test pages).
@Suite("Han headlines over their text")
struct HanHeadlineOverTextTests {
    /// Fails with `BlockMetrics.deliberate` counting a Han line as one word: the headline was
    /// joined to the first paragraph, a story headed by its own first paragraph.
    @Test func aChineseHeadlineOverItsFirstParagraphHeadsItsStory() throws {
        let text = """
            Microsoft moves to erase its carbon footprint from the atmosphere in climate push
            Microsoft Corp said on Thursday it aims to remove more carbon from the atmosphere than it emits by 2030 and that by 2050, it hopes to have taken out enough to account for all the direct emissions the company has ever made.

            In a blog post, Microsoft on Thursday reiterated its commitment to working with oil and gas companies.

            “It’s imperative that we enable energy companies to transition, including to renewable energy and to the development and use of negative emission technologies like carbon capture and storage and direct air capture,” Microsoft said.

            © Thomson Reuters 2020

            +++
            宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网
            翱翔于距地球数千公里的太空中，进入广袤漆黑的未知领域，是一项艰苦卓绝的工作。这让人感到巨大压力和极度恐慌。那么，为什么不能让宇航员来一杯“地球末日”鸡尾酒来放松一下？

            不幸的是，对于希望能喝上一杯的太空探险者，那些将他们送上太空的政府机构普遍禁止他们染指包括酒在内的含酒精饮料。

            但是，很快普通人都会有机会向人类“最终的边疆”出发——以平民化旅行的形式，去探索和殖民火星。确实，火星之旅将是一次令人感到痛苦的旅行，可能一去不复返并要几年时间才能完成，但是否应该允许参与者在旅程中痛饮一番？或至少携带能在火星上发酵自制酒精饮料的设备？

            图注：巴兹?奥尔德林(Buzz Aldrin)可能是第二个在月球上行走的人，但他是第一个在月球上喝酒的人

            """
        let stories = try BulletinParser().parse(text)
        #expect(
            stories.map(\.headline) == [
                "Microsoft moves to erase its carbon footprint from the atmosphere in climate push",
                "宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网",
            ])
        #expect(stories.last?.paragraphs.count == 4)
        #expect(stories.last?.paragraphs.first?.hasPrefix("翱翔于距地球数千公里的太空中") == true)
    }
}
