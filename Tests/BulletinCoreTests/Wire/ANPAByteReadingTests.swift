@testable import BulletinCore
import Testing

/// The ANPA-1312 text reader reads among bytes what it read through Strings or a byte at a time:
/// an ASCII caret line (`^` header lines: slug line, headline, photo, `Eds:`, byline), the last
/// "< ^" segment of a line, a table row eight bytes a step. Each reading must give what the one
/// it replaces gives: these compare them, line after line.
@Suite struct ANPAByteReadingTests {
    /// What a caret line can change in the reader.
    static func state(_ reader: ANPAReader.TextReader) -> String {
        "\(reader.slugLine as Any)|\(reader.headline as Any)|\(reader.byline as Any)|\(reader.afterByline)|"
            + "\(reader.ednotes)|\(reader.agencyHint as Any)|\(reader.body)|\(Array(reader.text[0..<reader.text.count]))"
    }

    /// Reads `lines` (each the bytes after its caret) both ways, comparing after every line.
    static func expectSameReading(_ lines: [[UInt8]], _ label: String) {
        var bytes = ANPAReader.TextReader(isTabular: false, bodyBytes: 4096)
        var strings = ANPAReader.TextReader(isTabular: false, bodyBytes: 4096)
        for line in lines {
            bytes.sawCaretLine = true
            strings.sawCaretLine = true
            if !bytes.readCaretLine(ascii: line[...]) { bytes.readCaretLineAsText(line[...]) }
            strings.readCaretLineAsText(line[...])
            #expect(state(bytes) == state(strings), "\(label): \(String(decoding: line, as: UTF8.self).debugDescription)")
        }
    }

    @Test func everyCaretLineOfTheAPFixtures() throws {
        var files = 0
        for path in WireFixtureTests.all where path.contains("/ap-") {
            let bytes = try WireFixtureTests.bytes(path)[...]
            let lines = WireLines.lines(bytes).compactMap { line -> [UInt8]? in
                guard let caret = line.firstIndex(of: 0x5E) else { return nil }
                return Array(line[(caret + 1)...])
            }
            #expect(!lines.isEmpty, "\(path)")
            Self.expectSameReading(lines, path)
            files += 1
        }
        #expect(files >= 5)
    }

    @Test func linesMadeToTryEachRule() {
        let abstract = String(repeating: "An abstract under the headline that runs on well past eighty characters ", count: 2)
        let sequences: [[String]] = [
            ["BC-Example-Story,0420<", "Example `quoted' headline _ with a dash<", abstract + "<",
             "By JANE ROE=", "Associated Press Writer=", "A caret paragraph of text.<"],
            ["AP-Top-Headlines,0176< ^AP-Top-Headlines,0176<", "   <", "=", "\t^\u{10}Headline\u{7} with controls\t<=  "],
            ["Eds: Moves on general news.<", "(Eds: Note the time.)<", "EDITOR'S NOTE _ A note.<", "editors note - another<",
             "eds note: a third<", "AP Photo NY101<", "ap video<", "AP GRAPHIC<", "ap audio clip<"],
            ["Headline first<", "By   JOHN DOE  =", "AP Sports Writer=", "By Someone Else=", "Associated Press=", "Not a byline<"],
            ["BC--Double-dash,0100<", "A headline _ and more<", "Short line<", "BY RICHARD ROE=", "The Associated Press=",
             "AP Special Correspondent=", "Chief Editor="],
            ["Une dépêche accentuée<", "By José Pérez=", "AP Writer=", "Ça suit<"],
            ["", "<", "   ", "A<", "By=", "by x="],
        ]
        for (number, lines) in sequences.enumerated() {
            Self.expectSameReading(lines.map { Array($0.utf8) }, "sequence \(number)")
        }
    }

    /// The part after the last "< ^", as a loop over every byte from the end found it.
    static func referenceSegment(_ raw: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var index = raw.endIndex - 3
        while index >= raw.startIndex {
            if raw[index] == 0x3C && raw[index + 1] == 0x20 && raw[index + 2] == 0x5E { return raw[(index + 3)...] }
            index -= 1
        }
        return raw
    }

