import Foundation  // only for NFKC (`precomposedStringWithCompatibilityMapping`) of non-ASCII text

/// One word of folded text: where its bytes are, and the little the guards need to know.
struct FoldedToken: Sendable {
    /// Byte range in `FoldedText.bytes`.
    var start: Int32
    var end: Int32
    /// `StableHash.word` of the folded bytes: what shingles and guard masks are built from.
    var hash: UInt64
    /// The original word began with an upper-case letter: a candidate name.
    var isCapitalized: Bool
    /// The word contains a digit: a figure, a date, an amount.
    var hasDigit: Bool
    /// 0-based paragraph of the body (0 for the headline): the lead is paragraph 0.
    var paragraph: Int32
}

/// A story's headline and body folded for comparison.
///
/// Folding: Unicode compatibility forms (NFKC: NBSP, fullwidth letters, ligatures), lower case,
/// every run of whitespace, punctuation, quotes and dashes becomes one space, apostrophes inside
/// words vanish ("don’t" = "don't" = "dont"), thousands separators between digits vanish and a
/// decimal point between digits stays ("1,500.5" = "1500.5"), symbols ($, €, +, ©) stay as
/// words of their own. `bytes` is the headline's words, a blank line, then the body's words.
///
/// Scripts written without spaces (Han, kana) make every character a token of its own, with no
/// space added to `bytes`: shingles are then runs of three characters, and the bytes (so the
/// story id) are what they were when a whole run was one token. Hangul syllables too: Korean
/// puts spaces between phrases, each a stem and its particles ("일들을"), so a copy editor's
/// change of a particle or a syllable would otherwise change a whole phrase and every shingle
/// around it (syllable n-grams are how Korean text is usually indexed); the spaces stay. Marks that writers add or drop
/// at will (Arabic harakat and tatweel, Hebrew points) are left out of a token's hash, not of
/// its bytes: a copy with or without them shingles alike, and ids do not change.
struct FoldedText: Sendable {
    private(set) var bytes: [UInt8]
    private(set) var headlineTokens: [FoldedToken]
    private(set) var bodyTokens: [FoldedToken]

    init(headline: String, body: String) {
        var headline = headline, body = body
        headline.makeContiguousUTF8()
        body.makeContiguousUTF8()
        // Fast path: ASCII text (most wire copy) needs no NFKC and is folded byte by byte.
        let folded: FoldedText? = headline.utf8.withContiguousStorageIfAvailable { headline in
            body.utf8.withContiguousStorageIfAvailable { body in
                guard WordAtATime.isASCII(headline), WordAtATime.isASCII(body) else { return nil }
                return ASCIIFolder.fold(headline: headline, body: body)
            } ?? nil
        } ?? nil
        if let folded {
            self = folded
            return
        }
        var scanner = TokenScanner(reservingCapacity: headline.utf8.count + body.utf8.count + 2)
        scanner.scan(headline)
        headlineTokens = scanner.takeTokens()
        scanner.bytes.append(0x0A)
        scanner.bytes.append(0x0A)
        scanner.scan(body)
        bodyTokens = scanner.takeTokens()
        bytes = scanner.bytes
    }

    init(bytes: [UInt8], headlineTokens: [FoldedToken], bodyTokens: [FoldedToken]) {
        self.bytes = bytes
        self.headlineTokens = headlineTokens
        self.bodyTokens = bodyTokens
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Single pass over Unicode scalars that writes folded bytes and records token boundaries: the
/// general path, and the statement of the rules (`ASCIIFolder` must give the same results).
private struct TokenScanner {
    var bytes: [UInt8]
    private var tokens: [FoldedToken] = []
    private var tokenStart = -1
    private var capitalized = false
    private var hasDigit = false
    private var lastWasDigit = false
    /// A '.' or ',' right after a digit: kept or dropped depending on whether a digit follows.
    private var pendingSeparator: UInt8 = 0
    private var newlinesInGap = 0
    private var paragraph: Int32 = 0
    /// The last token ended where the next begins (characters of a script without spaces): the
    /// next one is not preceded by a space.
    private var glued = false
    /// The open token holds a mark that its hash leaves out.
    private var hasOptionalMark = false

    init(reservingCapacity capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func takeTokens() -> [FoldedToken] {
        endToken()
        defer {
            tokens = []
            paragraph = 0
            newlinesInGap = 0
        }
        return tokens
    }

    /// Any text, scalar by scalar after NFKC (`ASCIIFolder` is the fast path for ASCII).
    mutating func scan(_ text: String) {
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            consume(scalar, kind: ScalarKind.of(scalar))
        }
    }

    private mutating func consume(_ scalar: Unicode.Scalar, kind: ScalarKind) {
        if kind == .word, scalar.value >= 0x2E80, Self.isReadCharacterByCharacter(scalar) {
            consumeCharacterToken(scalar)
            return
        }
        if pendingSeparator != 0 {
            let separator = pendingSeparator
            pendingSeparator = 0
            if kind == .word, scalar.isASCIIDigit {
                if separator == UInt8(ascii: ".") { appendToToken(separator) }
                appendWord(scalar)
                return
            }
            endToken()
        }
        switch kind {
        case .word:
            appendWord(scalar)
        case .apostrophe:
            break
        case .space:
            endToken()
        case .newline:
            endToken()
            newlinesInGap += 1
        case .symbol:
            endToken()
            appendWord(scalar)
            endToken()
        case .punctuation:
            if tokenStart >= 0, lastWasDigit, scalar == "." || scalar == "," {
                pendingSeparator = UInt8(ascii: scalar == "." ? "." : ",")
            } else {
                endToken()
            }
        }
    }

    /// A character of a script read character by character: a token of its own, glued to its
    /// neighbours.
    private mutating func consumeCharacterToken(_ scalar: Unicode.Scalar) {
        if pendingSeparator != 0 {
            pendingSeparator = 0
            endToken()
        }
        if tokenStart >= 0 {
            endToken()
            glued = true
        }
        appendWord(scalar)
        endToken()
        glued = true
    }

    /// Han, kana and the CJK blocks around them, and Hangul syllables.
    static func isReadCharacterByCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3005...0x3007, 0x3021...0x3029, 0x3031...0x3035, 0x3038...0x303C, 0x3040...0x30FF,
            0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF66...0xFF9F,
            0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// Arabic harakat, superscript alef and tatweel; Hebrew points and cantillation.
    static func isOptionalMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x0640, 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0591...0x05BD, 0x05BF, 0x05C1...0x05C2, 0x05C4...0x05C5,
            0x05C7:
            return true
        default:
            return false
        }
    }

