import Crypto

/// A story's stable id, its exact identity: the first 16 bytes of SHA-256 of its normalized
/// text, held as two words; written as 32 lower-case hex digits (`hex`). The same normalized
/// text always gets the same id, on any machine.
package struct StoryID: Sendable, Hashable {
    var high: UInt64
    var low: UInt64

    /// The id of `story`'s normalized text.
    package init(of story: Story) {
        self.init(FoldedText(headline: story.headline, body: story.bodyText))
    }

    init(_ folded: FoldedText) {
        self.init(digestPrefix: SHA256.hash(data: folded.bytes))
    }

    /// The text that exact matching compares: headline + "\n\n" + bodyText, with case,
    /// whitespace, punctuation, quote and dash styles folded (and Unicode compatibility forms,
    /// e.g. NBSP, fullwidth). Pure and stable across machines (see `FoldedText` for the rules).
    package static func normalizedText(of story: Story) -> String {
        FoldedText(headline: story.headline, body: story.bodyText).text
    }

    /// The first 16 bytes of a digest, big-endian, so `hex` reads like the digest's own hex.
    init<D: Sequence>(digestPrefix bytes: D) where D.Element == UInt8 {
        var words: [UInt64] = [0, 0]
        for (offset, byte) in bytes.prefix(16).enumerated() {
            words[offset / 8] = (words[offset / 8] << 8) | UInt64(byte)
        }
        high = words[0]
        low = words[1]
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Parses 32 hex digits (either case); nil for anything else.
    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 32 else { return nil }
        var words: [UInt64] = [0, 0]
        for (offset, digit) in digits.enumerated() {
            let nibble: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = digit - UInt8(ascii: "A") + 10
            default: return nil
            }
            words[offset / 16] = (words[offset / 16] << 4) | UInt64(nibble)
        }
        high = words[0]
        low = words[1]
    }

    /// 32 lower-case hex digits: the `id` of a store line.
    package var hex: String {
        let alphabet = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 32)
        for (wordIndex, word) in [high, low].enumerated() {
            for nibbleIndex in 0..<16 {
                let nibble = Int((word >> UInt64(60 - 4 * nibbleIndex)) & 0xF)
                out[wordIndex * 16 + nibbleIndex] = alphabet[nibble]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
