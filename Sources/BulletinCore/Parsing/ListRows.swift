/// Lists typed one item a line inside a block of text, with no blank line around them:
///
///     In a wide-ranging interview, President Obama also said:
///     1) The UK must stay in the EU to have influence on the world stage
///     2) He is confident the Iran nuclear deal will be passed by Congress
///     The president said he would continue fighting for greater gun control laws …
///
/// Two or more lines in a row that each open with a list marker ("- ", "* ", "• ", "1. ",
/// "2) ") are one list, kept as one preformatted block of the story it sits in, its rows as
/// typed: the same block `PreformattedDetector` makes of a list with blank lines around it, so
/// a list reads the same whatever the file's paragraph layout. Read one item at a time, the
/// rows would be paragraphs in a file of one line a paragraph, joined into one line in a
/// hard-wrapped file (short rows look wrapped), or taken for headlines.
///
/// A separator drawn with a marker's character ("* * *", "- - -") is no item: under a list it
/// still ends the story. A marked paragraph that wraps over lines is prose, not a row: its
/// second line opens with no marker, so it makes no run.
enum ListRows {
    /// The runs of two or more list rows in `block`, in order. One look at each line's first
    /// bytes; only lines that open like a marker are read further.
    static func runs(_ text: CleanText, in block: Range<Int>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for index in block {
            if isRow(text, text.lines[index]) {
                if start == nil { start = index }
                continue
            }
            if let first = start, index - first >= 2 { runs.append(first..<index) }
            start = nil
        }
        if let first = start, block.upperBound - first >= 2 { runs.append(first..<block.upperBound) }
        return runs
    }

    /// A line wider than any wrapper fills (`Segmenter.widestWrap`) is a paragraph typed on one
    /// line that opens with a number or a dash ("1. Bio: Make sure your bio is clear and simple
    /// covering who you work with …", one of a page's numbered tips), not a row of a list.
    static func isRow(_ text: CleanText, _ line: TextLine) -> Bool {
        guard !line.isEmpty, line.width <= Segmenter.widestWrap,
            PreformattedDetector.mayStartListItem(text.bytes[line.start])
        else { return false }
        let bytes = text.bytes[line.start..<line.end]
        return PreformattedDetector.isListItem(bytes) && !StandaloneLines.isSeparator(bytes)
    }

    /// Figure-row runs (`FigureRows`) and list runs as one ordered list of preformatted runs.
    /// A figure run that holds a whole list whose rows are figures (`isTable`, most of its rows
    /// hold one) is a table whose rows are numbered, its title over them ("Championship Points
    /// / 1. Jamie Whincup (Holden) 3364 / …", AAP standings): it stays as it is. A list of
    /// words the run holds ("• Unverbindlich & kostenlos / • 24h Auszahlung / • Ohne
    /// Einkommensnachweis" between "Jetzt 1000 Euro Kredit sichern »" and the crosshead "1000
    /// Euro Kredit - Sofortzusage & Sofortauszahlung", giromatch.com) is a list, and the lines
    /// either side took figures from their text, not from a table: it cuts the run as a list
    /// reaching into it does. Where a figure run only reaches into a list, the list wins: a list's
    /// rows often hold figures ("• 24h Auszahlung"), and the run would take the line above
    /// the list's first rows ("1000 Euro Kredit: die Vorteile auf einen Blick", its crosshead)
    /// into a block of their own. What is left of the figure run either side stays a run when
    /// it still has two rows.
    ///
    /// Both inputs are in order and their runs do not overlap (each is cut from one pass down
    /// the block), so one sweep down both does it: the lists a figure run meets are the ones
    /// from the first that reaches below its top, and the next run starts its search there.
    /// Each list is looked at for the figure runs it meets and once more (and `isTable` asked of
    /// it at most once: a list lies whole inside one figure run at most), so the cost is linear
    /// in the runs of a block (comparing every list with every figure run was quadratic in a
    /// block that alternates short lists and figure rows).
    static func merged(
        lists: [Range<Int>], figures: [Range<Int>], isTable: (Range<Int>) -> Bool = { _ in true }
    ) -> [Range<Int>] {
        guard !lists.isEmpty else { return figures }
        var result: [Range<Int>] = []
        result.reserveCapacity(lists.count + figures.count)
        var placed = 0  // lists[..<placed] are in `result`, or dropped inside a figure run
        var first = 0  // the first list that may reach into the current figure run
        for run in figures {
            // Lists that open above this run: no figure run holds them, and they come first.
            while placed < lists.count, lists[placed].lowerBound < run.lowerBound {
                result.append(lists[placed])
                placed += 1
            }
            while first < lists.count, lists[first].upperBound <= run.lowerBound { first += 1 }
            var rest = run.lowerBound  // where what is left of the run starts
            var index = first
            while index < lists.count, lists[index].lowerBound < run.upperBound {
                let list = lists[index]
                index += 1
                if run.lowerBound <= list.lowerBound && list.upperBound <= run.upperBound && isTable(list) { continue }
                if list.lowerBound - rest >= 2 { result.append(rest..<list.lowerBound) }
                if index > placed { result.append(list) }
                rest = max(rest, list.upperBound)
            }
            placed = max(placed, index)
            if run.upperBound - rest >= 2 { result.append(rest..<run.upperBound) }
        }
        result += lists[placed...]
        return result
    }
}
