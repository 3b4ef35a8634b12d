/// The dateline of a story whose body opens with a table of figures, as Reuters' results items
/// do: "MEMPHIS, Tenn., March 12 - 4th qtr" as the table's first line, or "NEW YORK, March 23 -"
/// alone above it. The reader keeps such a table whole, so its dateline is not the opening of a
/// prose paragraph, where `Dateline.parse` looks.
extension Dateline {
    static func openingTable(_ blocks: [StoryDraft.Block]) -> Dateline? {
        guard let first = blocks.first else { return nil }
        var opening: [UInt8]
        switch first {
        case .preformatted(let table):
            opening = Array(table.utf8.prefix(160))
        case .prose(let line):
            // The dateline alone, the table right under it.
            guard line.count <= 60, blocks.count > 1, case .preformatted(let table) = blocks[1] else { return nil }
            opening = Array(line) + [0x20] + Array(table.utf8.prefix(160))
        }
        let start = opening.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? opening.endIndex
        let text = opening[start...]
        guard let dateline = parse(text) else { return nil }
        // A table's first row may open with a name in capitals and a dash ("DENVER - 3 2 1"): only
        // a place followed by its date or region (", March 23") is taken for a dateline.
        guard text.dropFirst(dateline.place.utf8.count).first == 0x2C else { return nil }
        return dateline
    }
}
