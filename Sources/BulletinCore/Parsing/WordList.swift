/// The words of a text as byte ranges over a borrowed buffer: no slices, so no
/// reference counting in the loops that read them.
struct WordList {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var ranges: [Range<Int>] = []

    /// Splits on spaces, and after a comma typed without its space ("as well,according").
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        ranges.reserveCapacity(bytes.count / 5 + 1)
        let count = bytes.count
        var index = 0
        while index < count {
            while index < count && bytes[index] == 0x20 { index += 1 }
            guard index < count else { break }
            var start = index
            while index < count {
                let byte = bytes[index]
                if byte == 0x20 { break }
                if byte == 0x2C && index + 1 < count && bytes[index + 1] >= 0x41 {
                    ranges.append(start..<(index + 1))
                    start = index + 1
                }
                index += 1
            }
            ranges.append(start..<index)
        }
    }

    var count: Int { ranges.count }

    func length(_ index: Int) -> Int { ranges[index].count }

    func firstByte(_ index: Int) -> UInt8 { bytes[ranges[index].lowerBound] }

    /// Compares with `text` (ASCII lowercase expected when `caseInsensitive`).
    func word(_ index: Int, is text: StaticString, caseInsensitive: Bool = false) -> Bool {
        guard index < ranges.count else { return false }
        let range = ranges[index]
        guard range.count == text.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        for offset in 0..<range.count {
            let actual = bytes[range.lowerBound + offset]
            if actual != expected[offset] && !(caseInsensitive && ByteScalars.asciiLower(actual) == expected[offset]) {
                return false
            }
        }
        return true
    }

    func buffer(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[ranges[index]])
    }

    /// Words `words` joined by single spaces, the last one ending at `end` (short of its
    /// own end when its punctuation is dropped). Cleaned prose already has single spaces
    /// between words, so the bytes are nearly always lent in place; otherwise they are
    /// copied.
    func withJoinedBytes<Result>(
        _ words: ClosedRange<Int>, endingAt end: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let start = ranges[words.lowerBound].lowerBound
        // One byte between two words is a space; none means a comma split them.
        let singleSpaced = words.dropLast().allSatisfy { ranges[$0 + 1].lowerBound == ranges[$0].upperBound + 1 }
        if singleSpaced { return body(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
        var joined: [UInt8] = []
        for index in words {
            if index > words.lowerBound { joined.append(0x20) }
            let wordEnd = index == words.upperBound ? end : ranges[index].upperBound
            joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[ranges[index].lowerBound..<wordEnd]))
        }
        return joined.withUnsafeBufferPointer(body)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
