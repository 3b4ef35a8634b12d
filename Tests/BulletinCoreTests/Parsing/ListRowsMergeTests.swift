import Testing

@testable import BulletinCore

/// `ListRows.merged` joins a block's list runs and figure-row runs (line ranges) into one
/// ordered list of preformatted runs. It is a sweep down both (linear in the runs); these pin
/// what it gives where the two kinds of run meet, interleave and touch. They pass on the
/// earlier every-list-against-every-run version as well: the sweep changed the cost, not the
/// result (the parser's output over 1,412 inputs is byte-identical, docs/performance.md).
@Suite("List rows merged with figure rows")
struct ListRowsMergeTests {
    @Test func withoutListsTheFigureRunsStand() {
        #expect(ListRows.merged(lists: [], figures: [2..<5, 7..<9]) == [2..<5, 7..<9])
    }

    @Test func withoutFigureRunsTheListsStand() {
        #expect(ListRows.merged(lists: [0..<2, 4..<7], figures: []) == [0..<2, 4..<7])
    }

    /// Short lists and figure rows taking turns down a block, none reaching into another.
    @Test func interleavedRunsComeInOrder() {
        let merged = ListRows.merged(lists: [1..<3, 6..<8, 11..<13], figures: [3..<5, 8..<10, 14..<16])
        #expect(merged == [1..<3, 3..<5, 6..<8, 8..<10, 11..<13, 14..<16])
    }

    /// A figure run that holds a whole list is a table with numbered rows: the list is dropped,
    /// the run stays whole, even where the list touches the run's top or bottom line.
    @Test func aFigureRunHoldingListsStaysWhole() {
        #expect(ListRows.merged(lists: [2..<4, 6..<8, 9..<12], figures: [2..<12]) == [2..<12])
        #expect(ListRows.merged(lists: [0..<2, 3..<5], figures: [3..<5]) == [0..<2, 3..<5])
    }

    /// Where a figure run reaches into a list from above or below, the list wins, and what is
    /// left of the run stays a run only with two rows or more.
    @Test func aListCutsTheFigureRunItReachesInto() {
        #expect(ListRows.merged(lists: [4..<8], figures: [1..<6]) == [1..<4, 4..<8])
        #expect(ListRows.merged(lists: [4..<8], figures: [3..<6]) == [4..<8])
        #expect(ListRows.merged(lists: [4..<8], figures: [6..<10]) == [4..<8, 8..<10])
        #expect(ListRows.merged(lists: [4..<8], figures: [6..<9]) == [4..<8])
    }

    /// One list reaching into two figure runs, one above and one below, and a figure run
    /// cut by two lists (one held whole, which does not cut it, and one reaching out of it).
    @Test func runsReachingAcrossEachOther() {
        #expect(ListRows.merged(lists: [3..<9], figures: [0..<5, 5..<7, 7..<12]) == [0..<3, 3..<9, 9..<12])
        #expect(
            ListRows.merged(lists: [0..<3, 5..<7, 10..<14], figures: [1..<12])
                == [0..<3, 3..<10, 10..<14])
        // Figure runs that touch (a date line opens the second), a list across the line where
        // they meet: it cuts both.
        #expect(ListRows.merged(lists: [3..<5], figures: [1..<4, 4..<8]) == [1..<3, 3..<5, 5..<8])
    }

    /// Every arrangement of lists and figure runs over small blocks, against the rule stated
    /// line by line: the lists no figure run holds, and of each figure run the lines those
    /// lists leave, cut into runs of two lines or more.
    @Test func agreesWithTheRuleStatedLineByLine() {
        var generator = SplitMix(seed: 15)
        for _ in 0..<20_000 {
            let size = Int(generator.next() % 24)
            let lists = runs(upTo: size, gapAtLeast: 1, &generator)
            let figures = runs(upTo: size, gapAtLeast: 0, &generator)
            let merged = ListRows.merged(lists: lists, figures: figures)
            #expect(merged == byLines(lists: lists, figures: figures), "lists \(lists) figures \(figures)")
        }
    }

    private func byLines(lists: [Range<Int>], figures: [Range<Int>]) -> [Range<Int>] {
        guard !lists.isEmpty else { return figures }
        let kept = lists.filter { list in !figures.contains { $0.lowerBound <= list.lowerBound && list.upperBound <= $0.upperBound } }
        var result = kept
        for run in figures {
            var start: Int?
            for line in run.lowerBound...run.upperBound {
                let free = line < run.upperBound && !kept.contains { $0.contains(line) }
                if free, start == nil { start = line }
                if !free, let first = start {
                    if line - first >= 2 { result.append(first..<line) }
                    start = nil
                }
            }
        }
        return result.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Ordered runs of two to five lines that do not overlap (as `ListRows.runs` and
    /// `FigureRows.runs` make them), `gapAtLeast` lines apart.
    private func runs(upTo size: Int, gapAtLeast gap: Int, _ generator: inout SplitMix) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = Int(generator.next() % 4)
        while true {
            let end = start + 2 + Int(generator.next() % 4)
            guard end <= size else { return result }
            result.append(start..<end)
            start = end + gap + Int(generator.next() % 4)
        }
    }
}

/// A seeded generator (SplitMix64), so a failure names inputs that come back on every run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
