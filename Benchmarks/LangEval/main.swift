// Runs the whole reading of bulletins (decoding, parsing, language, dateline, duplicates) over
// the multilingual corpus of scripts/make-lang-corpus.py and prints, per language, for the tuning
// stories and for the held-out quarter:
//   decoded   bulletins whose text came out exactly as written
//   cut       bulletins cut into as many stories as were written (the parser's layout stage)
//   headlines stories whose headline came out exactly as written
//   language  stories tagged with the right language, of those found (by headline or opening)
//   datelines stories opening with a dateline whose place and credit came out right
//   copies    edited copies recognised as duplicates of their original
//   copies*   the same, of the copies whose original and copy both came out with their headline
//             (what duplicate detection alone is answerable for)
//   false     stories recognised as duplicates of anything but their original (false duplicates)
//   precision duplicate decisions that were right
//
// The grown part of the corpus (more Arabic, Chinese and Turkish stories, splits "tune+" and
// "heldout+") is scored in tables of its own, so the first two stay comparable across changes;
// so is the "new" part (Spanish, Turkish, Arabic, Chinese text of other real sources, splits
// "tune-new" and "heldout-new"), the "more" part ("tune-more") and the "extra" part (a new
// Chinese source, the Presidential Office of Taiwan's releases: "tune-extra").
//
// Usage: LangEval CORPUS_DIR [--show LANGUAGE] (prints that language's mistakes on the tuning
//        stories; the held-out quarters' are never printed, so nobody tunes on them)
//        LangEval CORPUS_DIR --failures tune|tune+|tune-new|tune-more|tune-extra (counts the mistakes of one split by
//        language and cause, most common first: what to fix next); of a held-out split
//        (heldout|heldout+|heldout-new) the counts alone, without examples
import BulletinCore
import Foundation

struct Labels: Decodable {
    struct File: Decodable {
        var file: String
        var language: String
        var encoding: String
        var text: String
        var stories: [Expected]
    }
    struct Expected: Decodable {
        var id: String
        var kind: String
        var copy_of: String?
        var edit: String?
        var language: String
        var headline: String
        var opening: String
        var dateline: Dateline?
        var split: String
    }
    struct Dateline: Decodable {
        var place: String
        var sources: [String]
    }
    var files: [File]
}

struct Tally {
    var files = 0, decoded = 0, cutRight = 0
    var stories = 0, headlines = 0, matched = 0, languages = 0
    var datelines = 0, datelinesRight = 0, falseDatelines = 0
    var copies = 0, copiesFound = 0, duplicateDecisions = 0, falseDuplicates = 0
    /// Copies whose original and copy both came out with their headline: what dedup alone is scored on.
    var copiesOfCleanParses = 0, copiesOfCleanParsesFound = 0
    var precision: Double { duplicateDecisions == 0 ? 1 : Double(duplicateDecisions - falseDuplicates) / Double(duplicateDecisions) }

    static func + (a: Tally, b: Tally) -> Tally {
        Tally(
            files: a.files + b.files, decoded: a.decoded + b.decoded, cutRight: a.cutRight + b.cutRight,
            stories: a.stories + b.stories,
            headlines: a.headlines + b.headlines, matched: a.matched + b.matched, languages: a.languages + b.languages,
            datelines: a.datelines + b.datelines, datelinesRight: a.datelinesRight + b.datelinesRight,
            falseDatelines: a.falseDatelines + b.falseDatelines, copies: a.copies + b.copies,
            copiesFound: a.copiesFound + b.copiesFound, duplicateDecisions: a.duplicateDecisions + b.duplicateDecisions,
            falseDuplicates: a.falseDuplicates + b.falseDuplicates,
            copiesOfCleanParses: a.copiesOfCleanParses + b.copiesOfCleanParses,
            copiesOfCleanParsesFound: a.copiesOfCleanParsesFound + b.copiesOfCleanParsesFound)
    }
}

