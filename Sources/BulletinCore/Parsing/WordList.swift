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

    func slice(_ index: Int) -> ArraySlice<UInt8> {
        ArraySlice(UnsafeBufferPointer(rebasing: bytes[ranges[index]]))
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
