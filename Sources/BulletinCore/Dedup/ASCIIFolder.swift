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
        // so twice the input is always enough.
        let capacity = 2 * (headline.count + body.count) + 2
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

        func beginToken(capitalized isCapitalized: Bool) {
            if !tokens.isEmpty {
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
            let hash = StableHash.word(UnsafeBufferPointer(rebasing: output[tokenStart..<written]))
            tokens.append(FoldedToken(
                start: Int32(tokenStart), end: Int32(written), hash: hash,
                isCapitalized: capitalized, hasDigit: hasDigit, paragraph: paragraph))
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
                repeat {
                    let letter = input[end]
                    let lowered = letter | (isUpper(letter) ? 0x20 : 0)
                    output[written] = lowered
                    written += 1
                    digitSeen = digitSeen || isDigit(letter)
                    end += 1
                } while end < input.count && isAlphanumeric(input[end])
                lastWasDigit = isDigit(input[end - 1])
                if digitSeen { hasDigit = true }
                position = end
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
        return written
    }

    @inline(__always) private static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || isDigit(byte)
    }
}
