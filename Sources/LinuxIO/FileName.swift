import SystemPackage

/// A name in a folder, as the kernel gives it: bytes, not necessarily UTF-8.
///
/// Producers can create any name but `/` and NUL — newlines, escape sequences, invalid UTF-8.
/// Such a name is never put into a log line or a store record as it is; `display` shows it
/// with every doubtful byte escaped, and the original bytes still address the file.
package struct FileName: Sendable, Hashable, CustomStringConvertible {
    package let bytes: [UInt8]

    package init(bytes: some Sequence<UInt8>) { self.bytes = Array(bytes) }
    package init(_ string: String) { bytes = Array(string.utf8) }

    /// The name as text, when it is valid UTF-8.
    package var string: String? { String(validating: bytes, as: UTF8.self) }

    /// Valid UTF-8 without control characters: safe to store as it is, and a bulletin's name
    /// may be one (format characters such as a zero-width non-joiner belong in Persian words).
    package var isPlainText: Bool {
        guard let string else { return false }
        return !string.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// The name for people (the journal, reason files): as it is when every character shows
    /// as itself, else with control characters, invisible and direction-changing characters
    /// and invalid bytes written `%XX` (and `%` itself as `%25`, so the escaping reads back).
    /// A U+202E RIGHT-TO-LEFT OVERRIDE would otherwise make `report‮txt.exe` read as
    /// `reportexe.txt`, and a zero-width space make two names look the same.
    package var display: String {
        if bytes.allSatisfy({ (0x20...0x7E).contains($0) }) { return String(decoding: bytes, as: UTF8.self) }
        if let string, !string.unicodeScalars.contains(where: Self.isHidden) { return string }
        var out = ""
        var index = 0
        while index < bytes.count {
            // Take the longest valid UTF-8 scalar at this position, if any.
            var decoded: Unicode.Scalar?
            var length = 1
            for candidate in 1...4 where index + candidate <= bytes.count {
                if let text = String(validating: bytes[index..<index + candidate], as: UTF8.self),
                    let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1
                {
                    decoded = scalar
                    length = candidate
                    break
                }
            }
            if let scalar = decoded, !Self.isHidden(scalar), scalar != "%" {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in bytes[index..<index + length] {
                    let hex = String(byte, radix: 16, uppercase: true)
                    out += "%" + (byte < 16 ? "0" : "") + hex
                }
            }
            index += length
        }
        return out
    }

    /// A character that does not show as itself: a control character (C0, DEL, C1), a format
    /// character (general category Cf: bidirectional overrides and isolates, zero-width spaces
    /// and joiners, the byte order mark, soft hyphen…) or a line or paragraph separator.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    package var description: String { display }

    /// The file's path in `directory`, from the original bytes.
    package func path(in directory: FilePath) -> FilePath {
        let joined = Array(directory.string.utf8) + [UInt8(ascii: "/")] + bytes + [0]
        return joined.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { FilePath(platformString: $0.baseAddress!) }
        }
    }
}
