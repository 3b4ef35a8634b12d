/// Government warnings as weather services file them to newsrooms (the Australian Bureau of
/// Meteorology's text products): a product id line (`IDN38100`: "ID", the issuing office's
/// letter, five digits), issuer lines ("Australian Government Bureau of Meteorology", "New South
/// Wales"), the title ("Road Weather Alert for Sydney", or "Cancellation of" and the title of
/// the alert it ends), "Issued at 9:27 am EST on Thursday 5 July 2018.", then the text, which
/// is kept as laid out.
///
/// A product id names a series of warnings (every road weather alert of New South Wales), not
/// one story, so a cancellation is linked to the earlier alert by its title (`VersionIndex`).
enum GovernmentNoticeReader {
    /// "IDN38100", "IDY21020": the line by itself.
    static func isProductID<Bytes: Collection<UInt8>>(_ line: Bytes) -> Bool {
        guard line.count == 8 else { return false }
        for (position, byte) in line.enumerated() {
            switch position {
            case 0: guard byte == 0x49 else { return false }  // I
            case 1: guard byte == 0x44 else { return false }  // D
            case 2: guard (0x41...0x5A).contains(byte) else { return false }
            default: guard (0x30...0x39).contains(byte) else { return false }
            }
        }
        return true
    }

    /// Words that make a header line a notice's title.
    static let titleWords: Set<String> = [
        "warning", "warnings", "alert", "watch", "advice", "bulletin", "forecast", "cancellation", "notice",
        "statement", "advisory",
    ]

    static func items(_ bytes: ArraySlice<UInt8>) -> WireFraming.Framed {
        let lines = WireLines.lines(bytes).map(WireLines.text)
        var framed = WireFraming.Framed(items: [])
        // A product id line at the top, or after a blank line, opens a notice.
        var start: Int?
        var previousBlank = true
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingSpaces
            if previousBlank && isProductID(trimmed.utf8) {
                if let open = start, let item = item(lines[open..<index]) { framed.items.append(item) }
                start = index
            }
            previousBlank = trimmed.isEmpty
        }
        if let open = start, let item = item(lines[open...]) { framed.items.append(item) }
        return framed
    }

    /// One notice, its product id line first.
    static func item(_ lines: ArraySlice<String>) -> WireItem? {
        var rest = lines.map { $0.trimmingSpaces }[...]
        guard let productID = rest.popFirst() else { return nil }
        var item = WireItem(metadata: WireMetadata(format: .governmentNotice))
        item.metadata.slug = productID
        // The header block, to the first blank line: issuer, time, codes and perhaps the title.
        var header: [String] = []
        while let line = rest.first, !line.isEmpty {
            header.append(line)
            rest.removeFirst()
        }
        var title: [String] = []
        for line in header {
            if let issuer = issuer(line) {
                item.metadata.agency = item.metadata.agency ?? issuer
            } else if let time = FiledTime.notice(line) {
                item.metadata.filedAt = item.metadata.filedAt ?? time
            } else if title.isEmpty && isTitle(line) {
                title.append(line)
            }
        }
        while rest.first?.isEmpty == true { rest.removeFirst() }
        // No title among the header lines: the next block of at most three lines is the title.
        if title.isEmpty, let end = rest.firstIndex(where: \.isEmpty) ?? Optional(rest.endIndex),
            (1...3).contains(end - rest.startIndex), rest[..<end].contains(where: isTitle)
        {
            title = Array(rest[..<end])
            rest = rest[end...]
        }
        if !title.isEmpty { item.headline = title.joined(separator: " ") }
        if let headline = item.headline, cancelledTitle(headline) != nil {
            item.metadata.version = "Cancellation"
            item.metadata.isWithdrawn = true
        }
        for line in rest.prefix(6) where item.metadata.filedAt == nil {
            item.metadata.filedAt = FiledTime.notice(line)
        }
        // The text as the service laid it out (coordinates, area lists, wrapped lines): each
        // block between blank lines kept line for line, indentation included, as newsroom
        // systems show these products.
        var block: [String] = []
        for (line, original) in zip(rest, lines[(lines.endIndex - rest.count)...]) {
            if line.isEmpty {
                item.appendPreformatted(block)
                block = []
            } else {
                block.append(original)
            }
        }
        item.appendPreformatted(block)
        return item.headline != nil || !item.blocks.isEmpty ? item : nil
    }

    /// "Australian Government Bureau of Meteorology", "Issued by the Australian Government Bureau
    /// of Meteorology, BNOC": the service, by the name newsrooms credit.
    static func issuer(_ line: String) -> String? {
        if WireLines.contains(line, "Bureau of Meteorology") { return "Bureau of Meteorology" }
        guard line.hasPrefix("Issued by ") else { return nil }
        let name = line.dropFirst("Issued by ".count).trimmingPrefix("the ")
        return String(name.prefix { $0 != "," }).trimmingSpaces
    }

    static func isTitle(_ line: String) -> Bool {
        VersionMarker.folded(line).contains { titleWords.contains($0) }
    }

    /// "Cancellation of Road Weather Alert for Sydney" → "Road Weather Alert for Sydney".
    static func cancelledTitle(_ headline: String) -> Substring? {
        let prefix = "cancellation of "
        guard headline.count > prefix.count, headline.prefix(prefix.count).lowercased() == prefix else { return nil }
        return headline.dropFirst(prefix.count).drop { $0 == " " }
    }
}
