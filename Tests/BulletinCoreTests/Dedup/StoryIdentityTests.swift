import BulletinCore
import Testing

@Suite("StoryIdentity")
struct StoryIdentityTests {
    @Test("folds case, whitespace, punctuation, quotes, dashes and compatibility forms")
    func foldsStyles() {
        let plain = Story(headline: "Lavrov says talks were productive",
                          paragraphs: ["\"Our talks were productive - we agree,\" Lavrov said. It's done.", "Second paragraph."])
        let restyled = Story(headline: "LAVROV SAYS TALKS WERE PRODUCTIVE.",
                             paragraphs: ["\u{201C}Our  talks\u{00A0}were productive \u{2014} we agree,\u{201D} Lavrov said.\nIt\u{2019}s done.",
                                          "  Second\tparagraph  "])
        #expect(StoryIdentity.normalizedText(of: plain) == StoryIdentity.normalizedText(of: restyled))
        #expect(StoryIdentity.id(of: plain) == StoryIdentity.id(of: restyled))
        #expect(StoryIdentity.normalizedText(of: plain)
            == "lavrov says talks were productive\n\nour talks were productive we agree lavrov said its done second paragraph")
    }

    @Test("fullwidth letters and ligatures fold to ASCII; thousands separators drop, decimals stay")
    func foldsCompatibilityAndNumbers() {
        let fullwidth = Story(headline: "\u{FF34}\u{FF4F}\u{FF59}\u{FF4F}\u{FF54}\u{FF41} \u{FB01}nance", paragraphs: ["Sales of 1,500.5 units."])
        #expect(StoryIdentity.normalizedText(of: fullwidth) == "toyota finance\n\nsales of 1500.5 units")
    }

    @Test("the id is 16 bytes of SHA-256 as 32 lower-case hex digits, pinned across machines")
    func idIsStable() {
        let id = StoryIdentity.id(of: DedupFixtures.storm)
        #expect(id.count == 32)
        #expect(id.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(id == StoryIdentity.id(of: DedupFixtures.storm))
        // SHA-256("a\n\nb") = 38022fd2…, computed with sha256sum; pinned so a change in folding or hashing cannot go unnoticed.
        #expect(StoryIdentity.id(of: Story(headline: "A", paragraphs: ["b."])) == PinnedIDs.aB)
    }

    @Test("different text, different id")
    func differentTextDifferentID() {
        #expect(StoryIdentity.id(of: DedupFixtures.storm) != StoryIdentity.id(of: DedupFixtures.toyota))
        #expect(StoryIdentity.id(of: DedupFixtures.dividend(company: "Acme Corp"))
            != StoryIdentity.id(of: DedupFixtures.dividend(company: "Beta Corp")))
    }
}

enum PinnedIDs {
    /// First 16 bytes of SHA-256 of the bytes "a\n\nb" (`printf 'a\n\nb' | sha256sum`).
    static let aB = "38022fd2b8dbc5cb3d2cee74e083edbf"
}
