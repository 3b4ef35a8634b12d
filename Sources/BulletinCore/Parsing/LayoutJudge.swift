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
    ///
    /// 4 bytes: a file of tiny stories holds one for every part while it is judged and its
    /// stories assembled (issue #14). A text has fewer than 2³² lines (`BulletinParser.largestText`).
    struct Placement {
        private let storedGap: UInt32
        var gapBefore: Int { Int(storedGap) }

        init(gapBefore: Int) { storedGap = UInt32(truncatingIfNeeded: gapBefore) }
    }

    /// `parts` with the candidates the file's layout rules out turned into paragraphs.
    func judged(_ parts: [Part], placements: [Placement]) -> [Part] {
        let promoted = Self.promotingLinesAfterWiderGaps(
            Self.promotingLinesAfterSeparators(
                Self.promotingLinesOverSignatures(
                    Self.promotingTrailingOffLinesOverDatelines(
                        Self.demotingLinesUnderHeadSignatures(Self.demotingQuotedSpeech(Self.demotingBracketedLines(parts)), placements: placements)),
                    placements: placements)),
            placements: placements)
        let parts = Self.demotingNameRunsInsideMarkedText(
            Self.demotingAuthorNotesBeforeWiderGaps(promoted, placements: placements), placements: placements)
        let candidates = parts.indices.filter { Self.candidateText(parts, placements, $0) != nil }
        guard !candidates.isEmpty else { return parts }
        var verdicts = Verdicts(parts: parts, placements: placements, candidates: candidates)
        verdicts.judge()
        let demoted = verdicts.demoted
        guard !demoted.isEmpty else { return parts }
        var result = parts
        for index in demoted {
            guard let text = Self.candidateText(parts, placements, index) else { continue }
            result[index] = .paragraph(ParagraphBytes(Array(text.utf8)))
        }
        return result
    }
}

extension LayoutJudge {
    /// The text of a part that may open a story: a headline, or a short name line between
    /// two paragraphs ("Zur Person", "Der Ballonkredit"), which would otherwise open one
    /// with the name as its headline. A name line after a story's text and before the next
    /// story is its byline, for `StoryAssembler`, not a candidate; nor is one with a wider
    /// gap above it than below, which the file marks as a headline.
    static func candidateText(_ parts: [Part], _ placements: [Placement], _ index: Int) -> String? {
        switch parts[index] {
        case .headline(let headline): return headline
        case .nameLine(let name)
        where isBody(parts, index - 1) && isBody(parts, index + 1)
            && placements[index].gapBefore <= placements[index + 1].gapBefore:
            return name
        default: return nil
        }
    }

    /// A separator line ends a story: the short line right under it, over the story's text
    /// or the lines that head it (a standfirst, a byline), heads the next one even where its
    /// shape alone does not say so ("¿Cuál sería el papel de …?", "gipfelbuch.ch - Outdoornews").
    static func promotingLinesAfterSeparators(_ parts: [Part]) -> [Part] {
        var result = parts
        for index in parts.indices.dropFirst() where index + 1 < parts.count {
            guard case .separator = parts[index - 1], case .paragraph(let paragraph) = parts[index],
                case let bytes = paragraph.bytes, mayHeadAStory(bytes)
            else { continue }
            switch parts[index + 1] {
            case .separator, .signOff: continue
            default: break
            }
            result[index] = .headline(ByteScalars.string(bytes))
        }
        return result
    }

