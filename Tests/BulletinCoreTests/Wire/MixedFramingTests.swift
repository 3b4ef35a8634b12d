import BulletinCore
import Foundation
import Testing

/// Feed files that mix framings, as a receiver appending several feeds writes them: every item
/// is read in its own framing and in file order, and text no framing holds is read as plain
/// text, never dropped.
@Suite struct MixedFramingTests {
    static func text(_ paths: [String], separator: [UInt8] = [0x0A]) throws -> String {
        var bytes: [UInt8] = []
        for path in paths { bytes += try WireFixtureTests.bytes(path) + separator }
        return try BulletinDecoder.decode(bytes).text
    }

    @Test func aZCZCMessageBetweenTwoANPAItems() throws {
        let stories = try BulletinParser().parse(
            Self.text(["tune/ap-03-giant-lobster.txt", "tune/aap-zczc-pair.txt", "heldout/ap-05-newsalert.txt"]))
        #expect(stories.map { $0.wire?.format } == [.anpa1312, .zczc, .zczc, .anpa1312])
        #expect(stories.first?.headline == "$210 lobster is found dead")
    }

    @Test func plainTextAfterAFramedItemIsReadAsPlainText() throws {
        let plain = """
            Markets close higher

            Shares rose for a third day as investors bet on lower rates, according to Reuters, \
            and bond yields fell across the curve.

            """
        let stories = try BulletinParser().parse(Self.text(["tune/ap-03-giant-lobster.txt"]) + plain)
        #expect(stories.count == 2)
        #expect(stories.last?.headline == "Markets close higher")
        #expect(stories.last?.wire == nil)
    }

    @Test func governmentNoticesAndKeyValueRecordsBetweenItems() throws {
        let stories = try BulletinParser().parse(
            Self.text(["tune/dpa-impressum.txt", "tune/bom-road-weather-cancellation.txt"]) + "\n"
                + Self.text(["tune/r87-b-0312.txt"]))
        #expect(stories.map { $0.wire?.format } == [.iptc7901, .governmentNotice, .anpa1312])
    }
}
