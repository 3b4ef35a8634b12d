import BulletinCore
import Foundation
import Testing

/// The words agencies mark items with, each on a real item: the Reuters REXNORD story of
/// Fixtures/wire/tune/r87-a-0311.txt (its second item, ANPA-1312 as Reuters sent it in 1987) and
/// the dpa item of dpa-01-coalition.txt, with only the priority, slug or headline line changed
/// to what an agency writes for a flash, an update, a withdrawal or a test. The real fixture set
/// holds no FLASH, UPDATE n, STORY WITHDRAWN, test message or advisory; these are their rules.
@Suite struct WireVocabularyTests {
    static let rexnordHeader = "r f BC-REXNORD-<REX>-TO-SELL   03-11 0097"
    static let rexnordHeadline = "REXNORD <REX> TO SELL RAILWAY EQUIPMENT UNIT"

    /// The REXNORD item, SYN SYN SOH to EOT, with its header and headline lines replaced.
    /// `body` (lines as Reuters indents them) replaces the story's text, sign-off kept.
    static func rexnord(
        header: String = rexnordHeader, headline: String = rexnordHeadline, addedParagraph: String? = nil, body: String? = nil
    ) throws -> [UInt8] {
        let file = try WireFixtureTests.bytes("tune/r87-a-0311.txt")
        let items = file.split(separator: 0x04, omittingEmptySubsequences: true)
        var text = String(decoding: try #require(items.first { String(decoding: $0, as: UTF8.self).contains("REXNORD") }), as: UTF8.self)
        try #require(text.contains(rexnordHeader) && text.contains(rexnordHeadline))
        text = text.replacingOccurrences(of: rexnordHeader, with: header)
            .replacingOccurrences(of: "\u{02}\n\(rexnordHeadline)\n", with: "\u{02}\n\(headline)\n")
        if let addedParagraph { text = text.replacingOccurrences(of: " Reuter\n", with: "    \(addedParagraph)\n Reuter\n") }
        if let body {
            let start = try #require(text.range(of: "\(headline)\n")).upperBound
            let end = try #require(text.range(of: " Reuter\n")).lowerBound
            text.replaceSubrange(start..<end, with: body)
        }
        return Array(text.utf8) + [0x04]
    }

    static func parse(_ bytes: [UInt8]) throws -> [Story] {
        try BulletinParser().parse(BulletinDecoder.decode(bytes).text)
    }

    static func process(_ files: [[UInt8]]) throws -> [BulletinProcessor.Result] {
        var index = DuplicateIndex()
        return try files.enumerated().map { position, bytes in
            try BulletinProcessor().process(
                bytes: bytes, file: "item-\(position).txt",
                receivedAt: Timestamp(millisecondsSinceEpoch: 1_700_000_000_000 + Int64(position) * 60_000), index: &index)
        }
    }

    // MARK: - Urgency

    @Test(arguments: [("f", 1), ("b", 2), ("u", 3), ("r", 5), ("d", 6)])
    func anANPAPriorityLetterIsAnUrgency(_ letter: String, _ urgency: Int) throws {
        let story = try #require(try Self.parse(Self.rexnord(header: "\(letter) f BC-REXNORD-<REX>-TO-SELL   03-11 0097")).first)
        #expect(story.wire?.urgency == urgency)
    }

    @Test(arguments: [("FLASH", 1), ("BULLETIN", 2), ("URGENT", 3), ("ALERT", 3)])
    func anUrgencyWordOpeningAHeadlineIsAnUrgency(_ word: String, _ urgency: Int) throws {
        for separator in [" - ", ": ", "-"] {
            let story = try #require(try Self.parse(Self.rexnord(headline: word + separator + Self.rexnordHeadline)).first)
            #expect(story.wire?.urgency == urgency, "\(word)\(separator)")
            #expect(story.headline == Self.rexnordHeadline, "the word is not part of the headline")
        }
    }

    @Test(arguments: [(1, 1), (2, 2), (3, 3), (4, 5), (5, 6), (6, 8)])
    func anIPTC7901PriorityDigitIsAnUrgency(_ digit: Int, _ urgency: Int) throws {
        let file = String(decoding: try WireFixtureTests.bytes("tune/dpa-01-coalition.txt"), as: UTF8.self)
        try #require(file.contains("eca062 4 i 211"))
        let story = try #require(try Self.parse(Array(file.replacingOccurrences(of: "eca062 4 i 211", with: "eca062 \(digit) i 211").utf8)).first)
        #expect(story.wire?.urgency == urgency)
        #expect(story.wire?.category == "i")
    }

    // MARK: - Version markers

    @Test(arguments: [
        ("UPDATE 2-", "UPDATE 2", VersionMarker.Kind.update, false),
        ("UPDATE 1 - ", "UPDATE 1", .update, false),
        ("REFILE-", "REFILE", .refile, false),
        ("CORRECTED - ", "CORRECTED", .correction, false),
        ("RPT-", "RPT", .repeated, false),
        ("STORY WITHDRAWN - ", "STORY WITHDRAWN", .kill, true),
        ("KILL - ", "KILL", .kill, true),
    ])
    func aVersionMarkerOpeningAHeadline(_ prefix: String, _ marker: String, _ kind: VersionMarker.Kind, _ withdrawn: Bool) throws {
        let story = try #require(try Self.parse(Self.rexnord(headline: prefix + Self.rexnordHeadline)).first)
        #expect(story.headline == Self.rexnordHeadline)
        #expect(story.wire?.version == marker)
        #expect(story.wire?.versionKind == kind)
        #expect(story.wire?.isWithdrawn == withdrawn)
    }

    @Test(arguments: [
        ("1st Ld-Writethru", VersionMarker.Kind.update), ("3rdLd-Writethru", .update), ("1ST LEAD", .update),
        ("REFILE 1ST LEAD", .refile), ("UPDATE 2", .update), ("CORRECTED", .correction), ("CORRECTION", .correction),
        ("RPT", .repeated), ("Kill", .kill), ("STORY WITHDRAWN", .kill), ("Cancellation", .kill),
    ])
    func whatAMarkerMeans(_ marker: String, _ kind: VersionMarker.Kind) {
        #expect(VersionMarker.kind(marker) == kind)
    }

    @Test func wordsThatAreNotMarkersStayInTheHeadline() throws {
        for headline in ["UPDATE ON REXNORD <REX> RAILWAY SALE", "STORY OF REXNORD <REX> RAILWAY UNIT", "KILLER WHALE FOUND IN PORT"] {
            let story = try #require(try Self.parse(Self.rexnord(headline: headline)).first)
            #expect(story.headline == headline)
            #expect(story.wire?.version == nil, "\(headline)")
        }
    }

    /// Reuters' way: the same slug, the marker opening the headline. The update (a paragraph
    /// more) and the withdrawal are story lines linked to the first sighting; the withdrawal is
    /// canceled.
    @Test func anUpdateAndAWithdrawalAreLinkedToTheFirstSighting() throws {
        let results = try Self.process([
            try Self.rexnord(),
            try Self.rexnord(
                headline: "UPDATE 1-" + Self.rexnordHeadline,
                addedParagraph: "Banner Industries said it would pay 22 mln dlrs in cash for the unit."),
            try Self.rexnord(
                header: "b f BC-REXNORD-<REX>-TO-SELL   03-11 0020", headline: "STORY WITHDRAWN - " + Self.rexnordHeadline,
                body: "    BROOKFIELD, WIS., March 11 - The story headlined \"Rexnord to sell railway equipment unit\"\n"
                    + "is withdrawn. There will be no substitute story.\n"),
        ])
        let records = results.flatMap(\.records)
        try #require(records.count == 3)
        let original = records[0], update = records[1], withdrawal = records[2]
        #expect(original.kind == .story && original.versionOf == nil && original.version == nil)
        #expect(update.kind == .story && update.version == "UPDATE 1" && update.versionOf == original.id)
        #expect(update.pubstatus == nil)
        #expect(withdrawal.kind == .story && withdrawal.version == "STORY WITHDRAWN")
        #expect(withdrawal.versionOf == original.id)
        #expect(withdrawal.pubstatus == "canceled")
        #expect(withdrawal.urgency == 2)
    }

    /// The same story credited and framed by another agency, no marker: a duplicate, as
    /// before wire framing was read, never a version.
    @Test func aCopyByAnotherAgencyStaysADuplicate() throws {
        let original = String(decoding: try Self.rexnord(), as: UTF8.self)
        let stx = try #require(original.firstIndex(of: "\u{02}"))
        let etx = try #require(original.firstIndex(of: "\u{03}"))
        let lines = original[original.index(after: stx)..<etx].split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.dropFirst(2).map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0 != "Reuter" && !$0.isEmpty }
        let zczc = "ZCZC AAP\n%F\n#Rexnord_BC1\n$\(Self.rexnordHeadline)\n:(BROOKFIELD)\n@US\n"
            + body.joined(separator: "\n") + "\nReuter\n\nAAP RTV\nNNNN\n"
        let results = try Self.process([Array(original.utf8), Array(zczc.utf8)])
        let copy = try #require(results.last?.records.first)
        let first = try #require(results.first?.records.first)
        #expect(try #require(try Self.parse(Array(zczc.utf8)).first).wire?.format == .zczc)
        #expect(copy.kind == .duplicate)
        #expect(copy.duplicateOf == first.id)
        #expect(copy.versionOf == nil && copy.pubstatus == nil)
    }

