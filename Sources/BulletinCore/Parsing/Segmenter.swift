/// Splits cleaned lines into segments. Blank lines always split; inside a run of
/// non-blank lines a break is kept where the text shows it was meant: an indented first
/// line, a line a wrapper would have filled further, a separator, a byline or sign-off.
struct Segmenter {
    /// Lines wider than this were not hard-wrapped: every break in such a block is deliberate.
    static let widestWrap = 100

    let text: CleanText
    /// The file's paragraphs run on unwrapped, one line each (more lines wider than
    /// `widestWrap` than of wrapped length): a two-line block, too short to show a wrap
    /// width by itself, then has a deliberate break too.
    let fileIsUnwrapped: Bool
    /// The width the file's wrapper filled its lines to, when many lines end close to one
    /// right margin (`FileWrap`): a typed line wider than that (a headline, a crosshead, a
    /// time line in the block of its story) does not widen the block's wrap.
    let fileWrap: Int?
    /// How many blocks (runs of lines between blank lines and form feeds) the file has: at
    /// least one segment each, what a reader of the segments sizes its arrays by.
    let blockCount: Int
    /// Blank lines wider than the file's commonest gap between blocks: where a block stands
    /// after so many, the file opens a story there (`BlockMetrics.headsTextUnder`).
    let storyGap: Int
    /// The text is a bulletin file, whose top opens a story; not a framed item's body, which
    /// opens under its headline's frame.
    let opensStories: Bool

    init(text: CleanText, opensStories: Bool = false) {
        self.text = text
        self.opensStories = opensStories
        var gaps = [0, 0, 0]  // blocks after one blank line, two, three or more
        var wide = 0
        var wrappedLength = 0
        var widths = FileWrap()
        var blocks = 0
        var afterFormFeed = true
        for line in text.lines {
            if line.width > Self.widestWrap { wide += 1 } else if line.width >= 50 { wrappedLength += 1 }
            widths.add(line.width)
            if afterFormFeed || line.blankLinesBefore > 0 || line.isFormFeed { blocks += 1 }
            if line.blankLinesBefore > 0 { gaps[min(line.blankLinesBefore, 3) - 1] += 1 }
            afterFormFeed = line.isFormFeed
        }
        blockCount = blocks
        // A tie goes to the narrower gap.
        storyGap = (gaps[1] > gaps[0] ? (gaps[2] > gaps[1] ? 3 : 2) : (gaps[2] > gaps[0] ? 3 : 1)) + 1
        fileIsUnwrapped = wide > 0 && wide >= wrappedLength
        fileWrap = fileIsUnwrapped ? nil : widths.margin
    }

    func segments() -> [Segment] {
        var result: [Segment] = []
        result.reserveCapacity(min(text.lines.count, 64))  // rather than regrow from one
        forEachSegment { result.append($0) }
        return result
    }

    /// The segments in order, made a block at a time and handed on: neither the file's blocks
    /// nor its segments are ever all held (a file of tiny stories has one of each a line, and
    /// they lived beside every line and part of it: issue #14).
    func forEachSegment(_ body: (Segment) -> Void) {
        var blockSegments: [Segment] = []
        // Room for a block of a few segments at once, rather than regrown from one in every text
        // read (a framed feed reads thousands).
        blockSegments.reserveCapacity(16)
        var block = self.block(from: 0)
        var previous = 0..<0
        while !block.isEmpty {
            let next = self.block(from: block.upperBound)
            var wrapOfNext: Int?
            if block.count == 2 && fileIsUnwrapped {
                wrapOfNext = rewrapWidth(of: previous) ?? rewrapWidth(of: next)
            } else if block.count == 2 && !next.isEmpty {
                wrapOfNext = wrapWidth(of: next)
            }
            blockSegments.removeAll(keepingCapacity: true)
            let opensStory =
                opensStories
                && (previous.isEmpty || text.lines[block.lowerBound].blankLinesBefore >= storyGap
                    || endsWithSeparator(previous))
            appendBlock(block, wrapOfNext: wrapOfNext, opensStory: opensStory, to: &blockSegments)
            for segment in blockSegments { body(segment) }
            previous = block
            block = next
        }
    }

