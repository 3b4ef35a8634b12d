import BulletinCore
import Foundation
import Testing

/// Kills and cancellations: the story line that ends a story is marked `pubstatus: canceled`
/// and linked to the story it ends. The AP kill and the Bureau of Meteorology alert under
/// Fixtures/wire/constructed are built by each service's convention around real items (see
/// SOURCES.md): no public kill or alert-and-cancellation pair exists.
@Suite struct KillAndCancellationTests {
    static func bytes(_ path: String) throws -> [UInt8] {
        try WireFixtureTests.bytes(path)
    }

    static func process(_ paths: [String], index: inout DuplicateIndex) throws -> [StoryRecord] {
        var records: [StoryRecord] = []
        for (position, path) in paths.enumerated() {
            let result = try BulletinProcessor().process(
                bytes: try bytes(path), file: (path as NSString).lastPathComponent,
                receivedAt: Timestamp(millisecondsSinceEpoch: 1_700_000_000_000 + Int64(position) * 60_000), index: &index)
            records += result.records
        }
        return records
    }

    @Test func anAPKillIsCanceledAndLinkedToTheStoryItKills() throws {
        var index = DuplicateIndex()
        let records = try Self.process(["constructed/ap-kill.txt"], index: &index)
        try #require(records.count == 2)
        let story = records[0], kill = records[1]
        #expect(story.kind == .story && story.pubstatus == nil && story.versionOf == nil)
        #expect(kill.kind == .story)
        #expect(kill.version == "Kill")
        #expect(kill.pubstatus == "canceled")
        #expect(kill.versionOf == story.id)
        #expect(kill.slug == "BC-AS--China-Daring Escape")
        #expect(kill.headline == "China lawyer's family says US helped them flee")
        // The line is valid JSON with the fields the schema documents.
        let line = try JSONSerialization.jsonObject(with: Data(kill.encodedLine().utf8)) as? [String: Any]
        #expect(line?["pubstatus"] as? String == "canceled")
        #expect(line?["version_of"] as? String == story.id)
    }

    @Test func aKillOfAStoryNeverSeenIsStillCanceled() throws {
        // The kill alone: nothing to link to, but the kill is recorded as such.
        let whole = try Self.bytes("constructed/ap-kill.txt")
        let killStart = try #require(whole.lastIndex(of: 0x16).map { $0 - 1 })
        var index = DuplicateIndex()
        let result = try BulletinProcessor().process(
            bytes: Array(whole[killStart...]), file: "kill.txt", receivedAt: Timestamp(millisecondsSinceEpoch: 0), index: &index)
        try #require(result.records.count == 1)
        #expect(result.records[0].pubstatus == "canceled")
        #expect(result.records[0].versionOf == nil)
    }

    @Test func aGovernmentCancellationIsLinkedToTheAlertOfTheSameTitle() throws {
        var index = DuplicateIndex()
        let records = try Self.process(
            ["constructed/bom-road-weather-alert.txt", "tune/bom-high-seas-warning.txt", "tune/bom-road-weather-cancellation.txt"],
            index: &index)
        try #require(records.count == 3)
        let alert = records[0], other = records[1], cancellation = records[2]
        #expect(alert.headline == "Road Weather Alert for Sydney" && alert.pubstatus == nil)
        #expect(alert.wireFormat == "government-notice" && alert.slug == "IDN38100")
        #expect(other.versionOf == nil)
        #expect(cancellation.headline == "Cancellation of Road Weather Alert for Sydney")
        #expect(cancellation.version == "Cancellation")
        #expect(cancellation.pubstatus == "canceled")
        #expect(cancellation.versionOf == alert.id)
        #expect(cancellation.filedAt == "2018-07-04T23:27:00Z")
    }

    @Test func aCancellationIsNotLinkedToAnAlertOfAnotherTitle() throws {
        // Same product id (every road weather alert of New South Wales), another title.
        let alert = try Self.bytes("constructed/bom-road-weather-alert.txt")
        let text = String(decoding: alert, as: UTF8.self).replacingOccurrences(of: "for Sydney", with: "for Newcastle")
            .replacingOccurrences(of: "Western suburbs", with: "Hunter valley")
        var index = DuplicateIndex()
        _ = try BulletinProcessor().process(
            bytes: Array(text.utf8), file: "a.txt", receivedAt: Timestamp(millisecondsSinceEpoch: 0), index: &index)
        let result = try BulletinProcessor().process(
            bytes: try Self.bytes("tune/bom-road-weather-cancellation.txt"), file: "c.txt",
            receivedAt: Timestamp(millisecondsSinceEpoch: 60_000), index: &index)
        #expect(result.records.first?.pubstatus == "canceled")
        #expect(result.records.first?.versionOf == nil)
    }

    @Test func noticesOneAfterAnotherInAFileAreItemsOfTheirOwn() throws {
        let joined = try Self.bytes("constructed/bom-road-weather-alert.txt") + [0x0A]
            + Self.bytes("tune/bom-road-weather-cancellation.txt")
        let stories = try BulletinParser().parse(BulletinDecoder.decode(joined).text)
        #expect(stories.map(\.headline) == ["Road Weather Alert for Sydney", "Cancellation of Road Weather Alert for Sydney"])
        #expect(stories.map { $0.wire?.slug } == ["IDN38100", "IDN38100"])
    }

    @Test(arguments: [
        ("Issued at 9:27 am EST on Thursday 5 July 2018.", "2018-07-04T23:27:00Z"),
        ("Issued at 12:40 pm EDT on Monday 1 January 2018.", "2018-01-01T01:40:00Z"),
        ("Issued at 1:05 am EDT on Monday 1 January 2018.", "2017-12-31T14:05:00Z"),
        ("Issued at 8:10 am ACST on Friday 1 March 2019", "2019-02-28T22:40:00Z"),
        ("Issued at 4:10 pm ACST on Friday 29 February 2019", nil),
        ("At 1859UTC 15 July 2018", "2018-07-15T18:59:00Z"),
        ("Issued at 9:27 am on Thursday 5 July 2018.", nil),
        ("SITUATION AT 1800UTC", nil),
    ] as [(String, String?)])
    func noticeIssueTimes(_ line: String, _ expected: String?) {
        // Read through a notice, as the framing reads it.
        let text = "IDN38100\nAustralian Government Bureau of Meteorology\n\nFlood Warning for the Hunter River\n\n\(line)\n\nRiver levels are falling.\n"
        let story = try? BulletinParser().parse(text).first
        #expect(story?.wire?.filedAt == expected, "\(line)")
    }
}
