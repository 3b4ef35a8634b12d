import Testing

@testable import BulletinCore

/// The index snapshot written to its file as it is made (issue #14, finding 5): a large index's
/// snapshot is never a buffer of its size beside the index. The pieces must join to exactly the
/// bytes of the one-buffer snapshot, whatever the piece size, and the running checksum must be
/// the one snapshots already on disk were written with.
@Suite struct SnapshotStreamingTests {
    struct SinkFull: Error, Equatable {}

    /// An index of `count` stories (3,000 make arrays of tens of KB, larger than the pieces).
    static func index(_ count: Int) -> DuplicateIndex {
        var index = DuplicateIndex()
        for number in 0..<count {
            let story = Story(
                headline: "Item \(number)",
                paragraphs: ["Story number \(number) about widget \(number * 7) in district \(number % 97), officials in region \(number) said on Monday."])
            _ = index.ingest(story, receivedAt: DedupFixtures.now + Double(number))
        }
        return index
    }

    /// The pieces handed on, for a chunk size.
    static func pieces(_ index: DuplicateIndex, header: [UInt8], chunkSize: Int) -> [[UInt8]] {
        nonisolated(unsafe) var pieces: [[UInt8]] = []
        index.writeSnapshot(after: header, chunkSize: chunkSize) { (piece: UnsafeRawBufferPointer) throws(Never) in
            pieces.append(Array(piece))
        }
        return pieces
    }

    @Test(arguments: [8, 13, 64, 1_000, 1 << 20])
    func piecesJoinToTheOneBufferSnapshot(chunkSize: Int) throws {
        let header = Array("bulletind-index 1 4096 8:1\n".utf8)
        for index in [DuplicateIndex(), Self.index(5), Self.index(3_000)] {
            let whole = index.snapshot(after: header)
            let pieces = Self.pieces(index, header: header, chunkSize: chunkSize)
            #expect(pieces.joined().elementsEqual(whole))
            #expect(pieces.first == header)
            #expect(pieces.dropFirst().allSatisfy { $0.count <= max(chunkSize, 8) && !$0.isEmpty })
            let loaded = try DuplicateIndex(snapshot: Array(pieces.dropFirst().joined()), configuration: .default)
            #expect(loaded.count == index.count)
        }
    }

    /// The first error the sink throws stops the writing: nothing more is handed on.
    @Test func aFailingSinkStopsTheWriting() {
        let index = Self.index(3_000)
        nonisolated(unsafe) var handed = 0
        #expect(throws: SinkFull()) {
            try index.writeSnapshot(after: [], chunkSize: 64) { (_: UnsafeRawBufferPointer) throws(SinkFull) in
                handed += 1
                if handed == 3 { throw SinkFull() }
            }
        }
        #expect(handed == 3)
    }

    /// The checksum of bytes handed over in pieces, split anywhere, is the one-pass checksum of
    /// the whole (`reference`, the form every snapshot on disk was written with).
    @Test func theRunningChecksumIsTheOnePassOne() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 31, 32, 33, 64, 100, 1_000, 4_099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let expected = Self.reference(bytes[...])
            #expect(SnapshotChecksum.of(bytes[...]) == expected)
            for _ in 0..<20 {
                var cuts = (0..<3).map { _ in Int.random(in: 0...length, using: &generator) }.sorted()
                cuts = [0] + cuts + [length]
                var running = SnapshotChecksum.Running()
                for (start, end) in zip(cuts, cuts.dropFirst()) {
                    bytes[start..<end].withUnsafeBytes { running.add($0) }
                }
                #expect(running.value == expected, "\(length) bytes cut at \(cuts)")
            }
        }
    }

    /// The checksum as it was written before it could run over pieces (a copy, kept as the
    /// reference for the format).
    static func reference(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
        let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1, prime2, 0, 0 &- prime1)
        func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
            let mixed = lane &+ input &* prime2
            return ((mixed << 31) | (mixed >> 33)) &* prime1
        }
        return bytes.withUnsafeBytes { raw in
            var index = 0
            while index + 32 <= raw.count {
                lanes.0 = round(lanes.0, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                lanes.1 = round(lanes.1, raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
                lanes.2 = round(lanes.2, raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
                lanes.3 = round(lanes.3, raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
                index += 32
            }
            var hash = StableHash.combine(StableHash.combine(lanes.0, lanes.1), StableHash.combine(lanes.2, lanes.3))
            while index < raw.count {
                hash = StableHash.combine(hash, UInt64(raw[index]))
                index += 1
            }
            return StableHash.combine(hash, UInt64(raw.count))
        }
    }
}
