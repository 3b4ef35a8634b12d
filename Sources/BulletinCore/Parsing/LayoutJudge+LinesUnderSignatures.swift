/// A story's head is its headline, perhaps a standfirst, then the lines that sign and date it
/// ("Das Patriarchat als Kulturtechnik / Wir leben im Patriarchat, … / Von Nils / Aktualisiert
/// am 25.10.2023 / Eine Kolumne von Nils Pickert / Das patriarchalische Eheideal …"). A short
/// line right under that signature is the story's own — a column's label, the outlet's name
/// ("Página Siete Digital"), the first line of its text — never the head of another story: the
/// story above has had no text yet. Where a standfirst stands between headline and signature,
/// the signature must end in a time line (a byline alone under a paragraph may as well sign off
/// a one-paragraph story). The line must sit no further from the signature than the signature
/// from the line above it: a wider gap would be the file's own mark of a new story.
extension LayoutJudge {
    /// How far back a story's head may reach from the line: signatures (byline, time line,
    /// and a second of either), a standfirst, the headline. Bounded, so each line costs a constant.
    static let storyHeadReach = 5

    /// `parts` with the headline-shaped and name lines right under a story head's signature
    /// turned into paragraphs.
    static func demotingLinesUnderHeadSignatures(_ parts: [Part], placements: [Placement]) -> [Part] {
        var result = parts
        for index in parts.indices.dropFirst(2) {
            let text: String
            switch parts[index] {
            case .headline(let headline): text = headline
            case .nameLine(let name): text = name
            default: continue
            }
            guard isSignature(parts[index - 1]), !isSignature(parts[index]),
                placements[index].gapBefore <= placements[index - 1].gapBefore,
                standsUnderStoryHead(parts, signatureEnd: index - 1)
            else { continue }
            result[index] = .paragraph(ParagraphBytes(Array(text.utf8)))
        }
        return result
    }

    /// Whether the signatures ending at `signatureEnd` stand under a headline, or under a
    /// headline's standfirst and then end in a time line.
    private static func standsUnderStoryHead(_ parts: [Part], signatureEnd: Int) -> Bool {
        var previous = signatureEnd
        while previous >= 0 && signatureEnd - previous < storyHeadReach && isSignature(parts[previous]) { previous -= 1 }
        guard previous >= 0, signatureEnd - previous < storyHeadReach else { return false }
        var underStandfirst = false
        if case .paragraph = parts[previous] {
            underStandfirst = true
            previous -= 1
        }
        guard previous >= 0, case .headline = parts[previous] else { return false }
        return !underStandfirst || isTimeLine(parts[signatureEnd])
    }

    /// A time line ("Aktualisiert am 25.10.2023"), whatever part it was read as.
    private static func isTimeLine(_ part: Part) -> Bool {
        if case .byline = part { return false }
        return isSignature(part)
    }
}
