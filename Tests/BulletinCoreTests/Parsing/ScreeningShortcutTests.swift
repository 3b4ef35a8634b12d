import Testing

@testable import BulletinCore

/// `TextScreening.tabsWithNothingToNormalize`, the framed body's shortcut past `screen`, must
/// say what `screen` says of every text it answers for: no line to normalize, and as many tabs.
/// An equivalence guard: it passes on the code before the shortcut was taken too.
@Suite struct ScreeningShortcutTests {
    /// Pseudo-random texts (valid UTF-8, as a String's bytes are) of ASCII, tabs, line breaks,
    /// two-byte letters below U+0300 and scalars from U+0300 up (a combining mark, a curly
    /// quote, a CJK letter, an emoji), of which only U+2000–U+20BF are answered without `screen`.
    static func samples() -> [String] {
        var state: UInt64 = 0x0F1E_2D3C_4B5A_6978
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let pieces = ["a", "Z", " ", "\t", "\t\t", "\n", "\r\n", "\u{7F}", "\u{1}", "é", "ü", "ß", "\u{2C6}", "\u{300}", "\u{2019}", "\u{201E}", "\u{20AC}", "\u{2070}", "\u{20D0}", "\u{2126}", "中", "😀", "12345678"]
        return (0..<600).map { _ in (0..<(next() % 48)).map { _ in pieces[next() % pieces.count] }.joined() }
    }

    static func check(_ text: String) {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            let verdict = TextScreening.screen(bytes)
            if let tabs = TextScreening.tabsWithNothingToNormalize(bytes) {
                #expect(verdict.linesToNormalize.isEmpty, "\(text.debugDescription)")
                #expect(tabs == verdict.tabs, "\(text.debugDescription)")
            } else {
                #expect(bytes.contains { $0 >= 0xCC }, "\(text.debugDescription)")
            }
        }
    }

    @Test func answersAsTheScreenDoes() {
        for sample in Self.samples() { Self.check(sample) }
    }

    @Test func answersAsTheScreenDoesForEveryWireFixture() throws {
        for path in WireFixtureTests.all {
            Self.check(String(decoding: try WireFixtureTests.bytes(path), as: UTF8.self))
        }
    }

    @Test func leavesTextWithMarksToTheScreen() {
        var text = "Cafe\u{301}\tau lait"
        #expect(text.withUTF8 { TextScreening.tabsWithNothingToNormalize($0) } == nil)
        text = "Zürich\t\tBern\tGenève"
        #expect(text.withUTF8 { TextScreening.tabsWithNothingToNormalize($0) } == 3)
        text = "\u{201E}Ja\u{201C}, sagte sie \u{2013} f\u{FC}r 5\u{20AC}.\t"
        #expect(text.withUTF8 { TextScreening.tabsWithNothingToNormalize($0) } == 1)
    }
}
