@testable import BulletinCore
import Testing

@Suite("StoryID")
struct StoryIDTests {
    @Test("folds case, whitespace, punctuation, quotes, dashes and compatibility forms")
    func foldsStyles() {
        let plain = Story(headline: "Lavrov says talks were productive",
                          paragraphs: ["\"Our talks were productive - we agree,\" Lavrov said. It's done.", "Second paragraph."])
        let restyled = Story(headline: "LAVROV SAYS TALKS WERE PRODUCTIVE.",
                             paragraphs: ["\u{201C}Our  talks\u{00A0}were productive \u{2014} we agree,\u{201D} Lavrov said.\nIt\u{2019}s done.",
                                          "  Second\tparagraph  "])
        #expect(StoryID.normalizedText(of: plain) == StoryID.normalizedText(of: restyled))
        #expect(StoryID(of: plain).hex == StoryID(of: restyled).hex)
        #expect(StoryID.normalizedText(of: plain)
            == "lavrov says talks were productive\n\nour talks were productive we agree lavrov said its done second paragraph")
    }

    @Test("fullwidth letters and ligatures fold to ASCII; thousands separators drop, decimals stay")
    func foldsCompatibilityAndNumbers() {
        let fullwidth = Story(headline: "\u{FF34}\u{FF4F}\u{FF59}\u{FF4F}\u{FF54}\u{FF41} \u{FB01}nance", paragraphs: ["Sales of 1,500.5 units."])
        #expect(StoryID.normalizedText(of: fullwidth) == "toyota finance\n\nsales of 1500.5 units")
    }

    @Test("the id is 16 bytes of SHA-256 as 32 lower-case hex digits, pinned across machines")
    func idIsStable() {
        let id = StoryID(of: DedupFixtures.storm).hex
        #expect(id.count == 32)
        #expect(id.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(id == StoryID(of: DedupFixtures.storm).hex)
        // SHA-256("a\n\nb") = 38022fd2…, computed with sha256sum; pinned so a change in folding or hashing cannot go unnoticed.
        #expect(StoryID(of: Story(headline: "A", paragraphs: ["b."])).hex == PinnedIDs.aB)
    }

    @Test("different text, different id")
    func differentTextDifferentID() {
        #expect(StoryID(of: DedupFixtures.storm).hex != StoryID(of: DedupFixtures.toyota).hex)
        #expect(StoryID(of: DedupFixtures.dividend(company: "Acme Corp")).hex
            != StoryID(of: DedupFixtures.dividend(company: "Beta Corp")).hex)
    }
}

enum PinnedIDs {
    /// First 16 bytes of SHA-256 of the bytes "a\n\nb" (`printf 'a\n\nb' | sha256sum`).
    static let aB = "38022fd2b8dbc5cb3d2cee74e083edbf"
}

@Suite("Folding in every script")
struct ScriptFoldingTests {
    static let xinhua = Story(headline: "新华社北京6月1日电", paragraphs: ["记者张三报道：俄罗斯总统普京周三会见了到访的外长。"])

    @Test("Han text keeps its bytes (and so its id) while every character becomes a token")
    func hanCharactersAreTokensWithoutSpaces() {
        // The normalized text, and the id, as every earlier version made them: no space is
        // added between characters; SHA-256 computed with Python's hashlib.
        #expect(StoryID.normalizedText(of: Self.xinhua) == "新华社北京6月1日电\n\n记者张三报道 俄罗斯总统普京周三会见了到访的外长")
        #expect(StoryID(of: Self.xinhua).hex == "05303e2d8b832f0fb8b63c9cb25411df")
        let folded = FoldedText(headline: Self.xinhua.headline, body: Self.xinhua.bodyText)
        // 新 华 社 北 京 6 月 1 日 电: digits stay whole, each character is a token.
        #expect(folded.headlineTokens.count == 10)
        #expect(folded.bodyTokens.count == "记者张三报道俄罗斯总统普京周三会见了到访的外长".count)
    }

