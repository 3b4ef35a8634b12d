@testable import BulletinCore
import Testing

/// AP's trailer read from the bytes of an ASCII line answers as the Character reading does
/// (the same line with a letter outside ASCII, which takes that path, after the time).
@Suite struct FiledTimeTrailerTests {
    @Test func asciiTrailersAnswerAsTheGeneralReading() {
        let lines = [
            "AP-WF-02-20-16 0337GMT", "AP-WF-11-13-13 1735GMT", "ap-wf-02-20-16 0337GMT", "AP-WF--02--20-16  0337GMT",
            "AP-WF-+2-20-16 0337GMT", "AP-WF-2-30-16 0337GMT", "AP-WF-02-20-16 037GMT", "AP-WF-02-20-16 03375GMT",
            "AP-WF-02-20 0337GMT", "AP-WF-02-20-16", "AP-WF-02-x0-16 0337GMT", "AP-WF-99999999999999999999-20-16 0337GMT",
            "AP-WF-02-20-16 2460GMT", "XX-WF-12-31-99 2359", "no marker here", "-WF-", "AP-WF-02-20-+ 0337GMT",
        ]
        for line in lines {
            let general = FiledTime.anpaTrailer(line + " \u{E9}")
            #expect(FiledTime.anpaTrailer(line) == general, "\(line)")
        }
        #expect(FiledTime.anpaTrailer("AP-WF-02-20-16 0337GMT") == "2016-02-20T03:37:00Z")
        #expect(FiledTime.anpaTrailer("AP-WF-+2-20-16 0337GMT") == "2016-02-20T03:37:00Z")
    }

    @Test func theTrailersAgencyFromBytesAnswersAsHasPrefix() {
        for text in ["AP-WF-02-20-16 0337GMT", "AP-", "AP", "ap-WF", "AP-\u{301}WF", "XAP-WF", "AP-\u{E9}", "A", "", "AP\u{301}-WF"] {
            #expect(ANPAReader.opensWithAP(text) == text.hasPrefix("AP-"), "\(text.debugDescription)")
        }
    }
}
