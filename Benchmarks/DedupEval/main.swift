// Runs DuplicateIndex over the labeled corpus from scripts/make-dedup-corpus.py and prints
// precision, recall and F1 of its duplicate decisions, with the confusion per category.
//
// Usage: DedupEval CORPUS.jsonl [--sweep] [--resemblance X] [--containment X]
//                  [--containment-min-resemblance X] [--number-guard N] [--name-guard N]
//                  [--seeds N]   (the same evaluation with minhash seeds 1…N: how much of a
//                                 difference is the luck of one seed)
import BulletinCore
import Foundation

struct Occurrence: Decodable {
    var seq: Int
    var group: String
    var category: String
    var expect: String
    var expect_match: String?
    var headline: String
    var paragraphs: [String]
}

struct Tally {
    var truePositive = 0, falsePositive = 0, falseNegative = 0, trueNegative = 0
    var precision: Double { truePositive + falsePositive == 0 ? 1 : Double(truePositive) / Double(truePositive + falsePositive) }
    var recall: Double { truePositive + falseNegative == 0 ? 1 : Double(truePositive) / Double(truePositive + falseNegative) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    static func + (a: Tally, b: Tally) -> Tally {
        Tally(truePositive: a.truePositive + b.truePositive, falsePositive: a.falsePositive + b.falsePositive,
              falseNegative: a.falseNegative + b.falseNegative, trueNegative: a.trueNegative + b.trueNegative)
    }
}

struct Outcome {
    var byCategory: [String: Tally] = [:]
    var matchAgreement: [String: Int] = [:]  // "expected→actual"
    var mistakes: [String] = []
    var total: Tally { byCategory.values.reduce(Tally(), +) }
}

func evaluate(_ corpus: [Occurrence], _ configuration: DedupConfiguration) -> Outcome {
    var index = DuplicateIndex(configuration: configuration)
    var baseID: [String: String] = [:]
    var outcome = Outcome()
    for occurrence in corpus {
        let story = Story(headline: occurrence.headline, paragraphs: occurrence.paragraphs)
        if explainSeqs.contains(occurrence.seq) {
            print("explain seq \(occurrence.seq) \(occurrence.category) base \(baseID[occurrence.group] ?? "-"):")
            for line in index.explain(index.fingerprint(story)) { print("  ", line) }
        }
        let decision = index.ingest(story, receivedAt: 1_700_000_000 + Double(occurrence.seq))
        if baseID[occurrence.group] == nil { baseID[occurrence.group] = StoryID(of: story).hex }
        let expectDuplicate = occurrence.expect == "duplicate"
        var tally = outcome.byCategory[occurrence.category, default: Tally()]
        switch decision {
        case .new:
            if expectDuplicate {
                tally.falseNegative += 1
                outcome.mistakes.append("missed   \(occurrence.category) seq \(occurrence.seq): \(occurrence.headline)")
            } else {
                tally.trueNegative += 1
            }
        case .duplicate(let target, let match, let similarity):
            if expectDuplicate, target == baseID[occurrence.group] {
                tally.truePositive += 1
                outcome.matchAgreement["\(occurrence.expect_match ?? "any")→\(match.rawValue)", default: 0] += 1
            } else {
                tally.falsePositive += 1
                if expectDuplicate { tally.falseNegative += 1 }
                outcome.mistakes.append("merged   \(occurrence.category) seq \(occurrence.seq) (\(match.rawValue) \(String(format: "%.2f", similarity))): \(occurrence.headline)")
            }
        }
        outcome.byCategory[occurrence.category] = tally
    }
    return outcome
}

func loadCorpus(_ path: String) throws -> [Occurrence] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let decoder = JSONDecoder()
    return try text.split(separator: "\n").map { try decoder.decode(Occurrence.self, from: Data($0.utf8)) }
}

func format(_ value: Double) -> String { String(format: "%.4f", value) }