    /// A dateline opens a story: a short line right above one, after the text of the story
    /// before, that ends in an ellipsis ("我不知道為什麼我會選她……", "Et maintenant...") trails
    /// off as a headline does, rather than closing a sentence, and heads the story the dateline
    /// opens. A line closing with a full stop there stays the last line of the story above.
    /// So does a question (`isQuestionOverDateline`), there or at the top of the file. After a
    /// sign-off that closed the story above (a credit line, "(EFE)") as after its text: the
    /// line heads the next story all the more.
    static func promotingTrailingOffLinesOverDatelines(_ parts: [Part]) -> [Part] {
        var result = parts
        for index in parts.indices where index + 1 < parts.count {
            guard case .paragraph(let paragraph) = parts[index], paragraph.count <= 200, case let bytes = paragraph.bytes
            else { continue }
            let afterAStory = index > 0 && (isBody(parts, index - 1) || isSignOff(parts, index - 1))
            let trailsOff = afterAStory && endsWithEllipsis(bytes)
            let asks = (index == 0 || afterAStory) && isQuestionOverDateline(bytes)
            guard trailsOff || asks, case .paragraph(let next) = parts[index + 1], Dateline.parse(next.bytes) != nil,
                asks || HeadlineShape.looksLikeHeadline(TextShape(trimmingEllipsis(bytes)))
            else { continue }
            result[index] = .headline(ByteScalars.string(bytes))
        }
        return result
    }

    /// "……", "…" or "...", at the end of the line.
    private static func endsWithEllipsis(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.count >= 3
            && (bytes.suffix(3).elementsEqual([0xE2, 0x80, 0xA6]) || bytes.suffix(3).elementsEqual([0x2E, 0x2E, 0x2E]))
    }

    /// The line without the ellipsis at its end, for the shape of the words before it.
    private static func trimmingEllipsis(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = bytes.endIndex
        while end - bytes.startIndex >= 3
            && (bytes[(end - 3)..<end].elementsEqual([0xE2, 0x80, 0xA6]) || bytes[(end - 3)..<end].elementsEqual([0x2E, 0x2E, 0x2E]))
        {
            end -= 3
        }
        while end > bytes.startIndex && bytes[end - 1] == 0x2E { end -= 1 }
        return bytes[bytes.startIndex..<end]
    }

    /// Short, and no full stop at its end: a line the file's own marks may make a headline. Three
    /// dots at its end trail off as a headline does ("Sommer-Must-have Strohtasche! Darum lieben
    /// wir sie ..."), they close no sentence.
    static func mayHeadAStory(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.count <= 200 && (bytes.last != 0x2E || endsWithEllipsis(bytes))
    }

    /// Whether a story's text ends right above `index`: a paragraph or a table, or a short
    /// last line under one ("ISSN 2222-2464", "Keep Talking Sports!") at no more than the
    /// paragraph gap. A headline with a standfirst under it is not text ending: above it is
    /// a wider gap, a separator or the top of the file. Each walk back stops at the part
    /// that follows a wider gap, so the walks of a file's gaps never overlap.
    static func endsText(_ parts: [Part], _ placements: [Placement], before index: Int, gap: Int) -> Bool {
        var previous = index - 1
        while previous >= 0 {
            switch parts[previous] {
            case .paragraph, .preformatted: return true
            case .headline, .nameLine:
                guard placements[previous].gapBefore <= gap else { return false }
                previous -= 1
            default: return false
            }
        }
        return false
    }

    static func isSignOff(_ parts: [Part], _ index: Int) -> Bool {
        guard index >= 0, index < parts.count, case .signOff = parts[index] else { return false }
        return true
    }

    static func isBody(_ parts: [Part], _ index: Int) -> Bool {
        guard index >= 0, index < parts.count else { return false }
        switch parts[index] {
        case .paragraph, .preformatted: return true
        default: return false
        }
    }

    /// The most common gap above a paragraph that follows a paragraph: how the file
    /// separates paragraphs (in a file of one-paragraph stories, the gap above paragraphs at
    /// all). Nil when the file has no paragraph. Gaps of three or more count as three; a tie
    /// goes to the narrower gap.
    static func paragraphGap(_ parts: [Part], placements: [Placement]) -> Int? {
        var counts = [0, 0, 0, 0]
        for index in parts.indices.dropFirst() where isBody(parts, index) && isBody(parts, index - 1) {
            counts[min(placements[index].gapBefore, 3)] += 1
        }
        if counts == [0, 0, 0, 0] {
            for index in parts.indices.dropFirst() where isBody(parts, index) {
                counts[min(placements[index].gapBefore, 3)] += 1
            }
        }
        var best: Int?
        for gap in counts.indices where counts[gap] > 0 && counts[gap] > (best.map { counts[$0] } ?? 0) { best = gap }
        return best
    }
}

