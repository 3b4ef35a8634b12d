// Fills a DuplicateIndex with 10 thousand and with 1 million synthetic stories and prints, at each
// size: lookup, insert and featurization cost per story, resident memory per story, snapshot
// save/load time, and single-core dedup throughput; then lookups in 100,000 stories before and
// after 16,000 templated look-alikes join them (issue #14). Build and run in release:
//   swift run -c release DedupBenchmark [--sizes 10000,1000000] [--look-alikes]
import BulletinCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Deterministic generator (splitmix64), so every run measures the same stories.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Synthetic news-like stories: 3–6 paragraphs, 60–300 words from a 40,000-word vocabulary
/// with Zipf-like reuse, capitalized names and figures.
enum StoryFactory {
    static let vocabulary: [String] = {
        var rng = SplitMix(state: 7)
        let syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "ul", "esh", "dri", "po", "sun", "gar", "fel", "ni", "zo",
                         "ar", "bel", "cor", "dam", "ex", "fin", "gol", "har", "in", "jor", "ket", "lim", "mor", "nat", "ost"]
        return (0..<40_000).map { _ in
            (0..<(2 + rng.below(3))).map { _ in syllables[rng.below(syllables.count)] }.joined()
        }
    }()
    static let common = ["the", "of", "and", "to", "in", "a", "said", "on", "for", "that", "with", "was", "by", "as"]

    static func story(_ number: Int) -> Story {
        var rng = SplitMix(state: UInt64(number) &* 0x2545_F491_4F6C_DD1D &+ 1)
        var paragraphs: [String] = []
        for _ in 0..<(3 + rng.below(4)) {
            var words: [String] = []
            for _ in 0..<(20 + rng.below(40)) {
                let roll = rng.below(100)
                if roll < 35 {
                    words.append(common[rng.below(common.count)])
                } else if roll < 40 {
                    words.append(String(rng.below(10_000)))
                } else if roll < 47 {
                    words.append(vocabulary[rng.below(2_000)].capitalized)
                } else {
                    // Skewed toward the front of the vocabulary, like real word frequencies.
                    let rank = Int(Double(vocabulary.count) * pow(Double(rng.below(1_000_000)) / 1_000_000, 2))
                    words.append(vocabulary[rank])
                }
            }
            paragraphs.append(words.joined(separator: " ") + ".")
        }
        let headline = (0..<6).map { _ in vocabulary[rng.below(vocabulary.count)] }.joined(separator: " ")
        return Story(headline: headline.capitalized, paragraphs: paragraphs)
    }

    /// A re-send with edits: last paragraph dropped and one word changed.
    static func edited(_ number: Int) -> Story {
        var story = story(number)
        if story.paragraphs.count > 3 { story.paragraphs.removeLast() }
        story.paragraphs[0] = story.paragraphs[0].replacingOccurrences(of: " the ", with: " this ")
        return story
    }
}