/// Text as compared for "decoded": a few CJK bytes have two mappings in use, the one of the
/// national standard (Python's codecs) and Windows' (ICU's): Shift_JIS and EUC-JP WAVE DASH or
/// FULLWIDTH TILDE, Big5 POUND SIGN or FULLWIDTH POUND SIGN. Either is right; compatibility
/// folding (NFKC) and the wave dash as a tilde make them equal. Marks nobody sees, which the
/// parser's cleaning drops by design (`TextCleaner`: soft hyphens, zero-width and bidi marks;
/// a Leipzig Turkish sentence has "bıraktık\u{AD}tan"), are dropped from both sides too.
func comparable(_ text: String) -> String {
    let folded = text.precomposedStringWithCompatibilityMapping
    let invisible: (Unicode.Scalar) -> Bool = { scalar in
        scalar.value == 0xAD || (0x200B...0x200F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
    }
    return String(
        String.UnicodeScalarView(folded.unicodeScalars.filter { !invisible($0) }.map { $0 == "\u{301C}" ? "~" : $0 }))
}

func normalized(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: LangEval CORPUS_DIR [--show LANGUAGE]")
    exit(64)
}
let folder = URL(fileURLWithPath: arguments[1])
let show = arguments.firstIndex(of: "--show").map { arguments[$0 + 1] }
let failuresSplit = arguments.firstIndex(of: "--failures").map { arguments[$0 + 1] }
var failures = FailureCounts(split: failuresSplit ?? "tune")
/// Whether `--show` prints a mistake: only of its language, and only of tuning stories.
func showing(_ language: String, _ splits: [String]) -> Bool {
    show == language && splits.allSatisfy { $0.hasPrefix("tune") }
}
let labels = try JSONDecoder().decode(Labels.self, from: Data(contentsOf: folder.appendingPathComponent("labels.json")))

var index = DuplicateIndex(configuration: .default)
let fingerprinter = StoryFingerprinter(.default)
var assignedID: [String: String] = [:]  // expected id → the id the index gave its first sighting
var parsedRight = Set<String>()  // expected ids whose headline came out right
var parsedStory: [String: Story] = [:]  // expected id → the story it came out as (for --show)
var tallies: [String: [String: Tally]] = [:]  // language → split → tally
var order: [String] = []
let clock = ContinuousClock()
var elapsed = Duration.zero
/// Decoding alone, by what the file was read as (a legacy code page, detected and judged, or
/// Unicode): files and seconds of this thread's CPU time, which a busy machine does not inflate.
var decodeTime: [Bool: (files: Int, seconds: Double)] = [:]
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

for file in labels.files {
    if !order.contains(file.language) { order.append(file.language) }
    let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("bulletins").appendingPathComponent(file.file)))
    var parsed: [Story] = []
    var decodedRight = false
    let start = clock.now
    let showFile = showing(file.language, file.stories.map(\.split))
    do {
        let decodeStart = threadCPUSeconds()
        let decoded = try BulletinDecoder.decode(bytes)
        let legacy = !decoded.encoding.rawValue.hasPrefix("utf-")
        decodeTime[legacy, default: (0, 0)].files += 1
        decodeTime[legacy, default: (0, 0)].seconds += threadCPUSeconds() - decodeStart
        decodedRight = comparable(decoded.text) == comparable(file.text)
        if !decodedRight, showFile {
            let mine = Array(comparable(decoded.text).unicodeScalars), theirs = Array(comparable(file.text).unicodeScalars)
            let at = zip(mine, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(mine.count, theirs.count)
            let got = mine[at..<min(at + 12, mine.count)].map(String.init).joined()
            let want = theirs[at..<min(at + 12, theirs.count)].map(String.init).joined()
            print("\(file.file): read as \(decoded.encoding.rawValue), written in \(file.encoding): \(got) for \(want)")
        }
        parsed = try BulletinParser().parse(decoded.text)
    } catch {
        if showFile { print("\(file.file): rejected: \(error.detail)") }
    }
    var decisions: [DedupDecision] = []
    for story in parsed {
        decisions.append(index.ingest(fingerprinter.fingerprint(story), receivedAt: 0))
    }
    elapsed += clock.now - start
    let split = file.stories.first?.split ?? "tune"
    tallies[file.language, default: [:]][split, default: Tally()].files += 1
    if decodedRight { tallies[file.language, default: [:]][split, default: Tally()].decoded += 1 }
    if parsed.count == file.stories.count { tallies[file.language, default: [:]][split, default: Tally()].cutRight += 1 }
    if parsed.count != file.stories.count, showFile {
        print("\(file.file): \(parsed.count) stories, \(file.stories.count) written")
    }

    // Only files wholly of the split: a file of copies mixes tuning and held-out stories, and
    // its headlines, printed as examples, would show held-out text.
    if let failuresSplit, file.stories.allSatisfy({ $0.split == failuresSplit }) {
        failures.classify(file: file, parsed: parsed)
    }
    var used = Set<Int>()
    for expected in file.stories {
        var tally = Tally()
        tally.stories = 1
        let showStory = showing(file.language, [expected.split])
        // Compared as `comparable`: a wave dash the parser read from Shift_JIS as Windows does
        // is the headline as written.
        let want = normalized(comparable(expected.headline))
        var match = parsed.indices.first { !used.contains($0) && normalized(comparable(parsed[$0].headline)) == want }
        if match != nil {
            tally.headlines = 1
            parsedRight.insert(expected.id)
        }
        // A missed headline: the story is found by the opening of its first paragraph, for the
        // other scores.
        if match == nil {
            match = parsed.indices.first { !used.contains($0) && normalized(parsed[$0].bodyText).contains(expected.opening) }
        }
        if match != nil, tally.headlines == 0, showStory, let found = match {
            print("\(file.file): headline wrong: \(expected.headline)\n    got: \(parsed[found].headline)")
        }
        if match == nil, showStory {
            print("\(file.file): headline missed: \(expected.headline)\n    got: \(parsed.map(\.headline))")
        }
        if let match {
            used.insert(match)
            tally.matched = 1
            let story = parsed[match]
            if showStory { parsedStory[expected.id] = story }
            if story.language == expected.language {
                tally.languages = 1
            } else if showStory {
                print("\(file.file): language \(story.language) for \(expected.headline)")
            }
            if let dateline = expected.dateline {
                tally.datelines = 1
                if story.dateline == dateline.place && dateline.sources.allSatisfy(story.sources.contains) {
                    tally.datelinesRight = 1
                } else if showStory {
                    print("\(file.file): dateline \(story.dateline ?? "nil") \(story.sources), want \(dateline.place) \(dateline.sources)")
                }
            } else if story.dateline != nil && expected.kind != "copy" {
                tally.falseDatelines = 1
                if showStory { print("\(file.file): false dateline \(story.dateline!) in \(expected.headline)") }
            }
            switch decisions[match] {
            case .new(let id):
                assignedID[expected.id] = id
                if expected.kind == "copy" {
                    tally.copies = 1
                    if let source = expected.copy_of, parsedRight.contains(source), parsedRight.contains(expected.id) {
                        tally.copiesOfCleanParses = 1
                        if expected.split == failuresSplit {
                            failures.count(file.language, "copy missed, both parsed right (\(expected.edit ?? ""))")
                        }
                    } else if expected.split == failuresSplit {
                        failures.count(file.language, "copy missed, a parse wrong (\(expected.edit ?? ""))")
                    }
                    if showStory {
                        print("\(file.file): copy missed (\(expected.edit ?? "")): \(expected.headline)")
                        // The copy itself is in the index by now: its own entry is no candidate.
                        let fingerprint = fingerprinter.fingerprint(story)
                        for line in index.explain(fingerprint) where line.candidateID != fingerprint.id {
                            print("    candidate \(line)")
                        }
                        if let source = expected.copy_of, let original = parsedStory[source] {
                            print("    original: \(original.headline) | \(original.bodyText.prefix(300))")
                            print("    copy:     \(story.headline) | \(story.bodyText.prefix(300))")
                        }
                    }
                }
            case .duplicate(let original, let kind, let similarity):
                tally.duplicateDecisions = 1
                if expected.kind == "copy", let source = expected.copy_of, assignedID[source] == original {
                    tally.copies = 1
                    tally.copiesFound = 1
                    if parsedRight.contains(source), parsedRight.contains(expected.id) {
                        tally.copiesOfCleanParses = 1
                        tally.copiesOfCleanParsesFound = 1
                    }
                } else {
                    if expected.kind == "copy" { tally.copies = 1 }
                    tally.falseDuplicates = 1
                    if expected.split == failuresSplit { failures.count(file.language, "false duplicate (\(expected.kind))") }
                    if showStory {
                        print("\(file.file): false duplicate (\(kind.rawValue) \(similarity)) \(expected.kind): \(expected.headline)")
                        let of = assignedID.first { $0.value == original }?.key ?? "?"
                        print("    taken for \(of), not \(expected.copy_of ?? expected.id)")
                        print("    as parsed: \(story.headline) | \(story.bodyText.prefix(300))")
                    }
                }
            }
        } else if expected.kind == "copy" {
            tally.copies = 1
            if expected.split == failuresSplit { failures.count(file.language, "copy missed, story not found") }
        }
        tallies[file.language, default: [:]][expected.split, default: Tally()] = tallies[file.language]![expected.split, default: Tally()] + tally
    }
}

