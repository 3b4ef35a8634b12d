import BulletinCore
import Testing

/// What `make fuzz` found in the wire framing, each kept as a test (the input cut down to what
/// matters).
@Suite struct FramingFuzzFindingsTests {
    /// No control character in any field of a framed story: a tab inside a notice's text block
    /// (kept line for line) reached body_text.
    static func expectClean(_ stories: [Story]) {
        for story in stories {
            for text in [story.headline, story.byline ?? "", story.dateline ?? ""] + story.paragraphs + story.sources {
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }, "\(text)")
            }
        }
    }

    @Test func aTabInANoticeBlockBecomesSpaces() throws {
        let text = "IDN38100\nAustralian Government Bureau of Meteorology\n\nRoad Weather Alert for Sydney\n\n"
            + "Roads affected:\n\tM4\tWestern Motorway\n\tM7\tWestconnex\n"
        let stories = try BulletinParser().parse(text)
        Self.expectClean(stories)
        #expect(stories.first?.paragraphs.last == "Roads affected:\n        M4      Western Motorway\n        M7      Westconnex")
    }

    @Test func controlBytesAndNULsInsideAFramedItem() throws {
        let text = "IDN38100\nAustralian Government Bureau of Meteorology\n\nCancellation of\nRoad Weather Alert\n\n"
            + "The alert has been can\u{1}\u{0}\u{0}celled.\nplea\t~\u{0}\u{0}\r\nse contact the Police.\n"
        Self.expectClean((try? BulletinParser().parse(text)) ?? [])
    }

    /// A key#value source (`KN#`) followed by lines of no field ran over several lines, and the
    /// agency went into `sources` with its line breaks.
    @Test func aSourceRunningOverSeveralLinesIsOneLine() throws {
        let text = "zczc\r\nAN#26945219\r\nKN#News Bites\rl negotiations\n\u{0C}\nBridge to reopen\r\nTI#UGL continues negotiation\r\n"
            + "TX#\r\nUGL's construction of the projects continues to experience substantial delays.\r\n"
        let stories = try BulletinParser().parse(text)
        Self.expectClean(stories)
        let story = try #require(stories.first)
        #expect(story.headline == "UGL continues negotiation")
        for field in story.sources + [story.wire?.agency ?? ""] {
            #expect(!field.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(field)")
        }
    }

    /// An ETX between an IPTC 7901 header and its STX made the text's range run backwards: a
    /// crash. The ETX that ends the text is the one after STX (ANPA-1312 likewise, which
    /// dropped the item instead).
    @Test func anETXBeforeTheSTXIsNotTheEndOfTheText() throws {
        let iptc = "\u{1}eepc0007 4 s 850  dpa-tns 0908\r\n\u{3}\n\nAmerican Football/NFL/\r\n"
            + "\u{2}Chiefs-Rams rematch would be a fun Super Bowl =\r\n\r\n"
            + "   Los Angeles (dpa) - The two teams met in November in a game of many points.\r\n\u{3}\r\n\u{4}"
        let anpa = "\u{16}\u{16}\u{1}f1637\u{1F}reute\n\u{3}u f BC-DATRON-<DATR>-AGREES   04-08 0079\n\u{2}\n"
            + "DATRON <DATR> AGREES TO BUYOUT BY OFFICERS\n    MINNEAPOLIS, MINN., April 8 - Datron Corp said it agreed to\n"
            + "merge with GGFH Inc.\n Reuter\n\u{3}\n\u{4}"
        for (text, headline) in [(iptc, "Chiefs-Rams rematch would be a fun Super Bowl"), (anpa, "DATRON <DATR> AGREES TO BUYOUT BY OFFICERS")] {
            let stories = try BulletinParser().parse(text)
            Self.expectClean(stories)
            #expect(stories.map(\.headline) == [headline])
            #expect(stories.first?.paragraphs.isEmpty == false)
        }
    }
}