    // MARK: - Service messages

    @Test(arguments: [
        ("r a BC-Test   03-11 0012", "TEST"),
        ("r a BC-AP-Coverage Advisory   03-11 0012", "AP COVERAGE ADVISORY"),
        ("r a BC-REXNORD-<REX>-TO-SELL   03-11 0097", "TEST MESSAGE - PLEASE IGNORE"),
    ])
    func aTestOrAdvisoryIsANoticeNotAStory(_ header: String, _ headline: String) throws {
        let result = try #require(try Self.process([try Self.rexnord(header: header, headline: headline)]).first)
        #expect(result.records.isEmpty)
        #expect(result.notices.count == 1)
    }

    @Test(arguments: [
        ("r a BC-AS--NKorea-Nuclear Test   03-11 0097", "NORTH KOREA CONDUCTS NUCLEAR TEST"),
        ("r a BC-US--Winter Storm Advisory   03-11 0097", "WINTER STORM ADVISORY FOR DENVER"),
        ("r a BC-CRICKET-TEST   03-11 0097", "ENGLAND WIN FIRST TEST"),
    ])
    func aStoryAboutATestOrAnAdvisoryIsAStory(_ header: String, _ headline: String) throws {
        let result = try #require(try Self.process([try Self.rexnord(header: header, headline: headline)]).first)
        #expect(result.notices.isEmpty)
        #expect(result.records.map(\.headline) == [headline])
    }

    @Test func aZCZCTestMessageIsANotice() throws {
        let text = "ZCZC AAP\n%A\n#TEST\n$TEST MESSAGE PLEASE IGNORE\n:(SYDNEY)\n@NSW\nThis is a test transmission.\n\nAAP RTV\nNNNN\n"
        let result = try #require(try Self.process([Array(text.utf8)]).first)
        #expect(result.records.isEmpty)
        #expect(result.notices.map(\.wire.format) == [.zczc])
    }
}
