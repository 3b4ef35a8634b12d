import Foundation
import Testing

@testable import BulletinCore

/// UAX #15's Stream-Safe Text Process, which keeps normalization linear. How fast a bomb is
/// handled is the benchmark's to measure (`make bench-parser`); these check what the text becomes.
@Suite("Stream-safe text")
struct StreamSafeTextTests {
    static let joiner: Unicode.Scalar = "\u{34F}"

    func marks(_ count: Int, _ mark: Character = "\u{301}") -> String { String(repeating: mark, count: count) }

    func joiners(_ text: String) -> Int { text.unicodeScalars.count { $0 == Self.joiner } }

    @Test func textWithoutLongRunsIsTheSameString() {
        for text in ["", "Plain ASCII headline\n\nBody.", "Réunion à Genève, ǘ, Ελλάδα, Москва", "e" + marks(30), "가나다 中文 ﾊﾟ"] {
            #expect(StreamSafeText.limited(text) == text)
            #expect(StreamSafeText.cutPositions(Array(text.utf8).withUnsafeBufferPointer { $0 }).isEmpty)
        }
    }

    @Test func aJoinerGoesBeforeTheThirtyFirstMark() {
        let limited = StreamSafeText.limited("e" + marks(31) + " next")
        #expect(limited.unicodeScalars.map(\.value) == [0x65] + Array(repeating: 0x301, count: 30) + [0x34F, 0x301] + Array(" next".unicodeScalars.map(\.value)))
    }

    /// The count follows the decomposition: `ǘ` already ends in two marks, `ﾞ` is one, and
    /// U+0344 is two in one scalar.
    @Test(arguments: [
        ("\u{1D8}" + String(repeating: "\u{301}", count: 28), 0),
        ("\u{1D8}" + String(repeating: "\u{301}", count: 29), 1),
        ("a" + String(repeating: "\u{344}", count: 15), 0),
        ("a" + String(repeating: "\u{344}", count: 16), 1),
        ("ｶ" + String(repeating: "\u{FF9E}", count: 31), 1),
        ("a" + String(repeating: "\u{301}", count: 90), 2),
        ("a" + String(repeating: "\u{301}", count: 91), 3),
    ])
    func runsCountDecomposedMarks(_ text: String, expectedJoiners: Int) {
        #expect(joiners(StreamSafeText.limited(text)) == expectedJoiners)
    }

    /// Every run in the result is at most 30 long, and nothing but joiners was added.
    @Test func theBombLosesNothingAndEveryRunIsShort() throws {
        let bomb = "Bomb headline\n\nA" + String(repeating: "\u{301}\u{316}", count: 20_000) + " and after.\n"
        let limited = StreamSafeText.limited(bomb)
        #expect(String(limited.unicodeScalars.filter { $0 != Self.joiner }.map(Character.init)) == bomb)
        var run = 0
        var longest = 0
        for scalar in limited.unicodeScalars {
            run = scalar.properties.canonicalCombiningClass == .notReordered ? 0 : run + 1
            longest = max(longest, run)
        }
        #expect(longest == 30)
        #expect(joiners(limited) == 40_000 / 30)

        // The parser keeps every mark (reordered within each run by NFC, the first U+0301
        // composed with the A: decomposed again here, which the joiners keep linear).
        let story = try #require(try BulletinParser().parse(bomb).first)
        let body = story.paragraphs.joined().decomposedStringWithCanonicalMapping
        #expect(body.unicodeScalars.count { $0 == "\u{301}" } == 20_000)
        #expect(body.unicodeScalars.count { $0 == "\u{316}" } == 20_000)
    }

    /// The generated table is what the toolchain's own Unicode data says (a stale table fails
    /// here: regenerate it with scripts/generate-stream-safe-table.swift).
    @Test func trailingCountsMatchFoundationsDecompositions() {
        var mismatches: [String] = []
        for value in UInt32(0x80)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.canonicalCombiningClass == .notReordered else { continue }
            let decomposition = Array(String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars)
            let isMark = { (s: Unicode.Scalar) in s.properties.canonicalCombiningClass != .notReordered }
            guard let first = decomposition.first else { continue }
            let expected = isMark(first) ? 0 : decomposition.reversed().prefix(while: isMark).count
            if StreamSafeText.trailingNonStarters(of: scalar) != expected {
                mismatches.append(String(value, radix: 16))
            }
            // Starters that are all marks once decomposed are listed by hand.
            if isMark(first), StreamSafeText.nonStarters(scalar) != decomposition.count {
                mismatches.append("lead " + String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}
