import BulletinCore
import Foundation

/// The bulletins under Fixtures/bulletins: each `name.ext` has `name.expected.json`.
enum FixtureCorpus {
    struct ExpectedStory: Decodable, Sendable {
        var headline: String
        var byline: String?
        var dateline: String?
        var sources: [String]
        var language: String?
        var paragraphCount: Int
        var paragraphs: [String]?
    }

    struct Expectation: Decodable, Sendable {
        var encoding: String?
        var rejection: String?
        var stories: [ExpectedStory]
    }

    static var folder: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("bulletins")
    }

    /// Bulletin file names, sorted: every file with an expectation beside it (other
    /// suites may keep fixtures of their own in the same folder).
    static let names: [String] = {
        let files = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        return files.filter { name in
            !name.hasSuffix(".expected.json")
                && files.contains("\((name as NSString).deletingPathExtension).expected.json")
        }.sorted()
    }()

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func expectation(for name: String) throws -> Expectation {
        let base = (name as NSString).deletingPathExtension
        let data = try Data(contentsOf: folder.appendingPathComponent("\(base).expected.json"))
        return try JSONDecoder().decode(Expectation.self, from: data)
    }

    static func stories(_ name: String) throws -> [Story] {
        try BulletinParser().parse(BulletinDecoder.decode(bytes(name)).text)
    }
}
