@testable import BulletinCore
import Foundation
import Testing

/// Copies of stories whose bodies have too few shingles to be found by them alone: the headline
/// is the rest of the evidence. Text: the news documents of the Parallel Universal Dependencies
/// treebanks (CC BY-SA 3.0; Tests/LangCorpus/SOURCES.md), as `make lang-eval` cuts and edits them.
@Suite("Short bodies under their headline")
struct ShortBodyTests {
    let now = DedupFixtures.now

    /// PUD Spanish n01018: eight shingles, five of them kept by the copy (estimate 0.43).
    let spanish = Story(headline: "A veces es como un superpoder",
                        paragraphs: ["El programa gana dinero mediante el patrocinio y la publicidad."])
    /// PUD Portuguese: the cut leaves no LSH band in common, so only the headline finds it.
    let portuguese = Story(headline: "Então o anúncio termina",
                           paragraphs: ["Eles são normalmente artistas que querem fazer um monte de coisas."])

    func cut(_ word: String, from story: Story) -> Story {
        var copy = story
        copy.paragraphs = story.paragraphs.map { $0.replacingOccurrences(of: " \(word) ", with: " ") }
        #expect(copy.paragraphs != story.paragraphs)
        return copy
    }

    @Test("a one-sentence story copied with one word cut is a near duplicate", arguments: [0, 1])
    func oneWordCut(which: Int) {
        let (original, word) = which == 0 ? (spanish, "el") : (portuguese, "querem")
        var index = DuplicateIndex()
        #expect(index.ingest(original, receivedAt: now).isNew)
        let decision = index.ingest(cut(word, from: original), receivedAt: now + 60)
        #expect(decision.duplicateOf == StoryID(of: original).hex)
        #expect(decision.match == .near)
    }

    @Test("the portuguese copy is found through the headline table: no band is shared")
    func foundByHeadline() {
        var index = DuplicateIndex()
        _ = index.ingest(portuguese, receivedAt: now)
        let copy = index.fingerprint(cut("querem", from: portuguese))
        #expect(copy.isShortBody)
        var withoutHeadlineRoute = index
        withoutHeadlineRoute.headlineTable = SlotTable()
        #expect(withoutHeadlineRoute.candidates(of: copy).isEmpty)
        #expect(index.candidates(of: copy) == [0])
    }

    @Test("under another headline, or with more words changed, a short body is its own story")
    func notEveryShortBodyMatches() {
        var index = DuplicateIndex()
        _ = index.ingest(spanish, receivedAt: now)
        var reheadlined = cut("el", from: spanish)
        reheadlined.headline = "El patrocinio paga el programa"
        #expect(index.ingest(reheadlined, receivedAt: now + 60).isNew)
        var rewritten = spanish
        rewritten.paragraphs = ["El programa pierde dinero pese al patrocinio y la publicidad."]
        #expect(index.ingest(rewritten, receivedAt: now + 120).isNew)
    }

    @Test("with the setting at 0, the one-word cut is missed as before")
    func settingTurnsItOff() {
        var index = DuplicateIndex(configuration: DedupConfiguration(shortBodyChangedBits: 0))
        _ = index.ingest(spanish, receivedAt: now)
        #expect(index.ingest(cut("el", from: spanish), receivedAt: now + 60).isNew)
    }

    /// PUD English n01011, as make-lang-corpus.py cuts it (the shortest sentence the headline):
    /// trimmed to its first paragraph, nine shingles of 34, estimated 0.61 inside the original.
    @Test("a copy trimmed to a short first paragraph under the same headline is found")
    func trimmedUnderTheSameHeadline() {
        let original = Story(headline: "\"I'm going to jail either way, hope it was worth it\"", paragraphs: [
            "She has also been charged with trying to kill her two-year-old daughter.",
            "She killed Andre Price III by pressing his face into an air mattress in her sitting room before trying to do the same to her daughter, Angel, police said.",
        ])
        var trimmed = original
        trimmed.paragraphs.removeLast()
        var index = DuplicateIndex()
        _ = index.ingest(original, receivedAt: now)
        #expect(index.ingest(trimmed, receivedAt: now + 60).duplicateOf == StoryID(of: original).hex)
        // The same cut under another headline has only the estimate, which is too low.
        var reheadlined = trimmed
        reheadlined.headline = "Woman charged over her son's death"
        var other = DuplicateIndex()
        _ = other.ingest(original, receivedAt: now)
        #expect(other.ingest(reheadlined, receivedAt: now + 60).isNew)
    }

    @Test("a snapshot keeps the headline keys, the word masks and the headline table")
    func snapshotKeepsThem() throws {
        var index = DuplicateIndex()
        _ = index.ingest(portuguese, receivedAt: now)
        var loaded = try DuplicateIndex(snapshot: index.snapshot(), configuration: .default)
        #expect(loaded.ingest(cut("querem", from: portuguese), receivedAt: now + 60).duplicateOf == StoryID(of: portuguese).hex)
    }

    /// The format version is the 32-bit word after the magic, in the machine's (little-endian) order.
    @Test("a snapshot of format 4 (no headline keys) is refused, so the index is rebuilt from the store")
    func olderSnapshotRefused() {
        var bytes = DuplicateIndex().snapshot()
        bytes.replaceSubrange(8..<12, with: [4, 0, 0, 0])
        #expect(throws: DedupSnapshotError.unsupportedVersion(4)) {
            try DuplicateIndex(snapshot: bytes, configuration: .default)
        }
    }
}
