/// The words of a text as byte ranges over a borrowed buffer: no slices, so no
/// reference counting in the loops that read them. Words are split as they are asked
/// for: a credit window is a few hundred bytes, and a cue reads only a few words of it.
struct WordList {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var ranges: [Range<Int>] = []
    /// Bytes split so far.
    private var scanned = 0

    /// Splits on spaces, and after a comma typed without its space ("as well,according"),
    /// at first only as far as the word at `offset`. The ranges are kept in `storage`,
    /// which the list borrows (see `returnStorage`): one allocation serves every window.
    init(_ bytes: UnsafeBufferPointer<UInt8>, splittingThrough offset: Int, storage: inout [Range<Int>]) {
        self.bytes = bytes
        swap(&ranges, &storage)
        ranges.removeAll(keepingCapacity: true)
        ranges.reserveCapacity(16)
        while scanned <= offset && scanned < bytes.count { splitNext() }
    }

    /// Hands the storage back for the next list.
    mutating func returnStorage(to storage: inout [Range<Int>]) {
        swap(&ranges, &storage)
    }

    /// Whether the text has a word `index`, splitting further if need be.
    mutating func has(_ index: Int) -> Bool {
        while index >= ranges.count && scanned < bytes.count { splitNext() }
        return index < ranges.count
    }

    /// The next run of non-spaces: one word, or two or more where commas split it.
    private mutating func splitNext() {
        let count = bytes.count
        var index = scanned
        while index < count && bytes[index] == 0x20 { index += 1 }
        guard index < count else {
            scanned = count
            return
        }
        var start = index
        while true {
            // Eight bytes a step to the next space or comma.
            let stop = WordAtATime.firstSpaceOrComma(bytes, from: index)
            guard stop < count && bytes[stop] == 0x2C else {
                index = stop
                break
            }
            if stop + 1 < count && bytes[stop + 1] >= 0x41 {
                ranges.append(start..<(stop + 1))
                start = stop + 1
            }
            index = stop + 1
        }
        ranges.append(start..<index)
        scanned = index
    }

    func length(_ index: Int) -> Int { ranges[index].count }

    func firstByte(_ index: Int) -> UInt8 { bytes[ranges[index].lowerBound] }

    /// Compares with `text` (ASCII lowercase expected when `caseInsensitive`).
    mutating func word(_ index: Int, is text: StaticString, caseInsensitive: Bool = false) -> Bool {
        guard has(index) else { return false }
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
}