    /// In a file that runs its paragraphs on unwrapped, a block of three lines or more that a
    /// wrapper filled: no line but its last could have taken the next line's first word within
    /// its widest (a copy re-wrapped at 64 columns among unwrapped stories, `make lang-eval`'s
    /// "restyled" copies). Its width is the wrap of the two-line blocks beside it, whose break
    /// the same wrapper made ("Porque, a pesar de sus cientos de títulos, de victorias, de" over
    /// "fichajes, …"): without it such a block's break would read as typed. Nil for any other block.
    private func rewrapWidth(of block: Range<Int>) -> Int? {
        guard block.count >= 3 else { return nil }
        var widest = 0
        for index in block { widest = max(widest, text.lines[index].width) }
        guard widest >= 40, widest <= Self.widestWrap else { return nil }
        for index in block.dropLast() {
            let line = text.lines[index]
            guard line.width + 1 + BlockMetrics.firstWordWidth(text, text.lines[index + 1]) > widest else { return nil }
        }
        return PreformattedDetector(text: text).isPreformatted(block) ? nil : widest
    }

    /// The block of lines from `start`: up to the next line after a blank line, or a form
    /// feed, which is a block of its own. Empty at the end of the lines.
    private func block(from start: Int) -> Range<Int> {
        let lines = text.lines
        guard start < lines.count else { return start..<start }
        var end = start + 1
        while end < lines.count && lines[end].blankLinesBefore == 0 && !lines[end].isFormFeed
            && !lines[end - 1].isFormFeed
        {
            end += 1
        }
        return start..<end
    }

    /// The widest line of a block of wrapped prose of three lines or more: how wide the
    /// wrapper filled lines there. A two-line block ("headline" over "عين اليوم – برشلونة")
    /// is too short to show its own, and the story under it was wrapped by the same hand.
    /// No line wrapped at that width is wider, so a break it calls deliberate is one.
    private func wrapWidth(of block: Range<Int>) -> Int? {
        guard block.count >= 3, !fileIsUnwrapped else { return nil }
        var widest = 0
        for index in block { widest = max(widest, text.lines[index].width) }
        if let fileWrap, widest > fileWrap { widest = fileWrap }
        guard widest <= Self.widestWrap, !PreformattedDetector(text: text).isPreformatted(block) else { return nil }
        return widest
    }

    private func slice(_ line: TextLine) -> ArraySlice<UInt8> { text.bytes[line.start..<line.end] }

