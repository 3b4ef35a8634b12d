#if canImport(Glibc)
import Glibc
#endif

/// The lines between an ANPA-1312 item's STX and ETX: the `^` header lines (slug line,
/// headline, photo, `Eds:`, byline), then body lines indented with a tab (AP: a paragraph each),
/// hard-wrapped lines (Reuters: the ordinary reader joins them), tabular rows (BS … DLE, `;` or
/// US/RS columns) and rules. The body is read byte by byte into one buffer of clean text
/// (control bytes gone, DLE a space, AP's 7-bit dashes and quotes made typographic): a feed
/// of thousands of lines makes no string per line.
extension ANPAReader {
    struct TextReader {
        enum BodyLine {
            /// A row of a table: its cells, a range of `cells`.
            case row(Range<Int>)
            /// A tab-indented line (AP), a paragraph of its own: a range of `text`.
            case paragraph(Range<Int>)
            /// A hard-wrapped line (Reuters), kept with its indentation: a range of `text`.
            case wrapped(Range<Int>)
            case breakMark
        }

        let isTabular: Bool
        /// How many bytes the item's text runs to (`init`).
        let bodyBytes: Int
        var inHeader = true
        var sawCaretLine = false
        var slugLine: String?
        var headline: String?
        var byline: String?
        var afterByline = false
        var ednotes: [String] = []
        var agencyHint: String?
        /// A caret line's clean bytes, the buffer kept from line to line.
        private var caretScratch: [UInt8] = []
        var body: [BodyLine] = []
        /// Clean bytes of the body lines and cells, one after another.
        var text: ByteOutput
        /// Every row's cells, as ranges of `text`.
        var cells: [Range<Int>] = []

        /// `bodyBytes`: how many bytes the item's text runs to. A line cleans to at most twice its
        /// bytes (`append` asks that room), so twice the text is room for all of it: the buffer is
        /// made once, where growing it as lines came cost three or four copies an item (~18 M
        /// instructions a parse of an AP feed).
        init(isTabular: Bool, bodyBytes: Int = 0) {
            self.isTabular = isTabular
            self.bodyBytes = bodyBytes
            text = ByteOutput(capacity: 2 * bodyBytes + 16)
            // About one body line for every 32 bytes of text (wire lines run to 60–70): grown from empty,
            // the array was copied four or five times an item (~2,200 instructions a Reuters item).
            body.reserveCapacity(bodyBytes / 32 + 4)
        }

        static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 && byte != 0x09 && byte != 0x10 || byte == 0x7F }

        mutating func read(_ raw: ArraySlice<UInt8>) {
            let startsRow = raw.first == 0x08
            // The first byte that shows (DLE counts as a space), and the first of the line as text.
            let lead = raw.firstIndex { !Self.isControl($0) }
            let shown = raw.firstIndex { $0 > 0x20 && $0 != 0x7F }
            if let shown, inHeader && raw[shown] == 0x5E && !startsRow {  // ^
                readCaretLine(raw[(shown + 1)...])
                return
            }
            if shown != nil { inHeader = false }
            if let shown, ByteScalars.hasPrefix(raw[shown...], "^END") { return }
            if startsRow || Self.isSemicolonRow(raw, isTabular: isTabular) {
                readRow(raw)
                return
            }
            guard let first = shown else {
                if !body.isEmpty { body.append(.breakMark) }
                return
            }
            let isCaret = raw[first] == 0x5E
            var contentStart = isCaret ? first + 1 : first
            while contentStart < raw.endIndex, raw[contentStart] == 0x20 || raw[contentStart] == 0x09 { contentStart += 1 }
            // The content without the end-of-line mark (`<`, `=`) and trailing spaces.
            var contentEnd = raw.endIndex
            while contentEnd > contentStart {
                let byte = raw[contentEnd - 1]
                guard byte == 0x20 || byte == 0x3C || byte == 0x3D || byte == 0x09 || Self.isControl(byte) || byte == 0x10 else {
                    break
                }
                contentEnd -= 1
            }
            let content = raw[contentStart..<contentEnd]
            if content.allSatisfy({ $0 == 0x5F || $0 == 0x2D || $0 == 0x3D || Self.isControl($0) }) {  // a rule: _ - =
                if !body.isEmpty { body.append(.breakMark) }
            } else if lead.map({ raw[$0] == 0x09 }) == true || isCaret {
                body.append(.paragraph(append(content)))
            } else if !sawCaretLine && headline == nil && body.isEmpty && lead.map({ raw[$0] != 0x20 && raw[$0] != 0x10 }) == true {
                headline = WireLines.text(content)  // Reuters: the headline is the first line of text
            } else {
                // The whole line, indentation included (the ordinary reader reads paragraph
                // indents from it), trailing spaces off.
                var end = raw.endIndex
                while end > raw.startIndex, raw[end - 1] <= 0x20 || raw[end - 1] == 0x7F { end -= 1 }
                body.append(.wrapped(append(raw[raw.startIndex..<end])))
            }
        }

