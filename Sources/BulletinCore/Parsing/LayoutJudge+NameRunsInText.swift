/// In a file that marks every story (separator lines, or the same wider gap before each:
/// `markedParagraphGap`), short lines standing one after another inside a story's text, at no
/// more than the paragraph gap from the text above and below them ("… einander etwas
/// beizubringen und Wissen gemeinsam zu nutzen." / "Richard Stallman" / "Freie Software" /
/// "Zwischen Privat- und Gemeineigentum" / "http://freie-software.bpb.de/", one blank line
/// apart, the next story two below), are lines of that text: a quotation's source, the titles
/// of a related-links box. A name among them neither signs the story off (the name line under
/// it would then open a story of its own) nor heads one: only the file's mark does. The name
/// lines become text; a headline among them is judged as any unmarked candidate is.
/// One name line alone between paragraphs is left to `StoryAssembler`, which reads it so already.
extension LayoutJudge {
    static func demotingNameRunsInsideMarkedText(_ parts: [Part], placements: [Placement]) -> [Part] {
        guard parts.count >= 4, let gap = markedParagraphGap(parts, placements: placements) else { return parts }
        var result = parts
        var start = 1
        while start < parts.count {
            guard isBody(parts, start - 1) else {
                start += 1
                continue
            }
            // The short lines under the text, up to the next text, each at no wider gap.
            var end = start
            var names = 0
            scan: while end < parts.count && placements[end].gapBefore <= gap {
                switch parts[end] {
                case .nameLine: names += 1
                case .headline: break
                default: break scan
                }
                end += 1
            }
            if end - start >= 2 && names >= 1 && isBody(parts, end) {
                for index in start..<end {
                    guard case .nameLine(let name) = parts[index] else { continue }
                    result[index] = .paragraph(ParagraphBytes(Array(name.utf8)))
                }
            }
            start = end + 1
        }
        return result
    }
}
