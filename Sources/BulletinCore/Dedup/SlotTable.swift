/// An open-addressing hash table of story slots (linear probing), 4 bytes per entry.
///
/// Keys are not stored: an entry is `(slot + 1) << tagBits | tag`, where the tag is 6 bits of the
/// key's hash that filter out most foreign entries on a probe without touching the story records;
/// `rehash` (the hash of the key a slot's record has) confirms a tag hit and rebuilds the table
/// when it grows. Capacity is any integer (positions by multiply-high, not by mask), so the table
/// can grow by 1.4× and keep its load between 0.6 and 0.85 — the difference between ~5 and ~8
/// bytes per entry.
///
/// Many stories may share a key (a band of their signature), and under plain linear probing all
/// entries of one key sit in one run that every lookup landing in it walks to its end: 16,000
/// templated look-alikes made lookups of other stories 15–24 times slower (issue #14). A cap on
/// entries per key alone is not enough: look-alikes share hundreds of keys, and their capped runs
/// still merge into runs of a thousand and more. So each entry of a key has a home of its own:
/// the n-th entry of a key lives at the home of `probe(hash, n)`, and a key's entries are found
/// one walk each, oldest first, until a walk finds none. A key with no entry costs one walk, as
/// before. And a key takes at most `cap` entries: a lookup reads at most `maxCandidates`
/// candidates in any case, the oldest first, so later ones were never read (the story is still
/// found by its other keys and its id).
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

    /// The most entries one key may have: as many as there are tags, so that the n-th entry of a
    /// key carries a tag no other entry of that key carries (`tag(of:number:)`).
    static let maximumPerKey = 1 << Int(tagBits)

    /// The hash that places the `number`-th entry of a key (the first: the key's own).
    @inline(__always)
    static func probe(_ hash: UInt64, _ number: Int) -> UInt64 {
        number == 0 ? hash : StableHash.mix(hash &+ UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// The `number`-th entry's tag: the key's own, turned by `number`. A walk for one entry of a
    /// key never stops at another entry of that key, so the entries 0, 1, … are told apart.
    @inline(__always)
    static func tag(of hash: UInt64, number: Int) -> UInt32 { (tag(of: hash) &+ UInt32(truncatingIfNeeded: number)) & tagMask }

    /// Reads the entry at `hash`'s home position so that a later `forEachSlot` finds it in
    /// cache: issuing all bands' first reads together lets the memory system overlap them.
    @inline(__always)
    func touch(hash: UInt64) -> UInt32 {
        entries.withUnsafeBufferPointer { $0[Self.home(of: hash, capacity: $0.count)] }
    }

    /// Walks the run from the home of the `number`-th entry of the key `hash` for that entry:
    /// its slot, or the empty position that ends the run.
    @inline(__always)
    private func find(_ number: Int, of hash: UInt64, rehash: (Int) -> UInt64) -> (slot: Int?, empty: Int) {
        let tag = Self.tag(of: hash, number: number)
        return entries.withUnsafeBufferPointer { table in
            let capacity = table.count
            var position = Self.home(of: Self.probe(hash, number), capacity: capacity)
            while true {
                let entry = table[position]
                if entry == 0 { return (nil, position) }
                if entry & Self.tagMask == tag {
                    let slot = Int(entry >> Self.tagBits) - 1
                    if rehash(slot) == hash { return (slot, position) }
                }
                position += 1
                if position == capacity { position = 0 }
            }
        }
    }

    /// Calls `body` with the slots of the key `hash`, oldest first, until it returns false.
    @inline(__always)
    func forEachSlot(of hash: UInt64, rehash: (Int) -> UInt64, _ body: (Int) -> Bool) {
        var number = 0
        while number < Self.maximumPerKey, let slot = find(number, of: hash, rehash: rehash).slot {
            guard body(slot) else { return }
            number += 1
        }
    }

    /// Inserts `slot` under the key `hash`, unless the key has `cap` entries already (at most
    /// `maximumPerKey`): then it returns false and leaves the table as it was.
    @discardableResult
    mutating func insert(slot: Int, hash: UInt64, cap: Int = SlotTable.maximumPerKey, rehash: (Int) -> UInt64) -> Bool {
        precondition(slot <= Self.maximumSlot, "slot table full")
        let cap = min(cap, Self.maximumPerKey)
        if Double(count + 1) > Double(capacity) * Self.maximumLoad {
            grow(to: Int(Double(capacity) * Self.growthFactor) + 1, rehash: rehash)
        }
        let first = find(0, of: hash, rehash: rehash)
        let number = first.slot == nil ? 0 : entryCount(of: hash, upTo: cap, rehash: rehash)  // 1 or more
        guard number < cap else { return false }
        let position = number == 0 ? first.empty : find(number, of: hash, rehash: rehash).empty
        entries[position] = (UInt32(slot + 1) << Self.tagBits) | Self.tag(of: hash, number: number)
        count += 1
        return true
    }

    /// How many entries the key `hash` has, `limit` at most, when it has one. They are numbered
    /// 0, 1, … without a gap (nothing is removed but by a rebuild, and each number has a tag of
    /// its own), so the first number missing is found by bisection: one more walk for a key of
    /// one entry, two for a key at its limit, about seven otherwise — not one per entry.
    private func entryCount(of hash: UInt64, upTo limit: Int, rehash: (Int) -> UInt64) -> Int {
        func exists(_ number: Int) -> Bool { find(number, of: hash, rehash: rehash).slot != nil }
        guard limit > 1, exists(1) else { return 1 }
        if exists(limit - 1) { return limit }
        // `low` exists, `high` does not.
        var low = 1
        var high = limit - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if exists(middle) { low = middle } else { high = middle }
        }
        return high
    }

    /// Rebuilds the table at `newCapacity` from its own entries: each keeps its number (its tag
    /// less its key's) and goes to that number's home in the larger table.
    mutating func grow(to newCapacity: Int, rehash: (Int) -> UInt64) {
        let old = entries
        entries = [UInt32](repeating: 0, count: newCapacity)
        entries.withUnsafeMutableBufferPointer { table in
            for entry in old where entry != 0 {
                let hash = rehash(Int(entry >> Self.tagBits) - 1)
                let number = Int((entry &- Self.tag(of: hash)) & Self.tagMask)
                var position = Self.home(of: Self.probe(hash, number), capacity: newCapacity)
                while table[position] != 0 {
                    position += 1
                    if position == newCapacity { position = 0 }
                }
                table[position] = entry
            }
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