        /// Appends `bytes` to `text` clean: control bytes dropped, DLE a space, " _ " an em
        /// dash, `` and '' curly quotes. Returns where they went.
        mutating func append(_ bytes: ArraySlice<UInt8>) -> Range<Int> {
            let start = text.count
            bytes.withUnsafeBufferPointer { bytes in
                // A byte becomes at most two (`_ ` four, `` three).
                text.write(room: 2 * bytes.count + 8) { out, total in
                    total = Self.clean(bytes, into: out, at: total, lineStart: start)
                }
            }
            return start..<text.count
        }

        /// Writes `bytes` clean at `out[written...]`; returns where the writing ended. Eight
        /// plain ASCII bytes at a time where none needs anything done (most of a line).
        static func clean(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, at start: Int, lineStart: Int) -> Int {
            let count = bytes.count
            var written = start
            var index = 0
            while index < count {
                if index + 8 <= count {
                    let word = WordAtATime.load(bytes, at: index)
                    let special = WordAtATime.nonPrintable(word) | WordAtATime.bytesEqual(word, 0x27) | WordAtATime.bytesEqual(word, 0x5F)
                        | WordAtATime.bytesEqual(word, 0x60)
                    if special == 0 {
                        UnsafeMutableRawPointer(out + written).storeBytes(of: word.littleEndian, as: UInt64.self)
                        written += 8
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if isPlain(byte) {
                    out[written] = byte
                    written += 1
                    index += 1
                    continue
                }
                let next: UInt8 = index + 1 < count ? bytes[index + 1] : 0
                if byte == 0x5F && next == 0x20 && written > lineStart && out[written - 1] == 0x20 {
                    (out + written).update(from: [0xE2, 0x80, 0x94, 0x20], count: 4)  // " _ " → " — "
                    written += 4
                    index += 2
                    continue
                } else if byte == 0x60 && next == 0x60 {
                    (out + written).update(from: [0xE2, 0x80, 0x9C], count: 3)  // “
                    written += 3
                    index += 2
                    continue
                } else if byte == 0x27 && next == 0x27 {
                    (out + written).update(from: [0xE2, 0x80, 0x9D], count: 3)  // ”
                    written += 3
                    index += 2
                    continue
                } else if byte == 0x10 {
                    out[written] = 0x20
                    written += 1
                } else if !isControl(byte) {
                    out[written] = byte
                    written += 1
                }
                index += 1
            }
            return written
        }

        /// Printable ASCII other than the bytes of AP's conventions (` ' _), or any byte of a
        /// UTF-8 scalar beyond ASCII.
        @inline(__always)
        static func isPlain(_ byte: UInt8) -> Bool {
            byte >= 0x20 && byte != 0x27 && byte != 0x5F && byte != 0x60 && byte != 0x7F
        }

        /// A tabular row: BS opens it, `;` or a run of US/RS bytes separates cells, DLE and tab
        /// are spaces inside a cell; end marks and spaces trimmed; a caret opening the first
        /// cell ("^;W;L;Pct", a heading row) dropped; empty cells at the end dropped.
        mutating func readRow(_ raw: ArraySlice<UInt8>) {
            // Room for a cell every eight bytes of the item at the first row (at most 4,096 at
            // once: a long item with one row asks no more): grown from empty, the array was copied
            // about three times an AP item.
            if cells.capacity == 0 { cells.reserveCapacity(min(bodyBytes / 8, 4096) + 16) }
            let firstCell = cells.count
            // The cells as written, each trimmed as it closes (the last of its end marks too):
            // read and trimmed through pointers, where a byte loop over the slice and a second
            // pass setting each cell through `text`'s subscript cost ~1,900 instructions a row.
            text.write(room: raw.count) { out, total in
                raw.withUnsafeBufferPointer { bytes in
                    var count = total
                    defer { total = count }
                    var cellStart = count
                    var previousWasSeparator = false
                    func close(endMarks: Bool) {
                        var lower = cellStart
                        var upper = count
                        while upper > lower, out[upper - 1] == 0x20 || endMarks && (out[upper - 1] == 0x3C || out[upper - 1] == 0x3D) {
                            upper -= 1
                        }
                        while lower < upper, out[lower] == 0x20 { lower += 1 }
                        cells.append(lower..<upper)
                        cellStart = count
                    }
                    for byte in bytes {
                        switch byte {
                        case 0x3B, 0x1E, 0x1F:
                            if byte == 0x3B || !previousWasSeparator { close(endMarks: false) }
                            previousWasSeparator = byte != 0x3B
                            continue
                        case 0x10, 0x09:
                            out[count] = 0x20
                            count += 1
                        case 0x00..<0x20, 0x7F: break
                        default:
                            out[count] = byte
                            count += 1
                        }
                        if byte != 0x20 { previousWasSeparator = false }
                    }
                    close(endMarks: true)
                }
            }
            if let range = cells[firstCell...].first, !range.isEmpty, text[range.lowerBound] == 0x5E {
                cells[firstCell] = trimmed((range.lowerBound + 1)..<range.upperBound, endMarks: false)
            }
            while cells.count > firstCell, cells[cells.count - 1].isEmpty { cells.removeLast() }
            body.append(.row(firstCell..<cells.count))
        }

        /// `range` of `text` without spaces at either end (and end marks `<` `=` at its end).
        func trimmed(_ range: Range<Int>, endMarks: Bool) -> Range<Int> {
            var lower = range.lowerBound
            var upper = range.upperBound
            while upper > lower, text[upper - 1] == 0x20 || endMarks && (text[upper - 1] == 0x3C || text[upper - 1] == 0x3D) {
                upper -= 1
            }
            while lower < upper, text[lower] == 0x20 { lower += 1 }
            return lower..<upper
        }

        /// A `^` line of the header zone: slug line, headline, photo, Eds:, byline, affiliation.
        mutating func readCaretLine(_ raw: ArraySlice<UInt8>) {
            sawCaretLine = true
            let raw = Self.lastSegment(raw)
            if !readCaretLine(ascii: raw) { readCaretLineAsText(raw) }
        }

        /// "*9006< ^AP-Top-Entertainment-Headlines,0176<": the last segment is the line (what
        /// follows the last "< ^"). Carets are looked for eight bytes a step from the end, where
        /// a loop over the slice's bytes cost ~500 instructions a caret line of an AP feed.
        static func lastSegment(_ raw: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            let start = raw.withUnsafeBufferPointer { bytes -> Int? in
                // The highest position not yet looked at; a caret is taken at 2 or later.
                var caret = bytes.count - 1
                while caret >= 2 {
                    if caret >= 9 {
                        let carets = WordAtATime.bytesEqual(WordAtATime.load(bytes, at: caret - 7), 0x5E)
                        guard carets != 0 else {
                            caret -= 8
                            continue
                        }
                        caret = caret - 7 + (63 - carets.leadingZeroBitCount) / 8  // the last caret of the eight
                    }
                    if bytes[caret] == 0x5E && bytes[caret - 1] == 0x20 && bytes[caret - 2] == 0x3C { return caret + 1 }
                    caret -= 1
                }
                return nil
            }
            return start.map { raw[(raw.startIndex + $0)...] } ?? raw
        }

        /// A caret line read through Strings: any line `readCaretLine(ascii:)` leaves.
        mutating func readCaretLineAsText(_ raw: ArraySlice<UInt8>) {
            let line = WireLines.text(raw)
            let endsWithEquals = line.trimmingSpaces.hasSuffix("=")
            let content = ANPAReader.stripEndMark(line)
            guard !content.isEmpty else { return }
            if slugLine == nil && ANPAReader.looksLikeSlugLine(content) {
                slugLine = content
                return
            }
            let bytes = Array(content.utf8)[...]
            func opens(_ prefix: StaticString) -> Bool { ByteScalars.hasPrefix(bytes, prefix, caseInsensitive: true) }
            if opens("ap photo") || opens("ap video") || opens("ap graphic") || opens("ap audio") { return }
            if opens("eds:") || opens("(eds:") || opens("editor's note") || opens("editors note") || opens("eds note") {
                ednotes.append(ANPAReader.ednoteText(content))
                return
            }
            let namesAP = WireLines.contains(bytes, ignoringCase: "associated press")
            if endsWithEquals && opens("by ") {
                let name = String(content.dropFirst(3)).trimmingSpaces
                if namesAP {
                    agencyHint = "AP"
                } else if byline == nil {
                    byline = name
                }
                afterByline = true
                return
            }
            if endsWithEquals && afterByline && (namesAP || WireLines.hasSuffix(bytes, ignoringCase: " writer")
                || WireLines.hasSuffix(bytes, ignoringCase: " correspondent") || WireLines.hasSuffix(bytes, ignoringCase: " editor"))
            {
                if namesAP || opens("ap ") { agencyHint = "AP" }
                return
            }
            if headline == nil {
                headline = ANPAReader.apStyle(content)
            } else if byline == nil && !afterByline && Self.hasAtLeast80Characters(content) && !endsWithEquals {
                return  // the abstract AP sends under the headline: the lead says it again
            } else {
                body.append(.paragraph(append(Array(content.utf8)[...])))
            }
        }

        /// `readCaretLine` read from the bytes of an ASCII line; false (nothing done) for any other.
        /// `WireLines.text` drops CR with the other control bytes, so each byte of what is left is a
        /// Character and every test below gives the String reading's answer. The Strings, their
        /// trimming and their case-insensitive searches cost ~5,500 instructions a caret line of an
        /// AP feed (about 16 an item).
        mutating func readCaretLine(ascii raw: ArraySlice<UInt8>) -> Bool {
            guard raw.withUnsafeBufferPointer(WordAtATime.isASCII) else { return false }
            // The line as `WireLines.text` makes it, in a buffer kept between lines.
            var line = caretScratch
            caretScratch = []
            defer { caretScratch = line }
            line.removeAll(keepingCapacity: true)
            WireLines.append(raw, to: &line)
            // `line.trimmingSpaces.hasSuffix("=")`: `append` left no space or tab at the end.
            let endsWithEquals = line.last == 0x3D
            // `ANPAReader.stripEndMark`: end marks and spaces off the end, then spaces off the start.
            var start = line.startIndex
            var end = line.endIndex
            while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x3C || line[end - 1] == 0x3D || line[end - 1] == 0x09 {
                end -= 1
            }
            while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
            guard start < end else { return true }
            let content = line[start..<end]
            func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
            if slugLine == nil && content.withUnsafeBufferPointer(ANPAReader.looksLikeSlugLine(ascii:)) {
                slugLine = string(content)
                return true
            }
            func opens(_ prefix: StaticString) -> Bool { ByteScalars.hasPrefix(content, prefix, caseInsensitive: true) }
            // Each group of openings asked only of a line whose first byte opens them: most open none.
            let first = ByteScalars.asciiLower(line[start])
            if first == 0x61 && (opens("ap photo") || opens("ap video") || opens("ap graphic") || opens("ap audio")) { return true }
            if (first == 0x65 || first == 0x28)
                && (opens("eds:") || opens("(eds:") || opens("editor's note") || opens("editors note") || opens("eds note"))
            {
                ednotes.append(content.withUnsafeBufferPointer(ANPAReader.ednoteText(ascii:)))
                return true
            }
            let namesAP = WireLines.contains(content, ignoringCase: "associated press")
            if endsWithEquals && first == 0x62 && opens("by ") {
                // `String(content.dropFirst(3)).trimmingSpaces`
                var nameStart = start + 3
                var nameEnd = end
                while nameStart < nameEnd, line[nameStart] == 0x20 || line[nameStart] == 0x09 { nameStart += 1 }
                while nameEnd > nameStart, line[nameEnd - 1] == 0x20 || line[nameEnd - 1] == 0x09 { nameEnd -= 1 }
                if namesAP {
                    agencyHint = "AP"
                } else if byline == nil {
                    byline = string(line[nameStart..<nameEnd])
                }
                afterByline = true
                return true
            }
            if endsWithEquals && afterByline && (namesAP || WireLines.hasSuffix(content, ignoringCase: " writer")
                || WireLines.hasSuffix(content, ignoringCase: " correspondent") || WireLines.hasSuffix(content, ignoringCase: " editor"))
            {
                if namesAP || first == 0x61 && opens("ap ") { agencyHint = "AP" }
                return true
            }
            if headline == nil {
                headline = ANPAReader.apStyle(string(content))
            } else if byline == nil && !afterByline && content.count >= 80 && !endsWithEquals {
                return true  // the abstract (`hasAtLeast80Characters`: a byte is a Character here)
            } else {
                body.append(.paragraph(append(content)))
            }
            return true
        }

        /// `text.count >= 80`, without walking the Characters of a line that has fewer than 80
        /// bytes (so fewer Characters) or is ASCII without CR (a byte each).
        static func hasAtLeast80Characters(_ text: String) -> Bool {
            let utf8 = text.utf8
            guard utf8.count >= 80 else { return false }
            var text = text
            let isPlainASCII = text.withUTF8 { WordAtATime.isASCII($0) && !$0.contains(0x0D) }
            return isPlainASCII || text.count >= 80
        }

        /// Turns what was read into the item's fields and blocks.
        func complete(_ item: inout WireItem) {
            var metadata = item.metadata
            if let slugLine {
                let parts = Self.slugLineParts(slugLine)
                metadata.slug = parts.first ?? metadata.slug
                for part in parts.dropFirst() where !ANPAReader.isNumber(part) {
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
            item.metadata = metadata
            item.headline = headline
            item.byline = byline
            appendBody(to: &item)
        }

        /// The slug line's parts between commas, trimmed: "BC-Baseball-Standings,0123" → the slug,
        /// then the take key and word count. An ASCII line (without CR, where a byte is a
        /// Character) is split among its bytes: splitting by Characters cost ~16,000 instructions
        /// an item.
        static func slugLineParts(_ slugLine: String) -> [String] {
            var line = slugLine
            let ascii = line.withUTF8 { WordAtATime.isASCII($0) && !$0.contains(0x0D) }
            guard ascii else { return slugLine.split(separator: ",").map { String($0).trimmingSpaces } }
            return slugLine.utf8.split(separator: 0x2C).map { String(Substring($0)).trimmingSpaces }
        }

        /// The body as blocks: prose (paragraphs apart by blank lines, wrapped runs as they
        /// came) in one text block until a table or list comes between.
        private func appendBody(to item: inout WireItem) {
            var prose: [UInt8] = []
            prose.reserveCapacity(text.count + text.count / 16)
            func flushProse() {
                while prose.last == 0x0A { prose.removeLast() }
                if !prose.isEmpty { item.appendParagraph(prose) }
                prose.removeAll(keepingCapacity: true)
            }
            func preformatted(_ lines: [ArraySlice<UInt8>]) {
                if lines.count == 1 {
                    prose.append(contentsOf: lines[0])
                    prose.append(0x0A)
                    prose.append(0x0A)
                    return
                }
                flushProse()
                item.appendPreformatted(lines: lines)
            }
            var index = body.startIndex
            while index < body.endIndex {
                switch body[index] {
                case .breakMark:
                    index += 1
                case .row:
                    var rows: [Range<Int>] = []
                    while index < body.endIndex, case .row(let row) = body[index] {
                        rows.append(row)
                        index += 1
                    }
                    let table = TableLayout.layout(rows, cells: cells, text: text.storage)
                    if table.lines == 1 {
                        prose.append(contentsOf: table.bytes)
                        prose.append(0x0A)
                        prose.append(0x0A)
                    } else {
                        flushProse()
                        item.appendPreformatted(joinedLines: table.bytes, count: table.lines)
                    }
                case .paragraph:
                    // Three or more short lines that end no sentence: a list (scores, schedules).
                    // The run's ranges, not slices of `text`: an array of slices grew and was
                    // released again for every run.
                    var run: [Range<Int>] = []
                    run.reserveCapacity(8)
                    while index < body.endIndex, case .paragraph(let range) = body[index] {
                        run.append(range)
                        index += 1
                    }
                    var position = 0
                    while position < run.count {
                        var end = position
                        while end < run.count && Self.isListLine(text[run[end]]) { end += 1 }
                        if end - position >= 3 {
                            preformatted(run[position..<end].map { text[$0] })
                            position = end
                        } else {
                            prose.append(contentsOf: text[run[position]])
                            prose.append(0x0A)
                            prose.append(0x0A)
                            position += 1
                        }
                    }
                case .wrapped:
                    while index < body.endIndex, case .wrapped(let range) = body[index] {
                        prose.append(contentsOf: text[range])
                        prose.append(0x0A)
                        index += 1
                    }
                    prose.append(0x0A)
                }
            }
            flushProse()
        }

        /// A row of a table in `;` columns: any `;` in a tabular item, three in another.
        /// The semicolons are found by `memchr` (many bytes a step): a loop over the bytes of
        /// every body line cost a tenth of an AP feed's framing.
        static func isSemicolonRow(_ raw: ArraySlice<UInt8>, isTabular: Bool) -> Bool {
            raw.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return false }
                var semicolons = 0
                var start = 0
                while start < bytes.count, let found = memchr(base + start, 0x3B, bytes.count - start) {
                    semicolons += 1
                    if isTabular || semicolons >= 3 { return true }
                    start = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
                }
                return false
            }
        }

        /// At most 80 characters, the last no sentence end (. ! ? " ' ” :).
        static func isListLine(_ line: ArraySlice<UInt8>) -> Bool {
            guard let last = line.last, line.count <= 320 else { return false }
            // The ending first: most paragraphs end a sentence, and counting characters is a
            // pass over every byte.
            if [0x2E, 0x21, 0x3F, 0x22, 0x27, 0x3A].contains(last) { return false }
            if line.count >= 3 && line.suffix(3).elementsEqual([0xE2, 0x80, 0x9D]) { return false }
            return Self.hasAtMost(80, charactersIn: line)
        }

        /// Whether `line` holds at most `limit` characters (UTF-8 lead bytes), counted through a
        /// pointer and no further than the limit: a lazy filter's count cost ~30 instructions a
        /// byte of every AP paragraph.
        static func hasAtMost(_ limit: Int, charactersIn line: ArraySlice<UInt8>) -> Bool {
            line.withUnsafeBufferPointer { bytes in
                var count = 0
                for byte in bytes where byte & 0xC0 != 0x80 {
                    count += 1
                    if count > limit { return false }
                }
                return true
            }
        }
    }
}

/// Rows of cells laid out in columns two spaces apart: a table the reader keeps as it is.
/// Widths count Unicode scalars: the same as characters for the tables agencies send, and cheaper.
enum TableLayout {
    /// The table's lines joined by LF, each without trailing spaces (a line left empty is left
    /// out), and how many lines. Made in one buffer of its size through pointers: laying out
    /// lines as slices that were then joined again, with an Array's checks at every cell, cost
    /// ~36,000 instructions a table of an AP feed.
    static func layout(_ rows: [Range<Int>], cells: [Range<Int>], text: [UInt8]) -> (bytes: [UInt8], lines: Int) {
        guard !rows.isEmpty else { return ([], 0) }
        var lowest = Int.max
        var highest = Int.min
        var columns = 0
        for row in rows {
            lowest = min(lowest, row.lowerBound)
            highest = max(highest, row.upperBound)
            columns = max(columns, row.count)
        }
        var cellWidths = [Int](repeating: 0, count: highest - lowest)
        var widths = [Int](repeating: 0, count: columns)
        var lineCount = 0
        let bytes = text.withUnsafeBufferPointer { text in
            cells.withUnsafeBufferPointer { cells in
                cellWidths.withUnsafeMutableBufferPointer { cellWidths in
                    widths.withUnsafeMutableBufferPointer { widths in
                        layout(rows, cells: cells, text: text, lowest: lowest, cellWidths: cellWidths, widths: widths, lineCount: &lineCount)
                    }
                }
            }
        }
        return (bytes, lineCount)
    }

