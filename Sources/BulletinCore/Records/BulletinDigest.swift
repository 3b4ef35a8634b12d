import Crypto

/// A bulletin's identity: the SHA-256 of its bytes. Kept as four words rather than 64 hex
/// characters (a ledger of a million bulletins fits in 40 MB); written as hex only where it
/// leaves the process: store lines (`bulletin.sha256`), the ledger file, journal fields.
package struct BulletinDigest: Hashable, Sendable {
    let words: (UInt64, UInt64, UInt64, UInt64)

    /// The digest of `bytes`.
    package init(of bytes: [UInt8]) {
        let hash = SHA256.hash(data: bytes)
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for (position, byte) in hash.enumerated() {
            switch position / 8 {
            case 0: words.0 = words.0 << 8 | UInt64(byte)
            case 1: words.1 = words.1 << 8 | UInt64(byte)
            case 2: words.2 = words.2 << 8 | UInt64(byte)
            default: words.3 = words.3 << 8 | UInt64(byte)
            }
        }
        self.words = words
    }

    /// A digest written as 64 lower-case hex digits (as the store and the ledger write it); nil
    /// for anything else.
    package init?(hex: some Collection<UInt8>) {
        guard hex.count == 64 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var position = 0
        for byte in hex {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            switch position / 16 {
            case 0: words.0 = words.0 << 4 | UInt64(nibble)
            case 1: words.1 = words.1 << 4 | UInt64(nibble)
            case 2: words.2 = words.2 << 4 | UInt64(nibble)
            default: words.3 = words.3 << 4 | UInt64(nibble)
            }
            position += 1
        }
        self.words = words
    }

    package init?(hex: String) { self.init(hex: Array(hex.utf8)) }

    /// The 64 lower-case hex digits.
    package var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { buffer in
            for (index, word) in [words.0, words.1, words.2, words.3].enumerated() {
                for nibble in 0..<16 {
                    buffer[index * 16 + nibble] = digits[Int(word >> UInt64(60 - 4 * nibble) & 0xF)]
                }
            }
            return 64
        }
    }

    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.words == rhs.words }

    package func hash(into hasher: inout Hasher) {
        // Two words of a cryptographic digest are as good a hash as four.
        hasher.combine(words.0)
        hasher.combine(words.1)
    }
}