    private func appendBlock(_ block: Range<Int>, wrapOfNext: Int?, opensStory: Bool, to result: inout [Segment]) {
        let lines = text.lines
        if block.count == 1 && lines[block.lowerBound].isFormFeed {
            result.append(Segment(kind: .separator, lines: block))
            return
        }
        if PreformattedDetector(text: text).isPreformatted(block) {
            result.append(Segment(kind: .preformatted, lines: block))
            return
        }
        let metrics = BlockMetrics(
            text: text, block: block, fileIsUnwrapped: fileIsUnwrapped, wrapOfNext: wrapOfNext, fileWrap: fileWrap)
        // Figure tables and lists typed on single line breaks inside the block: each run stays
        // one preformatted block of its story.
        let figureRows = FigureRows(metrics: metrics)
        // Lines of the block's first 64 that the row test found are no sign-off: not asked again.
        var noSignOffs: UInt64 = 0
        // A closure, not the method `figureRows.holdsFigures`: its partial application copied
        // the struct (and retained its arrays) for every block of two lines or more.
        let rowRuns =
            block.count >= 2
            ? ListRows.merged(
                lists: ListRows.runs(text, in: block), figures: figureRows.runs(in: block, noSignOffs: &noSignOffs),
                isTable: { figureRows.holdsFigures($0) })
            : []
        // The last line found to be no sign-off (by its length and first byte, or by asking):
        // a prose segment of that line alone tells the part reader so (`Segment.isNoSignOff`).
        var lastNoSignOff = -1
        func prose(_ lines: Range<Int>) -> Segment {
            var segment = Segment(kind: .prose, lines: lines)
            segment.isNoSignOff =
                lines.count == 1 && lines.lowerBound == lastNoSignOff && !text.lines[lines.lowerBound].hasDoubleSpace
            return segment
        }
        var nextRun = 0
        var start = block.lowerBound
        var insideCredit = false
        // The line that opens a story, where one does: the block's first, or one under a separator.
        var opening = opensStory ? block.lowerBound : -1
        let opensStories = self.opensStories
        for index in block where index >= start {
            if nextRun < rowRuns.count, index == rowRuns[nextRun].lowerBound, !insideCredit {
                let run = rowRuns[nextRun]
                if start < index { result.append(prose(start..<index)) }
                result.append(Segment(kind: .preformatted, lines: run))
                start = run.upperBound
                nextRun += 1
                continue
            }
            // Most lines are plain text: their first byte and length rule out every
            // standalone kind before any of them is asked.
            if insideCredit || mayStandAlone(lines[index]) {
                let line = slice(lines[index])
                if StandaloneLines.isSeparator(line) {
                    if start < index { result.append(prose(start..<index)) }
                    result.append(Segment(kind: .separator, lines: index..<(index + 1)))
                    start = index + 1
                    if opensStories { opening = start }
                    continue
                }
                // A parenthesized credit may wrap over lines; it ends where the parenthesis closes.
                if !insideCredit, StandaloneLines.opensReportingCredit(line) {
                    if start < index { result.append(prose(start..<index)) }
                    start = index
                    insideCredit = true
                }
                if insideCredit {
                    if line.last == 0x29 {
                        result.append(Segment(kind: .prose, lines: start..<(index + 1)))
                        start = index + 1
                        insideCredit = false
                    }
                    continue
                }
                // "REUTER", "-- AFP", "Source: Interfax", "(c) 2013 …" under the last line of text.
                let offset = index - block.lowerBound
                let knownNoSignOff = offset < 64 && noSignOffs & (1 << UInt64(offset)) != 0
                if !knownNoSignOff && StandaloneLines.isSignOffLine(line) {
                    if start < index { result.append(prose(start..<index)) }
                    // A wrapped one goes on under it, as does a paragraph that opens like one
                    // ("© 2022, BreakingBelizeNews.com. This article is the copyrighted" over
                    // the rest): the part reader judges the whole.
                    if metrics.wrapsOn(index, in: block) {
                        start = index
                        continue
                    }
                    result.append(Segment(kind: .prose, lines: index..<(index + 1)))
                    start = index + 1
                    continue
                }
            }
            // Not a sign-off: asked above, or too long for one that opens with its first byte.
            lastNoSignOff = index
            let isLast = index + 1 == block.upperBound
            if !isLast && (metrics.breaksAfter(index) || (index == opening && metrics.headsTextUnder(index))) {
                result.append(prose(start..<(index + 1)))
                start = index + 1
            }
        }
        if start < block.upperBound { result.append(prose(start..<block.upperBound)) }
    }

    /// Whether a line could be a separator, the start of a parenthesized credit or a sign-off
    /// (`StandaloneLines`): each of those needs a short line or one of a few first bytes.
    private func mayStandAlone(_ line: TextLine) -> Bool {
        guard !line.isEmpty, line.end - line.start > 40 else { return true }
        switch text.bytes[line.start] {
        case 0x2D, 0x2A, 0x23, 0x3D, 0x5F, 0x7E, 0x2B, 0x45, 0x28, 0xC2, 0x53, 0x73, 0x43, 0x63: return true
        // - * # = _ ~ + E ( © S s C c; and the initials of bare credit lines ("Reporting by …")
        case 0x52, 0x72, 0x41, 0x61, 0x57, 0x77, 0x65, 0x54, 0x74: return line.end - line.start <= 200
        case 0x51, 0x71, 0x46, 0x66: return line.end - line.start <= 100  // "Quelle: …", "Fuente: …"
        default: return false
        }
    }
}

