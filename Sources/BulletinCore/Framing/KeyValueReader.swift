/// Key#value records (financial news feeds): `AN#` accession number, `PD#` date, `CO#`
/// company, `KN#` source, `BY#` writer, `KY#` keywords, `TI#` title, `AB#` abstract, `TX#`
/// text (running to the next key). A record starts at its `AN#` line.
enum KeyValueReader {
    /// "TI#…": two capitals and '#'; `key` nil accepts any key.
    static func isField(_ text: Substring, key: String?) -> Bool {
        let scalars = Array(text.prefix(3))
        guard scalars.count == 3, scalars[2] == "#", scalars[0].isUppercase, scalars[1].isUppercase,
            scalars[0].isASCII, scalars[1].isASCII
        else { return false }
        return key.map { text.hasPrefix($0 + "#") } ?? true
    }

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
