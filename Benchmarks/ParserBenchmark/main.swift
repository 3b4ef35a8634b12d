// Parser throughput in a release build: `swift run -c release ParserBenchmark`.
// `ParserBenchmark --dump FILE` prints what the parser makes of FILE, in the fixture
// expectation format, as a starting point for a new fixture's expected file.
import BulletinCore
import Foundation

struct ExpectedStory: Codable {
    var headline: String
    var byline: String?
    var dateline: String?
    var sources: [String]
    var language: String
    var paragraphCount: Int
    var paragraphs: [String]?
    var wire: ExpectedWire?
}

/// A framed item's wire fields, as the wire fixtures expect them.
struct ExpectedWire: Codable {
    var format: String
    var agency: String?
    var slug: String?
    var version: String?
    var urgency: Int?
    var category: String?
    var ednote: String?
    var filedAt: String?
    var withdrawn: Bool
    var service: Bool

    init(_ wire: WireMetadata) {
        format = wire.format.rawValue
        agency = wire.agency
        slug = wire.slug
        version = wire.version
        urgency = wire.urgency
        category = wire.category
        ednote = wire.ednote
        filedAt = wire.filedAt
        withdrawn = wire.isWithdrawn
        service = wire.isServiceMessage
    }
}

struct Expectation: Codable {
    var encoding: String?
    var rejection: String?
    var stories: [ExpectedStory]
}

func dump(_ path: String) throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var expectation = Expectation(encoding: nil, rejection: nil, stories: [])
    do {
        let decoded = try BulletinDecoder.decode(bytes)
        expectation.encoding = decoded.encoding.rawValue
        expectation.stories = try BulletinParser().parse(decoded.text).map {
            ExpectedStory(
                headline: $0.headline, byline: $0.byline, dateline: $0.dateline, sources: $0.sources,
                language: $0.language, paragraphCount: $0.paragraphs.count, paragraphs: $0.paragraphs,
                wire: $0.wire.map(ExpectedWire.init))
        }
    } catch {
        expectation.rejection = error.reason.rawValue
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(expectation), as: UTF8.self))
}

/// CPU time of this thread: on a machine shared with other builds, wall time alone
/// would measure the neighbours.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Parses `text` repeatedly for about `seconds` and reports MB/s of UTF-8 input: by wall
/// clock, by this thread's CPU time, and for the fastest single run (the least disturbed
/// by other work on the machine).
func measure(_ name: String, _ text: String, minimumRuns: Int, seconds budget: Double) {
    let parser = BulletinParser()
    let clock = ContinuousClock()
    var runs = 0
    var stories = 0
    var slowest = Duration.zero
    var fastest = Duration.seconds(1_000_000)
    let start = clock.now
    let cpuStart = threadCPUSeconds()
    while runs < minimumRuns || seconds(clock.now - start) < budget {
        let runStart = clock.now
        stories = (try? parser.parse(text).count) ?? -1
        slowest = max(slowest, clock.now - runStart)
        fastest = min(fastest, clock.now - runStart)
        runs += 1
    }
    let wall = seconds(clock.now - start)
    let cpu = threadCPUSeconds() - cpuStart
    let megabytes = Double(text.utf8.count) / 1_000_000
    let line = [
        name.padding(toLength: 44, withPad: " ", startingAt: 0),
        String(format: "%7.2f MB", megabytes),
        String(format: "%8.1f MB/s wall", megabytes * Double(runs) / wall),
        String(format: "%8.1f MB/s cpu", megabytes * Double(runs) / cpu),
        String(format: "%8.1f MB/s best run", megabytes / seconds(fastest)),
        String(format: "slowest %7.1f ms", seconds(slowest) * 1000),
        "stories \(stories)", "runs \(runs)",
    ]
    print(line.joined(separator: "  "))
}

func fixtureText(_ name: String) -> String? {
    let path = "Tests/BulletinCoreTests/Fixtures/bulletins/\(name)"
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return try? BulletinDecoder.decode([UInt8](data)).text
}

