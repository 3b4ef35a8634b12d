/// ANPA-1312 items (AP, Reuters and others): after SOH a selector line and a header line
/// (priority, category, format bytes, slug, take key, date, word count); after STX the `^`
/// header lines (slug line, headline, photo, `Eds:`, byline `=`), body lines indented with a
/// tab or hard-wrapped, tabular rows (BS … DLE, `;` columns), and after ETX the trailer.
enum ANPAReader {
    static func item(_ bytes: ArraySlice<UInt8>) -> WireItem? {
        let stx = bytes.firstIndex(of: WireFraming.stx)
        let etx = bytes.firstIndex(of: WireFraming.etx)
        let header = bytes[..<(stx ?? bytes.startIndex)]
        let textEnd = etx ?? bytes.endIndex
        let textStart = stx.map { $0 + 1 } ?? bytes.startIndex
        guard textStart <= textEnd else { return nil }
        var item = WireItem(metadata: WireMetadata(format: .anpa1312))
        let isTabular = readHeader(header, into: &item.metadata)
        var reader = TextReader(isTabular: isTabular)
        for line in WireLines.lines(bytes[textStart..<textEnd]) { reader.read(line) }
        reader.finish()
        if let etx { readTrailer(bytes[(etx + 1)...], into: &item.metadata) }
        reader.complete(&item)
        return item.headline != nil || !item.blocks.isEmpty ? item : nil
    }