/// What the judgement asks of one candidate, measured once from its bytes.
///
/// 16 bytes, not 32: a file of tiny stories has a candidate for every other line, all held
/// while the file is judged (issue #14). Index and word count are kept in 32 bits (a text
/// holds fewer than `BulletinParser.largestText` of either).
struct Candidate {
    private let storedIndex: UInt32
    private let storedWords: UInt32
    /// Its index in the parts.
    var index: Int { Int(storedIndex) }
    /// Nothing can rule it out: the top of the file, after a separator, or after a sign-off
    /// or end byline that closed the story before.
    let anchored: Bool
    /// "NOTE: …", "Note - …": a table's footnote.
    let isNote: Bool
    /// "Flash: …", "BREAKING: …": an alert that is a story of its own.
    let isFlash: Bool
    /// "Updated 8 January 2020": a page's time line, never a headline.
    let isTimeLine: Bool
    /// "Weiterlesen: …", "Foto: …", "Related Stories": a page's furniture, never a headline.
    let isFurniture: Bool
    var words: Int { Int(storedWords) }
    /// The next part opens with a dateline ("LONDON, March 3 - …") or is one on its own line.
    let datelineLead: Bool
    /// A time line or a byline within the next three parts ("Headline / Standfirst /
    /// Updated 8 January 2020"): how a web page heads its story. Also set on the first of two
    /// headline-shaped lines over one (`Verdicts.signingRunOverSignature`).
    var signed: Bool
    /// A question in sentence case ("Кто они?", "What about the violence?"): a headline in
    /// many languages, but as often a crosshead or an interviewer's question inside a story.
    let isPlainQuestion: Bool

    init(
        index: Int, anchored: Bool, isNote: Bool, isFlash: Bool, isTimeLine: Bool, isFurniture: Bool, words: Int,
        datelineLead: Bool, signed: Bool, isPlainQuestion: Bool
    ) {
        storedIndex = UInt32(truncatingIfNeeded: index)
        storedWords = UInt32(truncatingIfNeeded: words)
        self.anchored = anchored
        self.isNote = isNote
        self.isFlash = isFlash
        self.isTimeLine = isTimeLine
        self.isFurniture = isFurniture
        self.datelineLead = datelineLead
        self.signed = signed
        self.isPlainQuestion = isPlainQuestion
    }
}

/// The evidence about each candidate and the file's pattern, gathered in a few passes over
/// flat arrays (a file of a million headlines is judged in linear time, no hashing).
struct Verdicts {
    let parts: [Part]
    let placements: [LayoutJudge.Placement]
    var candidates: [Candidate]
    /// Whether each candidate (by position in `candidates`) still opens a story.
    var kept: [Bool]

    init(parts: [Part], placements: [LayoutJudge.Placement], candidates: [Int]) {
        self.parts = parts
        self.placements = placements
        var measured: [Candidate] = []
        measured.reserveCapacity(candidates.count)
        let markedGap = LayoutJudge.markedParagraphGap(parts, placements: placements)
        for index in candidates {
            guard var headline = LayoutJudge.candidateText(parts, placements, index) else { continue }
            let facts = headline.withUTF8 { bytes in
                (
                    Self.isNote(bytes), Self.isFlash(bytes), TimeLine.isTimeLine(bytes), bytes.wordsBetweenSpaces,
                    Self.isPlainQuestion(bytes), PageFurniture.isFurniture(bytes)
                )
            }
            measured.append(
                Candidate(
                    index: index, anchored: Self.isAnchored(index, in: parts, placements: placements, markedGap: markedGap),
                    isNote: facts.0, isFlash: facts.1,
                    isTimeLine: facts.2, isFurniture: facts.5, words: facts.3,
                    datelineLead: Self.hasDatelineLead(index, in: parts), signed: Self.isSigned(index, in: parts),
                    isPlainQuestion: facts.4))
        }
        self.candidates = measured
        // A table's footnote, a page's time line and its furniture are never headlines.
        kept = measured.map { !$0.isNote && !$0.isTimeLine && !$0.isFurniture }
    }