let arguments = CommandLine.arguments
if arguments.count == 3 && arguments[1] == "--dump" {
    try dump(arguments[2])
    exit(0)
}

/// `--only WORD` runs the cases whose name contains WORD (handy under a profiler).
let only = arguments.count == 3 && arguments[1] == "--only" ? arguments[2] : nil

func run(_ name: String, minimumRuns: Int = 3, seconds: Double = 2, _ makeText: () -> String) {
    if let only, !name.contains(only) { return }
    measure(name, makeText(), minimumRuns: minimumRuns, seconds: seconds)
}

let seed = fixtureText("seed.txt") ?? "Headline\n\nMOSCOW- A paragraph of text, according to Interfax.\n"

/// Parses each text in turn, as the daemon parses one file at a time, for about
/// `budget` seconds, and reports MB/s over all the bytes parsed.
func measureFiles(_ name: String, _ texts: [String], seconds budget: Double = 2) {
    if let only, !name.contains(only) { return }
    let parser = BulletinParser()
    let clock = ContinuousClock()
    let bytesPerRound = texts.reduce(0) { $0 + $1.utf8.count }
    var rounds = 0
    var stories = 0
    var fastest = Duration.seconds(1_000_000)
    let start = clock.now
    let cpuStart = threadCPUSeconds()
    while rounds < 3 || seconds(clock.now - start) < budget {
        let roundStart = clock.now
        stories = 0
        for text in texts { stories += (try? parser.parse(text).count) ?? 0 }
        fastest = min(fastest, clock.now - roundStart)
        rounds += 1
    }
    let wall = seconds(clock.now - start)
    let cpu = threadCPUSeconds() - cpuStart
    let megabytes = Double(bytesPerRound) / 1_000_000
    let line = [
        name.padding(toLength: 44, withPad: " ", startingAt: 0),
        String(format: "%7.2f MB", megabytes),
        String(format: "%8.1f MB/s wall", megabytes * Double(rounds) / wall),
        String(format: "%8.1f MB/s cpu", megabytes * Double(rounds) / cpu),
        String(format: "%8.1f MB/s best round", megabytes / seconds(fastest)),
        "files \(texts.count)", "stories \(stories)", "rounds \(rounds)",
    ]
    print(line.joined(separator: "  "))
}

let fixtureTexts: [String] = {
    let names =
        (try? FileManager.default.contentsOfDirectory(atPath: "Tests/BulletinCoreTests/Fixtures/bulletins")) ?? []
    return names.filter { !$0.hasSuffix(".json") }.sorted().compactMap(fixtureText)
}()

