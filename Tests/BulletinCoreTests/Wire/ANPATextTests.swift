import BulletinCore
import Testing

/// The text of ANPA-1312 items as the reader writes it: AP's 7-bit dash and quotes made
/// typographic, DLE a space, end marks and control bytes gone, Reuters' wrapped lines joined.
@Suite struct ANPATextTests {
    static func stories(_ path: String) throws -> [Story] {
        try BulletinParser().parse(BulletinDecoder.decode(try WireFixtureTests.bytes(path)).text)
    }

    @Test func apDashAndQuotes() throws {
        let lobster = try #require(try Self.stories("tune/ap-03-giant-lobster.txt").first)
        #expect(lobster.paragraphs == ["CHATHAM, Mass. (AP) \u{2014} A lobster died."])
        let escape = try #require(try Self.stories("tune/ap-04-china-escape.txt").first)
        #expect(escape.paragraphs.contains("After weeks on the run, Chen was exhausted, and so was her luck. A Christian, she prayed: \u{201C}Don't desert us now, not like this.\u{201D}"))
        #expect(!escape.paragraphs.joined().contains("``") && !escape.paragraphs.joined().contains(" _ "))
    }

    @Test func reutersWrappedLinesAreJoined() throws {
        let rexnord = try #require(try Self.stories("tune/r87-a-0311.txt").dropFirst().first)
        #expect(rexnord.paragraphs.first == "BROOKFIELD, WIS., March 11 - Rexnord nc said it signed a definitive agreement to sell its Railway Maintenance Equipment Co subsidiary to Banner Industries Inc. Terms were withheld.")
    }

    @Test func controlBytesEndMarksAndDLE() throws {
        let text = "\u{16}\u{16}\u{1}a0001\u{1F}test\r\nr a\u{13}\u{11} BC-Example   01-02 0100\r\n\u{2}^Example headline<\r\n"
            + "\t   SPRINGFIELD (AP) _ A\u{10}line with a DLE,\u{7} a bell and an end mark.<\r\n\u{3}\r\n\u{4}"
        let story = try #require(try BulletinParser().parse(text).first)
        #expect(story.headline == "Example headline")
        #expect(story.paragraphs == ["SPRINGFIELD (AP) \u{2014} A line with a DLE, a bell and an end mark."])
    }
}