    var demoted: [Int] { candidates.indices.filter { !kept[$0] }.map { candidates[$0].index } }

    /// After a separator, a sign-off, or a name line that closed the story above (not one
    /// standing unmarked in a marked file's text: `isUnmarkedName`); a byline between says nothing.
    private static func isAnchored(
        _ index: Int, in parts: [Part], placements: [LayoutJudge.Placement], markedGap: Int?
    ) -> Bool {
        var previous = index - 1
        while previous >= 0 {
            switch parts[previous] {
            case .separator, .signOff: return true
            case .nameLine: return !Self.isUnmarkedName(previous, in: parts, placements: placements, markedGap: markedGap)
            case .byline: previous -= 1  // a byline between stories says nothing either way
            default: return false
            }
        }
        return true
    }

    func isBody(_ index: Int) -> Bool { LayoutJudge.isBody(parts, index) }

    var paragraphGap: Int? { LayoutJudge.paragraphGap(parts, placements: placements) }

    mutating func judge() {
        let count = candidates.count
        // Headline-shaped lines one after another: a line right under a headline (a credit, a
        // standfirst) belongs to its story, unless the headline is a flash, a story of its
        // own; three or more inside a story's text are a list (fixtures, verses) in it.
        // A wider gap above a line than above the one before it ends a run (what follows the
        // gap starts afresh), unless that one opens a story after a separator or at the top.
        // A time line is no headline and does not part the lines around it: "Headline /
        // Updated 8 January 2020 / Standfirst" is a headline and the line under it.
        let lines = (0..<count).filter { !candidates[$0].isTimeLine }
        func continuesRun(_ at: Int) -> Bool {
            let current = candidates[lines[at]]
            let previous = candidates[lines[at - 1]]
            let between = lines[at] - lines[at - 1]  // 2 when a time line stands between them
            let adjacent =
                current.index == previous.index + between
                && (between == 1 || (between == 2 && candidates[lines[at] - 1].isTimeLine))
            guard adjacent else { return false }
            return previous.anchored || placements[current.index].gapBefore <= placements[previous.index].gapBefore
        }
        // Worked out once for the file, not at each run.
        let runGap = paragraphGap
        let tightlySet = tightlySetCandidates(paragraphGap: runGap)
        var runStart = 0
        while runStart < lines.count {
            var runEnd = runStart + 1
            while runEnd < lines.count && continuesRun(runEnd) { runEnd += 1 }
            let whole = lines[runStart..<runEnd]
            runStart = runEnd
            guard whole.count >= 2 else { continue }
            let first = candidates[whole.first!]
            let insideText = isBody(first.index - 1) && !first.anchored
            // The last of three or more lines, over a dateline lead when none above it is, heads
            // the story the dateline opens; the lines above it are a run of their own.
            let lastHeadsItsOwnStory =
                (whole.count >= 3 && candidates[whole.last!].datelineLead
                    && !whole.dropLast().contains(where: { candidates[$0].datelineLead }))
                || (insideText && lastHeadsSignedStory(whole))
            // One `let` (not a slice reassigned in place): Swift 6.3's release optimizer fails
            // its ownership check on the reassigned slice here (a compiler crash, signal 6).
            let run = lastHeadsItsOwnStory ? whole.dropLast() : whole
            let last = candidates[run.last!]
            if run.count >= 3 {
                // Inside a story's text, a list; elsewhere (a file of headlines alone), stories.
                if insideText { for position in run { kept[position] = false } }
            } else if run.count == 2 && insideText && last.datelineLead && !first.datelineLead {
                kept[run.first!] = false  // the last line of the story above, then a headline over its lead
            } else if run.count == 2 && insideText && questionEndsTheStoryAbove(first, last) {
                kept[run.first!] = false  // the question closing the story above, then a headline
            } else if run.count == 2 && insideText && headsItsStandfirstAndSignature(first, last) {
                kept[run.first!] = false  // the last line of the story above, then a headline
            } else if run.count == 2 && insideText
                && headsTightOverItsText(first, last, paragraphGap: runGap, tightlySet: tightlySet)
            {
                kept[run.first!] = false  // the last line of the story above, then a headline set tight on its text
            } else if !first.isFlash {
                if run.count == 2 { signingRunOverSignature(run) }
                for position in run.dropFirst() where !candidates[position].anchored { kept[position] = false }
            }
        }

        // A headline needs a story under it: a line with nothing after it but a separator, a
        // sign-off or the end of the file is the last line of the story above.
        for position in 0..<count {
            let candidate = candidates[position]
            if !candidate.anchored && isBody(candidate.index - 1) && endsStory(candidate.index + 1) {
                kept[position] = false
            }
            if closesUnderAName(candidate.index) { kept[position] = false }
        }

        let floating = (0..<count).filter { kept[$0] && !candidates[$0].anchored }
        guard !floating.isEmpty else { return }

        // Headlines the file marks as story starts, with a separator above them or a wider
        // gap than between paragraphs. Where marked headlines are at least twice as many as
        // the unmarked candidates (or, where separator lines mark them, as the stretches
        // between them that hold unmarked candidates), the marks are the file's story
        // boundary and an unmarked candidate is inside a story; otherwise (a file that marks only some of its stories,
        // like the seed bulletin) only a candidate much shorter than the marked headlines
        // (a crosshead: "Key Highlights", "UP NEXT") is.
        let gap = paragraphGap
        let marked = (0..<count).filter { position in
            let index = candidates[position].index
            guard kept[position], index > 0 else { return false }
            if case .separator = parts[index - 1] { return true }
            return gap.map { placements[index].gapBefore > $0 } ?? false
        }
        var isMarked = [Bool](repeating: false, count: count)
        for position in marked { isMarked[position] = true }
        // A question in sentence case opens a story only in a file that neither marks its
        // headlines nor writes them in title case or capitals (where headlines are written in
        // sentence case, as outside English, so are questions); otherwise an unmarked one is
        // inside a story, and says nothing about how the file marks its stories.
        if floating.contains(where: { candidates[$0].isPlainQuestion }) && (!marked.isEmpty || hasCasedHeadline) {
            for position in floating where candidates[position].isPlainQuestion && !isMarked[position] {
                kept[position] = false
            }
        }
        let unmarked = floating.filter { !isMarked[$0] && !candidates[$0].isPlainQuestion }
        if !marked.isEmpty && !unmarked.isEmpty {
            // Only separator lines mark so firmly: a file that widens the gap above some
            // headlines (the seed bulletin) may leave others unmarked in one stretch.
            let bySeparator = marked.allSatisfy { isHeadedBySeparator(candidates[$0].index) }
            // Where separator lines mark the stories, every story boundary has one; so has
            // every one where the file puts the same wider gap before each of its stories.
            if bySeparator || marked.count >= unmarked.count * 2 || LayoutJudge.gapMarksEveryStory(parts, placements, paragraphGap: gap) {
                for position in unmarked { kept[position] = false }
            } else {
                let words = marked.map { candidates[$0].words }.sorted()
                let median = words[words.count / 2]
                for position in unmarked where candidates[position].words * 2 <= median { kept[position] = false }
            }
        }

        for position in looseCrossheads(floating: floating, isMarked: isMarked, paragraphGap: gap) {
            kept[position] = false
        }

        // Dateline leads under nearly every headline: the file's stories start with them.
        var survivors = 0
        var led = 0
        for position in 0..<count where kept[position] {
            survivors += 1
            if candidates[position].datelineLead { led += 1 }
        }
        // A candidate without one is a crosshead inside a story when it is much shorter than
        // the headlines over them; one about as long is a story the desk wrote without a
        // dateline (a feature, an analysis) among agency copy.
        if led >= 2 && led * 5 >= survivors * 4 {
            let words = (0..<count).filter { kept[$0] && candidates[$0].datelineLead }.map { candidates[$0].words }.sorted()
            let median = words[words.count / 2]
            for position in floating where !candidates[position].datelineLead && candidates[position].words * 2 <= median {
                kept[position] = false
            }
        }

        // A time line or byline under the file's first headline and under another: the file
        // heads its stories so, and a candidate without one that the file does not mark with a
        // separator or a wider gap is a crosshead inside a story.
        let keptPositions = (0..<count).filter { kept[$0] }
        if let first = keptPositions.first, candidates[first].signed,
            keptPositions.count(where: { candidates[$0].signed }) >= 2
        {
            for position in floating where !candidates[position].signed && !isMarked[position] {
                kept[position] = false
            }
        }

        demotingLinesUnlikeTheFileCapitals(floating: floating)
    }

