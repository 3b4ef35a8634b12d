/// Appends integers and integer arrays as raw bytes, then a checksum.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []
    /// Where the snapshot begins in `bytes`, after a header of the file's: the checksum is its own.
    private var start = 0

    init(header: [UInt8] = []) {
        bytes = header
        start = header.count
    }

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(start + count) }

    mutating func append(bytes more: [UInt8]) { bytes.append(contentsOf: more) }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    mutating func append<T: FixedWidthInteger>(array: [T]) {
        append(UInt64(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    mutating func appendChecksum() {
        append(SnapshotChecksum.of(bytes[start...]))
    }
}

/// Reads what `SnapshotWriter` wrote, refusing anything that runs past the end.
struct SnapshotReader {
    /// A slice, so a snapshot read into a larger buffer (after a header) needs no copy.
    private let bytes: ArraySlice<UInt8>
    private var offset = 0
    /// Everything before the trailing checksum.
    private let payloadEnd: Int

    init(_ bytes: ArraySlice<UInt8>) throws {
        guard bytes.count >= 8 + SnapshotFormat.magic.count else { throw DedupSnapshotError.truncated }
        self.bytes = bytes
        payloadEnd = bytes.count - 8
    }

    mutating func bytes(count: Int) throws -> [UInt8] {
        guard count <= payloadEnd - offset else { throw DedupSnapshotError.truncated }
        defer { offset += count }
        return Array(bytes[(bytes.startIndex + offset)..<(bytes.startIndex + offset + count)])
    }

    mutating func read<T: FixedWidthInteger>() throws -> T {
        let size = MemoryLayout<T>.size
        guard size <= payloadEnd - offset else { throw DedupSnapshotError.truncated }
        defer { offset += size }
        return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
    }

    /// An array prefixed by its count; `expectedCount` (when known) must match.
    mutating func readArray<T: FixedWidthInteger>(expectedCount: Int?) throws -> [T] {
        let rawCount: UInt64 = try read()
        let size = MemoryLayout<T>.stride
        guard rawCount <= UInt64(payloadEnd - offset) / UInt64(size) else { throw DedupSnapshotError.truncated }
        let count = Int(rawCount)
        if let expectedCount, expectedCount != count { throw DedupSnapshotError.inconsistent }
        let start = offset
        offset += count * size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<(start + count * size)]))
            }
            initialized = count
        }
    }

    func verifyChecksumAndEnd() throws {
        guard offset == payloadEnd else { throw DedupSnapshotError.inconsistent }
        let stored = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: payloadEnd, as: UInt64.self) }
        guard stored == SnapshotChecksum.of(bytes[..<(bytes.startIndex + payloadEnd)]) else { throw DedupSnapshotError.checksumMismatch }
    }
}

/// A fast 64-bit checksum (four independent multiply-rotate lanes, xxHash64-style rounds): it
/// must catch a flipped or torn byte in hundreds of megabytes in tens of milliseconds; it is not
/// a defense against forgery, which the snapshot file's owner does not need.
enum SnapshotChecksum {
    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
        let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1, prime2, 0, 0 &- prime1)
        @inline(__always) func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
            let mixed = lane &+ input &* prime2
            return ((mixed << 31) | (mixed >> 33)) &* prime1
        }
        return bytes.withUnsafeBytes { raw in
            var index = 0
            let count = raw.count
            while index + 32 <= count {
                lanes.0 = round(lanes.0, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                lanes.1 = round(lanes.1, raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
                lanes.2 = round(lanes.2, raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
                lanes.3 = round(lanes.3, raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
                index += 32
            }
            var hash = StableHash.combine(StableHash.combine(lanes.0, lanes.1), StableHash.combine(lanes.2, lanes.3))
            while index < count {
                hash = StableHash.combine(hash, UInt64(raw[index]))
                index += 1
            }
            return StableHash.combine(hash, UInt64(count))
        }
    }
}
