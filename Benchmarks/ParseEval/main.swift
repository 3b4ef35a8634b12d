// How well the parser cuts real bulletins into stories: `make parse-eval`.
//
//   ParseEval CORPUS                 the figures of CORPUS/tuning, CORPUS/heldout and,
//                                    when built, CORPUS/independent-tuning and
//                                    CORPUS/independent-heldout
//   ParseEval CORPUS --failures      also every file not cut exactly, with its counts
//   ParseEval CORPUS --causes        also each split's mistakes counted by cause, and its files
//                                    by how they mark their stories (`FailureCauses`): counts
//                                    only of a held-out split, a few file names of a tuning one
//   ParseEval CORPUS --show SPLIT/NAME   the truth and what was found, story by story
//   ParseEval CORPUS --dump FILE     also what was found in every file, as JSON Lines
//                                    ({"split", "name", "found": [{"headline", "paragraphs"}]})
//                                    for scripts that sort the failures into classes
//
// A story occurrence is found exactly when the parser returns a story with the same
// headline and the same paragraphs (spaces collapsed; a preformatted block compared line by
// line, so a table must come back as one block with its rows). A file is cut exactly when
// its stories, in order, are exactly the truth's.
//
// Invisible format characters (soft hyphen U+00AD, zero-width and bidi marks, word joiner,
// byte-order mark) are left out on both sides before comparing: the parser's cleaner drops
// them on purpose (a stored story is searched and compared as the text a reader sees), while
// the truth keeps the page's text as it was; neither can mark where a story or a paragraph
// is cut, so a story that differs only in them is the same story.
import BulletinCore
import Foundation

struct TruthStory: Decodable, Equatable {
    var headline: String
    var paragraphs: [String]
    /// The independent corpus's: each paragraph's kind (prose, crosshead, standfirst, time,
    /// caption, list, table), the story's byline and its credit lines, none of them paragraphs.
    var kinds: [String]?
    var byline: String?
    var credits: [String]?
}

struct Truth: Decodable {
    var kind: String
    var stories: [TruthStory]
}

/// A story reduced to what the score compares.
struct Cut: Hashable, Encodable {
    var headline: String
    var paragraphs: [String]

    init(headline: String, paragraphs: [String]) {
        self.headline = Cut.collapsed(headline)
        self.paragraphs = paragraphs.map(Cut.normalizedParagraph)
    }

    static func collapsed<S: StringProtocol>(_ text: S) -> String {
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.filter { !isInvisibleFormat($0) }))
        return visible.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// The characters `TextCleaner` drops as invisible: U+00AD, U+200B–U+200F, U+202A–U+202E,
    /// U+2060–U+2064, U+2066–U+206F, U+FEFF.
    static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF: true
        default: false
        }
    }

    /// Prose: one line, spaces collapsed. A block with line breaks: each line collapsed,
    /// blank lines dropped.
    static func normalizedParagraph(_ text: String) -> String {
        guard text.contains("\n") else { return collapsed(text) }
        return text.split(separator: "\n").map { collapsed($0) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

struct FileScore {
    var name: String
    var kind: String
    var truth: [Cut]
    var found: [Cut]
    var rejection: String?
    /// The truth as written, for `FailureCauses`: kinds, bylines and credits.
    var truthStories: [TruthStory]
    /// Each found story's byline.
    var bylines: [String?] = []
    /// The bulletin's text as decoded.
    var text = ""

    /// Truth stories found among the parser's, each found story used once.
    var matched: Int {
        var available: [Cut: Int] = [:]
        for cut in found { available[cut, default: 0] += 1 }
        var count = 0
        for cut in truth where available[cut, default: 0] > 0 {
            available[cut]! -= 1
            count += 1
        }
        return count
    }

    var exact: Bool { truth == found }
}

func score(folder: URL, name: String) throws -> FileScore {
    let truthData = try Data(contentsOf: folder.appendingPathComponent("\(name).truth.json"))
    let truth = try JSONDecoder().decode(Truth.self, from: truthData)
    let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("\(name).txt")))
    var result = FileScore(
        name: name, kind: truth.kind, truth: truth.stories.map { Cut(headline: $0.headline, paragraphs: $0.paragraphs) },
        found: [], truthStories: truth.stories)
    do {
        let text = try BulletinDecoder.decode(bytes).text
        let stories = try BulletinParser().parse(text)
        result.found = stories.map { Cut(headline: $0.headline, paragraphs: $0.paragraphs) }
        result.bylines = stories.map(\.byline)
        result.text = text
    } catch {
        result.rejection = error.reason.rawValue
    }
    return result
}

