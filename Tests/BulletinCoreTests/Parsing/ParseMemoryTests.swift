import Testing

@testable import BulletinCore

/// What a parse holds per line and per candidate, and the limit that lets it (issue #14: a file
/// of tiny stories has a line every 11 bytes, all held while it is parsed). The end-to-end bound
/// is Tests/System/bulletin-memory-test.py.
@Suite struct ParseMemoryTests {
    @Test func aLineTakes24BytesAndACandidate16() {
        #expect(MemoryLayout<TextLine>.stride == 24)
        #expect(MemoryLayout<Candidate>.stride == 16)
    }

    @Test func aLineKeepsEveryValueUpTo32Bits() {
        let top = Int(UInt32.max)
        let line = TextLine(
            start: top - 9, end: top, indent: 70_000, width: top, blankLinesBefore: 1 << 20, isFormFeed: false,
            hasDoubleSpace: true, mayBeTableRow: false, endsSentence: true)
        #expect(line.start == top - 9 && line.end == top && line.indent == 70_000 && line.width == top)
        #expect(line.blankLinesBefore == 1 << 20 && !line.isEmpty)
        #expect(!line.isFormFeed && line.hasDoubleSpace && !line.mayBeTableRow && line.endsSentence)
        let feed = TextLine(start: 5, end: 5, indent: 0, width: 0, blankLinesBefore: 0, isFormFeed: true)
        #expect(feed.isFormFeed && feed.isEmpty && !feed.hasDoubleSpace && !feed.endsSentence)
    }

    /// Text over the parser's limit is refused before it is read, as too large; at the limit it
    /// is parsed. (The real limit, 512 MiB, is what 32-bit offsets hold with every byte a tab.)
    @Test func textOverTheLimitIsTooLarge() throws {
        let text = "Headline\n\nBody text."
        #expect(BulletinParser.largestText == 536_870_911)
        #expect(8 * BulletinParser.largestText + 1 <= Int(UInt32.max))
        let atLimit = BulletinParser(largestText: text.utf8.count)
        #expect(try atLimit.parse(text).map(\.headline) == ["Headline"])
        let below = BulletinParser(largestText: text.utf8.count - 1)
        #expect(throws: BulletinRejection.self) { try below.parse(text) }
        do {
            _ = try below.parse(text)
        } catch {
            #expect(error.reason == .tooLarge && error.reason.rawValue == "too-large")
        }
    }

    /// The segments made a block at a time are the segments of the whole: a block of two
    /// lines still takes the wrap width of the wrapped block under it.
    @Test func segmentsMadeABlockAtATimeAreTheWholeFilesSegments() throws {
        let text = """
            A headline over its credit line
            Sydney Herald

            The first paragraph is wrapped by an editor at a width of about sixty
            columns, and it goes on over three lines so that its wrap width
            shows.

            ----

            Second story
            """
        var copy = text
        let clean = copy.withUTF8 { TextCleaner.clean($0, tabs: 0) }
        let segmenter = Segmenter(text: clean)
        var handed: [Segment] = []
        segmenter.forEachSegment { handed.append($0) }
        #expect(handed.map(\.lines) == segmenter.segments().map(\.lines))
        #expect(handed.map(\.lines) == [0..<1, 1..<2, 2..<5, 5..<6, 6..<7])
        #expect(segmenter.blockCount == 4)
    }
}
