import Foundation
import Testing

/// Real wire copy through the real binary: every wire fixture ingested, the store valid against
/// the schema and sound for `verify`, versions linked, kills and cancellations said on stderr.
@Suite struct WireIngestTests {
    @Test func wireFixturesMakeASoundStoreWithTheirVersions() throws {
        let daemon = try DaemonHarness()
        let wire = DaemonHarness.repository.appendingPathComponent("Tests/BulletinCoreTests/Fixtures/wire")
        // The files in the order a feed would bring them: the alert before its cancellation.
        let archive = daemon.folder.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        var number = 0
        for part in ["constructed", "tune", "heldout"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: wire.appendingPathComponent(part).path)
            for name in names.sorted() where name.hasSuffix(".txt") {
                number += 1
                let target = archive.appendingPathComponent(String(format: "%03d-%@", number, name))
                try FileManager.default.copyItem(at: wire.appendingPathComponent("\(part)/\(name)"), to: target)
            }
        }
        let ingest = try daemon.runToEnd(["ingest", "--no-progress", archive.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        // ingest echoes warnings: the kill and the cancellation are among them.
        #expect(ingest.stderr.contains("story withdrawn (Kill)"))
        #expect(ingest.stderr.contains("story withdrawn (Cancellation)"))

        let verify = try daemon.runToEnd(["verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        let schema = try daemon.validateStoreAgainstSchema()
        #expect(schema.ok, "\(schema.output)")

        let lines = daemon.storeLines()
        let formats = Set(lines.compactMap { $0["wire_format"] as? String })
        #expect(formats == ["anpa-1312", "iptc-7901", "zczc", "press-release", "key-value", "government-notice"])
        let ids = Set(lines.compactMap { $0["kind"] as? String == "story" ? $0["id"] as? String : nil })
        let versions = lines.filter { $0["version_of"] != nil }
        #expect(versions.count >= 10)
        #expect(versions.allSatisfy { ids.contains($0["version_of"] as? String ?? "") })
        let canceled = lines.filter { $0["pubstatus"] as? String == "canceled" }
        #expect(canceled.compactMap { $0["version"] as? String }.sorted() == ["Cancellation", "Kill"])
        #expect(canceled.allSatisfy { $0["version_of"] != nil })
    }

    /// Versions link across runs of the binary: the first run ingests the first sightings, the
    /// second (a new process) their later versions, with the snapshot the first run left, or with
    /// the snapshot gone, so that the links can only come from the store.
    @Test(arguments: [false, true]) func versionsLinkAcrossRestarts(snapshotLost: Bool) throws {
        let daemon = try DaemonHarness()
        let wire = DaemonHarness.repository.appendingPathComponent("Tests/BulletinCoreTests/Fixtures/wire")
        func archive(_ name: String, _ paths: [String]) throws -> String {
            let folder = daemon.folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (number, path) in paths.enumerated() {
                let target = folder.appendingPathComponent(String(format: "%02d-%@", number, (path as NSString).lastPathComponent))
                try FileManager.default.copyItem(at: wire.appendingPathComponent(path), to: target)
            }
            return folder.path
        }
        let first = try daemon.runToEnd(
            ["ingest", "--no-progress", try archive("first", ["constructed/bom-road-weather-alert.txt", "tune/r87-d-0323.txt"])])
        #expect(first.status == 0, "\(first.stderr)")
        let snapshot = daemon.folder.appendingPathComponent(".bulletind/index.snapshot")
        #expect(FileManager.default.fileExists(atPath: snapshot.path))
        if snapshotLost { try FileManager.default.removeItem(at: snapshot) }
        let firstLines = daemon.storeLines()
        let firstIDs = Set(firstLines.compactMap { $0["kind"] as? String == "story" ? $0["id"] as? String : nil })

        let second = try daemon.runToEnd(
            ["ingest", "--no-progress", try archive("second", ["tune/r87-e-0324.txt", "tune/bom-road-weather-cancellation.txt"])])
        #expect(second.status == 0, "\(second.stderr)")
        let later = daemon.storeLines().dropFirst(firstLines.count)
        // chains.json: r87-e-0324's items 0, 1 and 2 are later filings of r87-d-0323's.
        let linkedBack = later.filter { firstIDs.contains($0["version_of"] as? String ?? "") }.compactMap { line in
            (line["bulletin"] as? [String: Any]).flatMap { "\($0["file"]!)#\($0["index"]!)" }
        }
        #expect(Set(linkedBack) == ["00-r87-e-0324.txt#0", "00-r87-e-0324.txt#1", "00-r87-e-0324.txt#2", "01-bom-road-weather-cancellation.txt#0"])
        let cancellation = try #require(later.first { $0["version"] as? String == "Cancellation" })
        #expect(cancellation["pubstatus"] as? String == "canceled")
        let alert = try #require(firstLines.first { $0["headline"] as? String == "Road Weather Alert for Sydney" })
        #expect(cancellation["version_of"] as? String == alert["id"] as? String)
        #expect(try daemon.runToEnd(["verify"]).status == 0)
    }
}
