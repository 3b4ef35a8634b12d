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
        // A message is a run of the file's lines, from its `ZCZC` line: kept as where it starts
        // in `lines`, not copied line by line into an array of its own (a retain and a store a
        // line, and the array regrown: the loop's own cost was ~380 instructions a line of the AAP
        // feed, now ~220). A line the loop trims is written back in place.
        var lines = WireLines.lines(bytes)
        var messageStart: Int?
        func close(at end: Int) {
            if let start = messageStart, let item = item(lines[start..<end]) { framed.items.append(item) }
            messageStart = nil
        }
        for index in lines.indices {
            // FMG's racing copy ends lines with "<!" or "=!": marks, not text.
            var line = lines[index]
            var trimmed = false
            var end = line.endIndex
            while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
            if end - line.startIndex >= 2, line[end - 1] == 0x21, line[end - 2] == 0x3C || line[end - 2] == 0x3D {
                line = line[..<(end - 2)]
                trimmed = true
            }
            var shown = line.drop { $0 == 0x20 || $0 == 0x09 }
            // "NNNNZCZC AAP": one message's end and the next one's start on one line.
            // Compared as bytes: `starts(with:)` a static array cost a lazy global's check and a
            // generic call for every line of the feed.
            if ByteScalars.hasPrefix(shown, "NNNN") {
                close(at: index)
                shown = shown.dropFirst(4)
                guard !shown.isEmpty else { continue }
                line = shown
                trimmed = true
            }
            if ByteScalars.hasPrefix(shown, "ZCZC") || ByteScalars.hasPrefix(shown, "zczc") {
                close(at: index)
                framed.appendLoose(outside.map(WireLines.text).joined(separator: "\n").trimmingSpaces)
                outside = []
                lines[index] = shown
                messageStart = index
            } else if messageStart != nil {
                if trimmed { lines[index] = line }
            } else {
                outside.append(line)
            }
        }
        close(at: lines.count)
        framed.appendLoose(outside.map(WireLines.text).joined(separator: "\n").trimmingSpaces)
        return framed
    }

    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool { line.allSatisfy { $0 <= 0x20 || $0 == 0x7F } }

    /// One message, its `ZCZC` line first.
    static func item(_ lines: ArraySlice<ArraySlice<UInt8>>) -> WireItem? {
        guard let first = lines.first else { return nil }
        let opening = WireLines.words(WireLines.text(first))
        var rest = lines.dropFirst()
        while let first = rest.first, isBlank(first) { rest.removeFirst() }
        if let first = rest.first, KeyValueReader.isField(first.drop { $0 == 0x20 || $0 == 0x09 }, key: nil) {
            return KeyValueReader.items(rest.map(WireLines.text)).first
        }
        var item = WireItem(metadata: WireMetadata(format: .zczc))
        if opening.count > 1, opening[1].allSatisfy(\.isLetter) { item.metadata.agency = String(opening[1]) }
        // A routing line right after ZCZC ("YY TDR", "HH TDCom").
        if let first = rest.first, mayBeRoutingLine(first), isRoutingLine(WireLines.text(first)) { rest.removeFirst() }
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
        // The lines joined by "\n" as `WireLines.append` writes each, straight into the array's
        // own buffer (a line writes at most its own bytes): an Array grown a line at a time, then
        // decoded, cost twice as much. Bytes, not a String: the body's reader cleans bytes, and a
        // String validated them first.
        let capacity = lines.reduce(0) { $0 + $1.count + 1 }
        guard capacity > 0 else { return }
        let text = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            count = 0
            for line in lines {
                if count > 0 {
                    out[count] = 0x0A
                    count += 1
                }
                count += write(line, to: out.baseAddress! + count)
            }
        }
        item.appendText(text)
    }

    /// `WireLines.append` into room already made: control bytes other than tab dropped (DLE
    /// becomes a space), trailing spaces and tabs trimmed. Returns the bytes written.
    private static func write(_ line: ArraySlice<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        line.withUnsafeBufferPointer { source -> Int in
            var count = 0
            if !WordAtATime.containsControlOtherThanTab(source) {
                if let base = source.baseAddress { out.update(from: base, count: source.count) }
                count = source.count
            } else {
                for byte in source {
                    if byte >= 0x20 && byte != 0x7F || byte == 0x09 {
                        out[count] = byte
                        count += 1
                    } else if byte == 0x10 {
                        out[count] = 0x20
                        count += 1
                    }
                }
            }
            while count > 0, out[count - 1] == 0x20 || out[count - 1] == 0x09 { count -= 1 }
            return count
        }
    }

    /// Whether the first line that is not blank is a short header line of a sigil the header
    /// has not had yet: body text opening with "$5 million" after a `$` headline is not.
    static func resumesHeader(_ lines: ArraySlice<ArraySlice<UInt8>>, after header: [(Character, String)]) -> Bool {
        guard let next = lines.first(where: { !isBlank($0) }) else { return false }
        let shown = next.drop { $0 == 0x20 || $0 == 0x09 }
        guard let sigil = shown.first, sigilBytes.contains(sigil), shown.count <= 80 else { return false }
        return !header.contains { $0.0 == Character(Unicode.Scalar(sigil)) }
    }

    /// False when the line's first two bytes after its indent are printable ASCII (or a tab) and
    /// differ: then its first word is not two of one capital ("YY", "HH"), and `isRoutingLine`
    /// would say no (two such bytes are two Characters, kept by `WireLines.text`). Asked first:
    /// a String made and split into words cost ~1,500 instructions a message.
    static func mayBeRoutingLine(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        guard index + 1 < line.endIndex else { return true }
        let first = line[index]
        let second = line[index + 1]
        let plain = first > 0x20 && first < 0x7F && (second >= 0x20 && second < 0x7F || second == 0x09)
        return !plain || first == second
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