/// What a block's lines say about how it was written, for deciding its inner breaks.
struct BlockMetrics {
    let text: CleanText
    let block: Range<Int>
    let baseIndent: Int
    /// The widest line, when the block looks hard-wrapped; nil when it does not.
    let wrapWidth: Int?
    /// Most lines end a sentence: one paragraph per line.
    let onePerLine: Bool
    /// The file's right margin (`FileWrap`), where it has one: a sentence's end breaks a
    /// `onePerLine` block only where the next line's first word would have fitted within it.
    let fileWrap: Int?
    /// Lines wider than this are typed (a headline, a crosshead in the block of its text): more
    /// than two columns wider than both the file's wrap and the block's widest line within it,
    /// so that a file's margin read a little short from few lines splits no paragraph.
    let typedAbove: Int?
    /// The block's lines were never wrapped: the file runs its paragraphs on unwrapped and the
    /// block shows no wrap width of its own (a line wider than any wrapper fills, or two lines).
    /// Then every line break in it was typed, and ends a paragraph.
    let typedBreaks: Bool
    /// The file runs its paragraphs on unwrapped (`Segmenter.fileIsUnwrapped`).
    let fileIsUnwrapped: Bool

    /// In a file that is not hard-wrapped, the break in a two-line block is typed: under a
    /// headline, a short credit line ("عين اليوم – برشلونة") is a line of its own; unless a
    /// wrapped block beside it (`wrapOfNext`, there from `Segmenter.rewrapWidth`, the block
    /// above or under) shows a wrap its lines fit within.
    /// Elsewhere a two-line block takes the wrap width of the wrapped block under it (`wrapOfNext`)
    /// when that is wider than its own lines.
    /// A block wider than the file's wrap (`fileWrap`) holds a typed line: the file's wrap is
    /// the block's.
    init(
        text: CleanText, block: Range<Int>, fileIsUnwrapped: Bool = false, wrapOfNext: Int? = nil,
        fileWrap: Int? = nil
    ) {
        self.text = text
        self.block = block
        var base = Int.max
        var widest = 0
        var widestIndex = block.lowerBound
        var runnerUp = 0
        var sentenceEnds = 0
        var widestWrapped = 0  // the widest line no wider than the file's wrap allows
        for index in block {
            let line = text.lines[index]
            base = min(base, line.indent)
            if let fileWrap, line.width <= fileWrap + 2 { widestWrapped = max(widestWrapped, line.width) }
            if line.width > widest {
                runnerUp = widest
                widest = line.width
                widestIndex = index
            } else {
                runnerUp = max(runnerUp, line.width)
            }
            if index + 1 < block.upperBound && line.endsSentence {
                sentenceEnds += 1
            }
        }
        // A credit or sign-off line under the text ("Reporting by …; Editing by …") was typed,
        // not wrapped: its width says nothing of the wrapper's.
        if block.count >= 3 && widest > runnerUp {
            let line = text.lines[widestIndex]
            let bytes = text.bytes[line.start..<line.end]
            if StandaloneLines.isSignOffLine(bytes) || StandaloneLines.opensReportingCredit(bytes) { widest = runnerUp }
        }
        baseIndent = base
        if block.count == 2 && fileIsUnwrapped {
            // Unwrapped but for a wrapped block beside it (`Segmenter.rewrapWidth`) that this
            // block's lines fit within: wrapped by the same hand.
            widest = wrapOfNext.map { widest <= $0 ? $0 : Int.max } ?? Int.max
        } else if block.count == 2, let wrapOfNext, wrapOfNext > widest {
            widest = wrapOfNext
        }
        if let fileWrap, widest > fileWrap { widest = fileWrap }
        wrapWidth = widest <= Segmenter.widestWrap ? widest : nil
        onePerLine = block.count >= 3 && sentenceEnds * 2 >= block.count - 1
        self.fileWrap = fileWrap
        typedBreaks = fileIsUnwrapped && wrapWidth == nil
        self.fileIsUnwrapped = fileIsUnwrapped
        typedAbove = fileWrap.map { max($0, widestWrapped) + 2 }
    }

