/// The dateline of a story whose body opens with a table of figures, as Reuters' results items
/// do: "MEMPHIS, Tenn., March 12 - 4th qtr" as the table's first line, or "NEW YORK, March 23 -"
/// alone above it. The reader keeps such a table whole, so its dateline is not the opening of a
/// prose paragraph, where `Dateline.parse` looks.
extension Dateline {
    static func openingTable(_ blocks: [StoryDraft.Block]) -> Dateline? {
        guard let first = blocks.first else { return nil }
        // The table's opening bytes copied from its UTF-8 storage at once: `Array(table.utf8.prefix(160))`
        // went through the generic sequence copy a byte at a time (~6,200 instructions a Reuters results table).
        var opening: [UInt8] = []
        opening.reserveCapacity(60 + 1 + 160)
        switch first {
        case .preformatted(let table):
            appendOpening(of: table, to: &opening)
        case .prose(let line):
            // The dateline alone, the table right under it.
            guard line.count <= 60, blocks.count > 1, case .preformatted(let table) = blocks[1] else { return nil }
            opening.append(contentsOf: line)
            opening.append(0x20)
            appendOpening(of: table, to: &opening)
        }
        let start = opening.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? opening.endIndex
        let text = opening[start...]
        guard let dateline = parse(text) else { return nil }
        // A table's first row may open with a name in capitals and a dash ("DENVER - 3 2 1"): only
        // a place followed by its date or region (", March 23") is taken for a dateline.
        guard text.dropFirst(dateline.place.utf8.count).first == 0x2C else { return nil }
        return dateline
    }

    /// The first 160 bytes of `table`'s UTF-8.
    private static func appendOpening(of table: String, to opening: inout [UInt8]) {
        var table = table
        table.withUTF8 { opening.append(contentsOf: UnsafeBufferPointer(rebasing: $0.prefix(160))) }
    }
}
