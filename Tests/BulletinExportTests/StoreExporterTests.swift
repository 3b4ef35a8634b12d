import BulletinCore
import BulletinExport
import Foundation
import LinuxIO
import Synchronization
import SystemPackage
import Testing

/// The exporter over a store written here, read a few hundred bytes at a time so that every
/// line, key and version link falls across chunk boundaries somewhere.
@Suite final class StoreExporterTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var store: URL { folder.appendingPathComponent("stories.jsonl") }

    static func id(_ number: Int) -> String { String(format: "%032x", number) }

    /// Twenty stories, then three later versions of each, one bulletin a line.
    static func lines() -> [String] {
        var lines: [String] = []
        for number in 0..<80 {
            let root = number % 20
            var record = StoryRecord(
                kind: .story, id: id(1000 + number), receivedAt: Timestamp(millisecondsSinceEpoch: 1_796_000_000_000 + Int64(number) * 1000).rfc3339,
                bulletin: .init(file: "b\(number).txt", sha256: String(format: "%064x", number), index: 0, stories: 1),
                headline: "Headline \(number)", bodyText: String(repeating: "Body of story \(number). ", count: number % 7 + 1),
                sources: [], language: "en", wordCount: 4)
            if number >= 20 {
                record.versionOf = id(1000 + root)
                record.version = "\(number / 20)th Ld-Writethru"
            }
            lines.append(record.encodedLine())
        }
        return lines
    }

    /// Runs an export; returns the version of every story line, by its own story id.
    func export(cursor: URL?) throws -> [String: String] {
        let collected = Mutex<[UInt8]>([])
        var options = ExportOptions(store: FilePath(store.path))
        options.cursor = cursor.map { FilePath($0.path) }
        options.readSize = 300
        options.output = { bytes in collected.withLock { $0 += bytes } }
        try StoreExporter(options: options, warn: { Issue.record("warning: \($0)") }).run()
        let text = collected.withLock { String(decoding: $0, as: UTF8.self) }
        var versions: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let item = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let own = (item["altids"] as? [[String: String]])?.first { $0["role"] == "story" }?["value"] ?? item["uri"] as? String ?? "?"
            versions[String(own.split(separator: ":").last!)] = item["version"] as? String
        }
        return versions
    }

    @Test func versionsAreNumberedTheSameInOneRunOrInTwo() throws {
        let lines = Self.lines()
        try Data(lines.joined().utf8).write(to: store)
        let whole = try export(cursor: nil)
        #expect(whole.count == 80)
        #expect(whole[Self.id(1000)] == "1")
        #expect(whole[Self.id(1020)] == "2")
        #expect(whole[Self.id(1079)] == "4")

        try Data(lines.prefix(50).joined().utf8).write(to: store)
        let cursor = folder.appendingPathComponent("cursor")
        let first = try export(cursor: cursor)
        let handle = try FileHandle(forWritingTo: store)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(lines.dropFirst(50).joined().utf8))
        try handle.close()
        let second = try export(cursor: cursor)
        #expect(first.count == 50)
        #expect(second.count == 30)
        #expect(first.merging(second) { old, _ in old } == whole)
    }
}
