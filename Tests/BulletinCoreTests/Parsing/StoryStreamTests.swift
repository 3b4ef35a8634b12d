import Testing

@testable import BulletinCore

/// A plain-text file of many parts is assembled a batch at a time as its stories are asked for
/// (`BulletinParser.stories`, `StoryStream`; issue #14, finding 5): the batches, joined, must be
/// exactly the stories `parse` gives, and the count made without making them must be theirs.
@Suite struct StoryStreamTests {
    /// Every fixture streamed (no part limit) in batches of 1, 2 and 7: the same stories, in the
    /// same order, as the whole parse, the same count, and the same rejection where it refuses.
    @Test func batchesJoinedAreTheWholeParseOnEveryFixture() throws {
        let parser = BulletinParser()
        var streamed = 0
        for name in FixtureCorpus.names {
            guard let text = try? BulletinDecoder.decode(FixtureCorpus.bytes(name)).text else { continue }  // not text
            let whole: [Story]
            do {
                whole = try parser.parse(text)
            } catch {
                #expect(throws: error) { try parser.stories(text, assembledAtOnce: 0) }
                continue
            }
            for batchSize in [1, 2, 7] {
                switch try parser.stories(text, assembledAtOnce: 0) {
                case .all(let all):
                    #expect(all == whole, "\(name)")  // framed: assembled item by item already
                case .streamed(var stream):
                    #expect(stream.count == whole.count, "\(name)")
                    var joined: [Story] = []
                    while true {
                        let batch = stream.next(batchSize)
                        #expect(batch.count <= batchSize)
                        if batch.isEmpty { break }
                        joined += batch
                        #expect(stream.taken == joined.count)
                    }
                    #expect(joined == whole, "\(name)")
                    if batchSize == 1 { streamed += 1 }
                }
            }
        }
        #expect(streamed > 25)  // the plain-text fixtures
    }

    /// Past half its parts, a stream lets go of the ones taken (keeping the few the assembler
    /// looks back at) and goes on from a copy of the rest: files of thousands of parts — the
    /// seed bulletin 100 times over, and stories marked by a wider gap with a name line inside
    /// their text (the assembler asks the placements there) — streamed in batches of 7 and 100
    /// give the whole parse's stories, while the parts held shrink.
    @Test func partsTakenAreLetGoAndTheStoriesStayTheSame() throws {
        let seed = try SeedBulletinTests.seed()
        let marked = (0..<1_500).map { number in
            "Headline number \(number) of the day\n\nThe first paragraph of story \(number), in full.\n\nJane Smith\n\n"
                + "The second paragraph of it.\n\n\n\n"
        }.joined()
        for text in [Array(repeating: seed, count: 100).joined(separator: "\n\n\n"), marked] {
            let whole = try BulletinParser().parse(text)
            for batchSize in [7, 100] {
                guard case .streamed(var stream) = try BulletinParser().stories(text, assembledAtOnce: 0) else {
                    Issue.record("plain text over the part limit is streamed")
                    return
                }
                let parts = stream.partsHeld
                #expect(parts > 4_000)
                var joined: [Story] = []
                var fewest = parts
                while case let batch = stream.next(batchSize), !batch.isEmpty {
                    joined += batch
                    fewest = min(fewest, stream.partsHeld)
                    if joined.count * 4 >= whole.count * 3 { #expect(stream.partsHeld <= parts / 2) }
                }
                #expect(joined == whole)
                #expect(fewest < 1_100)
            }
        }
    }

    /// Drafts that make no story (a byline alone, an inline credit alone) are not counted.
    @Test func theCountLeavesOutDraftsThatMakeNoStory() throws {
        let text = "By Jane Smith\n\nHeadline one\n\nFirst body.\n\n(Reporting by Jane Smith)\n\nHeadline two\n\nSecond body."
        let whole = try BulletinParser().parse(text)
        guard case .streamed(var stream) = try BulletinParser().stories(text, assembledAtOnce: 0) else {
            Issue.record("plain text over the part limit is streamed")
            return
        }
        #expect(stream.count == whole.count)
        #expect(stream.next(.max) == whole)
        #expect(stream.next(.max).isEmpty)
    }

    /// Under the part limit, all stories at once, as `parse` gives them; only separators and
    /// sign-offs are refused as before, whichever way.
    @Test func underTheLimitAllAtOnceAndNoStoriesRefusedEitherWay() throws {
        let text = "Headline\n\nBody text."
        guard case .all(let all) = try BulletinParser().stories(text, assembledAtOnce: 10) else {
            Issue.record("a two-part file under a ten-part limit is assembled at once")
            return
        }
        #expect(all == (try BulletinParser().parse(text)))
        for limit in [0, 100] {
            do {
                _ = try BulletinParser().stories("---\n\n***\n-30-\n", assembledAtOnce: limit)
                Issue.record("separators only must be refused")
            } catch {
                #expect(error.reason == .noStories)
            }
        }
    }
}
