/// Decides, for the whole file at once, which headline-shaped parts really open stories.
///
/// A short line with no full stop is a headline only if the file says so. The reader of a
/// bulletin looks at how the file marks its stories and holds every candidate to it:
/// - where the file puts a separator line, or a wider gap than between paragraphs, before
///   most of its headlines, a candidate without one is a crosshead, a list line or a credit
///   inside the story it sits in;
/// - where nearly every headline is followed by a dateline lead ("LONDON, March 3 -"), a
///   candidate that is not is inside a story;
/// - a second headline-shaped line right under a headline (a credit, a standfirst) belongs to
///   that story, and a run of them inside a story's text is a list;
/// - nothing overrules a candidate at the top of the file, after a separator or after a
///   sign-off that closed the story before it.
/// A doubtful line stays inside its story: a false split makes a false story, and breaks
/// duplicate detection downstream.
///
/// Nothing here asks about letter case except the wire habit of capitals, so headlines in
/// scripts without case (Arabic, Chinese, Greek) are judged by the same gaps and neighbours.
struct LayoutJudge {
    /// Where a part stands: blank lines above it, and whether a separator, a sign-off or the
    /// top of the file comes right before it.
    struct Placement {
        var gapBefore: Int
    }

    let text: CleanText

    /// `parts` with the candidates the file's layout rules out turned into paragraphs.
    func judged(_ parts: [Part], placements: [Placement]) -> [Part] {
        let candidates = parts.indices.filter { if case .headline = parts[$0] { true } else { false } }
        guard !candidates.isEmpty else { return parts }
        var verdicts = Verdicts(parts: parts, placements: placements, candidates: candidates, text: text)
        verdicts.judge()
        guard !verdicts.demoted.isEmpty else { return parts }
        var result = parts
        for index in verdicts.demoted {
            guard case .headline(let headline) = parts[index] else { continue }
            result[index] = .paragraph(Array(headline.utf8)[...])
        }
        return result
    }
}

/// The evidence about each candidate and the file's pattern, gathered in a few passes.
private struct Verdicts {
    let parts: [Part]
    let placements: [LayoutJudge.Placement]
    let candidates: [Int]
    let text: CleanText
    var demoted: [Int] = []

    init(parts: [Part], placements: [LayoutJudge.Placement], candidates: [Int], text: CleanText) {
        self.parts = parts
        self.placements = placements
        self.candidates = candidates
        self.text = text
    }

    /// Nothing can rule out a headline here: the top of the file, after a separator, or after
    /// a sign-off or end byline that closed the story before.
    private func isAnchored(_ index: Int) -> Bool {
        var previous = index - 1
        while previous >= 0 {
            switch parts[previous] {
            case .separator, .signOff, .nameLine: return true
            case .byline: previous -= 1  // a byline between stories says nothing either way
            default: return false
            }
        }
        return true
    }

    private func isCandidate(_ index: Int) -> Bool {
        guard index >= 0, index < parts.count, case .headline = parts[index] else { return false }
        return true
    }

    private func isBody(_ index: Int) -> Bool {
        guard index >= 0, index < parts.count else { return false }
        switch parts[index] {
        case .paragraph, .preformatted: return true
        default: return false
        }
    }

    /// The most common gap above a paragraph that follows a paragraph: how the file
    /// separates paragraphs (in a file of one-paragraph stories, the gap above paragraphs at
    /// all). Nil when the file has no paragraph.
    private var paragraphGap: Int? {
        var counts: [Int: Int] = [:]
        for index in parts.indices.dropFirst() where isBody(index) && isBody(index - 1) {
            counts[min(placements[index].gapBefore, 3), default: 0] += 1
        }
        if counts.isEmpty {
            for index in parts.indices.dropFirst() where isBody(index) {
                counts[min(placements[index].gapBefore, 3), default: 0] += 1
            }
        }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }

