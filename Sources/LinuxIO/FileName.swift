import SystemPackage

/// A name in a folder, as the kernel gives it: bytes, not necessarily UTF-8.
///
/// Producers can create any name but `/` and NUL — newlines, escape sequences, invalid UTF-8.
/// Such a name is never put into a log line or a store record as it is; `display` shows it
/// with every doubtful byte escaped, and the original bytes still address the file.
public struct FileName: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: some Sequence<UInt8>) { self.bytes = Array(bytes) }
    public init(_ string: String) { bytes = Array(string.utf8) }

    /// The name as text, when it is valid UTF-8.
    public var string: String? { String(validating: bytes, as: UTF8.self) }

    /// Valid UTF-8 without control characters: safe to log, store and show as it is.
    public var isPlainText: Bool {
        guard let string else { return false }
        return !string.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// The name for people: as it is when plain, else with control characters and invalid
    /// bytes written `%XX`.
    public var display: String {
        if isPlainText, let string { return string }
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
            if let scalar = decoded, scalar.value >= 0x20, !(0x7F...0x9F).contains(scalar.value), scalar != "%" {
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

    public var description: String { display }

    /// The file's path in `directory`, from the original bytes.
    public func path(in directory: FilePath) -> FilePath {
        let joined = Array(directory.string.utf8) + [UInt8(ascii: "/")] + bytes + [0]
        return joined.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { FilePath(platformString: $0.baseAddress!) }
        }
    }
}