    private mutating func appendWord(_ scalar: Unicode.Scalar) {
        if scalar.value >= 0x0591 && scalar.value <= 0x06ED && Self.isOptionalMark(scalar.value) {
            hasOptionalMark = true
        }
        if scalar.isASCII {
            var byte = UInt8(truncatingIfNeeded: scalar.value)
            let isUpper = byte >= 0x41 && byte <= 0x5A
            if tokenStart < 0 { beginToken(capitalized: isUpper) }
            if isUpper { byte |= 0x20 }
            lastWasDigit = byte >= 0x30 && byte <= 0x39
            appendToToken(byte)
        } else {
            let properties = scalar.properties
            if tokenStart < 0 { beginToken(capitalized: properties.isUppercase) }
            lastWasDigit = properties.generalCategory == .decimalNumber
            for byte in properties.lowercaseMapping.utf8 { appendToToken(byte) }
        }
        if lastWasDigit { hasDigit = true }
    }

    private mutating func beginToken(capitalized: Bool) {
        if !tokens.isEmpty && !glued {
            bytes.append(0x20)
            if newlinesInGap >= 2 { paragraph += 1 }
        }
        glued = false
        newlinesInGap = 0
        tokenStart = bytes.count
        self.capitalized = capitalized
        hasDigit = false
    }

    private mutating func appendToToken(_ byte: UInt8) {
        bytes.append(byte)
    }

    private mutating func endToken() {
        glued = false
        guard tokenStart >= 0 else { return }
        let hash = hasOptionalMark ? hashWithoutOptionalMarks() : bytes.withUnsafeBufferPointer { StableHash.word(in: $0, tokenStart..<$0.count) }
        hasOptionalMark = false
        tokens.append(FoldedToken(
            start: Int32(tokenStart), end: Int32(bytes.count), hash: hash,
            isCapitalized: capitalized, hasDigit: hasDigit, paragraph: paragraph))
        tokenStart = -1
        lastWasDigit = false
    }
}

/// What a scalar does to the folded text.
enum ScalarKind {
    case word, apostrophe, space, newline, symbol, punctuation

    static func of(_ scalar: Unicode.Scalar) -> ScalarKind {
        if scalar.isASCII { return asciiKinds[Int(scalar.value)] }
        switch scalar.value {
        case 0x2018, 0x2019, 0x02BC, 0x2032: return .apostrophe
        case 0x0085, 0x2028, 0x2029: return .newline
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return .word
        case .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return .space
        case .mathSymbol, .currencySymbol, .otherSymbol:
            return .symbol
        default:
            return .punctuation
        }
    }

    /// An ASCII byte (< 0x80).
    @inline(__always)
    static func ofASCII(_ byte: UInt8) -> ScalarKind { asciiKinds[Int(byte)] }

    private static let asciiKinds: [ScalarKind] = (0..<128).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return .word
        case UInt8(ascii: "'"), UInt8(ascii: "`"): return .apostrophe
        case UInt8(ascii: "\n"): return .newline
        case UInt8(ascii: " "), 0x09, 0x0B, 0x0C, 0x0D: return .space
        case UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: "="),
             UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return .symbol
        default: return .punctuation
        }
    }
}

extension TokenScanner {
    /// The open token's hash as if its optional marks were not there.
    fileprivate func hashWithoutOptionalMarks() -> UInt64 {
        let token = String(decoding: bytes[tokenStart...], as: UTF8.self)
        var kept: [UInt8] = []
        for scalar in token.unicodeScalars where !Self.isOptionalMark(scalar.value) {
            kept.append(contentsOf: UTF8.encode(scalar)!)
        }
        return kept.withUnsafeBufferPointer { StableHash.word($0) }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
}