    mutating func judge() {
        // "NOTE: …", "Note - …" under a figure table is the table's footnote.
        var kept = Set(candidates.filter { !isNote($0) })
        let anchored = Set(candidates.filter(isAnchored))

        // Headline-shaped lines one after another: a line right under a headline (a credit, a
        // standfirst) belongs to its story, unless the headline is a flash, a story of its
        // own; three or more inside a story's text are a list (fixtures, verses) in it.
        // A wider gap above a line than above the one before it ends a run (what follows the
        // gap starts afresh), unless that one opens a story after a separator or at the top.
        func continuesRun(_ position: Int) -> Bool {
            let index = candidates[position]
            let previous = candidates[position - 1]
            guard index == previous + 1 else { return false }
            return anchored.contains(previous) || placements[index].gapBefore <= placements[previous].gapBefore
        }
        var runStart = 0
        while runStart < candidates.count {
            var runEnd = runStart + 1
            while runEnd < candidates.count && continuesRun(runEnd) { runEnd += 1 }
            let run = candidates[runStart..<runEnd]
            runStart = runEnd
            guard run.count >= 2 else { continue }
            let first = run.first!
            let insideText = isBody(first - 1) && !anchored.contains(first)
            if run.count >= 3 {
                // Inside a story's text, a list; elsewhere (a file of headlines alone), stories.
                if insideText { for index in run { kept.remove(index) } }
            } else if run.count == 2 && insideText && hasDatelineLead(run.last!) && !hasDatelineLead(first) {
                kept.remove(first)  // the last line of the story above, then a headline over its lead
            } else if !isFlash(first) {
                for index in run.dropFirst() where !anchored.contains(index) { kept.remove(index) }
            }
        }

        // A headline needs a story under it: a line with nothing after it but a separator, a
        // sign-off or the end of the file is the last line of the story above.
        for index in candidates where !anchored.contains(index) && isBody(index - 1) && endsStory(index + 1) {
            kept.remove(index)
        }

        let floating = candidates.filter { kept.contains($0) && !anchored.contains($0) }
        guard !floating.isEmpty else { return finish(kept) }

        // Headlines the file marks as story starts, with a separator above them or a wider
        // gap than between paragraphs. Where marked headlines are at least twice as many as
        // the unmarked candidates, the marks are the file's story boundary and an unmarked
        // candidate is inside a story; otherwise (a file that marks only some of its stories,
        // like the seed bulletin) only a candidate much shorter than the marked headlines
        // (a crosshead: "Key Highlights", "UP NEXT") is.
        let gap = paragraphGap
        let marked = Set(candidates.filter { index in
            guard kept.contains(index), index > 0 else { return false }
            if case .separator = parts[index - 1] { return true }
            return gap.map { placements[index].gapBefore > $0 } ?? false
        })
        let unmarked = floating.filter { !marked.contains($0) }
        if !marked.isEmpty && !unmarked.isEmpty {
            if marked.count >= unmarked.count * 2 {
                for index in unmarked { kept.remove(index) }
            } else {
                let words = marked.map(wordCount).sorted()
                let median = words[words.count / 2]
                for index in unmarked where wordCount(index) * 2 <= median { kept.remove(index) }
            }
        }

        // Dateline leads under nearly every headline: the file's stories start with them.
        let survivors = candidates.filter { kept.contains($0) }
        let led = survivors.filter(hasDatelineLead)
        if led.count >= 2 && led.count * 5 >= survivors.count * 4 {
            for index in floating where kept.contains(index) && !hasDatelineLead(index) { kept.remove(index) }
        }
        finish(kept)
    }

    private mutating func finish(_ kept: Set<Int>) {
        demoted = candidates.filter { !kept.contains($0) }
    }

    private func isNote(_ index: Int) -> Bool {
        guard case .headline(let headline) = parts[index], headline.utf8.count > 5 else { return false }
        let utf8 = headline.utf8
        guard utf8.prefix(4).map({ $0 | 0x20 }) == Array("note".utf8) else { return false }
        let next = utf8.dropFirst(4).first
        return next == 0x3A || next == 0x20 && utf8.dropFirst(5).first == 0x2D
    }

    private func endsStory(_ index: Int) -> Bool {
        guard index < parts.count else { return true }
        switch parts[index] {
        case .separator, .signOff: return true
        default: return false
        }
    }

    private func wordCount(_ index: Int) -> Int {
        guard case .headline(let headline) = parts[index] else { return 0 }
        return headline.split(separator: " ").count
    }

    /// "Flash: …", "BREAKING: …", "URGENT …": an alert that is a story of its own.
    private func isFlash(_ index: Int) -> Bool {
        guard case .headline(let headline) = parts[index] else { return false }
        let word = headline.prefix { $0.isLetter }.uppercased()
        return ["FLASH", "BREAKING", "URGENT", "ALERT", "BULLETIN"].contains(word)
    }

    /// The next part opens with a dateline: "LONDON, March 3 - …", or is one on its own line
    /// above a table ("MINNEAPOLIS, March 3 -").
    private func hasDatelineLead(_ index: Int) -> Bool {
        guard index + 1 < parts.count, case .paragraph(let bytes) = parts[index + 1] else { return false }
        if Dateline.parse(bytes) != nil { return true }
        return DatelineLine.isDatelineOnly(bytes)
    }
}

/// A dateline standing alone on its line, its text below it: "MINNEAPOLIS, March 3 -".
enum DatelineLine {
    static func isDatelineOnly(_ bytes: ArraySlice<UInt8>) -> Bool {
        let line = ByteScalars.trimmed(bytes)
        guard line.count >= 4, line.count <= 60, let first = line.first, first >= 0x41 && first <= 0x5A else {
            return false
        }
        let last = line[line.endIndex - 1]
        let endsWithDash = last == 0x2D || (line.count >= 3 && line[line.endIndex - 3] == 0xE2 && last == 0x94)
        return endsWithDash && (line.contains(0x2C) || line.contains(0x28))
    }
}
