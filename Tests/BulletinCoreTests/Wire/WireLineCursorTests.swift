@testable import BulletinCore
import Testing

/// The framing readers take an item's lines one at a time (`WireLines.Cursor`) and tell a
/// framed text's whitespace from its bytes (`WireItem.hasNonWhitespace`): both must answer as
/// the array of lines and the Character search they replace, on every way a line can end.
@Suite struct WireLineCursorTests {
    static func cursorLines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var cursor = WireLines.Cursor(bytes)
        var lines: [ArraySlice<UInt8>] = []
        while let line = cursor.next() { lines.append(line) }
        return lines
    }

    @Test func theCursorGivesTheLinesOfTheArray() throws {
        let texts = [
            "", "\n", "\r", "\r\n", "\n\r", "a", "a\n", "a\r\nb", "a\r\rb\n\n", "a\n\rb\r\n\r\nc", "\r\n\r\n\u{1}x\u{10}y\r\n",
            "Washington (dpa) - US Defence\r\nSecretary\r\n\r\n# Notebook\r\n\r\ndpa grj rmo\r\n \r\n",
        ]
        for text in texts {
            let whole = Array(("..." + text + "...").utf8)
            // A slice that starts and ends inside its array, as the readers pass an item's text.
            let bytes = whole[3..<(whole.count - 3)]
            #expect(Self.cursorLines(bytes) == WireLines.lines(bytes), "\(text.debugDescription)")
        }
        // Every line of every wire fixture.
        for path in WireFixtureTests.all {
            let bytes = try WireFixtureTests.bytes(path)[...]
            #expect(Self.cursorLines(bytes) == WireLines.lines(bytes), "\(path)")
        }
    }

    @Test func whitespaceFromBytesAnswersAsCharacters() {
        let texts = [
            "", " ", "\n\r\n\t \u{0B}\u{0C}", " x", "\n\nWashington (dpa)", "\u{1C}", "\u{7F}", " \u{A0}", "\u{A0}x",
            "\u{2003}\u{3000}", " \u{301}", "\n\u{301}a", "\r\n", "\u{85}", " \u{1F600}",
        ]
        for text in texts {
            #expect(WireItem.hasNonWhitespace(Array(text.utf8)) == text.contains(where: { !$0.isWhitespace }), "\(text.debugDescription)")
        }
    }
}
