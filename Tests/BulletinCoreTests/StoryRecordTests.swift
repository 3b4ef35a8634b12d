import BulletinCore
import Foundation
import Testing

@Suite struct StoryRecordTests {
    let reference = StoryRecord.BulletinReference(file: "a \"b\".txt", sha256: String(repeating: "a", count: 64), index: 2, encoding: "utf-8")

    @Test func aStoryLineIsOneJSONObjectWithNullsSpelledOut() throws {
        let record = StoryRecord(
            kind: .story, id: String(repeating: "0", count: 32), receivedAt: "2026-11-29T18:05:00.123Z",
            bulletin: reference, headline: "Tab\there, quote \" and \\ and \u{1}", bodyText: "one\n\ntwo",
            sources: ["Interfax"], language: "en", wordCount: 2)
        let line = record.encodedLine()
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().contains("\n") == false)
        #expect(line.contains(#""byline":null,"dateline":null"#))
        #expect(line.hasPrefix(#"{"schema":"bulletind/1","kind":"story","id":"#))
        let decoded = try JSONDecoder().decode(StoryRecord.self, from: Data(line.utf8))
        #expect(decoded == record)
    }

    @Test func linesAppendToOneBufferAndKeepUnicodeAsUTF8() throws {
        let first = StoryRecord(
            kind: .story, id: String(repeating: "0", count: 32), receivedAt: "2026-11-29T18:05:00.123Z",
            bulletin: reference, headline: "Ünïcode — “quoted” 東京", bodyText: String(repeating: "long run of plain text ", count: 200),
            sources: ["TASS", "Interfax"], language: "en", wordCount: 800)
        var second = first
        second.headline = "second\u{7F}\u{1F}"
        var buffer = Array("prefix\n".utf8)
        first.encodeLine(into: &buffer)
        second.encodeLine(into: &buffer)
        #expect(buffer == Array(("prefix\n" + first.encodedLine() + second.encodedLine()).utf8))
        let lines = String(decoding: buffer, as: UTF8.self).split(separator: "\n").dropFirst()
        #expect(lines.count == 2)
        #expect(first.encodedLine().contains(#""headline":"Ünïcode — “quoted” 東京""#))
        #expect(second.encodedLine().contains("\"headline\":\"second\u{7F}\\u001f\""))
        for (line, record) in zip(lines, [first, second]) {
            #expect(try JSONDecoder().decode(StoryRecord.self, from: Data(line.utf8)) == record)
        }
    }

    @Test func aDuplicateLineCarriesItsMatch() throws {
        let record = StoryRecord(
            kind: .duplicate, id: "d" + String(repeating: "1", count: 32), receivedAt: "2026-11-29T18:05:00.000Z",
            bulletin: reference, headline: "h", duplicateOf: String(repeating: "0", count: 32), match: "near",
            similarity: 0.876543, bodyText: "edited text")
        let object = try #require(JSONSerialization.jsonObject(with: Data(record.encodedLine().utf8)) as? [String: Any])
        #expect(object["similarity"] as? Double == 0.8765)
        #expect(object["match"] as? String == "near")
        #expect(object["body_text"] as? String == "edited text")
        #expect(object["byline"] == nil)
    }
}

extension StoryRecord {
    init(kind: Kind, id: String, receivedAt: String, bulletin: BulletinReference, headline: String, duplicateOf: String, match: String, similarity: Double, bodyText: String) {
        self.init(kind: kind, id: id, receivedAt: receivedAt, bulletin: bulletin, headline: headline, bodyText: bodyText, duplicateOf: duplicateOf, match: match, similarity: similarity)
    }
}

@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (Int64(951_782_400_007), "2000-02-29T00:00:00.007Z"),
        (Int64(1_795_975_500_123), "2026-11-29T18:05:00.123Z"),
        (Int64(-1), "1969-12-31T23:59:59.999Z"),
    ])
    func formatsAndParsesRFC3339(milliseconds: Int64, text: String) {
        #expect(Timestamp(millisecondsSinceEpoch: milliseconds).rfc3339 == text)
        #expect(Timestamp(rfc3339: text)?.millisecondsSinceEpoch == milliseconds)
    }

    @Test(arguments: ["", "2026-11-29", "2026-13-01T00:00:00.000Z", "2026-11-29T18:05:00.123", "2026-11-29T18:05:00.12Z"])
    func rejectsOtherForms(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }
}

@Suite struct BulletinNamesTests {
    let names = BulletinNames(patterns: ["*.txt", "wire-??"])

    @Test(arguments: ["a.txt", "2026-11-29 bulletin.txt", "wire-01", "x.txt2.txt"])
    func accepts(name: String) { #expect(names.accepts(name)) }

    @Test(arguments: [".hidden.txt", "a.txt.tmp", "a.txt.part", "a.txt~", "a.txt.swp", "a.TXT", "a.txt.gz", "wire-1", "wire-123"])
    func leavesAlone(name: String) { #expect(!names.accepts(name)) }
}
