import BulletinCore
import Foundation
import Testing

/// Store lines, as the encoder writes them, mapped to ninjs and read back with Foundation's
/// own JSON parser: the fast path copies string contents through, so escapes and non-ASCII
/// text must survive byte for byte.
@Suite struct NinjsMappingTests {
    static let reference = StoryRecord.BulletinReference(
        file: "wire \"7\".txt", sha256: String(repeating: "a", count: 64), index: 0, stories: 2, encoding: "utf-8")

    static func map(_ line: String, all: Bool = false, version: Int = 1) throws -> [String: Any]? {
        var out: [UInt8] = []
        let bytes = Array(line.utf8.dropLast(line.hasSuffix("\n") ? 1 : 0))
        do {
            try bytes.withUnsafeBufferPointer { buffer in
                let parsed = try StoreLine.read(buffer)
                try NinjsMapping.append(parsed, of: buffer, version: version, includingDuplicates: all, to: &out)
            }
        } catch NinjsMapping.Skipped.duplicate {
            return nil
        }
        #expect(out.last == 0x0A)
        #expect(out.dropLast().contains(0x0A) == false)
        return try JSONSerialization.jsonObject(with: Data(out)) as? [String: Any]
    }

    @Test func aStoryBecomesATextItemWithEveryFieldTheStoreHas() throws {
        let record = StoryRecord(
            kind: .story, id: "8831a31d6342b9a7b6c10ef1978957f9", receivedAt: "2026-11-29T18:17:04.907Z", bulletin: Self.reference,
            headline: "Quote \" backslash \\ tab\t and “typographic” 東京 \u{1}", bodyText: "First paragraph.\n\nSecond — with ünïcode.",
            byline: "By Jane Doe", dateline: "MOSCOW", sources: ["Interfax", "TASS"], language: "ru", wordCount: 6)
        let item = try #require(try Self.map(record.encodedLine()))
        #expect(item["uri"] as? String == "urn:bulletind:story:8831a31d6342b9a7b6c10ef1978957f9")
        #expect(item["type"] as? String == "text")
        #expect(item["version"] as? String == "1")
        #expect(item["firstcreated"] as? String == "2026-11-29T18:17:04.907Z")
        #expect(item["versioncreated"] as? String == "2026-11-29T18:17:04.907Z")
        #expect(item["pubstatus"] as? String == "usable")
        #expect(item["language"] as? String == "ru")
        #expect(item["by"] as? String == "By Jane Doe")
        #expect(item["located"] as? String == "MOSCOW")
        let headlines = try #require(item["headlines"] as? [[String: Any]])
        #expect(headlines.count == 1)
        #expect(headlines[0]["value"] as? String == record.headline)
        #expect(headlines[0]["role"] as? String == "main")
        let bodies = try #require(item["bodies"] as? [[String: Any]])
        #expect(bodies[0]["value"] as? String == record.bodyText)
        #expect(bodies[0]["contenttype"] as? String == "text/plain")
        #expect(bodies[0]["wordcount"] as? Int == 6)
        let sources = try #require(item["infosources"] as? [[String: Any]])
        #expect(sources.compactMap { $0["name"] as? String } == ["Interfax", "TASS"])
        let standard = try #require(item["standard"] as? [String: Any])
        #expect(standard["version"] as? String == "2.2")
        #expect(item["altids"] == nil)
        #expect(item["ednote"] == nil)
    }

    @Test func aWireItemBringsItsSlugUrgencyNotesCategoryAndFilingTime() throws {
        var record = StoryRecord(
            kind: .story, id: "0123456789abcdef0123456789abcdef", receivedAt: "2026-11-29T18:17:04.907Z", bulletin: Self.reference,
            headline: "Ethanol plants eat into grassland", bodyText: "ATLANTA (AP) — Body.", byline: "By Jim Suhr",
            dateline: "ATLANTA", sources: ["AP"], language: "en", wordCount: 3)
        record.wireFormat = "anpa-1312"
        record.slug = "BC-US--Ethanol-Losing Grassland"
        record.urgency = 5
        record.category = "a"
        record.ednote = "Eds: APNewsNow. Will be updated."
        record.filedAt = "2016-02-20T03:37:00Z"
        let item = try #require(try Self.map(record.encodedLine()))
        #expect(item["uri"] as? String == "urn:bulletind:story:0123456789abcdef0123456789abcdef")
        #expect(item["version"] as? String == "1")
        #expect(item["slugline"] as? String == "BC-US--Ethanol-Losing Grassland")
        #expect(item["urgency"] as? Int == 5)
        #expect(item["ednote"] as? String == "Eds: APNewsNow. Will be updated.")
        #expect(item["firstcreated"] as? String == "2016-02-20T03:37:00Z")
        #expect(item["versioncreated"] as? String == "2016-02-20T03:37:00Z")
        #expect(item["pubstatus"] as? String == "usable")
        #expect((item["subjects"] as? [[String: String]]) == [["literal": "anpa-1312:a"]])
        #expect(item["descriptions"] == nil)
        #expect(item["altids"] == nil)
    }