func printReport(_ outcome: Outcome, corpusCount: Int) {
    print("category             TP    FP    FN    TN")
    for (category, tally) in outcome.byCategory.sorted(by: { $0.key < $1.key }) {
        print(category.padding(toLength: 18, withPad: " ", startingAt: 0),
              String(format: "%5d %5d %5d %5d", tally.truePositive, tally.falsePositive, tally.falseNegative, tally.trueNegative))
    }
    print("match kinds (expected→reported):",
          outcome.matchAgreement.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    for mistake in outcome.mistakes.prefix(25) { print(mistake) }
    let total = outcome.total
    print("occurrences \(corpusCount)  duplicates expected \(total.truePositive + total.falseNegative - outcome.byCategory.values.reduce(0) { $0 + min($1.falsePositive, $1.falseNegative) })")
    print("precision \(format(total.precision))  recall \(format(total.recall))  F1 \(format(total.f1))")
}

func option(_ name: String, _ arguments: [String]) -> Double? {
    guard let at = arguments.firstIndex(of: name), at + 1 < arguments.count else { return nil }
    return Double(arguments[at + 1])
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: DedupEval CORPUS.jsonl [--sweep] [options]\n".utf8))
    exit(64)
}
let corpus = try loadCorpus(path)
let explainSeqs = Set(arguments.indices.filter { arguments[$0] == "--explain" && $0 + 1 < arguments.count }.compactMap { Int(arguments[$0 + 1]) })
var configuration = DedupConfiguration.default
if let bands = option("--bands", arguments) {
    configuration.bandCount = Int(bands)
    configuration.hashCount = Int(option("--hashes", arguments) ?? bands * Double(configuration.rowsPerBand))
}
if let value = option("--resemblance", arguments) { configuration.resemblanceThreshold = value }
if let value = option("--containment", arguments) { configuration.containmentThreshold = value }
if let value = option("--containment-min-resemblance", arguments) { configuration.containmentMinimumResemblance = value }
if let value = option("--lead-headline-containment", arguments) { configuration.sameLeadAndHeadlineContainment = value }
if let value = option("--short-body-bits", arguments) { configuration.shortBodyChangedBits = Int(value) }
if let value = option("--number-guard", arguments) { configuration.numberGuardMinimum = Int(value) }
if let value = option("--name-guard", arguments) { configuration.nameGuardMinimum = Int(value) }

if arguments.contains("--sweep") {
    print("Sweep (other settings at their defaults):")
    print("setting                                   precision  recall     F1")
    func row(_ label: String, _ config: DedupConfiguration) {
        let total = evaluate(corpus, config).total
        print(label.padding(toLength: 40, withPad: " ", startingAt: 0), format(total.precision), format(total.recall), format(total.f1))
    }
    for value in [0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
        var c = configuration; c.resemblanceThreshold = value; row("resemblanceThreshold \(value)", c)
    }
    for value in [0.6, 0.7, 0.8, 0.9, 0.95] {
        var c = configuration; c.containmentThreshold = value; row("containmentThreshold \(value)", c)
    }
    for value in [0.1, 0.2, 0.3, 0.4, 0.5] {
        var c = configuration; c.containmentMinimumResemblance = value; row("containmentMinimumResemblance \(value)", c)
    }
    for value in [0.3, 0.4, 0.5, 0.6, 0.7] {
        var c = configuration; c.sameLeadAndHeadlineContainment = value; row("sameLeadAndHeadlineContainment \(value)", c)
    }
    for value in [0, 2, 4, 6, 8] {
        var c = configuration; c.shortBodyChangedBits = value; row("shortBodyChangedBits \(value)", c)
    }
    for value in [0, 1, 2, 3] {
        var c = configuration; c.numberGuardMinimum = value; row("numberGuardMinimum \(value)", c)
    }
    for value in [0, 1, 2, 3] {
        var c = configuration; c.nameGuardMinimum = value; row("nameGuardMinimum \(value)", c)
    }
    var neither = configuration; neither.numberGuardMinimum = 0; neither.nameGuardMinimum = 0
    row("no guards at all", neither)
} else if let seeds = option("--seeds", arguments) {
    print("seed   precision  recall     F1")
    var f1s: [Double] = []
    for seed in 1...max(1, Int(seeds)) {
        var c = configuration; c.seed = UInt64(seed)
        let total = evaluate(corpus, c).total
        f1s.append(total.f1)
        print(String(seed).padding(toLength: 6, withPad: " ", startingAt: 0), format(total.precision), format(total.recall), format(total.f1))
    }
    print("F1 over \(f1s.count) seeds: mean \(format(f1s.reduce(0, +) / Double(f1s.count)))  min \(format(f1s.min()!))  max \(format(f1s.max()!))")
} else {
    printReport(evaluate(corpus, configuration), corpusCount: corpus.count)
}
