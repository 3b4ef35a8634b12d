/// The first look at a bulletin's text: is it binary, and does it need NFC normalization?
/// One pass; normalization itself runs only when a scalar that NFC could change is present.
enum TextScreening {
    struct Verdict {
        var isBinary: Bool
        /// Byte ranges of the lines holding a scalar that NFC might change, in order.
        var linesToNormalize: [Range<Int>]
        /// Tab characters, which the cleaner expands: counted here so that it need not
        /// read the text twice to size its output.
        var tabs = 0
    }

    static func screen(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        var controls = 0
        var tabs = 0
        var lines: [Range<Int>] = []
        var lineStart = 0
        var lineNeedsNormalization = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F {
                index = WordAtATime.printableRunEnd(bytes, from: index + 1)
                continue
            }
            if byte < 0x80 {
                if byte < 0x20 {
                    if byte == 0 { return Verdict(isBinary: true, linesToNormalize: []) }
                    if byte == 0x09 {
                        tabs += 1
                    } else if byte == 0x0A || byte == 0x0D {
                        if lineNeedsNormalization { lines.append(lineStart..<index) }
                        lineNeedsNormalization = false
                        lineStart = index + 1
                    } else if byte < 0x09 || (byte > 0x0D && byte != 0x1B) {
                        controls += 1
                    }
                } else if byte == 0x7F {
                    controls += 1
                }
                index += 1
                continue
            }
            // Two-byte scalars below U+0300 are never changed by NFC.
            if byte < 0xCC {
                index += 2
                continue
            }
            let (scalar, length) = ByteScalars.scalar(in: bytes, at: index)
            if !lineNeedsNormalization && mayChangeUnderNFC(scalar) { lineNeedsNormalization = true }
            index += length
        }
        if lineNeedsNormalization { lines.append(lineStart..<count) }
        return Verdict(isBinary: controls * 20 > count, linesToNormalize: lines, tabs: tabs)
    }

    /// `screen`'s `tabs`, found eight bytes a step, for the valid UTF-8 of a caller that does
    /// not ask whether the text is binary (a framed item's body, whose reader dropped its
    /// control bytes); nil when a scalar NFC might change may be there, and then `screen` must
    /// read the text. Below 0xCC every lead byte opens a two-byte scalar, which `screen` steps
    /// over and NFC never changes (`mayChangeUnderNFC` starts at U+0300, lead byte 0xCC); of
    /// the scalars from there up, those of U+2000–U+20BF (0xE2 0x80–0x82: the quotes, dashes and
    /// spaces of European copy) are punctuation and currency NFC leaves alone, and any other
    /// gives nil. So no line needs normalizing, and every 0x09 is a tab. (Where `screen` stops
    /// early at a NUL it counts fewer tabs; the count sizes the cleaner's output, so more is
    /// never wrong.) The byte loop of `screen` cost ~3 instructions a byte of a wire feed.
    static func tabsWithNothingToNormalize(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var tabs = 0
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = WordAtATime.load(bytes, at: index)
            let tabBits = WordAtATime.bytesEqual(word, 0x09)
            // The high bit of each byte from 0xCC up: its own, and its low seven bits at least
            // 0x4C (the sum of seven bits and 0x34 cannot carry).
            let high = word & ((word & ~WordAtATime.high) &+ WordAtATime.ones &* 0x34) & WordAtATime.high
            guard high != 0 else {
                if tabBits != 0 { tabs &+= WordAtATime.highBitsCounted(tabBits) }
                index &+= 8
                continue
            }
            let before = high.trailingZeroBitCount & ~7  // bits of the bytes before it
            tabs &+= WordAtATime.highBitsCounted(tabBits & ((1 &<< UInt64(before)) &- 1))
            index &+= before / 8
            guard let length = Self.generalPunctuationLength(bytes, at: index) else { return nil }
            index &+= length
        }
        while index < count {
            let byte = bytes[index]
            if byte >= 0xCC {
                guard let length = Self.generalPunctuationLength(bytes, at: index) else { return nil }
                index += length
                continue
            }
            if byte == 0x09 { tabs += 1 }
            index += 1
        }
        return tabs
    }

    /// 3 when the scalar at `index` is one of U+2000–U+20BF (0xE2, then 0x80–0x82); else nil.
    @inline(__always)
    private static func generalPunctuationLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x82 else {
            return nil
        }
        return 3
    }

    /// Combining marks, and the blocks holding singletons, composition exclusions or
    /// composing vowel signs. Conservative: a false "yes" only costs time.
    static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x0374...0x0387, 0x0900...0x0DFF, 0x0F00...0x109F, 0x1100...0x11FF,
            0x1B00...0x1B7F, 0x1F00...0x1FFF, 0x2126...0x212B, 0x3099...0x309A, 0xF900...0xFAFF,
            0xFB1D...0xFB4F, 0x2F800...0x2FA1F:
            return true
        case 0x2000...0x20CF, 0x0400...0x0482, 0x048A...0x052F, 0x3000...0x3098, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
            return false  // punctuation, currency, Cyrillic letters, CJK, Hangul syllables: already NFC
        default:
            return scalar.properties.canonicalCombiningClass != .notReordered
        }
    }

    /// NFC through the standard library's own normalizer, applied to the listed lines
    /// only (NFC never composes across a line break); the rest is copied as it is.
    static func normalized(_ bytes: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        var copied = 0
        for line in lines {
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<line.lowerBound]))
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self)
            result.append(contentsOf: text._nfcCodeUnits)
            copied = line.upperBound
        }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return result
    }
}