    @Test func aLaterVersionSharesItsStorysURIWithTheNextVersionNumber() throws {
        var kill = StoryRecord(
            kind: .story, id: "ffffffffffffffffffffffffffffffff", receivedAt: "2026-11-29T19:00:00.000Z", bulletin: Self.reference,
            headline: "Kill: Ethanol plants", bodyText: "Editors: kill the story.", sources: [], language: "en", wordCount: 4)
        kill.version = "Kill"
        kill.versionOf = "0123456789abcdef0123456789abcdef"
        kill.pubstatus = "canceled"
        let item = try #require(try Self.map(kill.encodedLine(), version: 3))
        #expect(item["uri"] as? String == "urn:bulletind:story:0123456789abcdef0123456789abcdef")
        #expect(item["version"] as? String == "3")
        #expect(item["pubstatus"] as? String == "canceled")
        #expect(item["firstcreated"] == nil)
        #expect(item["versioncreated"] as? String == "2026-11-29T19:00:00.000Z")
        #expect((item["descriptions"] as? [[String: String]]) == [["role": "version-marker", "value": "Kill"]])
        #expect((item["altids"] as? [[String: String]]) == [["role": "story", "value": "urn:bulletind:story:ffffffffffffffffffffffffffffffff"]])
    }

    @Test func eachFramingNamesItsOwnCategoryCodes() throws {
        var record = StoryRecord(
            kind: .story, id: "0123456789abcdef0123456789abcdef", receivedAt: "2026-11-29T18:17:04.907Z", bulletin: Self.reference,
            headline: "Koalition einigt sich", bodyText: "Berlin (dpa) - Text.", sources: ["dpa"], language: "de", wordCount: 4)
        record.wireFormat = "iptc-7901"
        record.category = "pl"
        record.urgency = 3
        #expect((try Self.map(record.encodedLine())?["subjects"] as? [[String: String]]) == [["literal": "iptc-7901:pl"]])
        // A category with no framing named (a store line written by hand, or by an older
        // version) is written as it stands rather than given a scheme it may not have.
        record.wireFormat = nil
        #expect((try Self.map(record.encodedLine())?["subjects"] as? [[String: String]]) == [["literal": "pl"]])
    }

    @Test func aKillOfAStoryNeverSeenIsItsOwnFirstVersionCanceled() throws {
        var kill = StoryRecord(
            kind: .story, id: "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", receivedAt: "2026-11-29T19:00:00.000Z", bulletin: Self.reference,
            headline: "Kill: a story this store never had", bodyText: "Editors: kill the story.", sources: [], language: "en", wordCount: 5)
        kill.version = "Kill"
        kill.pubstatus = "canceled"
        kill.filedAt = "2026-11-29T18:59:00Z"
        let item = try #require(try Self.map(kill.encodedLine()))
        #expect(item["uri"] as? String == "urn:bulletind:story:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")
        #expect(item["version"] as? String == "1")
        #expect(item["pubstatus"] as? String == "canceled")
        #expect(item["firstcreated"] as? String == "2026-11-29T18:59:00Z")
        #expect(item["altids"] == nil)
        #expect((item["descriptions"] as? [[String: String]]) == [["role": "version-marker", "value": "Kill"]])
    }

