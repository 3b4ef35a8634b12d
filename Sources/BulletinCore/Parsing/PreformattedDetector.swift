/// Tables, results, lists: blocks whose line breaks and inner spacing carry meaning.
/// Such a block is kept whole and never read as a headline.
struct PreformattedDetector {
    let text: CleanText

    func isPreformatted(_ block: Range<Int>) -> Bool {
        guard block.count >= 2 else { return false }
        var tabular = 0
        var rules = 0
        var listItems = 0
        for index in block {
            let line = text.lines[index]
            // A prose line is none of the three, as its first byte and flags show unsliced.
            guard !line.isEmpty, line.mayBeTableRow || Self.mayStartRuleOrListItem(text.bytes[line.start]) else {
                continue
            }
            let bytes = text.bytes[line.start..<line.end]
            if Self.isRule(bytes) {
                rules += 1
            } else if line.mayBeTableRow && Self.hasCells(bytes) {
                tabular += 1
                // Rows (`block.count - rules`) are never more than the block's lines, so half of
                // them in cells already says yes: a results table stops half way down.
                if tabular >= 2 && tabular * 2 >= block.count { return true }
            }
            // "* * *" under a list is the story's separator, not one more item (`ListRows`).
            if Self.isListItem(bytes) && !StandaloneLines.isSeparator(bytes) { listItems += 1 }
        }
        let rows = block.count - rules
        if listItems == block.count { return true }
        return tabular >= 2 && tabular * 2 >= rows || (rules >= 1 && tabular >= 1 && tabular * 2 >= rows)
    }

    /// The first bytes `isRule` and `isListItem` allow (cleaned lines start unindented):
    /// - = + | _ : * digits, and 0xE2 for "•".
    private static func mayStartRuleOrListItem(_ first: UInt8) -> Bool {
        switch first {
        case 0x2D, 0x3D, 0x2B, 0x7C, 0x5F, 0x3A, 0x2A, 0x30...0x39, 0xE2: true
        default: false
        }
    }

    /// The first bytes `isListItem` allows: - * digits, and 0xE2 for "•".
    static func mayStartListItem(_ first: UInt8) -> Bool {
        switch first {
        case 0x2D, 0x2A, 0x30...0x39, 0xE2: true
        default: false
        }
    }

    /// "+-----+----+", "|---|---|", "=====  =====": drawn lines of a table.
    static func isRule(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        var marks = 0
        for byte in bytes {
            switch byte {
            case 0x2D, 0x3D, 0x2B, 0x7C, 0x5F, 0x3A: marks += 1
            case 0x20: continue
            default: return false
            }
        }
        return marks >= 3
    }

    /// Cells: two or more spaces between words (not after a full stop, where typists put
    /// two), a pipe between cells, or box-drawing characters. Asked only of lines whose
    /// `TextLine.mayBeTableRow` mark allows it. Each finding only adds to the yes, so the
    /// first that settles it ends the search (a table row has its gap within its first
    /// words), and the bytes are read through a pointer: the slice's checked reads of every
    /// byte to the end cost ~700 instructions a row of a results table.
    private static func hasCells(_ slice: ArraySlice<UInt8>) -> Bool {
        slice.withUnsafeBufferPointer { bytes in
            var pipes = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x7C {
                    pipes += 1
                    if pipes >= 2 { return true }
                }
                if byte == 0xE2, index + 1 < bytes.count, bytes[index + 1] == 0x94 || bytes[index + 1] == 0x95 {
                    return true  // U+2500…257F box drawing
                }
                if byte == 0x20, index + 1 < bytes.count, bytes[index + 1] == 0x20, index > 0 {
                    let before = bytes[index - 1]
                    if before != 0x2E && before != 0x3F && before != 0x21 && before != 0x3A { return true }
                    while index < bytes.count && bytes[index] == 0x20 { index += 1 }
                    continue
                }
                index += 1
            }
            return false
        }
    }

    /// "- item", "* item", "• item", "1. item", "2) item".
    static func isListItem(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if (first == 0x2D || first == 0x2A) && bytes.dropFirst().first == 0x20 { return true }
        if first == 0xE2 && ByteScalars.hasPrefix(bytes, "\u{2022} ") { return true }
        let digits = bytes.prefix { ByteScalars.isDigit($0) }
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        let rest = bytes[digits.endIndex...]
        return (rest.first == 0x2E || rest.first == 0x29) && rest.dropFirst().first == 0x20
    }
}