    /// Whether a time line or a byline comes within the next three parts, before any other
    /// headline candidate that is not a time line.
    private static func isSigned(_ index: Int, in parts: [Part]) -> Bool {
        var next = index + 1
        while next < parts.count && next <= index + 3 {
            switch parts[next] {
            case .byline: return true
            case .headline(var text), .nameLine(var text):
                if text.withUTF8({ TimeLine.isTimeLine($0) }) { return true }
                return false
            case .paragraph(let paragraph):
                if paragraph.count <= 80, paragraph.bytes.withUnsafeBufferPointer({ TimeLine.isTimeLine($0) }) { return true }
            case .separator, .signOff: return false
            case .preformatted: break
            }
            next += 1
        }
        return false
    }

    private static func isPlainQuestion(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.last == 0x3F && HeadlineShape.isPlainQuestion(TextShape(Array(bytes)[...]))
    }

    /// A headline of the file in title case or capitals, questions in sentence case aside.
    private var hasCasedHeadline: Bool {
        candidates.indices.contains { position in
            guard kept[position], !candidates[position].isPlainQuestion,
                case .headline(let headline) = parts[candidates[position].index]
            else { return false }
            let shape = TextShape(Array(headline.utf8)[...])
            return shape.isTitleCase || shape.isAllCaps
        }
    }

