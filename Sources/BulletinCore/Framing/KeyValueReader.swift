/// Key#value records (financial news feeds): `AN#` accession number, `PD#` date, `CO#`
/// company, `KN#` source, `BY#` writer, `KY#` keywords, `TI#` title, `AB#` abstract, `TX#`
/// text (running to the next key). A record starts at its `AN#` line.
enum KeyValueReader {
    /// "TI#…": two capitals and '#'; `key` nil accepts any key.
    static func isField<Bytes: Collection<UInt8>>(_ line: Bytes, key: StaticString?) -> Bool {
        var bytes = line.makeIterator()
        guard let first = bytes.next(), let second = bytes.next(), bytes.next() == 0x23,  // '#'
            (0x41...0x5A).contains(first), (0x41...0x5A).contains(second)
        else { return false }
        guard let key else { return true }
        return key.withUTF8Buffer { $0.count == 2 && $0[0] == first && $0[1] == second }
    }

    static func isField(_ text: Substring, key: StaticString?) -> Bool { isField(text.utf8, key: key) }

    static func items(_ bytes: ArraySlice<UInt8>) -> WireFraming.Framed {
        let lines = WireLines.lines(bytes).map(WireLines.text).filter {
            let text = $0.trimmingSpaces
            return text != "zczc" && text != "ZCZC" && text != "NNNN"
        }
        return WireFraming.Framed(items: items(lines))
    }

    static func items(_ lines: [String]) -> [WireItem] {
        var records: [[(String, String)]] = []
        for line in lines {
            let text = WireLines.unindented(line)
            if isField(text, key: nil) {
                let key = String(text.prefix(2))
                if key == "AN" || records.isEmpty { records.append([]) }
                records[records.count - 1].append((key, String(text.dropFirst(3))))
            } else if !records.isEmpty, !records[records.count - 1].isEmpty {
                let last = records[records.count - 1].count - 1
                records[records.count - 1][last].1 += "\n" + line
            }
        }
        return records.compactMap(item)
    }

    static func item(_ fields: [(String, String)]) -> WireItem? {
        var item = WireItem(metadata: WireMetadata(format: .keyValue))
        for (key, value) in fields {
            let text = value.trimmingSpaces
            guard !text.isEmpty else { continue }
            switch key {
            case "AN": item.metadata.slug = text
            case "PD": item.metadata.filedAt = FiledTime.dayMonthYearTime(text)
            case "KN": item.metadata.agency = text
            case "SO": if item.metadata.agency == nil { item.metadata.agency = text }
            case "BY": item.byline = text
            case "KY": item.metadata.category = text
            case "TI": item.headline = text
            case "TX": item.appendText(value)
            default: break
            }
        }
        return item.headline != nil || !item.blocks.isEmpty ? item : nil
    }
}
