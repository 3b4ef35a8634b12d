/// Fixed sets the parser consults for nearly every word or line. A `Set<String>` would
/// need a String per question and SipHash per lookup; these take bytes and probe an
/// open-addressing table with one multiply, and are built once.

/// Integer keys (a packed word, a word's key): a membership test without hashing.
struct PackedKeySet: Sendable {
    /// Zero marks an empty slot; no key is zero (`contains(0)` is always false).
    private let slots: [UInt64]
    private let shift: UInt64

    init(_ keys: some Sequence<UInt64>) {
        let keys = Array(keys)
        // At most a quarter full: probes are short, and unsuccessful ones (the common
        // case) stop at an empty slot almost at once.
        var bits: UInt64 = 4
        while 1 << bits < keys.count * 4 { bits += 1 }
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        shift = 64 - bits
        for key in keys where key != 0 {
            var slot = Self.slot(for: key, shift: shift)
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = key
        }
        self.slots = slots
    }

    @inline(__always)
    private static func slot(for key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    func contains(_ key: UInt64) -> Bool {
        guard key != 0 else { return false }
        var slot = Self.slot(for: key, shift: shift)
        while true {
            let stored = slots[slot]
            if stored == key { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }
}

/// ASCII names ("associated press", "bbc news", "UNESCO") looked up by bytes, ASCII
/// letters compared with or without case. Each slot points at a name, which is compared
/// in full: exact, unlike a bare hash.
struct ByteNameSet: Sendable {
    /// Every name (lowercased when case is ignored), back to back; `ends[i]` is where
    /// name `i` stops.
    private let text: [UInt8]
    private let ends: [Int]
    /// Name index + 1 per slot; zero marks an empty slot.
    private let slots: [Int]
    private let shift: UInt64
    private let ignoringCase: Bool

    init(_ names: some Sequence<String>, ignoringCase: Bool) {
        var text: [UInt8] = []
        var ends: [Int] = []
        for name in names {
            precondition(name.utf8.allSatisfy { $0 < 0x80 }, "ByteNameSet holds ASCII names only")
            text.append(contentsOf: ignoringCase ? name.utf8.map(ByteScalars.asciiLower) : Array(name.utf8))
            ends.append(text.count)
        }
        var bits: UInt64 = 4
        while 1 << bits < ends.count * 4 { bits += 1 }
        var slots = [Int](repeating: 0, count: 1 << bits)
        shift = 64 - bits
        for index in ends.indices {
            let start = index == 0 ? 0 : ends[index - 1]
            let hash = text[start..<ends[index]].withUnsafeBufferPointer { Self.hash($0) }
            var slot = Int(truncatingIfNeeded: hash >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = index + 1
        }
        self.text = text
        self.ends = ends
        self.slots = slots
        self.ignoringCase = ignoringCase
    }

    /// FNV-1a over the ASCII-lowercased bytes (so that both kinds of set can share it),
    /// then a multiply to spread the top bits.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(ByteScalars.asciiLower(byte))) &* 0x0000_0100_0000_01B3 }
        return hash &* 0x9E37_79B9_7F4A_7C15
    }

    /// Whether `bytes` is one of the names.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var slot = Int(truncatingIfNeeded: Self.hash(bytes) >> shift)
        while true {
            let entry = slots[slot]
            if entry == 0 { return false }
            let start = entry == 1 ? 0 : ends[entry - 2]
            if ends[entry - 1] - start == bytes.count && matches(bytes, at: start) { return true }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        for offset in 0..<bytes.count {
            let byte = ignoringCase ? ByteScalars.asciiLower(bytes[offset]) : bytes[offset]
            if byte != text[start + offset] { return false }
        }
        return true
    }
}
