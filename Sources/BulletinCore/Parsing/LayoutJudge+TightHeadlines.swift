/// A file whose paragraphs are parted by blank lines, and whose headlines sit right on their
/// text with no blank line under them ("DGB: BRÜCKENSPERRUNG …" over "Lüdenscheid/Südwestfalen.
/// Die DGB-Regionen …"), writes every headline so, whatever gap it leaves between stories:
/// - a short line after a gap, right on the text under it, heads a story even where its shape
///   alone does not say so ("Nowa Zelandia: płatny urlop … Jak to wygląda w Polsce?");
/// - a headline-shaped line with a blank line under it, inside a story's text, is a crosshead
///   ("MARKANTES TRANSPARENT", "Pidió más jueces").
/// The file shows the habit when its first line sits on the text under it and at least one
/// more line after a gap does; a file that also sets a headline with a blank line under it
/// after a sign-off, a separator or a wider gap writes both, and is left alone.
extension LayoutJudge {
    static func judgingByTightHeadlines(_ parts: [Part], placements: [Placement]) -> [Part] {
        guard parts.count >= 4, let gap = paragraphGap(parts, placements: placements), gap >= 1,
            mayHeadTight(parts[0]), sitsOnText(parts, placements, 0, paragraphGap: gap)
        else { return parts }
        var tight: [Int] = []
        var loose: [Int] = []
        for index in parts.indices.dropFirst() where placements[index].gapBefore >= gap && mayHeadTight(parts[index]) {
            if sitsOnText(parts, placements, index, paragraphGap: gap) {
                tight.append(index)
            } else if isCandidate(parts[index]) && index + 1 < parts.count && placements[index + 1].gapBefore == gap
                && (isBody(parts, index + 1) || isCandidate(parts[index + 1]))
            {
                // (A line with a wider gap under it ends its story: the file's gaps judge it.)
                if placements[index].gapBefore > gap || endsStory(parts[index - 1]) { return parts }  // marked: both
                if isBody(parts, index - 1) { loose.append(index) }
            }
        }
        guard !tight.isEmpty else { return parts }
        var result = parts
        for index in [0] + tight {
            switch parts[index] {
            case .paragraph(let bytes): result[index] = .headline(ByteScalars.string(bytes))
            case .nameLine(let name): result[index] = .headline(name)
            default: break
            }
        }
        for index in loose {
            switch parts[index] {
            case .headline(let text), .nameLine(let text): result[index] = .paragraph(Array(text.utf8)[...])
            default: break
            }
        }
        return result
    }

    private static func endsStory(_ part: Part) -> Bool {
        switch part {
        case .separator, .signOff: true
        default: false
        }
    }

    private static func isCandidate(_ part: Part) -> Bool {
        switch part {
        case .headline, .nameLine: true
        default: false
        }
    }

    /// A headline, a short name line, or a short line that does not end a sentence or a clause.
    private static func mayHeadTight(_ part: Part) -> Bool {
        switch part {
        case .headline, .nameLine: return true
        case .paragraph(let bytes):
            // "… vital to the U.S." over "economy and national security.": a sentence, wrapped.
            guard bytes.count <= 200, bytes.last != 0x2E else { return false }
            let ending = TextShape(bytes).ending
            return ending == .open || ending == .question
        default: return false
        }
    }

    /// The next part is text, or a line heading it (a time line, a byline, a credit, a
    /// standfirst), with no blank line above it where the file's paragraphs have one.
    private static func sitsOnText(_ parts: [Part], _ placements: [Placement], _ index: Int, paragraphGap: Int) -> Bool {
        guard index + 1 < parts.count, placements[index + 1].gapBefore < paragraphGap else { return false }
        switch parts[index + 1] {
        case .paragraph(let bytes):
            // A line the file's shape made no headline, over a sentence going on, is its start.
            if case .paragraph = parts[index] { return !TextShape(bytes).startsLowercase }
            return true
        case .preformatted, .byline, .headline, .nameLine: return true  // a time line, a credit, a standfirst
        default: return false
        }
    }
}
