/// ZCZC … NNNN messages (AAP and other teleprinter-descended feeds): a message runs from a
/// `ZCZC` line to an `NNNN` line; header lines carry sigils. Two variants: `%` category,
/// `#` slug, `$` headline, `:` take or place, `&` operator, `*` subject, `~` genre, `@` region;
/// or `$` category, `:` slug, `=` take, `^` headline, `+` subject. A message whose body is
/// key#value fields is read as such.
enum ZCZCReader {
    static let sigils: Set<Character> = ["%", "#", "$", ":", "&", "*", "~", "@", "=", "^", "+"]

    static func items(_ bytes: ArraySlice<UInt8>) -> WireFraming.Framed {
        let lines = WireLines.lines(bytes).map(WireLines.text)
        var framed = WireFraming.Framed(items: [])
        // Lines outside any message (a preamble, a plain bulletin between messages).
        var outside: [String] = []
        var message: [String]?
        // "NNNNZCZC AAP": one message's end and the next one's start on one line.
        // FMG's racing copy ends lines with "<!" or "=!": marks, not text.
        let unmarked = lines.map { line -> String in
            line.hasSuffix("<!") || line.hasSuffix("=!") ? String(line.dropLast(2)).trimmingSpaces : line
        }
        let split = unmarked.flatMap { line -> [String] in
            let unindented = WireLines.unindented(line)
            guard unindented.hasPrefix("NNNN"), unindented.count > 4 else { return [line] }
            return ["NNNN", String(unindented.dropFirst(4))]
        }
        for line in split {
            let unindented = WireLines.unindented(line)
            if unindented.hasPrefix("ZCZC") || unindented.hasPrefix("zczc") {
                if let open = message, let item = item(open) { framed.items.append(item) }
                framed.appendLoose(outside.joined(separator: "\n").trimmingSpaces)
                outside = []
                message = [String(unindented)]
            } else if unindented == "NNNN" {
                if let open = message, let item = item(open) { framed.items.append(item) }
                message = nil
            } else if message != nil {
                message!.append(line)
            } else {
                outside.append(line)
            }
        }
        if let open = message, let item = item(open) { framed.items.append(item) }
        framed.appendLoose(outside.joined(separator: "\n").trimmingSpaces)
        return framed
    }

    /// One message, its `ZCZC` line first.
    static func item(_ lines: [String]) -> WireItem? {
        let opening = lines[0].split(separator: " ")
        var rest = Array(lines.dropFirst())
        while let first = rest.first, first.trimmingSpaces.isEmpty { rest.removeFirst() }
        if let first = rest.first.map(WireLines.unindented), KeyValueReader.isField(first, key: nil) {
            return KeyValueReader.items(rest).first
        }
        var item = WireItem(metadata: WireMetadata(format: .zczc))
        if opening.count > 1, opening[1].allSatisfy(\.isLetter) { item.metadata.agency = String(opening[1]) }
        // A routing line right after ZCZC ("YY TDR", "HH TDCom").
        if let first = rest.first, isRoutingLine(first) { rest.removeFirst() }
        var header: [(Character, String)] = []
        while let first = rest.first {
            let text = WireLines.unindented(first)
            guard let sigil = text.first, sigils.contains(sigil) else {
                if text.isEmpty && header.isEmpty { rest.removeFirst(); continue }
                break
            }
            header.append((sigil, String(text.dropFirst()).trimmingSpaces))
            rest.removeFirst()
        }
        readHeader(header, into: &item)
        // Trailing operator sign-off ("AAP RTV") and blank lines.
        while let last = rest.last, last.trimmingSpaces.isEmpty || isOperatorSignOff(last) { rest.removeLast() }
        readBody(rest, into: &item)
        if let headline = item.headline, let leading = VersionMarker.leading(in: headline) {
            item.metadata.version = item.metadata.version ?? leading.marker
            item.headline = leading.rest
        }
        if item.metadata.versionKind == .kill { item.metadata.isWithdrawn = true }
        return item.headline != nil || !item.blocks.isEmpty ? item : nil
    }

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

    static func readBody(_ lines: [String], into item: inout WireItem) {
        var lines = lines
        // The medianet variant: the first line of text is the headline.
        if item.headline == nil, let first = lines.firstIndex(where: { !$0.trimmingSpaces.isEmpty }) {
            let text = lines[first].trimmingSpaces
            if text.count <= 160, !text.hasSuffix("."), !text.contains(" AAP - ") {
                item.headline = text
                lines.removeSubrange(...first)
            }
        }
        // "BRISBANE, Oct 12 AAP - …": the agency credits itself in the dateline.
        if item.metadata.agency == nil, let first = lines.first(where: { !$0.trimmingSpaces.isEmpty }),
            first.prefix(60).contains(" AAP - ")
        {
            item.metadata.agency = "AAP"
        }
        item.appendText(lines.joined(separator: "\n"))
    }

    static func isRoutingLine(_ line: String) -> Bool {
        let words = line.trimmingSpaces.split(separator: " ")
        guard let first = words.first, first.count == 2, first.allSatisfy(\.isUppercase), words.count <= 8 else {
            return false
        }
        return first.first == first.last
    }

    /// "AAP RTV", "AAP jm/kt": the agency and the operator's initials.
    static func isOperatorSignOff(_ line: String) -> Bool {
        let words = line.trimmingSpaces.split(separator: " ")
        guard words.count == 2, words[0] == "AAP" else { return false }
        return words[1].count <= 8 && !words[1].contains(where: \.isNumber)
    }
}