    /// Cheap: looks only at the last bytes, through closing quotes.
    static func endsSentence<Bytes: RandomAccessCollection<UInt8>>(_ line: Bytes) -> Bool where Bytes.Index == Int {
        var index = line.endIndex - 1
        while index >= line.startIndex {
            switch line[index] {
            case 0x22, 0x27, 0x29, 0x5D: index -= 1  // " ' ) ]
            case 0x9D where index >= line.startIndex + 2 && line[index - 2] == 0xE2: index -= 3  // ”
            case 0x9C where index >= line.startIndex + 2 && line[index - 2] == 0xE2 && line[index - 1] == 0x80:
                index -= 3  // “, German „…“
            case 0xBB where index >= line.startIndex + 1 && line[index - 1] == 0xC2:  // », French "… parti. »"
                index -= 2
                if index >= line.startIndex && line[index] == 0x20 { index -= 1 }
            case 0xAB where index >= line.startIndex + 1 && line[index - 1] == 0xC2: index -= 2  // « (German »…«)
            case 0x99 where index >= line.startIndex + 2 && line[index - 2] == 0xE2: index -= 3  // ’
            case 0xA6 where index >= line.startIndex + 2 && line[index - 2] == 0xE2: return true  // …
            case 0x2E, 0x21, 0x3F, 0x3A: return true  // . ! ? :
            // Chinese and Japanese close their sentences with full-width marks, and quote with
            // corner brackets: "……就可以回家了。”", "……一座山终会变为一粒尘。", "「……だ。」".
            case 0x82 where index >= line.startIndex + 2 && line[index - 2] == 0xE3 && line[index - 1] == 0x80:
                return true  // 。
            case 0x81 where index >= line.startIndex + 2 && line[index - 2] == 0xEF && line[index - 1] == 0xBC,
                0x9F where index >= line.startIndex + 2 && line[index - 2] == 0xEF && line[index - 1] == 0xBC:
                return true  // ！ ？
            case 0x8D where index >= line.startIndex + 2 && line[index - 2] == 0xE3 && line[index - 1] == 0x80,
                0x8F where index >= line.startIndex + 2 && line[index - 2] == 0xE3 && line[index - 1] == 0x80:
                index -= 3  // 」 』
            // An emoji after the sentence's mark ("… also ran an die Buletten! 😉",
            // gitarrebass.de): four bytes F0 9F xx xx (U+1F000–U+1FFFF), maybe after a space.
            case 0x80...0xBF where index >= line.startIndex + 3 && line[index - 3] == 0xF0 && line[index - 2] == 0x9F:
                index -= 4
                if index >= line.startIndex && line[index] == 0x20 { index -= 1 }
            default: return false
            }
        }
        return false
    }

    func breaksAfter(_ index: Int) -> Bool {
        let line = text.lines[index]
        let next = text.lines[index + 1]
        // A file of one unwrapped line a paragraph: a line that ends without a full stop
        // ("… auf evang.at/faq-corona", "… https://t.co/dLVatVHxRr", "…。”") ends its paragraph
        // all the same, since no wrapper broke it.
        if typedBreaks { return true }
        // Lines are sliced only when a test needs more than their flags and first bytes.
        // Paragraphs marked only by indentation.
        if next.indent > baseIndent && (next.indent > line.indent || line.endsSentence) { return true }
        if opensIndentedParagraph(after: index) { return true }
        // A crosshead flush at the margin between indented paragraphs (`opensCrosshead`).
        if next.indent == baseIndent && opensCrosshead(after: index) { return true }
        if opensTypedCrosshead(after: index) { return true }
        // A bullet starts an item of its own: "• Q1 EBITDA up 10%" under the item before.
        if text.bytes[next.start] == 0xE2 && ByteScalars.hasPrefix(slice(next), "\u{2022} ") { return true }
        if mayBeByline(line) && StandaloneLines.byline(slice(line)) != nil { return true }
        if mayBeByline(next) && StandaloneLines.byline(slice(next)) != nil { return true }
        // "Updated 8 January 2020" under a headline and over the text: a page's time line.
        if isTimeLine(line) || isTimeLine(next) { return true }
        // A wire headline in capitals right above its text.
        if line.width <= 250 && isAllCaps(line) && !isAllCaps(next) { return true }
        if !deliberate(index) { return false }
        if line.endsSentence { return true }
        return line.width <= 250 && HeadlineShape.looksLikeHeadline(TextShape(slice(line)))
    }

