/// ANPA-1312 items (AP, Reuters and others): after SOH a selector line and a header line
/// (priority, category, format bytes, slug, take key, date, word count); after STX the `^`
/// header lines (slug line, headline, photo, `Eds:`, byline `=`), body lines indented with a
/// tab or hard-wrapped, tabular rows (BS … DLE, `;` columns), and after ETX the trailer.
enum ANPAReader {
    static func item(_ bytes: ArraySlice<UInt8>) -> WireItem? {
        let stx = bytes.firstIndex(ofByte: WireFraming.stx)
        let header = bytes[..<(stx ?? bytes.startIndex)]
        let textStart = stx.map { $0 + 1 } ?? bytes.startIndex
        // The ETX that ends the text comes after its STX (a stray one in the header is not it).
        let etx = bytes[textStart...].firstIndex(ofByte: WireFraming.etx)
        let textEnd = etx ?? bytes.endIndex
        var item = WireItem(metadata: WireMetadata(format: .anpa1312))
        let isTabular = readHeader(header, into: &item.metadata)
        var reader = TextReader(isTabular: isTabular, bodyBytes: textEnd - textStart)
        // One line at a time: an array of the item's lines cost its growth and release.
        var lines = WireLines.Cursor(bytes[textStart..<textEnd])
        while let line = lines.next() { reader.read(line) }
        if let etx { readTrailer(bytes[(etx + 1)...], into: &item.metadata) }
        reader.complete(&item)
        return item.headline != nil || !item.blocks.isEmpty ? item : nil
    }

    /// The selector and header lines; returns whether the format bytes say tabular (DC2/DC4).
    static func readHeader(_ header: ArraySlice<UInt8>, into metadata: inout WireMetadata) -> Bool {
        if let isTabular = readHeader(ascii: header, into: &metadata) { return isTabular }
        let lines = WireLines.lines(header).filter { line in line.contains { $0 > 0x20 && $0 != 0x7F } }
        var isTabular = false
        for line in lines {
            // US (0x1F) separates the selector from the service word: "f0754" US "reute".
            let tokens = headerWords(line)
            if tokens.count == 2 || tokens.count == 1, line.contains(0x1F) || tokens.first?.count ?? 0 <= 6 {
                // Selector and service: "W2870" US "asian", "f0754" US "reute".
                if tokens.contains(where: { $0.lowercased().hasPrefix("reute") }) { metadata.agency = "Reuters" }
                continue
            }
            guard tokens.count >= 3, tokens[0].count == 1, tokens[1].count <= 2 else { continue }
            isTabular = line.contains(0x12) || line.contains(0x14)
            metadata.urgency = Urgency.anpaPriority(tokens[0])
            metadata.category = tokens[1]
            var rest = Array(tokens.dropFirst(2))
            // From the end: word count, then MM-DD.
            if let last = rest.last, isNumber(last) { rest.removeLast() }
            if let last = rest.last, last.count == 5, last.dropFirst(2).first == "-" { rest.removeLast() }
            guard let slug = rest.first else { break }
            if metadata.slug == nil { metadata.slug = slug }
            let take = rest.dropFirst().joined(separator: " ")
            readTakeKey(take, into: &metadata)
            break
        }
        return isTabular
    }

