import BulletinCore
@testable import BulletinDaemon
import Foundation
import LinuxIO
import SystemPackage
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

    /// A store file that cannot be looked at (EIO on a failing disk; here ELOOP, a link to
    /// itself) fails as itself: the current file is not "missing", and a rotated one does not
    /// end the list of files (which would leave it out of `verify`, `stats` and a rebuild).
    @Test func aStoreFileThatCannotBeLookedAtIsAnErrorOfItsOwn() throws {
        let folder = FilePath(FileManager.default.temporaryDirectory.path).appending("verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder.string, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder.string) }
        let store = folder.appending("stories.jsonl")
        try Data((Self.story() + "\n").utf8).write(to: URL(fileURLWithPath: store.string))
        #expect(try StoreInspection.verify(store: store).lines == 1)
        try FileManager.default.createSymbolicLink(atPath: store.string + ".1", withDestinationPath: "stories.jsonl.1")
        for inspect in [{ _ = try StoreInspection.verify(store: store) }, { _ = try StoreInspection.statistics(store: store, failedFolder: nil) }] {
            #expect {
                try inspect()
            } throws: { error in
                (error as? IOFailure)?.errno == .tooManySymbolicLinkLevels
            }
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appending("loop").string, withDestinationPath: "loop")
        #expect {
            _ = try StoreInspection.verify(store: folder.appending("loop/stories.jsonl"))
        } throws: { error in
            (error as? IOFailure)?.errno == .tooManySymbolicLinkLevels
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

    static let wire = #","wire_format":"anpa-1312","slug":"BC-US--Ethanol","version":"Kill","urgency":2,"filed_at":"2016-02-20T03:37:00Z","pubstatus":"canceled""#

    @Test func wireFieldsAreFieldsOfAStoryLine() {
        let later = Self.story(id: String(repeating: "3", count: 32), extra: Self.wire + #","version_of":"\#(Self.storyID)""#)
        #expect(Self.verify([Self.story(), later]) == nil)
    }

    @Test(arguments: [
        (#","wire_format":"telex""#, "'wire_format' is unknown"),
        (#","urgency":0"#, "'urgency' must be a whole number from 1 to 9"),
        (#","slug":"""#, "'slug' must be a non-empty string"),
        (#","filed_at":"2016-02-20 03:37""#, "'filed_at' is malformed"),
        (#","pubstatus":"usable""#, "'pubstatus' must be"),
        (#","version_of":"\#(String(repeating: "9", count: 32))""#, "version_of 9999"),
    ])
    func wireFieldFaults(extra: String, message: String) throws {
        let fault = try #require(Self.verify([Self.story(id: String(repeating: "3", count: 32), extra: extra)]))
        #expect(fault.message.contains(message), "\(fault.message)")
    }

    /// What the daemon writes for every real wire fixture, versions and kills included, verifies.
    @Test func theStoreOfEveryWireFixtureVerifies() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BulletinCoreTests/Fixtures/wire")
        var index = DuplicateIndex()
        var verifier = StoreVerifier()
        var wireLines = 0
        for part in ["tune", "heldout", "constructed"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(part).path)
            for name in names.sorted() where name.hasSuffix(".txt") {
                let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("\(part)/\(name)")))
                let result = try BulletinProcessor().process(
                    bytes: bytes, file: name, receivedAt: Timestamp(millisecondsSinceEpoch: 1_700_000_000_000), index: &index)
                for record in result.records {
                    try verifier.check(Array(record.encodedLine().utf8))
                    if record.wireFormat != nil { wireLines += 1 }
                }
            }
        }
        #expect(wireLines >= 60)
    }

    @Test func aTornLastLineIsAFault() throws {
        let fault = try #require(Self.verify([Self.story(), #"{"schema":"bull"#], lastTerminated: false))
        #expect(fault.line == 2)
        #expect(fault.message.contains("torn line"))
    }
}
