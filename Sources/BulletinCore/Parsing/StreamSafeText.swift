/// UAX #15's Stream-Safe Text Process: no run of more than 30 non-starters (combining marks),
/// by inserting U+034F COMBINING GRAPHEME JOINER where a run would grow longer.
///
/// Normalization puts every run of combining marks in canonical order, and sorting a run costs
/// more than its length: a 600 KB file of one letter and 300,000 alternating marks kept a core
/// busy for 89 s, and every later step that compares, hashes or normalizes text (NFC here, NFKC
/// in duplicate folding, the standard library's string equality) pays again. The joiner is
/// invisible and a starter, so it cuts the run without changing how the text reads or losing a
/// character; no written language needs more than a handful of marks on one letter. It runs
/// first, before anything normalizes, and costs one pass that skips ASCII eight bytes a step
/// (line breaks too: a line's end is a starter like any ASCII byte).
enum StreamSafeText {
    static let maximumRun = 30
    static let graphemeJoiner: [UInt8] = [0xCD, 0x8F]

    /// `text` with a joiner before every non-starter that would make its run longer than 30;
    /// the same string when none is needed (all real text).
    static func limited(_ text: String) -> String {
        var text = text
        let cuts = text.withUTF8 { cutPositions($0) }
        guard !cuts.isEmpty else { return text }
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + cuts.count * graphemeJoiner.count)
            var copied = 0
            for cut in cuts {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<cut]))
                result.append(contentsOf: graphemeJoiner)
                copied = cut
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Byte offsets of the scalars that need a joiner before them, in order.
    ///
    /// A run counts the non-starters of the text's compatibility decomposition (NFKD), as the
    /// standard says: `ǘ` followed by marks starts the run at two (`u` + U+0308 + U+0301).
    static func cutPositions(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var cuts: [Int] = []
        var run = 0
        // The last starter, until a non-starter asks how many non-starters it ends in (rarely).
        var starter = -1
        var index = 0
        let count = bytes.count
        while index < count {
            // ASCII bytes (line breaks included) are starters: skip them sixteen, then eight at
            // a time, and up to the first byte that is not.
            if index + 16 <= count
                && (WordAtATime.load(bytes, at: index) | WordAtATime.load(bytes, at: index + 8)) & WordAtATime.high == 0
            {
                run = 0
                starter = -1
                index += 16
                continue
            }
            if index + 8 <= count {
                let highBits = WordAtATime.load(bytes, at: index) & WordAtATime.high
                if highBits != 0 {
                    let ascii = highBits.trailingZeroBitCount / 8
                    if ascii > 0 {
                        run = 0
                        starter = -1
                        index += ascii
                    }
                } else {
                    run = 0
                    starter = -1
                    index += 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                run = 0
                starter = -1
                index += 1
                continue
            }
            // U+0080–U+02FF: starters, some ending in marks once decomposed.
            if lead < 0xCC {
                run = 0
                starter = index
                index += 2
                continue
            }
            let (scalar, length) = ByteScalars.scalar(in: bytes, at: index)
            let marks = nonStarters(scalar)
            if marks == 0 {
                run = 0
                starter = index
            } else {
                if starter >= 0 {
                    run = trailingNonStarters(of: ByteScalars.scalar(in: bytes, at: starter).0)
                    starter = -1
                }
                if run + marks > maximumRun {
                    cuts.append(index)
                    run = 0
                }
                run += marks
            }
            index += length
        }
        return cuts
    }

    /// How many non-starters the scalar decomposes into when it decomposes into nothing else;
    /// 0 for a starter.
    @inline(__always)
    static func nonStarters(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0xAC00...0xD7A3: return 0  // CJK ideographs, Hangul syllables
        case 0x0344, 0x0F73, 0x0F75, 0x0F81: return 2  // a pair of marks in one scalar
        case 0xFF9E, 0xFF9F: return 1  // half-width voiced sound marks: starters that decompose to marks
        default: return scalar.properties.canonicalCombiningClass == .notReordered ? 0 : 1
        }
    }

    /// How many non-starters a starter's NFKD ends in (0 for almost all).
    static func trailingNonStarters(of scalar: Unicode.Scalar) -> Int {
        let key = scalar.value << 2
        let table = trailingNonStarters
        var low = 0
        var high = table.count
        while low < high {
            let middle = (low + high) / 2
            if table[middle] < key { low = middle + 1 } else { high = middle }
        }
        guard low < table.count, table[low] >> 2 == scalar.value else { return 0 }
        return Int(table[low] & 3)
    }
}
