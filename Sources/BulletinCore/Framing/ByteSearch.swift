#if canImport(Glibc)
import Glibc
#endif

extension ArraySlice where Element == UInt8 {
    /// The index of the first `byte`, found by the C library's `memchr` (many bytes a step),
    /// where `firstIndex(of:)` compares one byte at a time: in a feed, the SOH, STX, ETX and EOT
    /// that frame its items lie thousands of bytes apart.
    func firstIndex(ofByte byte: UInt8) -> Int? {
        withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, !buffer.isEmpty, let found = memchr(base, Int32(byte), buffer.count) else {
                return nil
            }
            return startIndex + UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }
}