    private static func layout(
        _ rows: [Range<Int>], cells: UnsafeBufferPointer<Range<Int>>, text: UnsafeBufferPointer<UInt8>, lowest: Int,
        cellWidths: UnsafeMutableBufferPointer<Int>, widths: UnsafeMutableBufferPointer<Int>, lineCount: inout Int
    ) -> [UInt8] {
        // Each cell's width, counted once. A table's cells lie one after another in `text`:
        // where all their bytes are ASCII (most tables), a width is the cell's byte count,
        // and no cell's bytes need counting one by one.
        let tableCells = UnsafeBufferPointer(rebasing: cells[lowest..<(lowest + cellWidths.count)])
        let span = Self.span(of: tableCells)
        if WordAtATime.isASCII(UnsafeBufferPointer(rebasing: text[span])) {
            for (index, cell) in tableCells.enumerated() { cellWidths[index] = cell.count }
        } else {
            for (index, cell) in tableCells.enumerated() {
                var width = 0
                for byte in text[cell] where byte & 0xC0 != 0x80 { width += 1 }
                cellWidths[index] = width
            }
        }
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cellWidths[cell - lowest]) }
        }
        // Each row's bytes: its cells, the spaces that pad all but its last, and an LF.
        var size = 0
        for row in rows {
            for (column, cell) in row.enumerated() {
                size += cells[cell].count
                if column < row.count - 1 { size += widths[column] - cellWidths[cell - lowest] + 2 }
            }
            size += 1
        }
        // Sixteen bytes of room past the table: a short cell or padding is written as two 8-byte
        // stores (what follows overwrites the excess), where a `memcpy` and a `memset` call a cell
        // cost about a third of the layout.
        return [UInt8](unsafeUninitializedCapacity: size + 16) { out, written in
            let base = out.baseAddress!
            for row in rows {
                let lineStart = written
                if lineCount > 0 {
                    base[written] = 0x0A
                    written += 1
                }
                let contentStart = written
                for (column, cell) in row.enumerated() {
                    let bytes = cells[cell]
                    if bytes.count <= 16 && bytes.lowerBound + 16 <= text.count {
                        let source = UnsafeRawPointer(text.baseAddress! + bytes.lowerBound)
                        let target = UnsafeMutableRawPointer(base + written)
                        target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
                        target.storeBytes(of: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
                        written += bytes.count
                    } else if !bytes.isEmpty {
                        (base + written).initialize(from: text.baseAddress! + bytes.lowerBound, count: bytes.count)
                        written += bytes.count
                    }
                    if column < row.count - 1 {
                        let padding = widths[column] - cellWidths[cell - lowest] + 2
                        if padding <= 16 {
                            let target = UnsafeMutableRawPointer(base + written)
                            target.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, as: UInt64.self)
                            target.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: 8, as: UInt64.self)
                        } else {
                            (base + written).initialize(repeating: 0x20, count: padding)
                        }
                        written += padding
                    }
                }
                // Trailing spaces only: an empty first cell (a heading row's) keeps its width.
                while written > contentStart, base[written - 1] == 0x20 { written -= 1 }
                if written > contentStart { lineCount += 1 } else { written = lineStart }
            }
        }
    }

    /// The bytes from the lowest start to the highest end of `cells` (empty for none).
    static func span(of cells: UnsafeBufferPointer<Range<Int>>) -> Range<Int> {
        guard var lower = cells.first?.lowerBound else { return 0..<0 }
        var upper = lower
        for cell in cells {
            lower = min(lower, cell.lowerBound)
            upper = max(upper, cell.upperBound)
        }
        return lower..<upper
    }
}
