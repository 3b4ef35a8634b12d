/// ZCZC … NNNN messages (AAP and other teleprinter-descended feeds): a message runs from a
/// `ZCZC` line to an `NNNN` line; header lines carry sigils. Two variants: `%` category,
/// `#` slug, `$` headline, `:` take or place, `&` operator, `*` subject, `~` genre, `@` region;
/// or `$` category, `:` slug, `=` take, `^` headline, `+` subject. A message whose body is
/// key#value fields is read as such.
enum ZCZCReader {
    static let sigils: Set<Character> = ["%", "#", "$", ":", "&", "*", "~", "@", "=", "^", "+"]

    static func items(_ bytes: ArraySlice<UInt8>) -> WireFraming.Framed {
        var framed = WireFraming.Framed(items: [])
        // Lines outside any message (a preamble, a plain bulletin between messages).
        var outside: [ArraySlice<UInt8>] = []
        var message: [ArraySlice<UInt8>]?
        func close() {
            if let open = message, let item = item(open) { framed.items.append(item) }
            message = nil
        }
        for raw in WireLines.lines(bytes) {
            // FMG's racing copy ends lines with "<!" or "=!": marks, not text.
            var line = raw
            var end = line.endIndex
            while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
            if end - line.startIndex >= 2, line[end - 1] == 0x21, line[end - 2] == 0x3C || line[end - 2] == 0x3D {
                line = line[..<(end - 2)]
            }
            var shown = line.drop { $0 == 0x20 || $0 == 0x09 }
            // "NNNNZCZC AAP": one message's end and the next one's start on one line.
            // Compared as bytes: `starts(with:)` a static array cost a lazy global's check and a
            // generic call for every line of the feed.
            if ByteScalars.hasPrefix(shown, "NNNN") {
                close()
                shown = shown.dropFirst(4)
                guard !shown.isEmpty else { continue }
                line = shown
            }
            if ByteScalars.hasPrefix(shown, "ZCZC") || ByteScalars.hasPrefix(shown, "zczc") {
                close()
                framed.appendLoose(outside.map(WireLines.text).joined(separator: "\n").trimmingSpaces)
                outside = []
                message = [shown]
            } else if message != nil {
                message!.append(line)
            } else {
                outside.append(line)
            }
        }
        close()
        framed.appendLoose(outside.map(WireLines.text).joined(separator: "\n").trimmingSpaces)
        return framed
    }

    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool { line.allSatisfy { $0 <= 0x20 || $0 == 0x7F } }

    /// One message, its `ZCZC` line first.
    static func item(_ lines: [ArraySlice<UInt8>]) -> WireItem? {
        let opening = WireLines.words(WireLines.text(lines[0]))
        var rest = lines[1...]
        while let first = rest.first, isBlank(first) { rest.removeFirst() }
        if let first = rest.first, KeyValueReader.isField(first.drop { $0 == 0x20 || $0 == 0x09 }, key: nil) {
            return KeyValueReader.items(rest.map(WireLines.text)).first
        }
        var item = WireItem(metadata: WireMetadata(format: .zczc))
        if opening.count > 1, opening[1].allSatisfy(\.isLetter) { item.metadata.agency = String(opening[1]) }
        // A routing line right after ZCZC ("YY TDR", "HH TDCom").
        if let first = rest.first, isRoutingLine(WireLines.text(first)) { rest.removeFirst() }
        var header: [(Character, String)] = []
        while let first = rest.first {
            let shown = first.drop { $0 == 0x20 || $0 == 0x09 }
            guard let sigil = shown.first, sigilBytes.contains(sigil) else {
                // Blank lines before the header, or inside it where a headline wrapped
                // ("$GPS device to come off Vic teen", a blank line, then ":(MELBOURNE)").
                if isBlank(first) && (header.isEmpty || resumesHeader(rest.dropFirst(), after: header)) {
                    rest.removeFirst()
                    continue
                }
                break
            }
            header.append((Character(Unicode.Scalar(sigil)), WireLines.text(shown.dropFirst()).trimmingSpaces))
            rest.removeFirst()
        }
        readHeader(header, into: &item)
        // Trailing operator sign-off ("AAP RTV") and blank lines.
        // Sliced off, not removed: `removeLast` on a slice that shares the message's array copied
        // every line of it (~4,700 instructions an item).
        while let last = rest.last, isBlank(last) || isOperatorSignOff(WireLines.text(last)) { rest = rest.dropLast(1) }
        readBody(rest, into: &item)
        if let headline = item.headline, let leading = VersionMarker.leading(in: headline) {
            item.metadata.version = item.metadata.version ?? leading.marker
            item.headline = leading.rest
        }
        if item.metadata.versionKind == .kill { item.metadata.isWithdrawn = true }
        return item.headline != nil || !item.blocks.isEmpty ? item : nil
    }