if let failuresSplit {
    failures.report(split: failuresSplit, order: order)
    exit(0)
}

func ratio(_ part: Int, _ whole: Int) -> String { whole == 0 ? "   -" : String(format: "%.3f", Double(part) / Double(whole)) }
func row(_ name: String, _ t: Tally) -> String {
    let cells = [
        ratio(t.decoded, t.files), ratio(t.cutRight, t.files), ratio(t.headlines, t.stories), ratio(t.languages, t.matched),
        ratio(t.datelinesRight, t.datelines), ratio(t.copiesFound, t.copies),
        ratio(t.copiesOfCleanParsesFound, t.copiesOfCleanParses), "\(t.falseDuplicates)",
        String(format: "%.3f", t.precision),
    ]
    return name.padding(toLength: 18, withPad: " ", startingAt: 0) + cells.map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined()
}
let header = "language".padding(toLength: 18, withPad: " ", startingAt: 0)
    + ["decoded", "cut", "headlines", "language", "datelines", "copies", "copies*", "false", "precision"].map {
        $0.padding(toLength: 10, withPad: " ", startingAt: 0)
    }.joined()
let titles = [
    ("tune", "Tuning stories (three quarters)"),
    ("heldout", "\nHeld-out stories (the last quarter of each language)"),
    ("tune+", "\nThe corpus grown (Arabic, Chinese, Turkish): tuning stories (three quarters)"),
    ("heldout+", "\nThe corpus grown: held-out stories (its last quarter)"),
    ("tune-new", "\nThe new part (other real sources: Spanish, Turkish, Arabic, Chinese): tuning stories (three quarters)"),
    ("heldout-new", "\nThe new part: held-out stories (its last quarter)"),
    ("tune-more", "\nThe more part (a larger tuning part for Spanish, Turkish, Arabic, Chinese; nothing held out)"),
    ("tune-extra", "\nThe extra part (a new Chinese source: the Presidential Office of Taiwan's releases; nothing held out)"),
]
for (split, title) in titles {
    let languages = order.filter { tallies[$0]?[split] != nil }
    guard !languages.isEmpty else { continue }
    print(title)
    print(header)
    var total = Tally()
    for language in languages {
        let tally = tallies[language]?[split] ?? Tally()
        total = total + tally
        print(row(language, tally))
    }
    print(row("all", total))
}
let all = order.reduce(Tally()) { total, language in
    titles.reduce(total) { $0 + (tallies[language]?[$1.0] ?? Tally()) }
}
print("\n\(labels.files.count) bulletins, \(all.stories) stories, \(all.copies) edited copies; decode+parse+dedup took \(elapsed)")
for legacy in [true, false] {
    guard let (files, seconds) = decodeTime[legacy] else { continue }
    print(String(format: "decoding %@: %d files, %.2f ms of CPU a file", legacy ? "legacy code pages" : "Unicode", files, seconds * 1000 / Double(files)))
}
