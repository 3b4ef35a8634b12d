/// A line that opens with a square bracket is never a headline: brackets mark what a page or an
/// editor sets inside a story — a language switch ("[spanish] [greek] [english]"), a link
/// ("[Bardo museum houses amazing Roman treasures]"), an editor's credit ("[责任编辑:肖春芳]"), a
/// blog's code tag ("[sourcecode language=“bash“]#!/bin/bash"). No headline of either tuning
/// corpus opens so (1,825 and 996 stories). Read as one, it cuts the story it stands in and
/// hides the headline above it (a name-like headline over it is judged only over text).
/// Only the ASCII bracket: a Chinese headline may open with a lenticular bracket ("【独家】").
extension LayoutJudge {
    /// `parts` with the headline-shaped and name lines that open with "[" turned into paragraphs.
    static func demotingBracketedLines(_ parts: [Part]) -> [Part] {
        var result = parts
        for index in parts.indices {
            switch parts[index] {
            case .headline(let text), .nameLine(let text):
                guard text.utf8.first == UInt8(ascii: "[") else { continue }
                result[index] = .paragraph(ParagraphBytes(Array(text.utf8)))
            default: continue
            }
        }
        return result
    }
}
