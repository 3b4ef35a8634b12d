/// An open-addressing hash table of story slots (linear probing), 4 bytes per entry.
///
/// Keys are not stored: an entry is `(slot + 1) << tagBits | tag`, where the tag is 6 bits of the
/// key's hash that filter out most foreign entries on a probe without touching the story records.
/// When the table grows, each entry's hash is recomputed from the record it points to. Capacity
/// is any integer (positions by multiply-high, not by mask), so the table can grow by 1.4× and
/// keep its load between 0.6 and 0.85 — the difference between ~5 and ~8 bytes per entry.
struct SlotTable: Sendable {
    static let tagBits: UInt32 = 6
    static let tagMask: UInt32 = (1 << tagBits) - 1
    /// Slots must fit in the entry's upper 26 bits.
    static let maximumSlot = Int(UInt32.max >> tagBits) - 1
    static let maximumLoad = 0.85
    static let growthFactor = 1.4
    static let minimumCapacity = 64

    private(set) var entries: [UInt32]
    private(set) var count: Int

    init(capacity: Int = SlotTable.minimumCapacity) {
        entries = [UInt32](repeating: 0, count: max(capacity, Self.minimumCapacity))
        count = 0
    }

    init(entries: [UInt32], count: Int) {
        self.entries = entries
        self.count = count
    }

    var capacity: Int { entries.count }

    /// A capacity that holds `count` entries at a comfortable load.
    static func capacity(toHold count: Int) -> Int {
        max(minimumCapacity, Int(Double(count) / (maximumLoad * 0.75)) + 1)
    }

    @inline(__always)
    static func home(of hash: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: hash.multipliedFullWidth(by: UInt64(capacity)).high)
    }

    @inline(__always)
    static func tag(of hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash) & tagMask }

    /// Reads the entry at `hash`'s home position so that a later `forEachCandidate` finds it in
    /// cache: issuing all bands' first reads together lets the memory system overlap them.
    @inline(__always)
    func touch(hash: UInt64) -> UInt32 {
        entries.withUnsafeBufferPointer { $0[Self.home(of: hash, capacity: $0.count)] }
    }

    /// Calls `body` with every slot whose entry carries `hash`'s tag in `hash`'s probe run.
    @inline(__always)
    func forEachCandidate(hash: UInt64, _ body: (Int) -> Void) {
        let tag = Self.tag(of: hash)
        entries.withUnsafeBufferPointer { table in
            let capacity = table.count
            var index = Self.home(of: hash, capacity: capacity)
            while true {
                let entry = table[index]
                if entry == 0 { return }
                if entry & Self.tagMask == tag { body(Int(entry >> Self.tagBits) - 1) }
                index += 1
                if index == capacity { index = 0 }
            }
        }
    }

    /// Inserts `slot` under `hash`; `rehash` gives the hash of any slot already in the table,
    /// needed only when the table grows.
    mutating func insert(slot: Int, hash: UInt64, rehash: (Int) -> UInt64) {
        precondition(slot <= Self.maximumSlot, "slot table full")
        if Double(count + 1) > Double(capacity) * Self.maximumLoad {
            grow(to: Int(Double(capacity) * Self.growthFactor) + 1, rehash: rehash)
        }
        place(slot: slot, hash: hash)
        count += 1
    }

    /// Rebuilds the table at `newCapacity` from its own entries.
    mutating func grow(to newCapacity: Int, rehash: (Int) -> UInt64) {
        let old = entries
        entries = [UInt32](repeating: 0, count: newCapacity)
        for entry in old where entry != 0 {
            let slot = Int(entry >> Self.tagBits) - 1
            place(slot: slot, hash: rehash(slot))
        }
    }

    @inline(__always)
    private mutating func place(slot: Int, hash: UInt64) {
        let entry = (UInt32(slot + 1) << Self.tagBits) | Self.tag(of: hash)
        entries.withUnsafeMutableBufferPointer { table in
            let capacity = table.count
            var index = Self.home(of: hash, capacity: capacity)
            while table[index] != 0 {
                index += 1
                if index == capacity { index = 0 }
            }
            table[index] = entry
        }
    }

    /// True when every entry names a slot below `slotCount` and the count agrees: a cheap
    /// sanity check for a loaded snapshot.
    func isConsistent(slotCount: Int) -> Bool {
        guard count < capacity else { return false }
        // Branch-free so it vectorizes: a million-story snapshot has ~30 million entries.
        var largest: UInt32 = 0
        var occupied = 0
        entries.withUnsafeBufferPointer { table in
            for entry in table {
                largest = max(largest, entry)
                occupied &+= entry == 0 ? 0 : 1
            }
        }
        return occupied == count && Int(largest >> Self.tagBits) <= slotCount
    }
}
