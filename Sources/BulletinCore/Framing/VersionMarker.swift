/// Version and take markers as agencies write them: AP's `1st Ld-Writethru`, dpa's `1ST LEAD`
/// and `REFILE`, Reuters' `UPDATE 2-`, `CORRECTED -`, `RPT-`, and kill notices.
package enum VersionMarker {
    package enum Kind: String, Sendable, Hashable {
        /// A new version with new material: a lead, a writethru, an update.
        case update
        /// A substantive error fixed.
        case correction
        /// Filed again with a minor fix.
        case refile
        /// Repeated unchanged.
        case repeated
        /// The story must not be used (kill, withdrawal, elimination), or the alert it names is
        /// over (a government notice's cancellation).
        case kill
    }

    /// What a marker, as written, means. Anything not recognized as another kind is an update
    /// (a lead or writethru is the commonest take).
    package static func kind(_ marker: String) -> Kind {
        let words = folded(marker)
        if words.contains(where: { killWords.contains($0) }) { return .kill }
        if words.contains(where: { $0.hasPrefix("correct") || $0 == "corr" }) { return .correction }
        if words.contains("refile") || words.contains("resending") || words.contains("recasts") { return .refile }
        if words.contains("rpt") || words.contains("repeat") || words.contains("repetition") { return .repeated }
        return .update
    }

    /// The whole of `text` is a take or version marker ("1ST LEAD", "REFILE", "1stLd-Writethru",
    /// "Kill", "UPDATE 2"): the marker, or nil.
    package static func takeMarker(_ text: String) -> String? {
        guard mayOpenWithMarker(text) else { return nil }
        let trimmed = text.trimmingSpaces.trimmingParentheses
        let words = folded(trimmed)
        guard !words.isEmpty, words.count <= 4, words.allSatisfy(isMarkerWord) else { return nil }
        // At least one word that says "version" by itself: "STORY" or "NEW" alone do not.
        guard words.contains(where: { strongWords.contains($0) || $0.hasSuffix("ld") && ordinal($0) }) else { return nil }
        return trimmed
    }

    /// A marker opening a headline: "CORRECTED - BANKAMERICA …", "(CORRECTED)-IVORY COAST …",
    /// "RPT-INSITUFORM …", "UPDATE 2-Oil prices …", "REFILE-…", "STORY WITHDRAWN - …".
    /// Returns the marker as written and the headline after it.
    package static func leading(in headline: String) -> (marker: String, rest: String)? {
        // Most headlines open with a word no marker opens with: told from the bytes alone.
        guard mayOpenWithMarker(headline) else { return nil }
        if let ascii = leading(inASCII: headline) { return ascii }
        var scalars = Substring(headline.trimmingSpaces)
        let opened = scalars.first == "(" || scalars.first == "<"
        if opened { scalars = scalars.dropFirst() }
        // The marker's words: letters and digits up to a dash, colon or closing bracket.
        var end = asciiWordsEnd(scalars) ?? scalars.startIndex
        while end < scalars.endIndex, scalars[end].isLetter || scalars[end].isNumber || scalars[end] == " " {
            end = scalars.index(after: end)
        }
        let candidate = String(scalars[..<end]).trimmingSpaces
        guard !candidate.isEmpty, end < scalars.endIndex else { return nil }
        var rest = scalars[end...]
        if opened {
            guard rest.first == ")" || rest.first == ">" else { return nil }
            rest = rest.dropFirst()
        }
        let words = folded(candidate)
        guard !words.isEmpty, words.count <= 4, words.allSatisfy(isMarkerWord),
            words.contains(where: { headlineMarkerWords.contains($0) })
        else { return nil }
        // The marker ends at a dash or colon (spaced or not), which the rest starts after.
        let afterSpaces = rest.drop { $0 == " " }
        guard let separator = afterSpaces.first, separator == "-" || separator == ":" || separator == "\u{2013}" || opened else {
            return nil
        }
        let text = afterSpaces.drop { $0 == "-" || $0 == ":" || $0 == "\u{2013}" || $0 == " " }
        guard !text.isEmpty else { return nil }
        return (candidate, String(text))
    }

    /// `leading(in:)` read from the bytes of ASCII text without CR, where a byte is a Character:
    /// the same answer (the outer optional nil for other text) without comparing Characters, which
    /// cost some 8,000 instructions a Reuters headline that opens with a marker's word.
    private static func leading(inASCII headline: String) -> (marker: String, rest: String)?? {
        var headline = headline
        return headline.withUTF8 { bytes -> (marker: String, rest: String)?? in
            guard WordAtATime.isASCII(bytes), !bytes.contains(0x0D) else { return nil }
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            var start = 0
            var end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            let opened = start < end && (bytes[start] == 0x28 || bytes[start] == 0x3C)  // ( <
            if opened { start += 1 }
            // The marker's words: letters, digits and spaces up to a dash, colon or closing bracket.
            var wordsEnd = start
            while wordsEnd < end, isWordByte(bytes[wordsEnd]) { wordsEnd += 1 }
            var candidateStart = start
            var candidateEnd = wordsEnd
            while candidateStart < candidateEnd, isSpace(bytes[candidateStart]) { candidateStart += 1 }
            while candidateEnd > candidateStart, isSpace(bytes[candidateEnd - 1]) { candidateEnd -= 1 }
            guard candidateStart < candidateEnd, wordsEnd < end else { return .some(nil) }
            var restStart = wordsEnd
            if opened {
                guard bytes[restStart] == 0x29 || bytes[restStart] == 0x3E else { return .some(nil) }  // ) >
                restStart += 1
            }
            let candidateBytes = UnsafeBufferPointer(rebasing: bytes[candidateStart..<candidateEnd])
            // More than four words is no marker: told before any word is made a String.
            guard wordCount(candidateBytes) <= 4 else { return .some(nil) }
            let candidate = String(decoding: candidateBytes, as: UTF8.self)
            let words = folded(candidate)
            guard !words.isEmpty, words.allSatisfy(isMarkerWord), words.contains(where: { headlineMarkerWords.contains($0) })
            else { return .some(nil) }
            // The marker ends at a dash or colon (spaced or not), which the rest starts after.
            while restStart < end, bytes[restStart] == 0x20 { restStart += 1 }
            guard restStart < end, bytes[restStart] == 0x2D || bytes[restStart] == 0x3A || opened else { return .some(nil) }
            while restStart < end, bytes[restStart] == 0x2D || bytes[restStart] == 0x3A || bytes[restStart] == 0x20 {
                restStart += 1
            }
            guard restStart < end else { return .some(nil) }
            return (candidate, String(decoding: UnsafeBufferPointer(rebasing: bytes[restStart..<end]), as: UTF8.self))
        }
    }

    /// An ASCII letter, digit or space.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte == 0x20
    }

    /// The runs of bytes other than spaces in `bytes`.
    private static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var previous: UInt8 = 0x20
        for byte in bytes {
            if byte != 0x20 && previous == 0x20 { count += 1 }
            previous = byte
        }
        return count
    }

    /// Where the opening run of letters, digits and spaces ends in ASCII text (without CR), read
    /// from the bytes: a byte is then a Character, and asking Unicode's tables of each cost more
    /// than the rest of a Reuters headline's reading. Nil for other text.
    private static func asciiWordsEnd(_ text: Substring) -> String.Index? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        return utf8.firstIndex { byte in
            let lower = byte | 0x20
            return !(lower >= 0x61 && lower <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte == 0x20)
        } ?? utf8.endIndex
    }

    /// The slug without its version marker and cycle prefix, folded to lowercase words joined by
    /// "-": "BC-CORRECTED---BANKAMERI" → "bankameri", "BC-US--Ethanol-Losing Grassland,
    /// 1st Ld-Writethru" → "us-ethanol-losing-grassland". Nil when nothing is left.
    package static func baseSlug(_ slug: String) -> String? {
        var text = Substring(slug)
        if let comma = text.firstIndex(of: ",") { text = text[..<comma] }  // ", 1st Ld-Writethru,1140"
        var words = folded(String(text))
        if let first = words.first, cyclePrefixes.contains(first) { words.removeFirst() }
        words.removeAll { isMarkerWord($0) && !isNumber($0) || $0 == "abridged" }
        return words.isEmpty ? nil : words.joined(separator: "-")
    }

    /// Whether the first word of `text` (after spaces, `(` or `<`) could be a marker word: an
    /// ASCII word whose lowercase is one, or a number or ordinal.
    static func mayOpenWithMarker(_ text: String) -> Bool {
        // The word packed into two integers (at most 12 bytes, none of them zero), compared with
        // the marker words packed the same way: an array and a String hashed into a Set cost
        // ~1,900 instructions a Reuters headline.
        var word = PackedWord()
        for byte in text.utf8 {
            if word.count == 0 && (byte == 0x20 || byte == 0x28 || byte == 0x3C || byte == 0x2A) { continue }
            let lower = byte | 0x20
            guard (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) else { break }
            word.append(byte >= 0x41 && byte <= 0x5A ? lower : byte)
            if word.count > 12 { return false }
        }
        guard word.count > 0 else { return false }
        let first = UInt8(truncatingIfNeeded: word.low)
        if first >= 0x30 && first <= 0x39 { return true }
        return packedMarkerWords.contains(word)
    }

    /// Up to 16 bytes of a word, the first in the lowest byte of `low`.
    struct PackedWord: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = 0

        mutating func append(_ byte: UInt8) {
            if count < 8 {
                low |= UInt64(byte) << (8 * count)
            } else if count < 16 {
                high |= UInt64(byte) << (8 * (count - 8))
            }
            count += 1
        }
    }

    /// `markerWords`, packed (all are ASCII and at most 12 bytes).
    static let packedMarkerWords: [PackedWord] = markerWords.map { word in
        var packed = PackedWord()
        for byte in word.utf8 { packed.append(byte) }
        return packed
    }

    // MARK: - Words

    /// A kill or withdrawal, and a government notice's cancellation of an earlier alert.
    static let killWords: Set<String> = [
        "kill", "kills", "killed", "withdrawn", "withdrawal", "elimination", "eliminated", "mandatory", "cancellation",
    ]
    /// Words that, alone, open a headline as a version marker.
    static let headlineMarkerWords: Set<String> = [
        "corrected", "correction", "rpt", "repeat", "update", "refile", "kill", "withdrawn", "writethru", "recasts",
    ]
    static let markerWords: Set<String> = [
        "ld", "lead", "writethru", "writethrough", "write", "thru", "update", "updates", "corrected", "correction",
        "corrects", "corrective", "corr", "refile", "refiled", "resending", "recasts", "rpt", "repeat", "repetition",
        "kill", "withdrawn", "withdrawal", "elimination", "mandatory", "story", "sub", "new", "adds", "insert",
    ]
    static let strongWords: Set<String> = [
        "ld", "lead", "writethru", "writethrough", "update", "corrected", "correction", "corrects", "refile", "refiled",
        "resending", "recasts", "rpt", "repeat", "repetition", "kill", "withdrawn", "withdrawal", "elimination",
    ]
    static let cyclePrefixes: Set<String> = ["bc", "am", "pm", "ap"]

    static func isMarkerWord(_ word: String) -> Bool {
        markerWords.contains(word) || ordinal(word) || isNumber(word)
    }

    /// "1st", "2nd", "3rd", "10th", and the ordinals AP glues to "Ld": "1stld".
    static func ordinal(_ word: String) -> Bool {
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return false }
        let suffix = word.dropFirst(digits.count)
        return ["st", "nd", "rd", "th", "stld", "ndld", "rdld", "thld"].contains(String(suffix))
    }

    static func isNumber(_ word: String) -> Bool { !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isNumber } }

    /// Lowercase words of letters and digits.
    static func folded(_ text: String) -> [String] {
        // ASCII text: its letters and digits are the bytes A–Z, a–z and 0–9, found without
        // asking Unicode's tables for every Character.
        var text = text
        if let words = text.withUTF8({ bytes -> [String]? in
            guard WordAtATime.isASCII(bytes) else { return nil }
            var words: [String] = []
            var word: [UInt8] = []
            for byte in bytes {
                let lower = byte | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    word.append(lower)
                } else if byte >= 0x30 && byte <= 0x39 {
                    word.append(byte)
                } else if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }) {
            return words
        }
        return text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        // Most have nothing to trim: a Character that is a space or a tab begins and ends with that
        // byte, so looking at two bytes spares walking grapheme clusters from both ends.
        var view = Substring(self)
        if let first = view.utf8.first, let last = view.utf8.last, first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return String(view)
        }
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        // `dropLast(1)`: `dropLast()` is Collection's, which counts the whole string first.
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast(1) }
        return String(view)
    }

    /// "(Achtung)" → "Achtung"; anything else as it is.
    var trimmingParentheses: String {
        guard first == "(", last == ")", count > 2 else { return String(self) }
        return String(dropFirst().dropLast(1))
    }
}
