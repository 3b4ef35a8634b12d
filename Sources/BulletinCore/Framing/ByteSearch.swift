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

enum ByteSearch {
    /// Whether `haystack` holds the bytes of `needle`: `memchr` finds each place its first byte
    /// occurs (many bytes a step), and only there are the rest compared.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        let lastStart = haystack.count - needle.count
        var start = 0
        while start <= lastStart, let found = memchr(base + start, Int32(first), lastStart - start + 1) {
            let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            var offset = 1
            while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
            start = index + 1
        }
        return false
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { contains(haystack, $0) }
    }
}