    private func slice(_ line: TextLine) -> ArraySlice<UInt8> { text.bytes[line.start..<line.end] }

    /// "By …", "Von …" lines: the first two bytes decide for most lines (a cleaned line opens
    /// with a visible byte, and every label is longer than two).
    private func mayBeByline(_ line: TextLine) -> Bool {
        line.end - line.start >= 3 && line.end - line.start <= 120
            && StandaloneLines.mayOpenByline(text.bytes[line.start], text.bytes[line.start + 1])
    }

    /// A page's time line standing as a line of its own (`TimeLine`): short, opening with a
    /// capital and not ending a sentence, unlike the last line of a paragraph that ends on a
    /// date ("… the ministry said on 8 January 2020.").
    func isTimeLine(_ line: TextLine) -> Bool {
        guard line.width <= 48, !line.endsSentence, line.end > line.start else { return false }
        let first = text.bytes[line.start]
        guard (first >= 0x41 && first <= 0x5A) || first >= 0xC3 else { return false }
        return text.bytes.withUnsafeBufferPointer {
            TimeLine.isTimeLine(UnsafeBufferPointer(rebasing: $0[line.start..<line.end]))
        }
    }

    /// `TextShape.isAllCaps`, after the first bytes rule most lines out unsliced.
    private func isAllCaps(_ line: TextLine) -> Bool {
        let mayBe = text.bytes.withUnsafeBufferPointer {
            TextShape.mayBeAllCaps(UnsafeBufferPointer(rebasing: $0[line.start..<line.end]))
        }
        return mayBe && TextShape(slice(line)).isAllCaps
    }

    /// A line of the block whose text goes on under it: the wrapper, not the writer, broke it.
    func wrapsOn(_ index: Int, in block: Range<Int>) -> Bool {
        wrapWidth != nil && index + 1 < block.upperBound && !deliberate(index)
    }

    /// The break after `index` was typed, not made by a wrapper: the next line's first word
    /// would have fitted on this one.
    func deliberate(_ index: Int) -> Bool {
        guard let wrapWidth else { return true }
        let line = text.lines[index]
        let next = text.lines[index + 1]
        // Lines that mostly end sentences are a paragraph each, but in a hard-wrapped file only
        // where the next word would have fitted within its margin: short sentences end a
        // wrapper's lines by chance ("… Danin said." at the margin over "“But it is also …").
        if onePerLine && line.endsSentence
            && fileWrap.map({ line.width + 1 + Self.firstWordWidth(text, next) <= $0 }) ?? true
        {
            return true
        }
        // Wider than the wrapper fills: typed, a headline over its text. Not a line too wide
        // for any wrapper, which a framer may have joined from two ("LONDON, Feb. 1 -- Four …").
        if let typedAbove, line.width > typedAbove && line.width <= Segmenter.widestWrap { return true }
        // Under it, a line wider than the wrapper fills: typed, and so was the break over it
        // (a wrapper that had gone on with this line's text would have filled the next line to
        // its margin, not past it). Two crossheads at the margin of an indented file:
        // "Lockdown: Gottesdienste bleiben unter strengen Auflagen möglich" over "Chalupka:
        // “Verantwortliche in Pfarrgemeinden sollen …”" (101 columns, wrap 66; evang.at). A
        // wrapper writes past its margin only a word too long for it, alone on its line: a
        // Chinese sentence with no space in it under "…霍特(Daniel" (Guangming Online).
        if let typedAbove, next.width > typedAbove, holdsSpace(next) { return true }
        // In a file that runs its paragraphs on unwrapped, a block's line of Chinese, written
        // without spaces, is not one word that never fits: no wrapper that breaks only at
        // spaces set the file, so its first character is what would have fitted. A headline
        // typed right over its first paragraph ("宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网"
        // over "翱翔于距地球数千公里的太空中，…", Guangming Online) is then a line of its own. In a
        // hard-wrapped file a wrapper that breaks at spaces moves a whole run of Chinese to the
        // next line ("…会发生什么——" over "如果我们开始给予…"): there the run is the word.
        let nextWord = Self.firstWordWidth(text, next, endingAtHan: fileIsUnwrapped)
        return line.width + 1 + nextWord <= wrapWidth - 2
    }