    private static func isNote(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count > 5, bytes[0] | 0x20 == 0x6E, bytes[1] | 0x20 == 0x6F, bytes[2] | 0x20 == 0x74,
            bytes[3] | 0x20 == 0x65
        else { return false }
        return bytes[4] == 0x3A || bytes[4] == 0x20 && bytes[5] == 0x2D  // "note:", "note -"
    }

    private func endsStory(_ index: Int) -> Bool {
        guard index < parts.count else { return true }
        switch parts[index] {
        case .separator, .signOff: return true
        default: return false
        }
    }

    static let flashWords: [StaticString] = ["FLASH", "BREAKING", "URGENT", "ALERT", "BULLETIN"]

    /// "Flash: …", "BREAKING: …", "URGENT …": the first word, in any case, is an alert's.
    private static func isFlash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = 0
        while end < bytes.count && (bytes[end] | 0x20) >= 0x61 && (bytes[end] | 0x20) <= 0x7A { end += 1 }
        guard end >= 5, end <= 8 else { return false }
        // A letter outside ASCII would make the word longer than any of these.
        if end < bytes.count && bytes[end] >= 0x80 && ByteScalars.isLetter(ByteScalars.scalar(in: bytes, at: end).0) {
            return false
        }
        return flashWords.contains { word in
            word.utf8CodeUnitCount == end
                && (0..<end).allSatisfy { bytes[$0] | 0x20 == word.utf8Start[$0] | 0x20 }
        }
    }

    /// The next part opens with a dateline: "LONDON, March 3 - …", or is one on its own line
    /// above a table ("MINNEAPOLIS, March 3 -").
    private static func hasDatelineLead(_ index: Int, in parts: [Part]) -> Bool {
        guard index + 1 < parts.count, case .paragraph(let paragraph) = parts[index + 1] else { return false }
        let bytes = paragraph.bytes
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
