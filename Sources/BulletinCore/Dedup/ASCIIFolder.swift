/// The fast path of `FoldedText` for all-ASCII text, most wire copy: the folding rules of
/// `TokenScanner.consume`, byte by byte, with the scanner's state in locals and the output
/// written through a pointer, so a run of letters costs a load and a store a byte.
/// Its results must equal the general path's (`FingerprintInternalsTests` compares them).
enum ASCIIFolder {
    /// Headline, "\\n\\n", body, folded. Both must be ASCII.
    static func fold(headline: UnsafeBufferPointer<UInt8>, body: UnsafeBufferPointer<UInt8>) -> FoldedText {
        var headlineTokens: [FoldedToken] = []
        var bodyTokens: [FoldedToken] = []
        bodyTokens.reserveCapacity(body.count / 5)
        // Folding never adds bytes except around a symbol between two words ("a$b" → "a $ b"),
        // so twice the input is always enough; 8 more for the last eight-byte store.
        let capacity = 2 * (headline.count + body.count) + 2 + 8
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { output, initialized in
            var written = fold(headline, into: output, at: 0, tokens: &headlineTokens)
            output[written] = 0x0A
            output[written + 1] = 0x0A
            written = fold(body, into: output, at: written + 2, tokens: &bodyTokens)
            initialized = written
        }
        return FoldedText(bytes: bytes, headlineTokens: headlineTokens, bodyTokens: bodyTokens)
    }

    /// Folds `input` into `output` from `start`, appending its words to `tokens` (empty on
    /// entry); returns where the output ends.
    private static func fold(
        _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, at start: Int,
        tokens: inout [FoldedToken]
    ) -> Int {
        var written = start
        var tokenStart = -1
        var capitalized = false
        var hasDigit = false
        var lastWasDigit = false
        // A '.' or ',' right after a digit: kept ('.') or dropped (',') when a digit follows.
        var pendingSeparator: UInt8 = 0
        var newlinesInGap = 0
        var paragraph: Int32 = 0
        // Tokens gather in a small buffer and go to `tokens` in batches: one array append per
        // token (with its uniqueness check) cost more than the token's hash.
        let batch = UnsafeMutableBufferPointer<FoldedToken>.allocate(capacity: 256)
        defer { batch.deallocate() }
        var batched = 0

        func beginToken(capitalized isCapitalized: Bool) {
            if batched > 0 || !tokens.isEmpty {
                output[written] = 0x20
                written += 1
                if newlinesInGap >= 2 { paragraph += 1 }
            }
            newlinesInGap = 0
            tokenStart = written
            capitalized = isCapitalized
            hasDigit = false
        }
        func appendToToken(_ byte: UInt8) {
            output[written] = byte
            written += 1
        }
        func endToken() {
            guard tokenStart >= 0 else { return }
            let hash = StableHash.word(in: UnsafeBufferPointer(output), tokenStart..<written)
            if batched == batch.count {
                tokens.append(contentsOf: batch)
                batched = 0
            }
            batch.initializeElement(at: batched, to: FoldedToken(
                start: Int32(tokenStart), end: Int32(written), hash: hash,
                isCapitalized: capitalized, hasDigit: hasDigit, paragraph: paragraph))
            batched += 1
            tokenStart = -1
            lastWasDigit = false
        }

        var position = 0
        while position < input.count {
            let byte = input[position]
            if pendingSeparator != 0 {
                let separator = pendingSeparator
                pendingSeparator = 0
                if isDigit(byte) {
                    // "1,500" → "1500", "2.5" → "2.5": the token goes on with the run below.
                    if separator == UInt8(ascii: ".") { appendToToken(separator) }
                } else {
                    endToken()
                }
            }
            if isAlphanumeric(byte) {
                if tokenStart < 0 { beginToken(capitalized: isUpper(byte)) }
                var digitSeen = false
                var end = position
                // Eight bytes a step: lower-cased and stored whole (bytes past the run are
                // overwritten later), the run's end read off the mask. Most words take one step.
                var runEnded = false
                while !runEnded, end + 8 <= input.count {
                    let eight = EightBytes(WordAtATime.load(input, at: end))
                    UnsafeMutableRawPointer(output.baseAddress! + written).storeBytes(of: eight.lowercased.littleEndian, as: UInt64.self)
                    let length = eight.alphanumericPrefixLength
                    digitSeen = digitSeen || eight.hasDigit(inFirst: length)
                    written += length
                    end += length
                    runEnded = length < 8
                }
                while !runEnded, end < input.count, isAlphanumeric(input[end]) {
                    let letter = input[end]
                    output[written] = letter | (isUpper(letter) ? 0x20 : 0)
                    written += 1
                    digitSeen = digitSeen || isDigit(letter)
                    end += 1
                }
                lastWasDigit = isDigit(input[end - 1])
                if digitSeen { hasDigit = true }
                position = end
                continue
            }
            if byte == UInt8(ascii: " ") {  // the usual gap, without the table's indirect jump
                endToken()
                position += 1
                continue
            }
            switch ScalarKind.ofASCII(byte) {
            case .word, .apostrophe:
                break  // .word: alphanumeric, taken above
            case .space:
                endToken()
            case .newline:
                endToken()
                newlinesInGap += 1
            case .symbol:
                endToken()
                beginToken(capitalized: false)
                appendToToken(byte)
                endToken()
            case .punctuation:
                if tokenStart >= 0, lastWasDigit, byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                    pendingSeparator = byte
                } else {
                    endToken()
                }
            }
            position += 1
        }
        endToken()
        tokens.append(contentsOf: batch[..<batched])
        return written
    }

    /// Eight ASCII bytes classified at once (no sum carries from one byte into the next: every
    /// byte is below 0x80 and each addend keeps it below 0x100).
    private struct EightBytes {
        let bytes: UInt64
        /// A high bit in each byte that is a digit, an upper-case letter, a letter or digit.
        let digits: UInt64
        let upper: UInt64
        let alphanumeric: UInt64

        init(_ bytes: UInt64) {
            self.bytes = bytes
            digits = WordAtATime.bytesInRange(bytes, UInt8(ascii: "0"), UInt8(ascii: "9"))
            upper = WordAtATime.bytesInRange(bytes, UInt8(ascii: "A"), UInt8(ascii: "Z"))
            alphanumeric = digits | WordAtATime.bytesInRange(bytes | WordAtATime.ones &* 0x20, UInt8(ascii: "a"), UInt8(ascii: "z"))
        }

        /// Upper-case letters lowered (0x20 set), everything else as it was.
        var lowercased: UInt64 { bytes | upper >> 2 }

        /// How many leading bytes (0...8) are letters or digits.
        var alphanumericPrefixLength: Int { (~alphanumeric & WordAtATime.high).trailingZeroBitCount / 8 }

        func hasDigit(inFirst count: Int) -> Bool {
            count == 8 ? digits != 0 : digits & ((1 << (8 * count)) - 1) != 0
        }
    }

    @inline(__always) private static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || isDigit(byte)
    }
}
