import Testing

@testable import BulletinCore

/// The eight-bytes-at-a-time scans must agree with a byte-by-byte reading on any input.
@Suite("Word-at-a-time scans")
struct WordAtATimeTests {
    /// Deterministic pseudo-random bytes biased towards the interesting ones.
    static func samples() -> [[UInt8]] {
        var state: UInt64 = 0x1234_5678_9ABC_DEF0
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let alphabet: [UInt8] = [0x20, 0x20, 0x2C, 0x7C, 0x7F, 0x1F, 0x00, 0x41, 0x61, 0x7E, 0x80, 0xE2, 0xFF, 0x0A, 0x22, 0x5C]
        return (0..<400).map { _ in
            (0..<Int(next() % 40)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
        }
    }

    @Test func printableRunEndMatchesByteByByte() {
        for sample in Self.samples() {
            sample.withUnsafeBufferPointer { buffer in
                for start in 0...buffer.count {
                    let expected = buffer[start...].firstIndex { $0 < 0x20 || $0 >= 0x7F } ?? buffer.count
                    #expect(WordAtATime.printableRunEnd(buffer, from: start) == expected, "\(sample) from \(start)")
                }
            }
        }
    }

    @Test func jsonEscapeFreeMatchesByteByByte() {
        for sample in Self.samples() {
            sample.withUnsafeBufferPointer { buffer in
                for start in 0...buffer.count {
                    let expected = buffer[start...].firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } ?? buffer.count
                    #expect(WordAtATime.jsonEscapeFree(buffer, from: start) == expected, "\(sample) from \(start)")
                }
            }
        }
    }

    @Test func firstSpaceOrCommaMatchesByteByByte() {
        for sample in Self.samples() {
            sample.withUnsafeBufferPointer { buffer in
                for start in 0...buffer.count {
                    let expected = buffer[start...].firstIndex { $0 == 0x20 || $0 == 0x2C } ?? buffer.count
                    #expect(WordAtATime.firstSpaceOrComma(buffer, from: start) == expected, "\(sample) from \(start)")
                }
            }
        }
    }

    /// `firstDigit` against `firstIndex`, on bytes next to the digits' range (`/` `:`) and
    /// bytes that are digits but for their high bit (0xB0, 0xB9: the range test masks it off).
    @Test func firstDigitMatchesByteByByte() {
        var state: UInt64 = 0x0F1E_2D3C_4B5A_6978
        let alphabet: [UInt8] = [0x20, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x41, 0x61, 0xB0, 0xB9, 0xE2, 0x00]
        for _ in 0..<400 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 59) + Int(state >> 61)  // 0–38 bytes
            let sample = (0..<length).map { offset -> UInt8 in
                // Digits one time in twelve, so that many samples hold none or only late ones.
                alphabet[Int((state >> UInt64(offset % 40)) &* 0x9E37_79B9 % UInt64(alphabet.count))]
            }
            sample.withUnsafeBufferPointer { buffer in
                for start in 0...buffer.count {
                    let tail = UnsafeBufferPointer(rebasing: buffer[start...])
                    let expected = tail.firstIndex { $0 >= 0x30 && $0 <= 0x39 }
                    #expect(WordAtATime.firstDigit(tail) == expected, "\(sample) from \(start)")
                }
            }
        }
    }

    @Test func doubleSpaceMatchesByteByByte() {
        for sample in Self.samples() {
            let expected = zip(sample, sample.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
            #expect(sample.withUnsafeBufferPointer(WordAtATime.containsDoubleSpace) == expected, "\(sample)")
        }
    }

    @Test func tableMarksMatchByteByByte() {
        for sample in Self.samples() {
            let doubleSpace = zip(sample, sample.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
            let pipeOrBoxByte = sample.contains { $0 == 0x7C || $0 == 0xE2 }
            let marks = sample.withUnsafeBufferPointer(WordAtATime.tableMarks)
            #expect(marks.doubleSpace == doubleSpace && marks.pipeOrBoxByte == pipeOrBoxByte, "\(sample)")
            #expect(sample.withUnsafeBufferPointer(WordAtATime.mayBeTableRow) == (doubleSpace || pipeOrBoxByte))
        }
    }

    @Test func lowercaseLetterCountMatchesByteByByte() {
        for sample in Self.samples() where sample.count >= 8 {
            let word = sample.withUnsafeBufferPointer { WordAtATime.load($0, at: 0) }
            let expected = sample.prefix(8).filter { $0 >= 0x61 && $0 <= 0x7A }.count
            #expect(WordAtATime.lowercaseLetterCount(word) == expected, "\(sample)")
        }
        let letters = Array("abcdefgh".utf8).withUnsafeBufferPointer { WordAtATime.load($0, at: 0) }
        #expect(WordAtATime.lowercaseLetterCount(letters) == 8)
    }

    @Test func wordStartsMatchByteByByte() {
        for sample in Self.samples() {
            var expected: [Int] = []
            for index in sample.indices where sample[index] != 0x20 && sample[index] != 0x2C {
                if index == 0 || sample[index - 1] == 0x20 || sample[index - 1] == 0x2C { expected.append(index) }
            }
            var found: [Int] = []
            sample.withUnsafeBufferPointer { buffer in WordAtATime.forEachWordStart(in: buffer) { found.append($0) } }
            #expect(found == expected, "\(sample)")
        }
    }

    @Test func bytesEqualMarksExactlyTheMatches() {
        let bytes: [UInt8] = [0x20, 0x21, 0x00, 0x20, 0xA0, 0x20, 0x1F, 0x20]
        let word = bytes.withUnsafeBufferPointer { WordAtATime.load($0, at: 0) }
        let mask = WordAtATime.bytesEqual(word, 0x20)
        let lanes = (0..<8).filter { mask & (0x80 << UInt64(8 * $0)) != 0 }
        #expect(lanes == [0, 3, 5, 7])
    }

    @Test func highBitsCountedCountsTheMarkedBytes() {
        for sample in Self.samples() where sample.count >= 8 {
            let word = sample.withUnsafeBufferPointer { WordAtATime.load($0, at: 0) }
            for byte: UInt8 in [0x20, 0x7F, 0xE2, 0x00] {
                let expected = sample.prefix(8).filter { $0 == byte }.count
                #expect(WordAtATime.highBitsCounted(WordAtATime.bytesEqual(word, byte)) == expected, "\(sample)")
            }
        }
        #expect(WordAtATime.highBitsCounted(WordAtATime.high) == 8)
    }

    /// `TextShape.wordCount`'s eight-bytes-a-step count against the byte loop it replaced.
    @Test func wordsBetweenSpacesMatchesByteByByte() {
        for sample in Self.samples() {
            for start in 0...sample.count {
                let slice = sample[start...]
                let found = slice.withUnsafeBufferPointer(TextShape.wordsBetweenSpaces)
                #expect(found == slice.wordsBetweenSpaces, "\(sample) from \(start)")
            }
        }
    }
}
