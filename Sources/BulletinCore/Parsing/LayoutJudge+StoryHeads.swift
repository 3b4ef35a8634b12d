extension LayoutJudge {
    /// Whether the line at `index`, after a wider gap, stands over a story's text: a paragraph
    /// or a table, or the lines a desk sets between a headline and its text — a standfirst,
    /// a byline, a time line ("¿Cuál sería el papel de “El Chapo” Guzmán en el juicio contra
    /// JOH? / Por Redacción / Actualizado el 26/04/2022"). Such a line must sit at no more
    /// than the paragraph gap under it: a headline candidate with a wider gap of its own above
    /// it is marked by the file itself, and the lone line over it is the end of what came
    /// before. A time line or byline under it at no wider gap than the one above it is the
    /// desk's own spacing of the lines that head a story ("Sommer-Must-have Strohtasche! Darum
    /// lieben wir sie ..." / blank line / "Veröffentlicht am 01.06.2019", in a file that runs
    /// paragraphs line after line): it heads text too. Nothing heads a separator, a sign-off or
    /// the end of the file.
    static func headsText(_ parts: [Part], _ placements: [Placement], _ index: Int, gap: Int) -> Bool {
        guard index + 1 < parts.count else { return false }
        switch parts[index + 1] {
        case .separator, .signOff: return false
        case .paragraph, .preformatted: return true
        case .headline, .nameLine, .byline:
            return placements[index + 1].gapBefore <= gap
                || (isSignature(parts[index + 1]) && placements[index + 1].gapBefore <= placements[index].gapBefore)
        }
    }
}
