import CTextDetection

/// Strict decoding of a legacy code page through ICU: the first byte sequence the code page
/// does not define stops it, so a wrong guess fails instead of inventing characters. (ICU's
/// Windows code pages map their few unassigned bytes to the C1 control of the same value, as
/// browsers do; `LegacyReading` counts those against a reading.)
enum CodePage {
    struct Failure: Error {
        /// Offset of the first byte no character of the code page has.
        var offset: Int

        func description(of bytes: ArraySlice<UInt8>) -> String {
            let index = bytes.startIndex + min(offset, max(0, bytes.count - 1))
            let byte = bytes.isEmpty ? 0 : bytes[index]
            return "byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) is no character of it"
        }
    }

    static func decode(_ bytes: ArraySlice<UInt8>, as encoding: SourceEncoding) -> Result<String, Failure> {
        guard let converter = encoding.converterName else { return .failure(Failure(offset: 0)) }
        var failure: Failure?
        // Three UTF-8 bytes per input byte cover every code page here (no byte becomes a
        // character beyond U+FFFF unless it is one of four).
        let capacity = 3 * bytes.count + 16
        let text = bytes.withUnsafeBufferPointer { input in
            String(unsafeUninitializedCapacity: capacity) { output in
                var errorOffset: Int64 = 0
                let written = td_decode(
                    converter, input.baseAddress, Int64(input.count), output.baseAddress, Int64(capacity), &errorOffset)
                guard written >= 0 else {
                    failure = Failure(offset: written == -2 ? Int(errorOffset) : 0)
                    return 0
                }
                return Int(written)
            }
        }
        if let failure { return .failure(failure) }
        return .success(text)
    }
}
