/// One story cut from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/
/// SOURCES.md, independent-tuning/0088): Xinhua "武汉的声音：有英勇的你，才有英雄的城！-新华网"
/// (xinhuanet.com, via the webnews set), its paragraphs indented by two. Shared by the suites
/// that read it for its indented Han paragraphs and for its lines of quoted dialogue.
enum XinhuaWuhanText {
    static let headline = "武汉的声音：有英勇的你，才有英雄的城！-新华网"

    /// The headline, a blank line, three lines of dialogue (the third still open), the mother's
    /// answer and two paragraphs of prose, each line ended by a line break.
    static let story = """
        武汉的声音：有英勇的你，才有英雄的城！-新华网

          “妈妈，为什么还不能出去？”
          “宝贝，我们在打一场无声的战役，每个在家里不出去的人都是英雄哦！”
          “妈妈，什么时候才能回我们自己的家？
          “孩子，我们再等等，等到春暖花开，就可以回家了。”
          在抗击新冠肺炎疫情的日子里，封在武汉的父母们总要万般无奈而又小心翼翼回应着孩子天真的追问。
          即便日常已改变了模样，但生活依然要继续。纵然已有焦虑煎熬，但内心仍需要坚强。居家一日游、前后楼隔空喊话、躺平就是做贡献，这些带有几分调侃意味的举动，却是众多武汉市民近一个月来真实的经历。

        """
}
