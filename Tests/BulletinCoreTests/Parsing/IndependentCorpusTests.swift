import Foundation
import Testing

/// The independent split of the parse corpus (Tests/ParseCorpus/independent,
/// scripts/make-independent-corpus.py): its committed articles are well formed and credited,
/// and the generator builds the same bulletins every time, from nothing but the articles' text.
@Suite("Independent parse corpus")
struct IndependentCorpusTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("Tests/ParseCorpus/independent")

    struct Block: Decodable { var kind: String; var text: String }
    struct Article: Decodable { var id: String; var lang: String; var headline: String; var blocks: [Block] }

    static func sourceFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
    }

    @Test func everyArticleHasAHeadlineAndParagraphsOfKnownKinds() throws {
        let kinds: Set = ["prose", "crosshead", "list", "table", "caption", "credit"]
        var ids = Set<String>()
        var languages = Set<String>()
        for file in try Self.sourceFiles() {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let article = try JSONDecoder().decode(Article.self, from: Data(line.utf8))
                #expect(ids.insert(article.id).inserted, "\(article.id) twice")
                #expect(!article.headline.isEmpty && !article.headline.contains("\n"), "\(article.id)")
                #expect(article.blocks.filter { $0.kind == "prose" }.count >= 3, "\(article.id)")
                #expect(article.blocks.allSatisfy { kinds.contains($0.kind) && !$0.text.isEmpty }, "\(article.id)")
                languages.insert(article.lang)
            }
        }
        #expect(ids.count >= 300)
        #expect(languages.isSuperset(of: ["en", "de", "es", "fr", "pl", "pt", "ar", "zh"]))
    }

    @Test func sourcesFileNamesEveryArticleFile() throws {
        let sources = try String(contentsOf: Self.folder.appendingPathComponent("SOURCES.md"), encoding: .utf8)
        for file in try Self.sourceFiles() { #expect(sources.contains("`\(file)`"), "\(file) not in SOURCES.md") }
    }

    /// Runs the generator twice into fresh folders: the same bytes, and every paragraph of the
    /// truth is text of the bulletin (the layout may wrap it, never change it); no article is
    /// used in both halves (tuning and held-out).
    @Test func generatorIsDeterministicAndTruthIsTheBulletinsText() throws {
        let runs = try (0..<2).map { _ in try generate(count: 12) }
        #expect(runs[0] == runs[1])
        var articlesByHalf: [String: Set<String>] = [:]
        for (name, files) in runs[0] where name.hasSuffix(".truth.json") {
            let truth = try JSONSerialization.jsonObject(with: Data(files.utf8)) as? [String: Any]
            let half = String(name.prefix { $0 != "/" })
            articlesByHalf[half, default: []].formUnion(try #require(truth?["sources"] as? [String]))
        }
        #expect(articlesByHalf.count == 2)
        #expect(articlesByHalf["independent-tuning"]!.isDisjoint(with: articlesByHalf["independent-heldout"]!))
        for (name, files) in runs[0] where name.hasSuffix(".truth.json") {
            let truth = try JSONSerialization.jsonObject(with: Data(files.utf8)) as? [String: Any]
            let bulletin = try #require(runs[0][name.replacingOccurrences(of: ".truth.json", with: ".txt")])
            let flat = collapsed(bulletin)
            for story in try #require(truth?["stories"] as? [[String: Any]]) {
                let headline = try #require(story["headline"] as? String)
                #expect(bulletin.contains(headline + "\n"), "\(name): \(headline)")
                for paragraph in try #require(story["paragraphs"] as? [String]) {
                    #expect(flat.contains(collapsed(paragraph)), "\(name): \(paragraph.prefix(60))")
                }
            }
        }
    }

    private func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// The generator's files (name → text) for `count` bulletins.
    private func generate(count: Int) throws -> [String: String] {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("independent-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.repository.appendingPathComponent("scripts/make-independent-corpus.py").path, out.path,
            "--count", String(count),
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        var files: [String: String] = [:]
        for half in ["independent-tuning", "independent-heldout"] {
            let folder = out.appendingPathComponent(half)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                files["\(half)/\(name)"] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            }
        }
        #expect(files.count == 2 * 2 * count)
        return files
    }
}
