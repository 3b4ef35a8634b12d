/// In a file whose stories are marked by a wider gap than its paragraphs, the short line right
/// after each such gap is a headline even where its shape alone does not say so ("Wie kann ich
/// schnell abnehmen? Der Schlachtplan zum Wunschgewicht", "Unijne fundusze coraz bliżej. Sejm
/// zagłosował "za""): where every wider gap after a story's end (two or more) is followed by a
/// headline candidate or by such a line over the story's text or the lines that head it
/// (`headsText`), the line is promoted. One wider gap before ordinary prose, and nothing is.
/// - A story ends with its text, or with a credit or copyright line the reader took as its
///   sign-off ("© 2019 Science X Network"): the gap after that is the file's mark as well.
/// - A name-like line after a wider gap ("Liebe Menschen Europas", "How To Scrape Google With
///   Python") is a candidate as a headline is: it does not break the file's pattern.
/// - The file's first line, short and closing no sentence, over text, stands where every other
///   story of the file has its headline ("¡Exclusividad! Ulpiano Vergara ahora será una marca
///   registrada"): it is the first story's headline, not the first sentence of its text.
extension LayoutJudge {
    static func promotingLinesAfterWiderGaps(_ parts: [Part], placements: [Placement]) -> [Part] {
        guard parts.count >= 4, let gap = paragraphGap(parts, placements: placements) else { return parts }
        var promotable: [Int] = []
        var widerGaps = 0
        for index in parts.indices.dropFirst()
        where placements[index].gapBefore > gap && endsStory(parts, placements, before: index, gap: gap) {
            widerGaps += 1
            switch parts[index] {
            case .headline, .nameLine: continue
            case .paragraph(let paragraph) where mayHeadAStory(paragraph.bytes) && headsText(parts, placements, index, gap: gap):
                promotable.append(index)
            case .separator: return parts  // a file marked by separators is judged by them
            default: return parts
            }
        }
        guard widerGaps >= 2 else { return parts }
        if case .paragraph(let paragraph) = parts[0], mayHeadAStory(paragraph.bytes), headsText(parts, placements, 0, gap: gap) {
            promotable.append(0)
        }
        guard !promotable.isEmpty else { return parts }
        var result = parts
        for index in promotable {
            guard case .paragraph(let paragraph) = parts[index] else { continue }
            result[index] = .headline(ByteScalars.string(paragraph.bytes))
        }
        return result
    }

    /// A story's text ends right above `index` (`endsText`), or a sign-off does.
    private static func endsStory(_ parts: [Part], _ placements: [Placement], before index: Int, gap: Int) -> Bool {
        if case .signOff = parts[index - 1] { return true }
        return endsText(parts, placements, before: index, gap: gap)
    }
}
