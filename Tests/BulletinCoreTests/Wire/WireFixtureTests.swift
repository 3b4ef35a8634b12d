import BulletinCore
import Foundation
import Testing

/// The real wire items under Fixtures/wire (see its SOURCES.md): every item's fields, and the
/// version chains the set holds, for the tuning part and the held-out part alike.
@Suite struct WireFixtureTests {
    struct ExpectedItem: Decodable {
        var headline: String
        var byline: String?
        var dateline: String?
        var sources: [String]
        var paragraphCount: Int
        var format: String?
        var agency: String?
        var slug: String?
        var version: String?
        var urgency: Int?
        var category: String?
        var ednote: String?
        var filedAt: String?
        var withdrawn: Bool
        var service: Bool
    }

    struct Expectation: Decodable {
        var encoding: String?
        var items: [ExpectedItem]
    }

    /// chains.json: the chains of each part ("missed": known misses, asserted unlinked below).
    struct Chains: Decodable {
        var tune: [[String]]
        var heldout: [[String]]
        subscript(part: String) -> [[String]]? { part == "tune" ? tune : part == "heldout" ? heldout : nil }
    }

    static var folder: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("wire")
    }

    static func files(_ part: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(part).path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }

    static let all: [String] = files("tune").map { "tune/\($0)" } + files("heldout").map { "heldout/\($0)" }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
    }

    static func expectation(_ path: String) throws -> Expectation {
        let base = (path as NSString).deletingPathExtension
        return try JSONDecoder().decode(
            Expectation.self, from: Data(contentsOf: folder.appendingPathComponent("\(base).expected.json")))
    }

    @Test func theSetIsLargeAndVaried() throws {
        var items = 0
        var formats: Set<String> = []
        var multiItemFiles = 0
        for path in Self.all {
            let expected = try Self.expectation(path)
            items += expected.items.count
            formats.formUnion(expected.items.compactMap(\.format))
            if expected.items.count > 1 { multiItemFiles += 1 }
        }
        #expect(items >= 40)
        #expect(formats == Set(WireMetadata.Format.allCases.map(\.rawValue)))
        #expect(multiItemFiles >= 5)
        let heldOut = try Self.files("heldout").reduce(0) { $0 + (try Self.expectation("heldout/\($1)").items.count) }
        #expect(heldOut * 4 >= items)
        // At least ten version chains, held-out ones among them.
        let chains = try JSONDecoder().decode(Chains.self, from: Data(contentsOf: Self.folder.appendingPathComponent("chains.json")))
        #expect(chains.tune.count + chains.heldout.count >= 10 && !chains.heldout.isEmpty)
    }

    @Test(arguments: all) func itemFields(_ path: String) throws {
        let expected = try Self.expectation(path)
        let decoded = try BulletinDecoder.decode(try Self.bytes(path))
        #expect(decoded.encoding.rawValue == expected.encoding)
        let stories = try BulletinParser().parse(decoded.text)
        #expect(stories.count == expected.items.count)
        for (story, item) in zip(stories, expected.items) {
            #expect(story.headline == item.headline)
            #expect(story.byline == item.byline)
            #expect(story.dateline == item.dateline)
            #expect(story.sources == item.sources)
            #expect(story.paragraphs.count == item.paragraphCount)
            let wire = try #require(story.wire)
            #expect(wire.format.rawValue == item.format)
            #expect(wire.agency == item.agency)
            #expect(wire.slug == item.slug)
            #expect(wire.version == item.version)
            #expect(wire.urgency == item.urgency)
            #expect(wire.category == item.category)
            #expect(wire.ednote == item.ednote)
            #expect(wire.filedAt == item.filedAt)
            #expect(wire.isWithdrawn == item.withdrawn)
            #expect(wire.isServiceMessage == item.service)
            for text in [story.headline, story.byline ?? "", story.dateline ?? ""] + story.paragraphs + story.sources {
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }, "\(path)")
            }
        }
    }

    /// No line of the framing reaches the text: ZCZC sigil header lines and message marks, ANPA
    /// `^` header lines and trailers, IPTC 7901 editors' sections and trailers. (The expected
    /// files count paragraphs; this says what none of them may be.)
    @Test(arguments: all) func noFramingLineReachesTheText(_ path: String) throws {
        let stories = try BulletinParser().parse(BulletinDecoder.decode(try Self.bytes(path)).text)
        for story in stories {
            let format = try #require(story.wire?.format)
            for paragraph in story.paragraphs {
                let lines = paragraph.split(separator: "\n").map { $0.drop { $0 == " " } }
                for line in lines {
                    let framingLine: Bool =
                        switch format {
                        case .zczc:
                            line.hasPrefix("ZCZC") || line.hasPrefix("NNNN")
                                || line.count > 1 && Self.zczcSigils.contains(line.first!) && line.dropFirst().first != " "
                        case .anpa1312:
                            line.hasPrefix("^") || line.contains("AP-WF-") || line.hasPrefix("Eds:") || line == "Associated Press="
                        case .iptc7901:
                            line.hasPrefix("# ") || line.hasPrefix("## ")
                                || line.range(of: "not (intended )?for publication", options: [.regularExpression, .caseInsensitive]) != nil
                                || line.range(of: "^[0-9]{6} GMT [A-Z][a-z]{2}", options: .regularExpression) != nil
                        default: false
                        }
                    #expect(!framingLine, "\(path): \(line)")
                }
            }
        }
    }

    static let zczcSigils: Set<Character> = ["%", "#", "$", ":", "&", "*", "~", "@", "=", "^", "+"]

    /// Each part's files in name order through one index: every later filing of a chain is a
    /// story line linked to the chain's first sighting; nothing else is linked.
    @Test(arguments: ["tune", "heldout"]) func versionChains(_ part: String) throws {
        let chainsData = try Data(contentsOf: Self.folder.appendingPathComponent("chains.json"))
        let chains = try #require(try JSONDecoder().decode(Chains.self, from: chainsData)[part])
        var index = DuplicateIndex()
        var records: [String: StoryRecord] = [:]
        for (position, name) in Self.files(part).enumerated() {
            let result = try BulletinProcessor().process(
                bytes: try Self.bytes("\(part)/\(name)"), file: name,
                receivedAt: Timestamp(millisecondsSinceEpoch: 1_700_000_000_000 + Int64(position) * 60_000), index: &index)
            for record in result.records { records["\(name)#\(record.bulletin.index)"] = record }
        }
        var linked: Set<String> = []
        for chain in chains {
            let first = try #require(records[chain[0]])
            #expect(first.kind == .story && first.versionOf == nil, "\(chain[0])")
            for later in chain.dropFirst() {
                let record = try #require(records[later])
                // A repeat with unchanged text ("RPT") stays a duplicate of the first sighting.
                if record.kind == .duplicate {
                    #expect(record.match == "exact" && record.duplicateOf == first.id, "\(later)")
                } else {
                    #expect(record.versionOf == first.id, "\(later) should be a version of \(chain[0])")
                }
                linked.insert(later)
            }
        }
        for (key, record) in records where !linked.contains(key) {
            #expect(record.versionOf == nil, "\(key) is linked to \(record.versionOf ?? "")")
        }
    }
}

/// Tables of wire copy stay one preformatted block with their rows, inside the item's one story:
/// AP's DC2-framed standings, AAP's ZCZC market table, a Reuters figure table.
@Suite struct WireTableTests {
    @Test(arguments: [
        ("tune/ap-02-baseball-expanded.txt", "Baltimore   23  13  .639  _   _     8-2  L-1  16-6   7-7", 5),
        ("heldout/ap-06-wild-card.txt", "Cleveland     73  51  .589  _", 10),
        ("tune/aap-top-ten.txt", "AtlasIron        76,147,672     0.035     0.00", 10),
        ("tune/r87-a-0311.txt", "Avg shrs 7,382,802 vs 6,747,442", 9),
    ])
    func aTableIsOneBlockOfRows(_ path: String, _ row: String, _ minimumRows: Int) throws {
        let stories = try BulletinParser().parse(BulletinDecoder.decode(try WireFixtureTests.bytes(path)).text)
        let block = try #require(stories.first?.paragraphs.first { $0.split(separator: "\n").contains { $0 == row } }, "\(path)")
        #expect(block.split(separator: "\n").count >= minimumRows)
    }
}
