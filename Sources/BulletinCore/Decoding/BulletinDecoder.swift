/// Turns a file's bytes into text, or says why no reading of them is text.
///
/// Order of decisions: a byte-order mark wins; then UTF-16 without a mark when the zero bytes
/// say so unmistakably; then strict UTF-8. Any other file is in a legacy code page: the inbox's
/// pinned encoding when it has one (`inbox.encoding`), else the best reading among the ones the
/// charset detectors propose (`LegacyReading`). A legacy reading is strict: a byte the code
/// page does not define rejects that reading, and a file no reading fits is rejected with a
/// reason (`undecodable`), never turned into mojibake.
package struct BulletinDecoder: Sendable {
    /// The encoding every non-Unicode file of this inbox is read in; nil: detect it.
    package var pinned: SourceEncoding?

    package init(pinned: SourceEncoding? = nil) {
        self.pinned = pinned
    }

    /// `BulletinDecoder().decode(bytes)`: detection, nothing pinned.
    package static func decode(_ bytes: [UInt8]) throws(BulletinRejection) -> DecodedBulletin {
        try BulletinDecoder().decode(bytes)
    }

    package func decode(_ bytes: [UInt8]) throws(BulletinRejection) -> DecodedBulletin {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return DecodedBulletin(text: String(decoding: bytes[3...], as: UTF8.self), encoding: .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return DecodedBulletin(text: Self.decodeUTF16(bytes[2...], bigEndian: false), encoding: .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return DecodedBulletin(text: Self.decodeUTF16(bytes[2...], bigEndian: true), encoding: .utf16BE)
        }
        if let bigEndian = Self.unmarkedUTF16ByteOrder(bytes) {
            return DecodedBulletin(
                text: Self.decodeUTF16(bytes[...], bigEndian: bigEndian), encoding: bigEndian ? .utf16BE : .utf16LE)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedBulletin(text: text, encoding: .utf8)
        }
        // A zero byte is no character of any code page bulletins come in: the parser's own
        // verdict on such files stays "binary", whatever is pinned.
        if bytes.contains(0) {
            throw BulletinRejection(reason: .binary, detail: "the bytes hold NUL and are not UTF-16")
        }
        if let pinned { return try Self.decode(bytes, pinned: pinned) }
        return try LegacyReading.best(of: bytes)
    }

    /// A file of a pinned inbox that is not Unicode: read in the pinned encoding or refused.
    static func decode(_ bytes: [UInt8], pinned: SourceEncoding) throws(BulletinRejection) -> DecodedBulletin {
        switch pinned {
        case .utf16LE, .utf16BE:
            return DecodedBulletin(text: decodeUTF16(bytes[...], bigEndian: pinned == .utf16BE), encoding: pinned)
        case .utf8, .utf8BOM:
            throw BulletinRejection(
                reason: .undecodable, detail: "the inbox is pinned to \(pinned.rawValue) and the bytes are not valid UTF-8")
        default:
            switch CodePage.decode(bytes[...], as: pinned) {
            case .success(let text): return DecodedBulletin(text: text, encoding: pinned)
            case .failure(let failure):
                throw BulletinRejection(
                    reason: .undecodable,
                    detail: "the inbox is pinned to \(pinned.rawValue) and \(failure.description(of: bytes[...]))")
            }
        }
    }

    /// Lone surrogates and an odd trailing byte become U+FFFD: UTF-16 was declared, so
    /// there is no better reading to fall back to.
    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 + 1)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        if index < bytes.endIndex { units.append(0xFFFD) }
        return String(decoding: units, as: UTF16.self)
    }

    /// Text in UTF-16 without a mark has a zero in nearly every other byte (for Latin
    /// scripts); UTF-8 text never has one. Demand a strong signal so that a binary file
    /// with a few zeros is still seen as binary.
    static func unmarkedUTF16ByteOrder(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 8, sample.count % 2 == 0 else { return nil }
        var zerosAtEven = 0
        var zerosAtOdd = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { zerosAtEven += 1 } else { zerosAtOdd += 1 }
        }
        let pairs = sample.count / 2
        if zerosAtOdd * 10 >= pairs * 9 && zerosAtEven == 0 { return false }
        if zerosAtEven * 10 >= pairs * 9 && zerosAtOdd == 0 { return true }
        return nil
    }
}