    /// A space inside the line: a wrapper could have broken it there (lines have no trailing
    /// spaces once cleaned).
    func holdsSpace(_ line: TextLine) -> Bool {
        text.bytes.withUnsafeBufferPointer { all in
            UnsafeBufferPointer(rebasing: all[line.start..<line.end]).contains(0x20)
        }
    }

    /// Columns of `line`'s first word (its scalars up to the first space), counted through a
    /// pointer: the slice's generic prefix and reduce cost ~130 instructions a line. With
    /// `endingAtHan`, the word also ends after a Chinese or Japanese character (U+3000–U+9FFF:
    /// CJK punctuation, kana, ideographs), after which a wrapper that breaks anywhere may break:
    /// see `deliberate`.
    static func firstWordWidth(_ text: CleanText, _ line: TextLine, endingAtHan: Bool = false) -> Int {
        text.bytes.withUnsafeBufferPointer { all in
            var width = 0
            var index = line.start
            while index < line.end && all[index] != 0x20 {
                let byte = all[index]
                if byte & 0xC0 != 0x80 {
                    width += 1
                    if byte >= 0xE3 && endingAtHan && byte <= 0xE9 { break }
                }
                index += 1
            }
            return width
        }
    }
}

/// The right margin of a hard-wrapped file: a wrapper fills many lines to within a few
/// columns of its width, while a typed line (a headline, a crosshead) ends where its text
/// does, and typed lines seldom end within a column or two of each other. The margin is the
/// widest column at which such a cluster ends: three lines, at least a sixth of the lines 50
/// columns or wider and more than end between it and 100 columns, end within three columns. (Narrower lines are a table's rows or
/// a paragraph's last line, not a wrapper's.)
struct FileWrap {
    private var counts = [Int](repeating: 0, count: Segmenter.widestWrap + 1)
    private var measured = 0

    mutating func add(_ width: Int) {
        guard width >= 50 else { return }
        measured += 1
        if width <= Segmenter.widestWrap { counts[width] += 1 }
    }

    var margin: Int? {
        let needed = max(3, measured / 6)
        var window = 0
        var wider = 0  // lines wider than the window, up to `widestWrap`
        var column = Segmenter.widestWrap
        while column >= 50 {
            window += counts[column]
            if column + 3 <= Segmenter.widestWrap {
                window -= counts[column + 3]
                wider += counts[column + 3]
            }
            // A wrapper's lines outnumber the typed lines wider than its margin; lines typed
            // one a paragraph cluster by chance at most, and have as many wider ones.
            if window >= needed && window > wider {
                // The widest line of the cluster, not the window's top; but not a lone line
                // one column past a column that alone holds a cluster's three lines: a wrapper
                // ends as many lines at its margin as a column under it, so that line was
                // typed (a crosshead of 71 columns in a file wrapped at 70, independent-tuning
                // 0010, set the margin at 71, and a 67-column line ending a sentence over "Kim
                // soll …" then looked broken on purpose). With fewer lines under it, a lone
                // widest line is the wrapper's own (breakingbelizenews.com's PAHO story: lines of
                // 70 and 69 columns over two of 67 and none of 68).
                var widest = min(column + 2, Segmenter.widestWrap)
                while counts[widest] == 0 { widest -= 1 }
                return counts[widest] == 1 && counts[widest - 1] >= 3 ? widest - 1 : widest
            }
            column -= 1
        }
        return nil
    }
}
