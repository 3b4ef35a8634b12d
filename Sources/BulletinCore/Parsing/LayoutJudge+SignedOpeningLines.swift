extension LayoutJudge {
    /// A story's text never opens with a short line over a time line or a byline: that line is
    /// the headline, even where its shape alone does not say so — two sentences ("Wir sind dann
    /// mal weg (und dieser Titel muss auch weg! Oder?)", "ZASŁUŻONY, ALE ŻEGNANY Z ULGĄ. WINDOWS
    /// 10 POZBYWA SIĘ FLASHA"). At the top of the file or under a separator, where a story must
    /// open, the line is promoted over a time line or byline right under it, or over a
    /// standfirst and then one. Elsewhere a short line over a time line or byline may as well
    /// close the story above (a page that dates or signs its stories at their end), so it is
    /// promoted only where it is set apart from that story and tight on the line under it: a
    /// wider gap above it than below.
    static func promotingLinesOverSignatures(_ parts: [Part], placements: [Placement]) -> [Part] {
        var result = parts
        for index in parts.indices where index + 1 < parts.count {
            guard case .paragraph(let paragraph) = parts[index], case let bytes = paragraph.bytes, mayHeadAStory(bytes) else {
                continue
            }
            let opening: Bool
            if index == 0 {
                opening = true
            } else if case .separator = parts[index - 1] {
                opening = true
            } else {
                opening = false
            }
            let promoted: Bool
            if opening {
                promoted = isSignature(parts[index + 1]) || (isBody(parts, index + 1) && index + 2 < parts.count && isSignature(parts[index + 2]))
            } else {
                promoted =
                    (isSignature(parts[index + 1]) && placements[index].gapBefore > placements[index + 1].gapBefore)
                    || headsBylinedText(parts, placements, index)
            }
            if promoted { result[index] = .headline(ByteScalars.string(bytes)) }
        }
        return result
    }

    /// A byline, or a time line ("Aktualisiert am 16.11.2018") whatever part it was read as.
    static func isSignature(_ part: Part) -> Bool {
        switch part {
        case .byline: return true
        case .headline(var text), .nameLine(var text): return text.withUTF8 { TimeLine.isTimeLine($0) }
        case .paragraph(let paragraph):
            return paragraph.count <= 80 && paragraph.bytes.withUnsafeBufferPointer { TimeLine.isTimeLine($0) }
        default: return false
        }
    }
}
