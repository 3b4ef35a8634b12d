import Testing

@testable import BulletinCore

/// A line that is a quotation closing its sentence is speech inside a story, never a headline.
/// The text is cut from the independent parse corpus's tuning half
/// (Tests/ParseCorpus/independent/SOURCES.md): independent-tuning/0088, xinhuanet.com
/// "武汉的声音：有英勇的你，才有英雄的城！" and gmw.cn "宇航员在太空中喝酒会怎么样？" (Readability.js
/// test page), the file's separator line between them.
@Suite("Quoted speech lines")
struct QuotedSpeechLineTests {
    let parser = BulletinParser()

    /// A child's question and the mother's answer under the headline, each a line in quotation
    /// marks (the third still open, its speech going on below): the story's first paragraphs.
    /// Without the rule each of the three opened a story of its own (a run of headline-shaped
    /// lines under the file's first line reads as a file of headlines).
    @Test func aQuotedDialogueLineIsTextOfItsStory() throws {
        let text =
            XinhuaWuhanText.story + """
                — — —
                宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网

                  翱翔于距地球数千公里的太空中，进入广袤漆黑的未知领域，是一项艰苦卓绝的工作。这让人感到巨大压力和极度恐慌。那么，为什么不能让宇航员来一杯“地球末日”鸡尾酒来放松一下？
                  不幸的是，对于希望能喝上一杯的太空探险者，那些将他们送上太空的政府机构普遍禁止他们染指包括酒在内的含酒精饮料。
                """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == [XinhuaWuhanText.headline, "宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网"])
        let first = try #require(stories.first)
        #expect(first.paragraphs.prefix(3) == ["“妈妈，为什么还不能出去？”", "“宝贝，我们在打一场无声的战役，每个在家里不出去的人都是英雄哦！”", "“妈妈，什么时候才能回我们自己的家？"])
    }

    /// A headline may quote, but leaves the quotation before its end: "“مكتب استقدام” يجلب “عاملة
    /// منزلية” مقعدة وبكماء لمواطن !" (SaudiNewsNet, the first parse corpus's tuning 0239) closes
    /// its quotations mid-line, and "Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!"
    /// opens with none. Neither is speech.
    @Test func aHeadlineQuotingAPhraseIsNoSpeech() {
        #expect(!LayoutJudge.isQuotedSpeech("“مكتب استقدام” يجلب “عاملة منزلية” مقعدة وبكماء لمواطن !"))
        #expect(!LayoutJudge.isQuotedSpeech("Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!"))
        #expect(LayoutJudge.isQuotedSpeech("“妈妈，为什么还不能出去？”"))
        #expect(LayoutJudge.isQuotedSpeech("“妈妈，什么时候才能回我们自己的家？"))
    }
}