func names(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasSuffix(".txt") }
        .map { String($0.dropLast(4)) }
        .sorted()
}

func format(_ value: Double, digits: Int = 4) -> String { String(format: "%.\(digits)f", value) }

func report(split: String, scores: [FileScore], listFailures: Bool) {
    let stories = scores.reduce(0) { $0 + $1.truth.count }
    let matched = scores.reduce(0) { $0 + $1.matched }
    let found = scores.reduce(0) { $0 + $1.found.count }
    let exactFiles = scores.filter(\.exact).count
    print(
        "\(split): \(scores.count) files, \(stories) stories: "
            + "\(format(Double(matched) / Double(max(stories, 1)))) of story occurrences found exactly "
            + "(\(matched)/\(stories)), \(format(Double(exactFiles) / Double(max(scores.count, 1)), digits: 3)) "
            + "of files cut exactly (\(exactFiles)/\(scores.count)); the parser returned \(found) stories, "
            + "\(found - matched) of them not in the truth")
    let kinds = Set(scores.map(\.kind)).sorted()
    for kind in kinds {
        let some = scores.filter { $0.kind == kind }
        let kindStories = some.reduce(0) { $0 + $1.truth.count }
        let kindMatched = some.reduce(0) { $0 + $1.matched }
        print(
            "  \(kind): \(format(Double(kindMatched) / Double(max(kindStories, 1)))) of \(kindStories) stories, "
                + "\(some.filter(\.exact).count)/\(some.count) files")
    }
    guard listFailures else { return }
    for file in scores where !file.exact {
        let note = file.rejection.map { " rejected: \($0)" } ?? ""
        print(
            "  \(split)/\(file.name) (\(file.kind)): \(file.matched)/\(file.truth.count) found, "
                + "\(file.found.count) returned\(note)")
    }
}

func show(_ file: FileScore) {
    func line(_ cut: Cut, _ mark: String) {
        print("\(mark) \(cut.headline)")
        for paragraph in cut.paragraphs {
            let text = paragraph.replacingOccurrences(of: "\n", with: " ⏎ ")
            print("      | \(text.prefix(110))\(text.count > 110 ? "…" : "")")
        }
    }
    let foundSet = Set(file.found)
    let truthSet = Set(file.truth)
    print("== truth (\(file.truth.count) stories; ✓ found exactly, ✗ not)")
    for cut in file.truth { line(cut, foundSet.contains(cut) ? "✓" : "✗") }
    print("== found (\(file.found.count) stories; + not in the truth)")
    if let rejection = file.rejection { print("rejected: \(rejection)") }
    for cut in file.found { line(cut, truthSet.contains(cut) ? " " : "+") }
}

let arguments = CommandLine.arguments.dropFirst()
guard let corpus = arguments.first else {
    FileHandle.standardError.write(Data("usage: ParseEval CORPUS [--failures] [--causes] [--show SPLIT/NAME] [--dump FILE]\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: corpus)
if let index = arguments.firstIndex(of: "--show"), index + 1 < arguments.endIndex {
    let target = arguments[index + 1]
    let folder = root.appendingPathComponent((target as NSString).deletingLastPathComponent)
    show(try score(folder: folder, name: (target as NSString).lastPathComponent))
    exit(0)
}
let listFailures = arguments.contains("--failures")
let listCauses = arguments.contains("--causes")
struct Dumped: Encodable {
    var split: String
    var name: String
    var found: [Cut]
}
var dump: FileHandle?
if let index = arguments.firstIndex(of: "--dump"), index + 1 < arguments.endIndex {
    _ = FileManager.default.createFile(atPath: arguments[index + 1], contents: nil)
    dump = FileHandle(forWritingAtPath: arguments[index + 1])
}
// "independent-…": bulletins from other real sources and desk layouts than the tuning corpus
// (scripts/make-independent-corpus.py), split in two halves by publisher; scored the same
// way, only when built. Tune on independent-tuning; independent-heldout is only read.
for split in ["tuning", "heldout", "independent-tuning", "independent-heldout"] {
    let folder = root.appendingPathComponent(split)
    if split.hasPrefix("independent") && !FileManager.default.fileExists(atPath: folder.path) { continue }
    let scores = try names(in: folder).map { try score(folder: folder, name: $0) }
    report(split: split, scores: scores, listFailures: listFailures)
    if listCauses {
        var causes = FailureCauses(split: split)
        for file in scores { causes.classify(file, text: file.text) }
        causes.report(split: split)
    }
    if let dump {
        for file in scores {
            dump.write(try JSONEncoder().encode(Dumped(split: split, name: file.name, found: file.found)))
            dump.write(Data("\n".utf8))
        }
    }
}
