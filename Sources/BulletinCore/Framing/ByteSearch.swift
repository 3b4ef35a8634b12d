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
    /// Whether `haystack` holds the bytes of `needle`: `memchr` finds each place the needle's
    /// rarest byte in text occurs (many bytes a step), and only there is the needle compared.
    /// Its first byte was looked for before: a common one ("r" of dpa's "ryryryry") stopped
    /// `memchr` every few bytes, ~5,000 instructions a dpa item.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        var pivot = 0
        for offset in 1..<needle.count where commonness(needle[offset]) < commonness(needle[pivot]) { pivot = offset }
        let lastStart = haystack.count - needle.count
        var start = 0
        while start <= lastStart, let found = memchr(base + start + pivot, Int32(needle[pivot]), lastStart - start + 1) {
            let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) - pivot
            var offset = 0
            while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
            start = index + 1
        }
        return false
    }

    /// How often a byte comes in text, roughly (higher is more often): the space, then lowercase
    /// letters by their order in English ("etaoin…"), then capitals and digits, then the rest.
    private static func commonness(_ byte: UInt8) -> Int {
        switch byte {
        case 0x20: 40
        case 0x61...0x7A: 10 + letterOrder[Int(byte - 0x61)]
        case 0x41...0x5A, 0x30...0x39: 5
        default: 0
        }
    }

    /// a…z: 26 for the commonest letter of English text ("e"), 1 for the rarest ("z").
    private static let letterOrder: [Int] = {
        var order = [Int](repeating: 0, count: 26)
        for (rank, letter) in "zqxjkvbpygfwmucldrhsnioate".utf8.enumerated() { order[Int(letter - 0x61)] = rank + 1 }
        return order
    }()

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { contains(haystack, $0) }
    }
}
