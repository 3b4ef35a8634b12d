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

    /// A file of tiny stories holds a part and its placement every 10 bytes of text while its
    /// layout is judged and its stories assembled: 24 and 4 bytes (they were 40 and 8).
    @Test func aPartTakes24BytesAndAPlacement4() {
        #expect(MemoryLayout<Part>.stride == 24)
        #expect(MemoryLayout<ParagraphBytes>.stride == 16)
        #expect(MemoryLayout<LayoutJudge.Placement>.stride == 4)
    }

    /// A paragraph keeps its bytes' place in the array it was read from, whichever it was.
    @Test func aParagraphReadsTheBytesOfItsRange() {
        let bytes = Array("Headline. Body text here.".utf8)
        let paragraph = ParagraphBytes(bytes, 10..<14)
        #expect(paragraph.count == 4 && Array(paragraph.bytes) == Array("Body".utf8))
        #expect(paragraph.bytes.startIndex == 10)
        #expect(ParagraphBytes(bytes).count == bytes.count && ParagraphBytes([]).count == 0)
        #expect(ParagraphBytes(bytes, 2..<2).bytes.isEmpty)
    }

    /// A large text's lines are made in an array sized once from a count of them: grown by
    /// doubling, 131,200 lines had room for 262,144 (6.3 MB for nothing, for the whole parse).
    @Test func aLargeTextsLinesAreSizedOnce() {
        var text = String(repeating: "Repeat\n\nSame words.\n\n", count: 65_600)
        #expect(text.utf8.count > TextCleaner.largeText)
        let clean = text.withUTF8 { TextCleaner.clean($0, tabs: 0) }
        #expect(clean.lines.count == 131_200)
        #expect(clean.lines.capacity >= clean.lines.count && clean.lines.capacity <= clean.lines.count + 64)
    }

    /// The count is never below the lines made, whatever ends them, and is the number made
    /// where the text ends in a letter and no line holds only characters the cleaner drops.
    @Test(arguments: [
        "a\nb", "a\r\nb\r\n", "a\rb\r", "\n\n\na\n\n", "a\u{0C}b\u{0C}\u{0C}", "a\u{0B}b", "a\u{85}b\u{85}",
        "a\u{2028}b\u{2029}c", "  \t \n\ta", "", "\n", "x", "é\n€\n𝄞", "\u{200B}\n\u{200B}a",
        // Longer than a word of eight bytes, which the count skips when it holds no break.
        "Headline words\n\nA paragraph of text that runs on\r\nand on\u{2028}and\u{85}on\u{0C}x",
        "        \n        \n \t      \n12345678a", "Пресс-служба Кремля\nсообщила — «да»\u{2029}что",
        "ab\u{A0}cdefgh\u{2014}ijklmnop\u{85}q\u{2029}\u{2028}rstuvwxyz", "abcdefgh\u{200B}\nabcdefg",
    ])
    func theLineCountIsABoundOfTheLinesMade(_ text: String) {
        var text = text
        let (bound, made) = text.withUTF8 { (TextCleaner.lineCountBound($0), TextCleaner.clean($0, tabs: 0).lines.count) }
        #expect(bound >= made)
        if !text.contains("\u{200B}") && text.last?.isLetter == true { #expect(bound == made) }
    }

    /// A break at any place in a word of eight bytes is counted: the count skips only words
    /// that hold none.
    @Test func aBreakAnywhereInAWordIsCounted() {
        for lead in 1..<17 {
            for ending in ["\n", "\r\n", "\r", "\u{0B}", "\u{85}", "\u{2028}", "\u{2029}", "\u{0C}"] {
                var text = String(repeating: "x", count: lead) + ending + "        " + ending + "words of a line" + ending + "z"
                let (bound, made) = text.withUTF8 { (TextCleaner.lineCountBound($0), TextCleaner.clean($0, tabs: 0).lines.count) }
                #expect(bound == made, "\(lead) bytes, then \(ending.unicodeScalars.map(\.value))")
            }
        }
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