    /// The same reading of an ASCII header (every item of the AP and Reuters feeds), nil for any
    /// other: its words are ranges of one buffer of cleaned bytes, and only the fields kept become
    /// Strings. A byte is a Character there (lines hold no CR or LF), so counts are byte counts.
    /// The words of each line and a String for each cost ~11,000 instructions a Reuters item.
    private static func readHeader(ascii header: ArraySlice<UInt8>, into metadata: inout WireMetadata) -> Bool? {
        header.withUnsafeBufferPointer { bytes -> Bool? in
            guard WordAtATime.isASCII(bytes) else { return nil }
            // A word as `headerWords` makes it: a piece between US and spaces, control bytes
            // dropped (DLE a space, tab kept), trailing spaces and tabs off; empty ones left out.
            // Written through a pointer into room for the whole header, made once.
            let clean = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
            defer { clean.deallocate() }
            var words: [Range<Int>] = []
            words.reserveCapacity(8)
            func string(_ word: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(start: clean + word.lowerBound, count: word.count), as: UTF8.self)
            }
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                lineStart = lineEnd + 1
                guard line.contains(where: { $0 > 0x20 && $0 != 0x7F }) else { continue }
                words.removeAll(keepingCapacity: true)
                var count = 0
                var pieceStart = 0
                for index in 0...line.count where index == line.count || line[index] == 0x1F || line[index] == 0x20 {
                    let start = count
                    for byte in line[pieceStart..<index] {
                        if byte == 0x10 {
                            clean[count] = 0x20
                            count += 1
                        } else if byte >= 0x20 && byte != 0x7F || byte == 0x09 {
                            clean[count] = byte
                            count += 1
                        }
                    }
                    while count > start, clean[count - 1] == 0x20 || clean[count - 1] == 0x09 { count -= 1 }
                    if count > start { words.append(start..<count) }
                    pieceStart = index + 1
                }
                if words.count == 2 || words.count == 1, line.contains(0x1F) || words[0].count <= 6 {
                    // Selector and service: "W2870" US "asian", "f0754" US "reute".
                    let namesReuters = words.contains { word in
                        word.count >= 5 && zip(word.prefix(5), "reute".utf8).allSatisfy { ByteScalars.asciiLower(clean[$0]) == $1 }
                    }
                    if namesReuters { metadata.agency = "Reuters" }
                    continue
                }
                guard words.count >= 3, words[0].count == 1, words[1].count <= 2 else { continue }
                let isTabular = line.contains(0x12) || line.contains(0x14)
                metadata.urgency = Urgency.anpaPriority(string(words[0]))
                metadata.category = string(words[1])
                // The words after those two; from the end: word count, then MM-DD.
                var restEnd = words.count
                if restEnd > 2, words[restEnd - 1].allSatisfy({ clean[$0] >= 0x30 && clean[$0] <= 0x39 }) { restEnd -= 1 }
                if restEnd > 2, words[restEnd - 1].count == 5, clean[words[restEnd - 1].lowerBound + 2] == 0x2D { restEnd -= 1 }
                guard restEnd > 2 else { return isTabular }
                if metadata.slug == nil { metadata.slug = string(words[2]) }
                var take: [UInt8] = []
                for position in 3..<max(3, restEnd) {
                    if position > 3 { take.append(0x20) }
                    take.append(contentsOf: UnsafeBufferPointer(start: clean + words[position].lowerBound, count: words[position].count))
                }
                readTakeKey(String(decoding: take, as: UTF8.self), into: &metadata)
                return isTabular
            }
            return false
        }
    }

    /// A header line's words (split at US and spaces, control bytes dropped), in one array
    /// sized at once: growing the arrays of a split, a map and a filter cost more than the rest
    /// of a Reuters header.
    private static func headerWords(_ line: ArraySlice<UInt8>) -> [String] {
        if let words = printableHeaderWords(line) { return words }
        let pieces = line.split { $0 == 0x1F || $0 == 0x20 }
        var words: [String] = []
        words.reserveCapacity(pieces.count)
        for piece in pieces {
            let word = WireLines.text(piece)
            if !word.isEmpty { words.append(word) }
        }
        return words
    }

    /// The same words of a line of printable ASCII, spaces and US, as most header lines are
    /// (a word then has no byte for `WireLines.text` to drop or trim): taken in one pass, with
    /// no array of pieces in between; nil for any other line.
    private static func printableHeaderWords(_ line: ArraySlice<UInt8>) -> [String]? {
        var words: [String] = []
        words.reserveCapacity(8)
        var start = line.startIndex
        for index in line.indices {
            let byte = line[index]
            guard byte == 0x1F || byte >= 0x20 && byte < 0x7F else { return nil }
            if byte == 0x1F || byte == 0x20 {
                if index > start { words.append(String(decoding: line[start..<index], as: UTF8.self)) }
                start = index + 1
            }
        }
        if line.endIndex > start { words.append(String(decoding: line[start...], as: UTF8.self)) }
        return words
    }

    /// `word.allSatisfy(\.isNumber)`, from the bytes where the word is ASCII (its only numbers
    /// are then the digits).
    static func isNumber(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return word.allSatisfy(\.isNumber) }
        return utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// "1stLd-Writethru", "***URGENT", "1STLD", "APNewsAlert" as a take key.
    static func readTakeKey(_ take: String, into metadata: inout WireMetadata) {
        let cleaned = take.trimmingCharacters(in: "*").trimmingSpaces
        guard !cleaned.isEmpty else { return }
        if let urgency = Urgency.word(cleaned) {
            metadata.urgency = min(metadata.urgency ?? 9, urgency)
        } else if let marker = VersionMarker.takeMarker(cleaned), metadata.version == nil {
            metadata.version = marker
        }
    }

    static func readTrailer(_ trailer: ArraySlice<UInt8>, into metadata: inout WireMetadata) {
        for line in WireLines.lines(trailer) {
            let text = String(WireLines.unindented(WireLines.text(line)))
            guard WireLines.contains(text, "-WF-") else { continue }
            metadata.filedAt = FiledTime.anpaTrailer(text)
            if opensWithAP(text) { metadata.agency = metadata.agency ?? "AP" }
        }
    }

    /// `text.hasPrefix("AP-")`, from its bytes where the byte after "AP-" is ASCII (or there is
    /// none): then "-" is a Character of its own. Only bytes "AP-" can open with those three
    /// Characters; a byte outside ASCII after them (a mark that could join the dash) is left to
    /// String's comparison, which cost ~2,000 instructions a trailer.
    static func opensWithAP(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard bytes.next() == 0x41, bytes.next() == 0x50, bytes.next() == 0x2D else { return false }
        guard let after = bytes.next() else { return true }
        return after < 0x80 || text.hasPrefix("AP-")
    }
}

