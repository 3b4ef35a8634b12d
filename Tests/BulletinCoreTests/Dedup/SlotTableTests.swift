import Testing

@testable import BulletinCore

@Suite("SlotTable")
struct SlotTableTests {
    static let sameKey: UInt64 = 0xDEAD_BEEF_0000_0001
    static let other: UInt64 = 0x1234_5678_9ABC_DEF0
    /// Slots 0–9 (and 20–29) are `sameKey`'s, 10 is `other`'s, the rest have keys of their own.
    static func key(of slot: Int) -> UInt64 {
        switch slot {
        case 0..<10, 20..<30: sameKey
        case 10: other
        default: UInt64(slot) &* 0x9E37_79B9_7F4A_7C15
        }
    }

    func slots(of hash: UInt64, in table: SlotTable, while more: ([Int]) -> Bool = { _ in true }) -> [Int] {
        var seen: [Int] = []
        table.forEachSlot(of: hash, rehash: Self.key(of:)) { slot in
            seen.append(slot)
            return more(seen)
        }
        return seen
    }

    @Test func aKeyTakesAtMostItsCapAndALookupStopsWhenAsked() {
        var table = SlotTable()
        for slot in 0..<10 {
            let inserted = table.insert(slot: slot, hash: Self.sameKey, cap: 4, rehash: Self.key(of:))
            #expect(inserted == (slot < 4))
        }
        #expect(table.count == 4)
        let otherInserted = table.insert(slot: 10, hash: Self.other, cap: 4, rehash: Self.key(of:))
        #expect(otherInserted)
        #expect(slots(of: Self.sameKey, in: table) == [0, 1, 2, 3])
        #expect(slots(of: Self.sameKey, in: table) { $0.count < 2 } == [0, 1])
        #expect(slots(of: Self.other, in: table) == [10])
    }

    /// Growth keeps every key's entries in their order, and a key at its cap stays at it.
    @Test func growthKeepsEveryEntry() {
        var table = SlotTable()
        for slot in 0..<10 { table.insert(slot: slot, hash: Self.key(of: slot), cap: 4, rehash: Self.key(of:)) }
        for slot in 30..<300 { table.insert(slot: slot, hash: Self.key(of: slot), cap: 4, rehash: Self.key(of:)) }
        #expect(table.capacity > SlotTable.minimumCapacity)
        #expect(slots(of: Self.sameKey, in: table) == [0, 1, 2, 3])
        for slot in 20..<30 {
            let inserted = table.insert(slot: slot, hash: Self.sameKey, cap: 4, rehash: Self.key(of:))
            #expect(!inserted)
        }
        for slot in 30..<300 { #expect(slots(of: Self.key(of: slot), in: table) == [slot]) }
        // Without a cap of its own (the exact table), a key takes up to `maximumPerKey` entries.
        for slot in 20..<30 { table.insert(slot: slot, hash: Self.sameKey, rehash: Self.key(of:)) }
        #expect(slots(of: Self.sameKey, in: table) == Array(0..<4) + Array(20..<30))
    }
}
