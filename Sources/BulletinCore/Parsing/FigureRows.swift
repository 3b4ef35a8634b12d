/// Figure tables typed as short lines on single line breaks, the way wires file results:
///
///     Shr 43 cts vs 41 cts
///     Net 316,000 vs 298,000
///     Nine mths
///     Qtly div 1-1/2 cts vs 1-1/2 cts prior
///     Pay March 31
///
/// Such a run has no column gaps for `PreformattedDetector` to see; what gives it away is a
/// stack of short lines, each broken on purpose (the next line's first word would have fitted),
/// none ending a sentence, most of them (and at least two) holding figures. The run stays one preformatted block of
/// the story it sits in: each row read alone would look like a headline.
struct FigureRows {
    static let widestRow = 80

    let metrics: BlockMetrics
    /// The block's text, the one `metrics` holds: not stored twice, since the segmenter hands
    /// this struct on for every block (each copy retains and releases what it holds).
    var text: CleanText { metrics.text }

    /// The runs of two or more rows in `block`, in order.
    func runs(in block: Range<Int>) -> [Range<Int>] {
        var noSignOffs: UInt64 = 0
        return runs(in: block, noSignOffs: &noSignOffs)
    }

    /// `runs(in:)`, and, in `noSignOffs`, a bit for each of the block's first 64 lines (the
    /// block's first line in the lowest) that the row test found is no sign-off
    /// (`StandaloneLines.signOff` nil): the segmenter asks the same of those lines again.
    func runs(in block: Range<Int>, noSignOffs: inout UInt64) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        var withFigures = 0
        // A date opens a table's rows ("Period ended December 31, 1986"), but only over rows
        // that make a table without it; otherwise it is a page's time line ("Updated 8
        // January 2020") over the story's first lines, or under its headline.
        var opensWithDate = false
        func close(at end: Int) {
            let dates = opensWithDate ? 1 : 0
            if let first = start, end - first - dates >= 2, withFigures - dates >= 2,
                (withFigures - dates) * 2 >= end - first - dates
            {
                runs.append(first..<end)
            }
            start = nil
            withFigures = 0
            opensWithDate = false
        }
        for index in block {
            guard isRow(index, in: block, noSignOffs: &noSignOffs) else {
                close(at: index)
                continue
            }
            let line = text.lines[index]
            // A time line holds a digit (`TimeLine.isTimeLine` looks for one first), and so do
            // most rows with figures: looked for once.
            let digit = hasDigit(line)
            if digit && metrics.isTimeLine(line) {
                close(at: index)
                opensWithDate = true
            }
            if start == nil { start = index }
            if hasFigure(line, holdsDigit: digit) { withFigures += 1 }
        }
        close(at: block.upperBound)
        return runs
    }

    /// Whether most rows of a list (`ListRows`) hold a figure after their marker: the rows of a
    /// table numbered as a list ("1. Jamie Whincup (Holden) 3364"), not a list of words with a
    /// figure here and there ("• Unverbindlich & kostenlos / • 24h Auszahlung / • Ohne
    /// Einkommensnachweis"). Asked only of a list a figure run holds whole (`ListRows.merged`).
    func holdsFigures(_ list: Range<Int>) -> Bool {
        var withFigures = 0
        for index in list {
            let line = text.lines[index]
            if hasFigure(line, holdsDigit: hasDigit(line)) { withFigures += 1 }
        }
        return withFigures * 2 >= list.count
    }

    /// Short, not a sentence's end, not a dateline's dash, and (unless last in the block)
    /// broken where a wrapper would not have broken it.
    /// Where it asks whether the line is a sign-off and learns it is not, it sets the line's bit
    /// in `noSignOffs` (`runs(in:noSignOffs:)`).
    private func isRow(_ index: Int, in block: Range<Int>, noSignOffs: inout UInt64) -> Bool {
        let line = text.lines[index]
        guard !line.isEmpty, line.width <= Self.widestRow, !line.endsSentence else { return false }
        let last = text.bytes[line.end - 1]
        if last == 0x2D || last == 0x2C { return false }  // "MINNEAPOLIS, March 3 -", a wrapped clause
        if index + 1 < block.upperBound && !brokenOnPurpose(index) { return false }
        // "Reuter", "(Reporting by …)", "---": lines that end a story are not rows of its table.
        // A cleaned line opens with a visible byte: its first two rule out most separators,
        // sign-offs and credits (which open with "("), and then no slice of it is made.
        let first = text.bytes[line.start]
        let mayBeSeparator = StandaloneLines.mayOpenSeparator(first)
        let mayBeSignOff = line.end - line.start < 2 || StandaloneLines.mayOpenSignOff(first, text.bytes[line.start + 1])
        let headsBlock = index == block.lowerBound && line.width > 12
        // `signOff` asks the same two-byte test first: where it fails, the line is no sign-off.
        let offset = index - block.lowerBound
        if !mayBeSignOff && offset < 64 { noSignOffs |= 1 << UInt64(offset) }
        guard headsBlock || mayBeSeparator || mayBeSignOff || first == 0x28 else { return true }
        let bytes = text.bytes[line.start..<line.end]
        // A line in capitals over the rows is the story's headline, not a row.
        if headsBlock && TextShape(bytes).isAllCaps { return false }
        if mayBeSeparator && StandaloneLines.isSeparator(bytes) { return false }
        if mayBeSignOff {
            if StandaloneLines.isSignOffLine(bytes) { return false }
            if offset < 64 { noSignOffs |= 1 << UInt64(offset) }
        }
        return !StandaloneLines.opensReportingCredit(bytes)
    }

    /// The next line's first word would have fitted: a wrapper did not break here. A block of
    /// rows alone is too narrow to show its wrap width, so a typed line is taken to be at
    /// least `narrowestWrap` wide.
    private func brokenOnPurpose(_ index: Int) -> Bool {
        let wordWidth = BlockMetrics.firstWordWidth(text, text.lines[index + 1])
        let width = max(metrics.wrapWidth ?? Self.narrowestWrap, Self.narrowestWrap)
        return text.lines[index].width + 1 + wordWidth <= width - 2
    }

    static let narrowestWrap = 64

    private func hasDigit(_ line: TextLine) -> Bool {
        text.bytes.withUnsafeBufferPointer { Self.hasDigit(UnsafeBufferPointer(rebasing: $0[line.start..<line.end])) }
    }

    static func hasDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { WordAtATime.firstDigit(bytes) != nil }

    /// Whether the last word holding a digit has at most `widestTail` words after it. A table's
    /// row ends on its values, their unit or a word of comparison ("Shr 79 cts vs 72 cts", "Pay
    /// April 10", "Annual div 72 cts vs 72 cts prior yr": in Reuters-21578's results tables no
    /// row but two "NOTE:" lines has more); a line that runs on for words after its one
    /// figure is a phrase ("Crash Room 3 Minuten vom S-Bahnhof Ostkreuz", a page's line about
    /// a place, independent-tuning 0023/0027), which a stack of such lines does not make a table.
    static func endsNearFigure(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var inWord = false
        var index = bytes.count
        while index > 0 {
            index -= 1
            let byte = bytes[index]
            if byte == 0x20 {
                if inWord {
                    words += 1
                    if words > widestTail { return false }
                }
                inWord = false
            } else if ByteScalars.isDigit(byte) {
                return true
            } else {
                inWord = true
            }
        }
        return false
    }

    static let widestTail = 3

    /// The bytes of a list number opening the line ("1. ", "12) "), or 0.
    private static func listNumberLength(_ all: UnsafeBufferPointer<UInt8>, _ line: TextLine) -> Int {
        var index = line.start
        while index < line.end && index - line.start < 3 && all[index] >= 0x30 && all[index] <= 0x39 { index += 1 }
        guard index > line.start, index + 1 < line.end, all[index] == 0x2E || all[index] == 0x29,
            all[index + 1] == 0x20
        else { return 0 }
        return index + 2 - line.start
    }

    /// A figure the row ends on, or a comparison of spelled-out ones ("Qtly div six cts vs six
    /// cts prior"). A list's number is no figure: "My Top 10 Women Talking Sports / 1.
    /// Christie Leigh Mueller" over the text about her is a crosshead and an item's name, not
    /// two rows of a table; "1. Jamie Whincup (Holden) 3364" has a figure after its number.
    /// Read through a pointer: the slice's generic searches cost ~190 instructions a row.
    /// `holdsDigit`: whether the whole line holds a digit (`hasDigit`, asked once a row). A row
    /// with none opens with no list number.
    private func hasFigure(_ line: TextLine, holdsDigit: Bool) -> Bool {
        text.bytes.withUnsafeBufferPointer { all in
            let number = holdsDigit ? Self.listNumberLength(all, line) : 0
            let bytes = UnsafeBufferPointer(rebasing: all[line.start + number..<line.end])
            if holdsDigit && Self.endsNearFigure(bytes) { return true }
            var index = 0
            while index + 3 < bytes.count {
                if bytes[index] == 0x20 && bytes[index + 1] == 0x76 && bytes[index + 2] == 0x73 && bytes[index + 3] == 0x20 {
                    return true
                }
                index += 1
            }
            return false
        }
    }
}
