/// One pass over UTF-8 bytes that unifies line endings (LF, CRLF, CR, NEL, U+2028/9),
/// turns every kind of space into ASCII space, expands tabs, drops invisible characters
/// (zero-width, bidi marks, soft hyphen, stray controls) and splits into lines.
/// Inner runs of spaces are kept: preformatted blocks need their alignment.
enum TextCleaner {
    static let tabStop = 8

    /// `tabs` is how many tab characters `input` holds (screening counts them).
    static func clean(_ input: UnsafeBufferPointer<UInt8>, tabs: Int) -> CleanText {
        // Output never outgrows the input except where a tab becomes spaces; the space
        // after each line takes the place of its line break (the last one, of the +1).
        let capacity = input.count + tabs * (tabStop - 1) + 1
        // `TextLine` keeps offsets and columns in 32 bits: `BulletinParser.largestText` keeps
        // every text it parses under this.
        precondition(capacity <= Int(UInt32.max), "text too large for 32-bit line offsets")
        var lines: [TextLine] = []
        // A large text's lines are sized once: grown by doubling, the array of a file of tiny
        // lines held up to twice their 24 bytes each for the rest of the parse (issue #14). A
        // bulletin's few lines are not worth the pass.
        let expectedLines = input.count > largeText ? lineCountBound(input) : 64
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { output, initializedCount in
            var builder = LineBuilder(output: output.baseAddress!, expectedLines: expectedLines)
            scan(input, into: &builder)
            builder.endLine()
            initializedCount = builder.count
            lines = builder.lines
        }
        return CleanText(bytes: bytes, lines: lines)
    }

    /// Over this many bytes, the text's lines are counted before they are made.
    static let largeText = 1 << 20

    /// At least as many lines as `scan` makes of `input` (nearly always exactly that many):
    /// every line break after a line holding anything but spaces and tabs ends a line, every
    /// form feed is a line of its own, and so is the text after the last break. A line of
    /// nothing but invisible characters is counted though the cleaner drops it.
    static func lineCountBound(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        let spaces: UInt64 = 0x2020_2020_2020_2020
        var lines = 1
        var content = false
        var index = 0
        let count = input.count
        while index < count {
            // Bytes from 0x0E up, but for the lead bytes of NEL and of the line and paragraph
            // separators (0xC2, 0xE2), hold no line break (nor a tab): they only make the line one
            // with content, unless all are spaces. Most of a text, in any script, is such bytes:
            // taken eight at a time, or up to the first byte that may break a line, which the
            // byte loop reads. The byte loop alone cost ~12 instructions a byte, a sixth of a
            // 4 MB bulletin's parse.
            if index + 8 <= count {
                let word = WordAtATime.load(input, at: index)
                // A high bit in each ASCII byte below 0x0E (the sum cannot carry: seven bits each).
                var breaks = ~((word & ~WordAtATime.high) &+ WordAtATime.ones &* 0x72) & ~word & WordAtATime.high
                if word & WordAtATime.high != 0 {
                    breaks |= WordAtATime.bytesEqual(word, 0xC2) | WordAtATime.bytesEqual(word, 0xE2)
                }
                if breaks == 0 {
                    if word != spaces { content = true }
                    index &+= 8
                    continue
                }
                let plain = breaks.trailingZeroBitCount &>> 3
                if plain > 0 {
                    if (word ^ spaces) & ((1 &<< UInt64(plain &* 8)) &- 1) != 0 { content = true }
                    index &+= plain
                }
            }
            let byte = input[index]
            index += 1
            switch byte {
            case 0x20, 0x09: continue
            case 0x0A, 0x0B, 0x0D:
                if content { lines += 1 }
                content = false
            case 0x0C:
                lines += content ? 2 : 1
                content = false
            case 0xC2 where index < count && input[index] == 0x85:  // NEL
                if content { lines += 1 }
                content = false
                index += 1
            case 0xE2 where index + 1 < count && input[index] == 0x80 && (input[index + 1] == 0xA8 || input[index + 1] == 0xA9):
                if content { lines += 1 }  // line and paragraph separators
                content = false
                index += 2
            default:
                content = true
            }
        }
        return lines
    }

    private static func scan(_ input: UnsafeBufferPointer<UInt8>, into builder: inout LineBuilder) {
        let count = input.count
        var index = 0
        while index < count {
            let byte = input[index]
            if byte >= 0x20 && byte < 0x7F {
                // Printable ASCII comes in long runs: find each run's end a word at a time, copy it in one go.
                let end = WordAtATime.printableRunEnd(input, from: index + 1)
                builder.appendPrintableRun(input, index..<end)
                index = end
                continue
            }
            switch byte {
            case 0x20:
                builder.appendSpaces(1)
                index += 1
            case 0x0A, 0x0B:
                builder.endLine()
                index += 1
            case 0x0D:
                builder.endLine()
                index += (index + 1 < count && input[index + 1] == 0x0A) ? 2 : 1
            case 0x0C:
                builder.endLine()
                builder.appendFormFeed()
                index += 1
            case 0x09:
                builder.appendSpaces(tabStop - builder.column % tabStop)
                index += 1
            case 0x00..<0x80:
                index += 1  // other C0 controls and DEL carry no text
            default:
                index += cleanMultibyte(input, at: index, into: &builder)
            }
        }
    }

