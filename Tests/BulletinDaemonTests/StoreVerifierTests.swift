@testable import BulletinDaemon
import Testing

@Suite struct StoreVerifierTests {
    static let sha = String(repeating: "a", count: 64)
    static let storyID = String(repeating: "1", count: 32)
    static func story(id: String = storyID, extra: String = "") -> String {
        #"{"schema":"bulletind/1","kind":"story","id":"\#(id)","received_at":"2026-11-29T18:05:00.123Z","bulletin":{"file":"a.txt","sha256":"\#(sha)","index":0,"stories":1},"headline":"H","body_text":"B","byline":null,"dateline":"MOSCOW","sources":["Interfax"],"language":"en","word_count":1\#(extra)}"#
    }
    static func duplicate(id: String = "d" + String(repeating: "2", count: 32), of original: String = storyID, match: String = "exact") -> String {
        #"{"schema":"bulletind/1","kind":"duplicate","id":"\#(id)","received_at":"2026-11-29T18:05:01.000Z","bulletin":{"file":"b.txt","sha256":"\#(sha)","index":0},"headline":"H","duplicate_of":"\#(original)","match":"\#(match)","similarity":1}"#
    }

    static func verify(_ lines: [String], lastTerminated: Bool = true) -> StoreVerifier.Fault? {
        var verifier = StoreVerifier()
        do {
            for (position, line) in lines.enumerated() {
                try verifier.check(Array(line.utf8), terminated: lastTerminated || position < lines.count - 1)
            }
            return nil
        } catch {
            return error
        }
    }

    @Test func aSoundStorePasses() {
        #expect(Self.verify([Self.story(), Self.duplicate()]) == nil)
    }

    @Test(arguments: [
        ([story(), "{not json"], 2, "not a JSON object"),
        ([story(), story()], 2, "is not unique"),
        ([duplicate()], 1, "names no story before it"),
        ([story(extra: #","mood":"happy""#)], 1, "'mood' is not a field of a story line"),
        ([story(id: "XYZ")], 1, "'id' is malformed"),
        ([story(), duplicate(match: "near")], 2, "'body_text' must be a string"),
        ([story().replacingOccurrences(of: #""word_count":1"#, with: #""word_count":true"#)], 1, "'word_count' must be a whole number"),
        ([story().replacingOccurrences(of: "2026-11-29T18:05:00.123Z", with: "yesterday")], 1, "'received_at' is malformed"),
    ])
    func eachClassOfFaultNamesItsLine(lines: [String], line: Int, message: String) throws {
        let fault = try #require(Self.verify(lines))
        #expect(fault.line == line)
        #expect(fault.message.contains(message), "\(fault.message)")
    }

    @Test func aTornLastLineIsAFault() throws {
        let fault = try #require(Self.verify([Self.story(), #"{"schema":"bull"#], lastTerminated: false))
        #expect(fault.line == 2)
        #expect(fault.message.contains("torn line"))
    }
}
