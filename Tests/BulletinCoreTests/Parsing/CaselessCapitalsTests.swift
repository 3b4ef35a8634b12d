import Testing

@testable import BulletinCore

/// A Chinese line that names an acronym ("BBC", "RHS") has capitals and no lowercase letter, but
/// it is written in Chinese, not in capitals. Read as capitals, a bulletin whose first headline
/// and another named an acronym looked like a desk that sets its headlines in capitals, and a
/// Chinese headline naming "Facebook" was read as a crosshead inside the story above. Three
/// stories of `make lang-eval`'s Chinese tuning part as its generator writes them (PUD's
/// Traditional Chinese news documents n01017, n01042 and n01024, CC BY-SA 3.0; the headline is
/// each document's shortest sentence, the second and third open with the Xinhua dateline the
/// generator adds; Tests/LangCorpus/SOURCES.md).
@Suite("Acronyms in lines of a script without case")
struct CaselessCapitalsTests {
    static let headlines = [
        "該公司向BBC表示，是否向乘客收取使用費，應該由航空公司自行決定",
        "該覆核還在調查據稱來自安大略省北部城市的警官九月在Facebook上煽動性的言論",
        "RHS收集了在實驗中的學生和老師們發來的意見",
    ]

    /// Fails with the caseless letters left uncounted in `TextShape.isAllCaps`: two stories
    /// come out, the second headline inside the first story's text.
    @Test func aChineseHeadlineNamingAWordInMixedCaseStillHeadsItsStory() throws {
        let text = """
            \(Self.headlines[0])

            但有旅行專家警告說，飛機飛行時配置的空中網絡往往不可靠，而且不太可能影響旅客對航空公司的選擇。

            但可能英國航空和國際航空集團已經破解了它，並可提供一些大致上可靠的信息。

            大多數人會認為機場Wi-Fi比能在飛機上發電子郵件這件事更加有用。

            \(Self.headlines[1])

            新華社北京6月12日電 在有人就有關人員與原住民進行互動一事提出“令人擔憂的問題"後，安大略省警方獨立審查主任格里·邁科內爾里訂立了本週要檢討的事項。

            \(Self.headlines[2])

            新華社北京6月1日電 超過70％從地球種子長成的植物在17天之後存活-僅僅略高於從太空種子長成的植物-剛剛超過66％。

            從該實驗的結果提供了進一步的支持，火箭上的種子可以存儲在國際空間站上並飛行六個月，而不會對它們在地球上發芽生長的能力產生任何顯著影響。

            """
        let stories = try BulletinParser().parse(text)
        #expect(stories.map(\.headline) == Self.headlines)
    }

    /// The shape itself: a line mostly of Chinese characters is not in capitals; one of capitals
    /// with a few of them is, as a line of Latin or Cyrillic capitals is.
    @Test func aLineMostlyOfCaselessLettersIsNotInCapitals() {
        func capitals(_ line: String) -> Bool { TextShape(Array(line.utf8)[...]).isAllCaps }
        #expect(!capitals(Self.headlines[2]))
        #expect(!capitals(Self.headlines[0]))
        #expect(capitals("NASA HAILS MARS LANDING"))
        #expect(capitals("МОСКВА ОТВЕТИЛА"))
    }
}
