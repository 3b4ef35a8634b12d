#if canImport(Glibc)
import Glibc
#endif

/// One item a wire framing holds: what its header says, and its body in blocks that the
/// parser's ordinary reader takes from there. Control characters are gone from every field.
struct WireItem: Sendable {
    enum Block: Sendable, Equatable {
        /// Text for the ordinary reader (paragraphs split by blank lines or indentation), in
        /// pieces that it reads joined by blank lines (joined once, not piece by piece). Kept as
        /// the UTF-8 the framing reader wrote (valid: read from a String's bytes, with only ASCII
        /// bytes dropped or written), which the reader cleans from bytes: a String made of each
        /// body validated it byte by byte first (~4 % of an AP feed's parse).
        case text([[UInt8]])
        /// A table or list, kept line for line.
        case preformatted(String)
    }

    var metadata: WireMetadata
    var headline: String?
    /// The writer, without "By ".
    var byline: String?
    var blocks: [Block] = []
    /// A dateline the framing read itself (press releases), with the credit it names.
    var dateline: String?

    init(metadata: WireMetadata) {
        self.metadata = metadata
    }
}

/// The lines of a framed item's text: CR, LF and CRLF all end a line; control characters
/// other than tab are dropped (the framings use them as markers, which the caller reads
/// before asking for the lines).
struct WireLines {
    /// The lines of `bytes` one at a time, as `lines` finds them, with no array of them: a
    /// reader that takes each line once (the ANPA and IPTC 7901 text) pays for neither the
    /// array's growth nor its release (~330 instructions a line of a dpa feed).
    struct Cursor {
        private let bytes: ArraySlice<UInt8>
        /// Where the next line starts, as an index of `bytes`.
        private var start: Int
        /// The next LF and CR at or after `start` (`endIndex` when there is none), each searched
        /// for again only once passed.
        private var nextLF: Int
        private var nextCR: Int

        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            start = bytes.startIndex
            nextLF = start - 1
            nextCR = start - 1
        }

        private func next(_ byte: UInt8, from index: Int) -> Int {
            bytes.withUnsafeBufferPointer { buffer in
                let offset = index - bytes.startIndex
                guard offset < buffer.count, let base = buffer.baseAddress,
                    let found = memchr(base + offset, Int32(byte), buffer.count - offset)
                else { return bytes.endIndex }
                return bytes.startIndex + UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            }
        }

        /// Where the next line starts, as an index of the bytes.
        var position: Int { start }