print("BulletinParser throughput (release build, one core)")
measureFiles("typical: the seed bulletin, one file a parse", [seed])
measureFiles("typical: every fixture, one file a parse", fixtureTexts)
run("typical: seed bulletin x330 (4 MB)") {
    Array(repeating: seed, count: max(1, 4_000_000 / seed.utf8.count)).joined(separator: "\n\n")
}
run("typical: hard-wrapped fixture x2000") {
    Array(repeating: fixtureText("hard-wrapped.txt") ?? seed, count: 2_000).joined(separator: "\n\n")
}
run("typical: all fixtures joined x100") {
    let texts = fixtureTexts.filter { !$0.contains("\u{0}") }
    return Array(repeating: texts.joined(separator: "\n\n---\n\n"), count: 100).joined(separator: "\n\n---\n\n")
}
runWireCases()
run("degenerate: one 10 MB line of words") { String(repeating: "word ", count: 2_000_000) }
run("degenerate: 10 MB without a space") { String(repeating: "x", count: 10_000_000) }
run("degenerate: a million blank lines") { String(repeating: "\n", count: 1_000_000) + "Headline\n\nBody.\n" }
run("degenerate: a million one-word lines") { String(repeating: "word\n", count: 1_000_000) }
// One block (no blank line) of three-row lists, each followed by two figure rows: 2 runs of each
// kind a group, all sent to `ListRows.merged`. The same instructions a byte at a tenth of the
// size say the merge is linear in the runs of a block (comparing every list with every figure
// run, it was quadratic). Real lines: the list from netzpolitik.org (independent parse corpus,
// tuning 0069), the figures from Reuters-21578 (wire fixture r87-b-0312).
func listsBetweenFigureRows(_ groups: Int) -> String {
    let group = """
        1) Nennung des Urhebers,
        2) Nennung des Titels, wenn vorhanden,
        3) Nennung der Lizenz genannt und Verlinkung auf diese.
        Shr nine cts vs four cts
        Net 658,159 vs 299,930

        """
    return "Abmahnungen gegen Nutzer von Creative-Commons-Bildern\n\n" + String(repeating: group, count: groups)
}
run("degenerate: 1,000 lists between figure rows, one block") { listsBetweenFigureRows(1_000) }
run("degenerate: 10,000 lists between figure rows, one block") { listsBetweenFigureRows(10_000) }
// A tenth of the next case: the same MB/s (and instructions per byte) says the work is linear in
// the stories; each costs a language identification of its one word, CLD2's fixed ~10,000
// instructions.
run("degenerate: 100,000 headline-only stories", minimumRuns: 1, seconds: 0) {
    String(repeating: "Word\n\n", count: 100_000)
}
run("degenerate: a million headline-only stories", minimumRuns: 1, seconds: 0) {
    String(repeating: "Word\n\n", count: 1_000_000)
}
if only == nil || only == "decoder" {
    let clock = ContinuousClock()
    // French prose in Latin-1 (its scalars are its bytes), detected and decoded.
    let sentence = "Le pr\u{E9}sident a r\u{E9}uni ses ministres \u{E0} l'\u{C9}lys\u{E9}e mardi. "
    let latin1 = Array(String(repeating: sentence, count: 10_000_000 / sentence.unicodeScalars.count).unicodeScalars.map {
        UInt8($0.value)
    })
    let elapsed = clock.measure { _ = try? BulletinDecoder.decode(latin1) }
    print("decoder: 10 MB of Latin-1 French, detected, in \(elapsed)")
}

/// The whole of a file's preparation (decode, parse, fingerprint), once: how long one hostile
/// file holds the daemon. Each must stay far below a second (issue #14).
func measureHostile(_ name: String, _ text: String) {
    if let only, !name.contains(only) { return }
    let bytes = Array(text.utf8)
    let digest = BulletinDigest(of: bytes)
    let clock = ContinuousClock()
    let cpuStart = threadCPUSeconds()
    let start = clock.now
    let prepared = BulletinProcessor().prepare(bytes: bytes, digest: digest, dedup: .default)
    let wall = seconds(clock.now - start)
    let cpu = threadCPUSeconds() - cpuStart
    let stories = prepared.storyCount
    let line = [
        name.padding(toLength: 60, withPad: " ", startingAt: 0),
        String(format: "%7.2f MB", Double(bytes.count) / 1_000_000),
        String(format: "%8.1f ms wall", wall * 1000), String(format: "%8.1f ms cpu", cpu * 1000),
        "stories \(stories)", wall < 1 ? "under 1 s" : "OVER 1 s",
    ]
    print(line.joined(separator: "  "))
}

let bombMarks = String(repeating: "\u{301}\u{316}", count: 150_000)
measureHostile("hostile: normalization bomb, one letter + 300,000 marks", "Bomb\n\nA" + bombMarks + " end.\n")
measureHostile("hostile: the same marks on a headline line", "A" + bombMarks + "\n\nBody text.\n")
measureHostile("hostile: 20,000 letters with 30 marks each", String(repeating: "a" + String(repeating: "\u{316}\u{301}", count: 15) + " ", count: 20_000))