    /// The selector and header lines; returns whether the format bytes say tabular (DC2/DC4).
    static func readHeader(_ header: ArraySlice<UInt8>, into metadata: inout WireMetadata) -> Bool {
        let lines = WireLines.lines(header).filter { line in line.contains { $0 > 0x20 && $0 != 0x7F } }
        var isTabular = false
        for line in lines {
            // US (0x1F) separates the selector from the service word: "f0754" US "reute".
            let tokens = line.split { $0 == 0x1F || $0 == 0x20 }.map { WireLines.text($0) }.filter { !$0.isEmpty }
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
            if let last = rest.last, last.allSatisfy(\.isNumber) { rest.removeLast() }
            if let last = rest.last, last.count == 5, last.dropFirst(2).first == "-" { rest.removeLast() }
            guard let slug = rest.first else { break }
            if metadata.slug == nil { metadata.slug = slug }
            let take = rest.dropFirst().joined(separator: " ")
            readTakeKey(take, into: &metadata)
            break
        }
        return isTabular
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
            let text = WireLines.unindented(WireLines.text(line))
            guard text.contains("-WF-") else { continue }
            metadata.filedAt = FiledTime.anpaTrailer(String(text))
            if text.hasPrefix("AP-") { metadata.agency = metadata.agency ?? "AP" }
        }
    }

    /// Reads the lines between STX and ETX.
    struct TextReader {
        enum BodyLine {
            case row([String])
            case paragraph(String)
            case wrapped(String)
            case breakMark
        }

        let isTabular: Bool
        var inHeader = true
        var sawCaretLine = false
        var slugLine: String?
        var headline: String?
        var byline: String?
        var afterByline = false
        var ednotes: [String] = []
        var agencyHint: String?
        var body: [BodyLine] = []

        init(isTabular: Bool) { self.isTabular = isTabular }

        mutating func read(_ raw: ArraySlice<UInt8>) {
            let startsRow = raw.first == 0x08
            let text = WireLines.text(raw)
            let unindented = WireLines.unindented(text)
            if inHeader && unindented.first == "^" && !startsRow {
                readCaretLine(String(unindented.dropFirst()))
                return
            }
            if inHeader && !unindented.isEmpty { inHeader = false }
            if unindented.hasPrefix("^END") { return }
            if startsRow || Self.isSemicolonRow(raw, isTabular: isTabular) {
                body.append(.row(Self.cells(raw)))
                return
            }
            let content = Self.stripEndMark(String(unindented.first == "^" ? unindented.dropFirst() : unindented))
            if content.isEmpty || content.allSatisfy({ $0 == "_" || $0 == "-" || $0 == "=" }) {
                if !body.isEmpty { body.append(.breakMark) }
            } else if text.first == "\t" || unindented.first == "^" {
                body.append(.paragraph(Self.apStyle(content)))
            } else if !sawCaretLine && headline == nil && body.isEmpty && text.first != " " {
                headline = content  // Reuters: the headline is the first line of text
            } else {
                body.append(.wrapped(Self.apStyle(text)))
            }
        }

        /// A `^` line of the header zone: slug line, headline, photo, Eds:, byline, affiliation.
        mutating func readCaretLine(_ line: String) {
            sawCaretLine = true
            // "*9006< ^AP-Top-Entertainment-Headlines,0176<": the last segment is the line.
            var line = line
            if let last = line.ranges(of: "< ^").last { line = String(line[last.upperBound...]) }
            let endsWithEquals = line.trimmingSpaces.hasSuffix("=")
            let content = Self.stripEndMark(line)
            guard !content.isEmpty else { return }
            if slugLine == nil && Self.looksLikeSlugLine(content) {
                slugLine = content
                return
            }
            let lower = content.lowercased()
            if lower.hasPrefix("ap photo") || lower.hasPrefix("ap video") || lower.hasPrefix("ap graphic")
                || lower.hasPrefix("ap audio")
            {
                return
            }
            if lower.hasPrefix("eds:") || lower.hasPrefix("(eds:") || lower.hasPrefix("editor's note")
                || lower.hasPrefix("editors note") || lower.hasPrefix("eds note")
            {
                ednotes.append(Self.ednoteText(content))
                return
            }
            if endsWithEquals && lower.hasPrefix("by ") {
                let name = String(content.dropFirst(3)).trimmingSpaces
                if name.lowercased().contains("associated press") {
                    agencyHint = "AP"
                } else if byline == nil {
                    byline = name
                }
                afterByline = true
                return
            }
            if endsWithEquals && afterByline && (lower.contains("associated press") || lower.hasSuffix(" writer")
                || lower.hasSuffix(" correspondent") || lower.hasSuffix(" editor"))
            {
                if lower.contains("associated press") || lower.hasPrefix("ap ") { agencyHint = "AP" }
                return
            }
            if headline == nil {
                headline = Self.apStyle(content)
            } else if byline == nil && !afterByline && content.count >= 80 && !endsWithEquals {
                return  // the abstract AP sends under the headline: the lead says it again
            } else {
                body.append(.paragraph(Self.apStyle(content)))
            }
        }

        mutating func finish() {}

        /// Turns what was read into the item's fields and blocks.
        func complete(_ item: inout WireItem) {
            var metadata = item.metadata
            if let slugLine {
                let parts = slugLine.split(separator: ",").map { String($0).trimmingSpaces }
                metadata.slug = parts.first ?? metadata.slug
                for part in parts.dropFirst() where !part.allSatisfy(\.isNumber) {
                    if let marker = VersionMarker.takeMarker(part) { metadata.version = marker }
                }
            }
            var headline = headline
            if let current = headline {
                var text = current.drop { $0 == "*" }.trimmingSpaces
                if let urgency = Urgency.leadingWord(text) {
                    metadata.urgency = min(metadata.urgency ?? 9, urgency.urgency)
                    text = urgency.rest
                }
                if let leading = VersionMarker.leading(in: text) {
                    if metadata.version == nil { metadata.version = leading.marker }
                    text = leading.rest
                }
                headline = text.isEmpty ? nil : text
            }
            if metadata.agency == nil { metadata.agency = agencyHint }
            if !ednotes.isEmpty { metadata.ednote = ednotes.joined(separator: " ") }
            if metadata.versionKind == .kill { metadata.isWithdrawn = true }
            if let slug = metadata.slug, VersionMarker.folded(slug).contains("test") { metadata.isServiceMessage = true }
            item.metadata = metadata
            item.headline = headline
            item.byline = byline
            appendBody(to: &item)
        }

        private func appendBody(to item: inout WireItem) {
            var index = body.startIndex
            while index < body.endIndex {
                switch body[index] {
                case .breakMark:
                    index += 1
                case .row:
                    var rows: [[String]] = []
                    while index < body.endIndex, case .row(let cells) = body[index] {
                        rows.append(cells)
                        index += 1
                    }
                    item.appendPreformatted(TableLayout.lines(rows))
                case .paragraph(let text):
                    // Three or more short lines that end no sentence: a list (scores, schedules).
                    var run: [String] = [text]
                    var next = index + 1
                    while next < body.endIndex, case .paragraph(let more) = body[next] {
                        run.append(more)
                        next += 1
                    }
                    var position = 0
                    while position < run.count {
                        var end = position
                        while end < run.count && Self.isListLine(run[end]) { end += 1 }
                        if end - position >= 3 {
                            item.appendPreformatted(Array(run[position..<end]))
                            position = end
                        } else {
                            item.appendParagraph(run[position])
                            position += 1
                        }
                    }
                    index = next
                case .wrapped:
                    var lines: [String] = []
                    while index < body.endIndex, case .wrapped(let line) = body[index] {
                        lines.append(line)
                        index += 1
                    }
                    item.appendText(lines.joined(separator: "\n"))
                }
            }
        }

        /// A row of a table in `;` columns: any `;` in a tabular item, three in another.
        static func isSemicolonRow(_ raw: ArraySlice<UInt8>, isTabular: Bool) -> Bool {
            var semicolons = 0
            for byte in raw where byte == 0x3B {
                semicolons += 1
                if isTabular || semicolons >= 3 { return true }
            }
            return false
        }

        static func isListLine(_ text: String) -> Bool {
            guard text.utf8.count <= 320, text.count <= 80, let last = text.last else { return false }
            return !".!?\"'\u{201D}:".contains(last)
        }

        static func looksLikeSlugLine(_ text: String) -> Bool {
            let first = text.split(separator: ",").first.map(String.init) ?? text
            if first.hasPrefix("BC-") || first.hasPrefix("AP-") || first.hasPrefix("AM-") || first.hasPrefix("PM-") {
                return true
            }
            return first.contains("--") && !first.contains(" _ ")
        }

        /// "Eds: …", "(Eds: … )", "EDITOR'S NOTE _ …" → the note.
        static func ednoteText(_ text: String) -> String {
            var note = Substring(text)
            if note.first == "(" && note.last == ")" { note = note.dropFirst().dropLast() }
            if let colon = note.firstIndex(of: ":"), note.distance(from: note.startIndex, to: colon) <= 14 {
                note = note[note.index(after: colon)...]
            } else if note.lowercased().hasPrefix("editor's note") {
                note = note.dropFirst("editor's note".count).drop { $0 == " " || $0 == "_" || $0 == "-" }
            }
            return String(note).trimmingSpaces
        }

        /// Without the ANPA end-of-line mark (`<`, `=`) and trailing spaces.
        static func stripEndMark(_ text: String) -> String {
            var view = Substring(text)
            while let last = view.last, last == " " || last == "<" || last == "=" || last == "\t" { view = view.dropLast() }
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

        /// A tabular row's cells: BS opens the row, `;` or runs of US/RS bytes separate cells,
        /// DLE is a space inside a cell.
        static func cells(_ raw: ArraySlice<UInt8>) -> [String] {
            var cells: [String] = []
            var cell: [UInt8] = []
            var previousWasSeparator = false
            for byte in raw {
                switch byte {
                case 0x3B, 0x1E, 0x1F:
                    if byte == 0x3B || !previousWasSeparator {
                        cells.append(String(decoding: cell, as: UTF8.self).trimmingSpaces)
                        cell = []
                    }
                    previousWasSeparator = byte != 0x3B
                    continue
                case 0x10: cell.append(0x20)
                case 0x09: cell.append(0x20)
                case 0x00..<0x20, 0x7F: break
                default: cell.append(byte)
                }
                if byte != 0x20 { previousWasSeparator = false }
            }
            cells.append(Self.stripEndMark(String(decoding: cell, as: UTF8.self)))
            // A caret opening the heading row's first cell ("^;W;L;Pct") marks it, nothing more.
            if let first = cells.first, first.hasPrefix("^") { cells[0] = String(first.dropFirst()) }
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            return cells.map { $0.trimmingSpaces }
        }
    }
}

/// Rows of cells laid out in columns two spaces apart: a table the reader keeps as it is.
/// Widths count Unicode scalars: the same as characters for the tables agencies send, and cheaper.
enum TableLayout {
    static func lines(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.unicodeScalars.count) }
        }
        var lines: [String] = []
        lines.reserveCapacity(rows.count)
        for row in rows {
            var line: [UInt8] = []
            for (column, cell) in row.enumerated() {
                line += cell.utf8
                if column < row.count - 1 {
                    line += repeatElement(0x20, count: widths[column] - cell.unicodeScalars.count + 2)
                }
            }
            // Trailing spaces only: an empty first cell (a heading row's) keeps its width.
            while line.last == 0x20 { line.removeLast() }
            if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
        }
        return lines
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var view = Substring(self)
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