    @Test func theLastSegmentOfALine() throws {
        var lines = [
            "", "^", "< ^", "x< ^", "< ^x", "*9006< ^AP-Top-Entertainment-Headlines,0176<", "a< ^b< ^c", "a< ^b<  ^c",
            "^^^^^^^^^^^^^^^^^^^^", "< ^< ^< ^< ^< ^< ^", "0123456789< ^0123456789abcdef", "abcdefgh< ^", "<^ ^< ^^",
            String(repeating: "x", count: 40) + "< ^" + String(repeating: "y", count: 3), "ab< ^" + String(repeating: "^", count: 17),
        ]
        for path in WireFixtureTests.all where path.contains("/ap-") {
            lines += WireLines.lines(try WireFixtureTests.bytes(path)[...]).map { String(decoding: $0, as: UTF8.self) }
        }
        for line in lines {
            let whole = Array(("..." + line + "...").utf8)
            let raw = whole[3..<(whole.count - 3)]  // a slice inside its array, as the reader has it
            #expect(ANPAReader.TextReader.lastSegment(raw) == Self.referenceSegment(raw), "\(line.debugDescription)")
        }
    }

    /// A row's cells as the byte-at-a-time loop read them.
    static func referenceCells(_ raw: [UInt8]) -> [[UInt8]] {
        var out: [UInt8] = []
        var cells: [[UInt8]] = []
        var cellStart = 0
        var previousWasSeparator = false
        func trimmed(_ bytes: ArraySlice<UInt8>, endMarks: Bool) -> [UInt8] {
            var bytes = bytes
            while let last = bytes.last, last == 0x20 || endMarks && (last == 0x3C || last == 0x3D) { bytes = bytes.dropLast() }
            while bytes.first == 0x20 { bytes = bytes.dropFirst() }
            return Array(bytes)
        }
        func close(endMarks: Bool) {
            cells.append(trimmed(out[cellStart...], endMarks: endMarks))
            cellStart = out.count
        }
        for byte in raw {
            switch byte {
            case 0x3B, 0x1E, 0x1F:
                if byte == 0x3B || !previousWasSeparator { close(endMarks: false) }
                previousWasSeparator = byte != 0x3B
                continue
            case 0x10, 0x09: out.append(0x20)
            case 0x00..<0x20, 0x7F: break
            default: out.append(byte)
            }
            if byte != 0x20 { previousWasSeparator = false }
        }
        close(endMarks: true)
        if let first = cells.first, first.first == 0x5E { cells[0] = trimmed(first.dropFirst(), endMarks: false) }
        while cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }

    @Test func tableRowsEightBytesAStep() throws {
        var rows = [
            "\u{8}Team;W;L;Pct;GB<", "\u{8}^;W;L;Pct<", "a\u{1E}b\u{1F}\u{1E}c", "abc\u{1E}        \u{1E}def", "abcdefgh\u{1E}\u{1E}ijklmnop",
            "\u{8}Boston\u{10}Celtics;  41;  12;  .774;   -  =", "\u{8};;;;", "\u{8}", "\u{8}      ;        ;         <=",
            "\u{8}Zürich\tFC;Grasshoppers   ;São Paulo;;", "\u{8}\u{7}ctl\u{7F}bytes\u{1} in a long cell;x", "x;" + String(repeating: "y", count: 33),
            "\u{8}\u{1E}        \u{1F}        \u{1E}a", "\u{8}12345678;12345678;1234567;123456789<<",
        ]
        for path in WireFixtureTests.all where path.contains("/ap-") || path.contains("/r87-") {
            rows += WireLines.lines(try WireFixtureTests.bytes(path)[...]).filter { $0.first == 0x08 || $0.contains(0x3B) }
                .map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(rows.count > 100)
        for row in rows {
            var reader = ANPAReader.TextReader(isTabular: true, bodyBytes: 256)
            let bytes = Array(row.utf8)
            reader.readRow(bytes[...])
            guard case .row(let range) = try #require(reader.body.last) else {
                Issue.record("no row")
                continue
            }
            let cells = reader.cells[range].map { Array(reader.text[$0]) }
            #expect(cells == Self.referenceCells(bytes), "\(row.debugDescription)")
        }
    }
}