        mutating func next() -> ArraySlice<UInt8>? {
            guard start < bytes.endIndex else { return nil }
            if nextLF < start { nextLF = next(0x0A, from: start) }
            if nextCR < start { nextCR = next(0x0D, from: start) }
            let end = min(nextLF, nextCR)
            guard end < bytes.endIndex else {
                defer { start = bytes.endIndex }
                return bytes[start...]
            }
            let line = bytes[start..<end]
            start = end + 1
            if bytes[end] == 0x0D, start < bytes.endIndex, bytes[start] == 0x0A { start += 1 }
            return line
        }
    }

    static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        let offset = bytes.startIndex
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            // The next LF and the next CR, each found by `memchr` (many bytes a step) and looked
            // for again only once passed: a line's end costs no comparison per byte.
            func next(_ byte: UInt8, from start: Int) -> Int {
                guard start < count, let found = memchr(base + start, Int32(byte), count - start) else { return count }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            }
            var nextLF = next(0x0A, from: 0)
            var nextCR = next(0x0D, from: 0)
            var start = 0
            while start < count {
                if nextLF < start { nextLF = next(0x0A, from: start) }
                if nextCR < start { nextCR = next(0x0D, from: start) }
                let end = min(nextLF, nextCR)
                guard end < count else {
                    lines.append(bytes[(offset + start)...])
                    break
                }
                lines.append(bytes[(offset + start)..<(offset + end)])
                start = end + 1
                if base[end] == 0x0D, start < count, base[start] == 0x0A { start += 1 }
            }
        }
        return lines
    }

    /// The line as text: control bytes other than tab dropped (DLE, a fixed space inside a
    /// table cell, becomes a space), trailing spaces trimmed.
    static func text(_ line: ArraySlice<UInt8>) -> String {
        // Most lines (and header words) are clean and end in a visible byte: decoded from the
        // slice itself, without a copy in between.
        if let last = line.last, last != 0x20, last != 0x09, !hasControl(line) { return String(decoding: line, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        append(line, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same, appended to `out`.
    static func append(_ line: ArraySlice<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        // Most lines hold no control byte but tabs: looked at eight bytes a step, and copied at once.
        if !hasControl(line) {
            line.withUnsafeBufferPointer { out.append(contentsOf: $0) }
            while out.count > start, out[out.count - 1] == 0x20 || out[out.count - 1] == 0x09 { out.removeLast() }
            return
        }
        var index = line.startIndex
        while index < line.endIndex {
            var run = index
            while run < line.endIndex, line[run] >= 0x20 && line[run] != 0x7F || line[run] == 0x09 { run += 1 }
            out.append(contentsOf: line[index..<run])
            guard run < line.endIndex else { break }
            if line[run] == 0x10 { out.append(0x20) }
            index = run + 1
        }
        while out.count > start, out[out.count - 1] == 0x20 || out[out.count - 1] == 0x09 { out.removeLast() }
    }

    /// A control byte other than tab: what `text` and `append` drop.
    private static func hasControl(_ line: ArraySlice<UInt8>) -> Bool {
        line.withUnsafeBufferPointer(WordAtATime.containsControlOtherThanTab)
    }

    /// `text.contains(needle)`, which resolves to Foundation's search (`NSString.range(of:)`,
    /// ~5,000 instructions a call) in this module: among the bytes where `text` is ASCII (a
    /// byte is then a Character, and the answer is the same), by Foundation's search otherwise.
    static func contains(_ text: String, literal needle: StaticString) -> Bool {
        var text = text
        if let ascii = text.withUTF8({ bytes -> Bool? in
            guard WordAtATime.isASCII(bytes) else { return nil }
            return ByteSearch.contains(bytes, needle)
        }) {
            return ascii
        }
        return text.contains(needle.description)
    }

    /// Whether `text` holds the ASCII `needle`: a search of its bytes, where String's own
    /// search would compare characters.
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { haystack in needle.withUTF8Buffer { ByteSearch.contains(haystack, $0) } }
    }

    /// Whether `bytes` hold the ASCII `needle`, ignoring ASCII case.
    static func contains<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, ignoringCase needle: StaticString) -> Bool
    where Bytes.Index == Int {
        let count = needle.utf8CodeUnitCount
        guard count > 0, bytes.count >= count else { return count == 0 }
        if let found = bytes.withContiguousStorageIfAvailable({ contains($0, ignoringCase: needle) }) { return found }
        let expected = needle.utf8Start
        var start = bytes.startIndex
        while start + count <= bytes.endIndex {
            var offset = 0
            while offset < count, ByteScalars.asciiLower(bytes[start + offset]) == ByteScalars.asciiLower(expected[offset]) {
                offset += 1
            }
            if offset == count { return true }
            start += 1
        }
        return false
    }

    /// The same through a pointer, a position ruled out by its first byte: the generic loop cost
    /// ~1,100 instructions an AP caret line ("associated press" looked for in every one).
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, ignoringCase needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        let expected = needle.utf8Start
        let first = ByteScalars.asciiLower(expected[0])
        var start = 0
        while start + count <= bytes.count {
            if ByteScalars.asciiLower(bytes[start]) == first {
                var offset = 1
                while offset < count, ByteScalars.asciiLower(bytes[start + offset]) == ByteScalars.asciiLower(expected[offset]) {
                    offset += 1
                }
                if offset == count { return true }
            }
            start += 1
        }
        return false
    }

    /// Whether `bytes` end with the ASCII `suffix`, ignoring ASCII case.
    static func hasSuffix(_ bytes: ArraySlice<UInt8>, ignoringCase suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return ByteScalars.hasPrefix(bytes.suffix(count), suffix, caseInsensitive: true)
    }

    /// `line.split(separator: " ")`, the same words, found among the bytes where the line is
    /// ASCII without CR (a byte is then a Character): splitting by Characters cost more than
    /// reading the rest of a header.
    static func words(_ line: String) -> [Substring] {
        let utf8 = line.utf8
        guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return line.split(separator: " ") }
        var words: [Substring] = []
        var start: String.Index?
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == 0x20 {
                if let open = start { words.append(line[open..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = utf8.index(after: index)
        }
        if let open = start { words.append(line[open...]) }
        return words
    }

    /// `words(line).map(String.init)`: an ASCII line without CR split among its bytes, each word
    /// made a String once (the UTF-8 index walk, the Substrings and their copies cost ~5,000
    /// instructions a dpa header line).
    static func wordStrings(_ line: String) -> [String] {
        var line = line
        if let ascii = line.withUTF8({ bytes -> [String]? in
            guard WordAtATime.isASCII(bytes), !bytes.contains(0x0D) else { return nil }
            var words: [String] = []
            words.reserveCapacity(8)
            var start = 0
            while start < bytes.count {
                guard bytes[start] != 0x20 else {
                    start += 1
                    continue
                }
                var end = start
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end
            }
            return words
        }) {
            return ascii
        }
        return words(line).map(String.init)
    }

    /// Whether `WireLines.text(line).trimmingSpaces.hasSuffix("=")`, told from the bytes of an
    /// ASCII line (the last byte that `text` keeps and no trimming takes off is "="); nil for any
    /// other line, where a Character may join bytes.
    static func endsWithEquals(ascii line: ArraySlice<UInt8>) -> Bool? {
        line.withUnsafeBufferPointer { bytes -> Bool? in
            guard WordAtATime.isASCII(bytes) else { return nil }
            var end = bytes.count
            while end > 0, bytes[end - 1] <= 0x20 || bytes[end - 1] == 0x7F { end -= 1 }
            return end > 0 && bytes[end - 1] == 0x3D
        }
    }

    /// The line without its leading spaces and tabs.
    static func unindented(_ text: String) -> Substring {
        Substring(text).drop { $0 == " " || $0 == "\t" }
    }
}

extension WireItem {
    /// Adds a paragraph of prose (a blank line keeps it apart from the next).
    mutating func appendParagraph(_ text: String) { appendParagraph(Array(text.utf8)) }

    /// The same for valid UTF-8.
    mutating func appendParagraph(_ text: [UInt8]) {
        guard !text.isEmpty else { return }
        if case .text(var pieces) = blocks.last {
            blocks.removeLast()  // so that `pieces` is the only reference and grows in place
            pieces.append(text)
            blocks.append(.text(pieces))
        } else {
            blocks.append(.text([text]))
        }
    }

    mutating func appendText(_ text: String) { appendText(Array(text.utf8)) }

    /// The same for valid UTF-8.
    mutating func appendText(_ text: [UInt8]) {
        guard Self.hasNonWhitespace(text) else { return }
        appendParagraph(text)
    }

    /// `String(decoding: text, as: UTF8.self).contains { !$0.isWhitespace }`, told from the
    /// first byte that is not an ASCII space or line break when that byte is ASCII: a
    /// Character's whitespace is its first scalar's, and no ASCII byte after such a byte joins
    /// its Character. Walking Characters from the start cost ~2,000 instructions a dpa item.
    static func hasNonWhitespace(_ text: [UInt8]) -> Bool {
        for byte in text where byte != 0x20 && (byte < 0x09 || byte > 0x0D) {
            return byte < 0x80 ? true : String(decoding: text, as: UTF8.self).contains(where: { !$0.isWhitespace })
        }
        return false
    }

    /// Adds lines kept as they are (a table, a list, a notice's block); a tab inside a line
    /// becomes spaces to the next column of eight, so the columns stay and no tab reaches a field.
    mutating func appendPreformatted(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        let lines = lines.map(Self.expandingTabs)
        if lines.count == 1 {
            appendParagraph(lines[0])
        } else {
            blocks.append(.preformatted(lines.joined(separator: "\n")))
        }
    }

    /// The same for lines as bytes, joined into one string at once.
    mutating func appendPreformatted(lines: [ArraySlice<UInt8>]) {
        guard lines.count > 1, !lines.contains(where: { $0.contains(0x09) }) else {
            appendPreformatted(lines.map { String(decoding: $0, as: UTF8.self) })
            return
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(lines.reduce(lines.count) { $0 + $1.count })
        for line in lines {
            if !joined.isEmpty { joined.append(0x0A) }
            joined.append(contentsOf: line)
        }
        blocks.append(.preformatted(String(decoding: joined, as: UTF8.self)))
    }

    /// The same for `count` lines already joined by LF (none of them empty): as
    /// `appendPreformatted(lines:)` joins them, without splitting them first.
    mutating func appendPreformatted(joinedLines joined: [UInt8], count: Int) {
        guard count > 1, !joined.contains(0x09) else {
            appendPreformatted(lines: count == 0 ? [] : joined.split(separator: 0x0A, omittingEmptySubsequences: false))
            return
        }
        blocks.append(.preformatted(String(decoding: joined, as: UTF8.self)))
    }

    static func expandingTabs(_ line: String) -> String {
        guard line.utf8.contains(0x09) else { return line }
        var out = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = 8 - column % 8
                out += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                out.append(character)
                column += 1
            }
        }
        return out
    }
}
