import Testing

@testable import BulletinCore

/// A Chinese headline of two phrases parted by "! " and a space ("龍騰蛇舞慶新年! 南瀛綠都心、…"):
/// Chinese and Japanese prose runs its sentences on without spaces, so the mark there parts a
/// headline's phrases, not two sentences. The text is the Tainan City Government's press
/// releases of January 2025 (Tests/LangCorpus/SOURCES.md, the lang-eval corpus's new part),
/// laid out as `make lang-eval`'s bulletins are; the cased lines are PUD's news (CC BY-SA 3.0).
@Suite("Han headline phrases")
struct HanPhraseBreakTests {
    @Test(arguments: [
        ("龍騰蛇舞慶新年! 南瀛綠都心、永康公園妝點花藝邀走春", false),
        // The same marks between sentences of cased scripts (PUD news: "Where does all her energy come from? Or …").
        ("Woher kommt ihre ganze Energie? Oder diese Stimme, die mit einer Kraft hervorbrechen kann, dass sie Schockwellen erzeugt", true),
        ("Откуда она берет свою энергию? А этот взрывной силы голос, вызывающий ударные волны?", true),
    ])
    func aMarkBetweenHanPhrasesIsNoBoundary(line: String, boundary: Bool) {
        #expect(TextShape(Array(line.utf8)[...]).containsSentenceBoundary == boundary)
    }

    @Test func aHeadlineOfTwoHanPhrasesHeadsItsStory() throws {
        let text = """
            過年活動看這裡 2025臺南行春網站上線 黃偉哲市長邀請大家「蛇」來臺南 蛇密隆讚、隆發

            新華社北京6月28日電 臺南，臺灣最古老的城市，被譽為美食之都，繼英國《國家地理旅遊》雜誌公布為「2024年全球最酷景點」及美國知名權威媒體CNN評為2024年最佳參訪地，2025年英國媒體《Time Out》更將臺南列為亞洲最佳旅遊城市之一，均為臺灣唯一入榜城市。所以，這個春節假期就來臺南走春吧！

            觀光旅遊局林國華局長表示，觀旅局春節期間(1月29日至2月2日)在臺南三埤－虎頭埤、德元埤及葫蘆埤風景區也有推出應景的「2025三埤迎春-蛇宓都好玩」活動，除了有春節園區佈景，還有音樂演出、幸福市集、德元埤獨木舟等活動。而冷冷的冬日正是泡湯的好時節，臺南有關子嶺、六重溪與龜丹溫泉，民眾到關子嶺與六重溪泡湯，可以走訪周邊景點火山碧雲寺、大仙寺、崁頂福安宮、水火同源、紅葉公園等，以及品嚐桶仔雞等在地美食；也可以選擇許多臺南人私藏的泡湯秘境，又稱「美人湯」的龜丹溫泉放鬆身心，泡完美人湯還可順訪梅嶺風景區、玄空法寺、萬佛寺(需預約)、永興吊橋等景點，並品嚐梅嶺著名的梅仔雞風味餐，放鬆身心靈及滿足口腹之慾。

            龍騰蛇舞慶新年! 南瀛綠都心、永康公園妝點花藝邀走春

            為迎接金蛇年到，臺南市府以「南瀛綠都心公園」和「永康公園」開闊的綠地，充分利用豐富植被進行花藝佈置，打造「大地之母」及「荷花精靈」兩大藝術花園專區，迎接「龍騰蛇舞慶新年」的熱鬧喜慶氣氛。臺南市工務局歡迎民眾利用1月25日到2月16日春節期間，到新營、永康踏青走春賞花，現場並設有打卡區供民眾與美麗花藝同框留影。

            搭配2025「蛇」年意象，工務局在新營區南瀛綠都心公園，利用中央大草坪，以紅、粉、黃、橘、藍、白、綠色系等草花，打造舒壓療癒的藝術花園，以「女媧大地之母」寓意，象徵新的一年萬象更新，手捧地球成為世界的台南，共赴美好未來。

            臺南市113年聯合運動大會圓滿落幕 小將奮力表現再創佳績

            臺南市113年聯合運動大會(市運)今(9)日圓滿落幕，各路小將奮力一搏，展現驚人實力，本屆賽事共計有35項目43人次打破大會紀錄，顯見許多項目的表現上都有卓越的進展，黃偉哲市長期許選手們持續精進，在今年4月於臺南舉行的全國中等學校運動會中再創高峰，為臺南市贏得榮耀。
            """
        let stories = try BulletinParser().parse(text)
        #expect(
            stories.map(\.headline) == [
                "過年活動看這裡 2025臺南行春網站上線 黃偉哲市長邀請大家「蛇」來臺南 蛇密隆讚、隆發",
                "龍騰蛇舞慶新年! 南瀛綠都心、永康公園妝點花藝邀走春",
                "臺南市113年聯合運動大會圓滿落幕 小將奮力表現再創佳績",
            ])
    }
}

/// A Chinese question another sentence runs into on its line ("…來的？或者，…來的？") is text, not a
/// headline, while a headline parting its phrases with "？" ends open. The text is `make
/// lang-eval`'s tuning file 0360 of the grown part (PUD's news in Traditional Chinese, CC BY-SA
/// 3.0), as the corpus script lays it out; the headline is a Tainan City Government release
/// (the new part). Fails without `TextShape.asksAfterAnotherSentence`: the question heads a
/// story of its own.
@Suite("Han questions run on")
struct HanQuestionRunOnTests {
    @Test func aQuestionAnotherSentenceRunsIntoIsText() throws {
        let text = """
            裙子很現代化

            在六十年代中期，她開始在《馬拉／薩德》（Marat / Sade）這部電影中扮演精神病病人。

            她所有的精力都是從哪兒來的？或者，那種能引發衝擊波的吼聲是從哪兒來的？

            對峙時，她脖子前伸，青筋暴起，手不斷抖動。

            但是，誰能挑剔格倫達（Glenda）的精彩表現？

            理論上，如果做的對的話，就檢測不到

            新華社北京6月28日電 數十年來，他一直在從事廣播和電視的新聞及時事工作。
            """
        let stories = try BulletinParser().parse(text)
        #expect(stories.map(\.headline) == ["裙子很現代化", "理論上，如果做的對的話，就檢測不到"])
        #expect(stories.first?.paragraphs.count == 4)
    }

    @Test(arguments: [
        ("她所有的精力都是從哪兒來的？或者，那種能引發衝擊波的吼聲是從哪兒來的？", true),
        ("台南觀光怎可少了夜市？台南人流行一句口訣", false),
        ("但是，誰能挑剔格倫達（Glenda）的精彩表現？", false),
    ])
    func aSentenceRunningIntoAQuestion(line: String, runsOn: Bool) {
        #expect(TextShape(Array(line.utf8)[...]).asksAfterAnotherSentence == runsOn)
    }
}