    @Test("a Chinese copy with a character changed shares most of its shingles")
    func chineseEditedCopyResembles() {
        let configuration = DedupConfiguration.default
        var index = DuplicateIndex(configuration: configuration)
        let body = "俄罗斯总统普京周三在克里姆林宫会见了到访的外交部长，双方就双边关系和国际问题交换了意见。普京表示，两国关系发展良好，合作领域不断扩大。"
        let original = Story(headline: "普京会见外长", paragraphs: [body])
        let edited = Story(headline: "普京在克宫会见外长", paragraphs: [body.replacingOccurrences(of: "不断", with: "持续")])
        let other = Story(headline: "北京迎来降雨", paragraphs: ["北京市气象台周三发布消息，受冷空气影响，本市今天夜间将迎来一次明显降雨过程，局地伴有雷电和短时大风，请市民注意出行安全。"])
        guard case .new = index.ingest(original, receivedAt: 0) else { Issue.record("original not new"); return }
        guard case .new = index.ingest(other, receivedAt: 0) else { Issue.record("an unrelated story matched"); return }
        guard case .duplicate(let of, let match, _) = index.ingest(edited, receivedAt: 0) else {
            Issue.record("the edited copy was not found")
            return
        }
        #expect(of == StoryID(of: original).hex)
        #expect(match == .near)
    }

    /// PUD's Korean news text (Tests/LangCorpus/SOURCES.md), a particle cut as a copy editor might.
    static let korean = Story(
        headline: "그러고 나서 광고가 끝났다",
        paragraphs: ["그들은 대개 많은 일들을 하고 싶어하는 아티스트들이다."])

    @Test("Hangul keeps its bytes (and so its id) while every syllable becomes a token")
    func hangulSyllablesAreTokens() {
        #expect(StoryID.normalizedText(of: Self.korean) == "그러고 나서 광고가 끝났다\n\n그들은 대개 많은 일들을 하고 싶어하는 아티스트들이다")
        let folded = FoldedText(headline: Self.korean.headline, body: Self.korean.bodyText)
        #expect(folded.headlineTokens.count == 11)
        #expect(folded.bodyTokens.count == "그들은대개많은일들을하고싶어하는아티스트들이다".count)
    }

    @Test("a Korean copy with a syllable cut is found")
    func koreanEditedCopyIsFound() {
        var index = DuplicateIndex(configuration: .default)
        let edited = Story(headline: Self.korean.headline, paragraphs: ["그들은 대개 많은 을 하고 싶어하는 아티스트들이다."])
        let other = Story(
            headline: "때로는 초능력이 생긴 것 같은 느낌이 든다",
            paragraphs: ["그것은 후원과 광고를 통해 돈을 버는 수익 구조이다."])
        guard case .new = index.ingest(Self.korean, receivedAt: 0), case .new = index.ingest(other, receivedAt: 0) else {
            Issue.record("the first sightings were not new")
            return
        }
        guard case .duplicate(let of, _, _) = index.ingest(edited, receivedAt: 0) else {
            Issue.record("the edited copy was not found")
            return
        }
        #expect(of == StoryID(of: Self.korean).hex)
    }

    @Test("Arabic harakat and tatweel change the id but not the shingles")
    func arabicOptionalMarksFoldForMatching() {
        let plain = Story(headline: "وزير الخارجية يزور الرياض", paragraphs: ["قال وزير الخارجية إن المحادثات كانت مثمرة وإن البلدين اتفقا على مواصلة الحوار في الأسابيع المقبلة."])
        let marked = Story(headline: "وزير الخارجية يزور الرياض", paragraphs: ["قـال وزيرُ الخارجيةِ إنّ المحادثات كانت مثمرةً وإنّ البلدين اتفقا على مواصلة الحوار في الأسابيع المقبلة."])
        let fingerprinter = StoryFingerprinter(.default)
        let (a, b) = (fingerprinter.fingerprint(plain), fingerprinter.fingerprint(marked))
        #expect(a.id != b.id)
        #expect(a.signature == b.signature)
        var index = DuplicateIndex(configuration: .default)
        _ = index.ingest(plain, receivedAt: 0)
        guard case .duplicate(let of, _, let similarity) = index.ingest(marked, receivedAt: 0) else {
            Issue.record("the copy with marks was not found")
            return
        }
        #expect(of == a.id)
        #expect(similarity > 0.95)
    }
}
