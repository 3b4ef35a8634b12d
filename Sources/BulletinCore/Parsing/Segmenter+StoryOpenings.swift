/// A headline set tight over the first line of its story's text in a hard-wrapped file: "La
/// fin des trottinettes en libre-service à Montréal" over "L’administration Plante justifie sa
/// décision par le taux élevé de" (ledevoir.com, wrapped at 66 columns). The break under it was
/// typed, but the first word under it would not have fitted within the margin, so the wrap
/// alone does not show it (`BlockMetrics.deliberate`), and the headline was read as the first
/// line of a paragraph.
/// Where the file opens a story (at its top, under a separator line, after a wider gap than its
/// commonest between blocks), a first line shaped as a headline (no sentence ended at its end
/// or inside it, no dateline: a wire lead "WASHINGTON, March 5 - The Reagan" is text) over a
/// line that does not open in lower case heads the story: the first line of a paragraph goes
/// on under it mid-sentence, mostly in lower case, and at a story's opening a desk puts its
/// headline. Asked of one line a story, in a bulletin file (a framed item's body opens under
/// its frame: `Segmenter.opensStories`).
extension Segmenter {
    /// The block ends with a separator line or a form feed: the block after it opens a story.
    func endsWithSeparator(_ block: Range<Int>) -> Bool {
        guard let last = block.last else { return false }
        let line = text.lines[last]
        if line.isFormFeed { return true }
        guard line.end > line.start, StandaloneLines.mayOpenSeparator(text.bytes[line.start]) else { return false }
        return StandaloneLines.isSeparator(text.bytes[line.start..<line.end])
    }
}

extension BlockMetrics {
    /// The line at `index`, which opens a story, is its headline over the text under it.
    func headsTextUnder(_ index: Int) -> Bool {
        guard index + 1 < block.upperBound else { return false }
        let line = text.lines[index]
        let next = text.lines[index + 1]
        guard !line.endsSentence, line.width <= HeadlineShape.maximumWidth, next.end > next.start else { return false }
        guard opensWithoutLowercase(next) else { return false }
        let bytes = text.bytes[line.start..<line.end]
        let shape = TextShape(bytes)
        guard Dateline.parse(bytes) == nil, HeadlineShape.looksLikeHeadline(shape) else { return false }
        // A headline in title case or capitals goes on under it in the same case: one headline
        // wrapped ("Digital Agency Essence Builds on Enormous Growth in APAC; Promotes Jovy Gill
        // to" over "Managing Director of Australia", PR Newswire); unless that is a dateline,
        // which opens the text ("<MDS Health Group Limited> In Qtly Payout" over "TORONTO,
        // March 3 -", Reuters).
        guard shape.isTitleCase || shape.isAllCaps else { return true }
        let underBytes = text.bytes[next.start..<next.end]
        let under = TextShape(underBytes)
        return !(under.isTitleCase || under.isAllCaps) || DatelineLine.isDatelineOnly(underBytes)
            || Dateline.parse(underBytes) != nil
    }

    /// The line's first letter, after any quotation marks or brackets, is a capital or one of
    /// a script without case ("“妈妈，为什么还不能出去？”"); not a digit, which goes on a sentence as often as it opens one.
    private func opensWithoutLowercase(_ line: TextLine) -> Bool {
        var index = line.start
        while index < line.end {
            let (scalar, length) = ByteScalars.scalar(in: text.bytes, at: index)
            if ByteScalars.isLetter(scalar) { return !ByteScalars.isLowercase(scalar) }
            if scalar.properties.numericType != nil { return false }
            index += length
        }
        return false
    }
}