    static let sigilBytes: Set<UInt8> = Set(sigils.map { UInt8($0.asciiValue!) })

    static func readHeader(_ header: [(Character, String)], into item: inout WireItem) {
        let firstVariant = header.contains { $0.0 == "#" }
        for (sigil, value) in header where !value.isEmpty {
            switch sigil {
            case "%": item.metadata.category = item.metadata.category ?? value
            case "#": item.metadata.slug = value
            case "$":
                if firstVariant && value.count > 2 { item.headline = value } else { item.metadata.category = value }
            case "^": item.headline = value
            case ":":
                if !firstVariant && item.metadata.slug == nil { item.metadata.slug = value }
            case "=":
                if let marker = VersionMarker.takeMarker(value) { item.metadata.version = marker }
                else if item.metadata.slug != nil { item.metadata.slug! += " " + value }
            default: break
            }
        }
        // A slug that ends in a take ("Legionella_BC1") keeps it: AAP numbers bulletin cycles.
    }

    static func readBody(_ lines: ArraySlice<ArraySlice<UInt8>>, into item: inout WireItem) {
        var lines = lines
        // The medianet variant: the first line of text is the headline.
        if item.headline == nil, let first = lines.firstIndex(where: { !isBlank($0) }) {
            let text = WireLines.text(lines[first]).trimmingSpaces
            if text.count <= 160, !text.hasSuffix("."), !WireLines.contains(text, " AAP - ") {
                item.headline = text
                lines = lines[(first + 1)...]
            }
        }
        // "BRISBANE, Oct 12 AAP - …": the agency credits itself in the dateline.
        if item.metadata.agency == nil, let first = lines.first(where: { !isBlank($0) }),
            WireLines.contains(WireLines.text(first.prefix(60)), " AAP - ")
        {
            item.metadata.agency = "AAP"
        }
        var text: [UInt8] = []
        text.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines {
            if !text.isEmpty { text.append(0x0A) }
            WireLines.append(line, to: &text)
        }
        item.appendText(String(decoding: text, as: UTF8.self))
    }

    /// Whether the first line that is not blank is a short header line of a sigil the header
    /// has not had yet: body text opening with "$5 million" after a `$` headline is not.
    static func resumesHeader(_ lines: ArraySlice<ArraySlice<UInt8>>, after header: [(Character, String)]) -> Bool {
        guard let next = lines.first(where: { !isBlank($0) }) else { return false }
        let shown = next.drop { $0 == 0x20 || $0 == 0x09 }
        guard let sigil = shown.first, sigilBytes.contains(sigil), shown.count <= 80 else { return false }
        return !header.contains { $0.0 == Character(Unicode.Scalar(sigil)) }
    }

    static func isRoutingLine(_ line: String) -> Bool {
        let words = WireLines.words(line.trimmingSpaces)
        guard let first = words.first, first.count == 2, first.allSatisfy(\.isUppercase), words.count <= 8 else {
            return false
        }
        return first.first == first.last
    }

    /// "AAP RTV", "AAP jm/kt": the agency and the operator's initials.
    static func isOperatorSignOff(_ line: String) -> Bool {
        // Only a line that opens with "AAP" can be one: checked before the line is split (the
        // last line of a message is most often a paragraph).
        guard line.utf8.drop(while: { $0 == 0x20 || $0 == 0x09 }).starts(with: "AAP".utf8) else { return false }
        let words = WireLines.words(line.trimmingSpaces)
        guard words.count == 2, words[0] == "AAP" else { return false }
        return words[1].count <= 8 && !words[1].contains(where: \.isNumber)
    }
}