func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    return (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// glibc's malloc_trim(0), looked up at run time (malloc.h is not part of the Glibc module).
func trimHeap() {
    #if canImport(Glibc)
    if let symbol = dlsym(nil, "malloc_trim") {
        typealias MallocTrim = @convention(c) (Int) -> Int32
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }
    #endif
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func micro(_ value: Double) -> String { String(format: "%.2f µs", value * 1e6) }

let clock = ContinuousClock()

func measure(size: Int) {
    print("== \(size) stories ==")
    _ = StoryFactory.story(0)  // build the vocabulary before measuring memory
    let residentBefore = residentBytes()
    var index = DuplicateIndex()
    var ingestTime = Duration.zero
    for number in 0..<size {
        let story = StoryFactory.story(number)
        let start = clock.now
        _ = index.ingest(story, receivedAt: 1_700_000_000 + Double(number))
        ingestTime += clock.now - start
    }
    let residentAfter = residentBytes()
    // glibc keeps heap blocks freed by array and table growth; malloc_trim hands them back, which
    // leaves what the index itself holds (a daemon can trim after a rebuild the same way).
    trimHeap()
    let residentTrimmed = residentBytes()
    print("fill: \(index.count) indexed, ingest \(micro(seconds(ingestTime) / Double(size)))/story")
    print(String(format: "memory: resident %.0f bytes/story (statm delta %.1f MB); after malloc_trim %.0f bytes/story; index arrays %.0f bytes/story",
                 Double(residentAfter - residentBefore) / Double(size),
                 Double(residentAfter - residentBefore) / 1e6,
                 Double(residentTrimmed - residentBefore) / Double(size), Double(index.memoryFootprint) / Double(size)))

    var start = clock.now
    let bytes = index.snapshot()
    let save = seconds(clock.now - start)
    start = clock.now
    let loaded = try! DuplicateIndex(snapshot: bytes, configuration: .default)
    let load = seconds(clock.now - start)
    print(String(format: "snapshot: %.1f MB, save %.1f ms, load %.1f ms (%d stories)",
                 Double(bytes.count) / 1e6, save * 1e3, load * 1e3, loaded.count))

    // Per-phase costs on 20,000 fresh stories and 20,000 edited copies of stored ones.
    let probes = 20_000
    let fresh = (0..<probes).map { StoryFactory.story(size + 10_000_000 + $0) }
    let edited = (0..<probes).map { StoryFactory.edited(($0 &* 7919) % size) }
    start = clock.now
    let freshPrints = fresh.map { index.fingerprint($0) }
    let featurize = seconds(clock.now - start) / Double(probes)
    let editedPrints = edited.map { index.fingerprint($0) }

    start = clock.now
    var newCount = 0
    for print in freshPrints { if case .new = index.decide(print) { newCount += 1 } }
    let lookupMiss = seconds(clock.now - start) / Double(probes)

    start = clock.now
    var found = 0
    for print in editedPrints { if case .duplicate = index.decide(print) { found += 1 } }
    let lookupHit = seconds(clock.now - start) / Double(probes)

    start = clock.now
    for (offset, print) in freshPrints.enumerated() { index.insert(print, receivedAt: 1_800_000_000 + Double(offset)) }
    let insert = seconds(clock.now - start) / Double(probes)
    print("featurize (normalize, SHA-256, shingles, minhash): \(micro(featurize))/story")
    print("lookup new story: \(micro(lookupMiss))/story (\(newCount)/\(probes) new); lookup edited copy: \(micro(lookupHit))/story (\(found)/\(probes) found)")
    print("insert: \(micro(insert))/story")
    print("per story, index only (lookup + insert): \(micro(lookupMiss + insert)); with featurization: \(micro(featurize + lookupMiss + insert))")

    // Throughput: a stream of 60 % new stories and 40 % edited re-sends, full ingest on one core.
    let streamCount = 50_000
    let stream = (0..<streamCount).map { $0 % 5 < 3 ? StoryFactory.story(size + 20_000_000 + $0) : StoryFactory.edited(($0 &* 104_729) % size) }
    start = clock.now
    for (offset, story) in stream.enumerated() { _ = index.ingest(story, receivedAt: 1_900_000_000 + Double(offset)) }
    let streamSeconds = seconds(clock.now - start)
    print(String(format: "throughput: %.0f stories/s deduplicated on one core (mixed stream of %d)", Double(streamCount) / streamSeconds, streamCount))

}

/// Templated look-alikes (issue #14, finding 3): dividend briefs with one wording and their own
/// company, figures and dates, so that each is a new story (the number guard) yet shares most
/// band keys and its lead key with all the others. Under linear probing the entries of one key
/// sat in one run that every lookup landing in it walked to its end.
func lookAlike(_ number: Int) -> Story {
    var rng = SplitMix(state: UInt64(number) &* 0x9E37_79B9 &+ 3)
    let company = StoryFactory.vocabulary[rng.below(StoryFactory.vocabulary.count)].capitalized + " Corp"
    let cents = 10 + number % 90
    let day = 1 + number % 28
    return Story(
        headline: "\(company) declares quarterly dividend",
        paragraphs: [
            "The board of directors of \(company) declared a regular quarterly dividend of \(cents) cents per share, "
                + "payable on March \(day) to shareholders of record on February \(day), the company said in a statement.",
            "The dividend is unchanged from the previous quarter. The company has paid a dividend every quarter since \(1950 + number % 70).",
        ])
}

/// Lookups in an index of `size` ordinary stories, before and after `lookAlikes` templated
/// look-alikes join it: the cost of a lookup must stay within 2x of the fresh index's.
func measureLookAlikes(size: Int, lookAlikes: Int) {
    print("== \(size) stories, then \(lookAlikes) templated look-alikes ==")
    var index = DuplicateIndex()
    for number in 0..<size { _ = index.ingest(StoryFactory.story(number), receivedAt: 1_700_000_000 + Double(number)) }
    let probes = 20_000
    let fresh = (0..<probes).map { index.fingerprint(StoryFactory.story(size + 10_000_000 + $0)) }
    let edited = (0..<probes).map { index.fingerprint(StoryFactory.edited(($0 &* 7919) % size)) }
    func lookups() -> (fresh: Double, edited: Double, found: Int) {
        var best = (Double.infinity, Double.infinity)
        var found = 0
        for _ in 0..<3 {
            var start = clock.now
            for print in fresh { _ = index.decide(print) }
            let missTime = seconds(clock.now - start) / Double(probes)
            start = clock.now
            found = 0
            for print in edited { if case .duplicate = index.decide(print) { found += 1 } }
            best = (min(best.0, missTime), min(best.1, seconds(clock.now - start) / Double(probes)))
        }
        return (best.0, best.1, found)
    }
    let before = lookups()
    var start = clock.now
    var newOnes = 0
    for number in 0..<lookAlikes {
        if case .new = index.ingest(lookAlike(number), receivedAt: 1_800_000_000 + Double(number)) { newOnes += 1 }
    }
    let fill = seconds(clock.now - start) / Double(lookAlikes)
    let after = lookups()
    let extra = (0..<2_000).map { index.fingerprint(lookAlike(lookAlikes + $0)) }
    start = clock.now
    for print in extra { _ = index.decide(print) }
    let lookAlikeLookup = seconds(clock.now - start) / Double(extra.count)
    print("look-alikes: \(newOnes) of \(lookAlikes) new stories, ingested at \(micro(fill))/story; a further look-alike looked up in \(micro(lookAlikeLookup))")
    print("lookup new story: fresh index \(micro(before.fresh)), after the look-alikes \(micro(after.fresh)): \(String(format: "%.2fx", after.fresh / before.fresh))")
    print("lookup edited copy: fresh index \(micro(before.edited)), after the look-alikes \(micro(after.edited)): \(String(format: "%.2fx", after.edited / before.edited)) (found \(before.found) and \(after.found) of \(probes))")
    let snapshot = index.snapshot()
    start = clock.now
    let reloaded = try! DuplicateIndex(snapshot: snapshot, configuration: .default)
    print(String(format: "snapshot of it reloaded in %.1f ms (%d stories)", seconds(clock.now - start) * 1e3, reloaded.count))
}

let arguments = CommandLine.arguments
var sizes = [10_000, 1_000_000]
if let at = arguments.firstIndex(of: "--sizes"), at + 1 < arguments.count {
    sizes = arguments[at + 1].split(separator: ",").compactMap { Int($0) }
}
/// Snapshot timing only, on an index filled quickly with one-line stories (same bytes per story).
func measureSnapshot(size: Int) {
    var index = DuplicateIndex()
    for number in 0..<size {
        let story = Story(headline: "", paragraphs: ["w\(number) x\(number &* 31) y\(number &* 17) z\(number % 1000) v\(number / 7)"])
        _ = index.ingest(story, receivedAt: 1_700_000_000 + Double(number))
    }
    for round in 1...3 {
        var start = clock.now
        let bytes = index.snapshot()
        let save = seconds(clock.now - start)
        start = clock.now
        let loaded = try! DuplicateIndex(snapshot: bytes, configuration: .default)
        let load = seconds(clock.now - start)
        print(String(format: "snapshot round %d: %.1f MB, save %.1f ms, load %.1f ms (%d stories)",
                     round, Double(bytes.count) / 1e6, save * 1e3, load * 1e3, loaded.count))
    }
}

// Each size runs in a child process of its own, so resident memory is measured from a clean heap.
if let at = arguments.firstIndex(of: "--snapshot-only"), at + 1 < arguments.count, let size = Int(arguments[at + 1]) {
    measureSnapshot(size: size)
} else if let at = arguments.firstIndex(of: "--one-size"), at + 1 < arguments.count, let size = Int(arguments[at + 1]) {
    measure(size: size)
} else if arguments.contains("--look-alikes") {
    measureLookAlikes(size: 100_000, lookAlikes: 16_000)
} else {
    for size in sizes {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--one-size", String(size)]
        try child.run()
        child.waitUntilExit()
    }
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = ["--look-alikes"]
    try child.run()
    child.waitUntilExit()
}