    /// Handles one non-ASCII scalar; returns how many bytes it used.
    private static func cleanMultibyte(
        _ input: UnsafeBufferPointer<UInt8>, at index: Int, into builder: inout LineBuilder
    ) -> Int {
        let lead = input[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard index + length <= input.count, length > 1 else { return 1 }
        let second = input[index + 1]
        switch lead {
        case 0xC2:
            switch second {
            case 0xA0:
                builder.appendSpaces(1)
                return 2  // no-break space
            case 0x85:
                builder.endLine()
                return 2  // NEL
            case 0xAD, 0x80...0x9F: return 2  // soft hyphen, C1 controls
            default: break
            }
        case 0xE2 where second == 0x80:
            switch input[index + 2] {
            case 0x80...0x8A, 0xAF:
                builder.appendSpaces(1)
                return 3  // en quad…hair, narrow no-break
            case 0x8B...0x8F, 0xAA...0xAE: return 3  // zero-width and bidi marks
            case 0xA8, 0xA9:
                builder.endLine()
                return 3  // line and paragraph separators
            default: break
            }
        case 0xE2 where second == 0x81:
            switch input[index + 2] {
            case 0x9F:
                builder.appendSpaces(1)
                return 3  // medium mathematical space
            case 0xA0...0xA4, 0xA6...0xAF: return 3  // word joiner, invisible operators, isolates
            default: break
            }
        case 0xE3 where second == 0x80 && input[index + 2] == 0x80:
            builder.appendSpaces(1)  // ideographic space
            return 3
        case 0xEF where second == 0xBB && input[index + 2] == 0xBF:
            return 3  // a byte-order mark inside the text is a zero-width no-break space
        default:
            break
        }
        builder.appendScalar(input, from: index, length: length)
        return length
    }
}

/// Writes cleaned bytes into a buffer sized by `TextCleaner.clean` and records lines.
struct LineBuilder {
    let output: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var lines: [TextLine] = []
    private(set) var column = 0
    private var contentStart = -1
    private var contentEnd = 0
    private var indent = 0
    private var widthAtContentEnd = 0
    private var blankRun = 0

    /// `expectedLines`: room made at once (a bulletin has dozens of lines: 64 rather than
    /// regrow from one; a large text, its count, `TextCleaner.lineCountBound`).
    init(output: UnsafeMutablePointer<UInt8>, expectedLines: Int = 64) {
        self.output = output
        lines.reserveCapacity(expectedLines)
    }

    @inline(__always)
    mutating func appendVisible(_ byte: UInt8) {
        if contentStart < 0 { markContent() }
        output[count] = byte
        count += 1
        column += 1
        contentEnd = count
        widthAtContentEnd = column
    }

    /// Printable ASCII, spaces included: leading spaces become indent, the rest is copied.
    mutating func appendPrintableRun(_ input: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) {
        var start = run.lowerBound
        if contentStart < 0 {
            while start < run.upperBound && input[start] == 0x20 { start += 1 }
            column += start - run.lowerBound
            guard start < run.upperBound else { return }
            markContent()
        }
        let length = run.upperBound - start
        (output + count).update(from: input.baseAddress! + start, count: length)
        count += length
        column += length
        var lastVisible = run.upperBound - 1
        while input[lastVisible] == 0x20 { lastVisible -= 1 }  // stops at the first visible byte at worst
        let trailingSpaces = run.upperBound - 1 - lastVisible
        if trailingSpaces < length {
            contentEnd = count - trailingSpaces
            widthAtContentEnd = column - trailingSpaces
        }
    }

    @inline(__always)
    mutating func appendScalar(_ input: UnsafeBufferPointer<UInt8>, from index: Int, length: Int) {
        if contentStart < 0 { markContent() }
        for offset in 0..<length { output[count + offset] = input[index + offset] }
        count += length
        column += 1
        contentEnd = count
        widthAtContentEnd = column
    }

    /// Leading spaces are measured, not stored; trailing ones are dropped at the line's end.
    @inline(__always)
    mutating func appendSpaces(_ spaces: Int) {
        if contentStart >= 0 {
            for offset in 0..<spaces { output[count + offset] = 0x20 }
            count += spaces
        }
        column += spaces
    }

    mutating func appendFormFeed() {
        lines.append(
            TextLine(start: count, end: count, indent: 0, width: 0, blankLinesBefore: blankRun, isFormFeed: true))
        blankRun = 0
    }

    mutating func endLine() {
        if contentStart >= 0 {
            count = contentEnd
            let content = UnsafeBufferPointer(start: output + contentStart, count: contentEnd - contentStart)
            let marks = WordAtATime.tableMarks(content)
            lines.append(
                TextLine(
                    start: contentStart, end: contentEnd, indent: indent, width: widthAtContentEnd,
                    blankLinesBefore: blankRun, hasDoubleSpace: marks.doubleSpace,
                    mayBeTableRow: marks.doubleSpace || marks.pipeOrBoxByte,
                    endsSentence: BlockMetrics.endsSentence(content)))
            output[count] = 0x20
            count += 1
            blankRun = 0
        } else {
            blankRun += 1
        }
        contentStart = -1
        column = 0
    }

    private mutating func markContent() {
        contentStart = count
        indent = column
    }
}
