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
}
