@testable import BulletinCore
import Testing

/// Byte readings of the framing readers against what they replace: a needle searched by its
/// rarest byte against a plain search, an ASCII header split among its bytes against
/// `WireLines.words`, a heading line's closing "=" told from its bytes against the String test.
@Suite struct WireByteSearchTests {
    static func plainContains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    @Test func aNeedleIsFoundWhereverItIs() throws {
        let needles = ["ryryryry", "-WF-", "--", " _ ", "note to editors", "refile", "x", "zq", "e", "Ü", "ry", "yr", "a\u{0}b"]
        var haystacks = [
            "", "r", "ry", "ryryryr", "ryryryry", "rryryryryy", "ryryryrx ryryryry", "yyyyyyyyryryryry", "-W-WF-", "a -- b",
            "a _ b", "A note to editors.", "Note To Editors", "zzq", "Zürich Ü", "a\u{0}b", "refil refile", "xyryryryrr",
        ]
        for path in WireFixtureTests.all.prefix(12) { haystacks.append(String(decoding: try WireFixtureTests.bytes(path), as: UTF8.self)) }
        for haystack in haystacks {
            for needle in needles {
                let bytes = Array(haystack.utf8)
                let found = bytes.withUnsafeBufferPointer { h in Array(needle.utf8).withUnsafeBufferPointer { ByteSearch.contains(h, $0) } }
                #expect(found == Self.plainContains(bytes, Array(needle.utf8)), "\(needle) in \(haystack.prefix(40).debugDescription)")
            }
        }
    }

    @Test func headerWordsAsStrings() {
        let lines = [
            "", " ", "eca062 4 i 211 ccccb   dpa 061", "  a  b ", "tab\tinside words", "dpa-AFX 5 wi 300", "ä ö ü", "a\r\nb c",
            "x", "bb  ", "\u{10}y z",
        ]
        for line in lines { #expect(WireLines.wordStrings(line) == WireLines.words(line).map(String.init), "\(line.debugDescription)") }
    }

    @Test func aHeadingLineEndingInEquals() throws {
        var lines = [
            "", "=", " = ", "Headline =", "Headline =\t \u{10}", "Headline = \u{7}", "a=b", "=\u{7F}", "x =\u{3}\u{3}", "= =",
            "By Jane Doe, dpa =", "Überschrift =", "\u{600}=", "Headline", "  \t  ",
        ]
        for path in WireFixtureTests.all where path.contains("/dpa-") {
            lines += WireLines.lines(try WireFixtureTests.bytes(path)[...]).map { String(decoding: $0, as: UTF8.self) }
        }
        for line in lines {
            let bytes = Array(line.utf8)[...]
            let expected = WireLines.text(bytes).trimmingSpaces.hasSuffix("=")
            if let ascii = WireLines.endsWithEquals(ascii: bytes) {
                #expect(ascii == expected, "\(line.debugDescription)")
            } else {
                #expect(line.utf8.contains { $0 >= 0x80 }, "\(line.debugDescription)")
            }
        }
    }
}