extension ANPAReader {
    static func looksLikeSlugLine(_ text: String) -> Bool {
        if let ascii = looksLikeSlugLine(asciiBytesOf: text) { return ascii }
        let first = text.split(separator: ",").first.map(String.init) ?? text
        if first.hasPrefix("BC-") || first.hasPrefix("AP-") || first.hasPrefix("AM-") || first.hasPrefix("PM-") {
            return true
        }
        return first.contains("--") && !first.contains(" _ ")
    }

    /// The same, read from the bytes of an ASCII line (where a byte is a Character, and the
    /// searches need no Unicode rules); nil for any other line.
    private static func looksLikeSlugLine(asciiBytesOf text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            guard WordAtATime.isASCII(bytes) else { return nil }
            return looksLikeSlugLine(ascii: bytes)
        }
    }

    /// The same, of an ASCII line's bytes.
    static func looksLikeSlugLine(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The first piece between commas that holds anything (the whole line if none does).
        var first = bytes
        if let start = bytes.firstIndex(where: { $0 != 0x2C }) {
            let end = bytes[start...].firstIndex(of: 0x2C) ?? bytes.count
            first = UnsafeBufferPointer(rebasing: bytes[start..<end])
        }
        for prefix: StaticString in ["BC-", "AP-", "AM-", "PM-"] where WireFraming.hasPrefix(first, prefix) { return true }
        return ByteSearch.contains(first, "--") && !ByteSearch.contains(first, " _ ")
    }

    /// "Eds: …", "(Eds: … )", "EDITOR'S NOTE _ …" → the note.
    static func ednoteText(_ text: String) -> String {
        var ascii = text
        if let note = ascii.withUTF8({ bytes -> String? in
            guard WordAtATime.isASCII(bytes), !bytes.contains(0x0D) else { return nil }
            return ednoteText(ascii: bytes)
        }) {
            return note
        }
        var note = Substring(text)
        if note.first == "(" && note.last == ")" { note = note.dropFirst().dropLast(1) }
        if let colon = note.firstIndex(of: ":"), note.distance(from: note.startIndex, to: colon) <= 14 {
            note = note[note.index(after: colon)...]
        } else if note.lowercased().hasPrefix("editor's note") {
            note = note.dropFirst("editor's note".count).drop { $0 == " " || $0 == "_" || $0 == "-" }
        }
        return String(note).trimmingSpaces
    }

    /// The same from the bytes of ASCII text without CR, where a byte is a Character: the colon
    /// found by a byte search, where searching the Characters of a long `Eds:` note cost ~10,000
    /// instructions a note.
    static func ednoteText(ascii text: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        var end = text.count
        if end >= 2, text[0] == 0x28, text[end - 1] == 0x29 {  // ( … )
            start += 1
            end -= 1
        }
        if let colon = text[start..<end].firstIndex(of: 0x3A), colon - start <= 14 {
            start = colon + 1
        } else if end - start >= 13,
            zip(text[start..<(start + 13)], "editor's note".utf8).allSatisfy({ ByteScalars.asciiLower($0) == $1 })
        {
            start += 13
            while start < end, text[start] == 0x20 || text[start] == 0x5F || text[start] == 0x2D { start += 1 }
        }
        while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }

    /// Without the ANPA end-of-line mark (`<`, `=`) and trailing spaces.
    static func stripEndMark(_ text: String) -> String {
        // As in `trimmingSpaces`: a last byte that is none of the marks ends no Character that is.
        if let last = text.utf8.last, last != 0x20, last != 0x3C, last != 0x3D, last != 0x09 { return text.trimmingSpaces }
        // The marks are ASCII: after an ASCII byte (or none) no Character joins them to what
        // comes before, and they come off as bytes.
        var text = text
        let stripped = text.withUTF8 { bytes -> String? in
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x3C || bytes[end - 1] == 0x3D || bytes[end - 1] == 0x09 {
                end -= 1
            }
            guard end == 0 || bytes[end - 1] < 0x80 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        }
        if let stripped { return stripped.trimmingSpaces }
        var view = Substring(text)
        while let last = view.last, last == " " || last == "<" || last == "=" || last == "\t" { view = view.dropLast(1) }
        return String(view).trimmingSpaces
    }

    /// AP's 7-bit conventions: " _ " for a dash, `` and '' for quotes. One pass over the
    /// bytes; most lines hold none and come back as they are.
    static func apStyle(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { $0 == 0x5F || $0 == 0x60 || $0 == 0x27 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
                if byte == 0x20 && next == 0x5F && index + 2 < bytes.count && bytes[index + 2] == 0x20 {
                    out += [0x20, 0xE2, 0x80, 0x94, 0x20]  // " — "
                    index += 3
                } else if byte == 0x60 && next == 0x60 {
                    out += [0xE2, 0x80, 0x9C]  // “
                    index += 2
                } else if byte == 0x27 && next == 0x27 {
                    out += [0xE2, 0x80, 0x9D]  // ”
                    index += 2
                } else {
                    out.append(byte)
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var view = Substring(self)
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast(1) }
        return String(view)
    }
}