    @Test func unknownValuesAreLeftOutRatherThanInvented() throws {
        let record = StoryRecord(
            kind: .story, id: String(repeating: "1", count: 32), receivedAt: "2026-11-29T18:17:04.907Z", bulletin: Self.reference,
            headline: "Headline", bodyText: "Body.", sources: [], language: "und", wordCount: 1)
        let item = try #require(try Self.map(record.encodedLine()))
        for absent in ["by", "located", "language", "infosources", "urgency", "slugline", "ednote", "subjects", "genres"] {
            #expect(item[absent] == nil, "\(absent)")
        }
    }

    @Test func duplicatesAreOccurrencesOfTheirStoryOnlyWhenAskedFor() throws {
        let exact = StoryRecord(
            kind: .duplicate, id: "d" + String(repeating: "2", count: 32), receivedAt: "2026-11-29T19:00:00.000Z", bulletin: Self.reference,
            headline: "Headline", duplicateOf: String(repeating: "1", count: 32), match: "exact", similarity: 1)
        #expect(try Self.map(exact.encodedLine()) == nil)
        let item = try #require(try Self.map(exact.encodedLine(), all: true))
        #expect(item["uri"] as? String == "urn:bulletind:occurrence:d" + String(repeating: "2", count: 32))
        #expect(item["representationtype"] as? String == "partial")
        #expect(item["bodies"] == nil)
        let altIDs = try #require(item["altids"] as? [[String: String]])
        #expect(altIDs == [["role": "duplicate-of", "value": "urn:bulletind:story:" + String(repeating: "1", count: 32)]])
        #expect(item["ednote"] as? String == "Repeat (exact, similarity 1) of urn:bulletind:story:" + String(repeating: "1", count: 32))

        var near = exact
        near.match = "near"
        near.similarity = 0.8125
        near.bodyText = "Its own, edited text."
        let nearItem = try #require(try Self.map(near.encodedLine(), all: true))
        #expect(nearItem["representationtype"] as? String == "full")
        #expect((nearItem["bodies"] as? [[String: Any]])?.first?["value"] as? String == "Its own, edited text.")
        #expect((nearItem["ednote"] as? String)?.hasPrefix("Repeat (near, similarity 0.8125) of ") == true)
    }

    @Test(arguments: [
        "", "{", "[]", #"{"kind":"story"} x"#, #"{"kind":"story",}"#, #"{"kind":"st\ory"}"#, #"{"kind":"story\u12"}"#,
        "{\"kind\":\"a\u{1}b\"}", #"{"n":01}"#, #"{"n":1.}"#, #"{"n":-}"#, #"{"n":tru}"#, #"{"a":[1,]}"#, #"{"a" 1}"#,
        String(repeating: "[", count: 100),
    ])
    func malformedLinesAreRefused(_ line: String) {
        let bytes = Array(line.utf8)
        #expect(throws: StoreLine.Malformed.self) { try bytes.withUnsafeBufferPointer { _ = try StoreLine.read($0) } }
    }

    @Test func invalidUTF8IsRefused() {
        let bytes = Array(#"{"kind":"story","headline":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: StoreLine.Malformed.self) { try bytes.withUnsafeBufferPointer { _ = try StoreLine.read($0) } }
    }

    @Test func unknownFieldsOfAnyShapeArePassedOver() throws {
        let line = #"{"future":{"a":[1,2.5e3,{"b":null}],"c":"\u00e9\"x"},"kind":"story","id":"00000000000000000000000000000003","#
            + #""received_at":"2026-11-29T18:17:04.907Z","bulletin":{"file":"f","sha256":"s","index":0,"later":true},"headline":"H","#
            + #""body_text":"B","future2":-0.5}"#
        let item = try #require(try Self.map(line))
        #expect(item["uri"] as? String == "urn:bulletind:story:00000000000000000000000000000003")
        #expect((item["bodies"] as? [[String: Any]])?.first?["value"] as? String == "B")
    }

    @Test func aLinesReceivedAtIsFoundWithoutReadingTheRest() {
        let record = StoryRecord(
            kind: .story, id: String(repeating: "1", count: 32), receivedAt: "2026-11-29T18:17:04.907Z", bulletin: Self.reference,
            headline: #"A headline quoting "received_at":"1999-01-01T00:00:00.000Z""#, bodyText: "Body.")
        #expect(StoreLine.receivedAt(in: Array(record.encodedLine().utf8))?.rfc3339 == "2026-11-29T18:17:04.907Z")
    }
}
