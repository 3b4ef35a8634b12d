/// Where a snapshot's sections are written (`DuplicateIndex.write(to:)`): into one buffer
/// (`SnapshotWriter`) or on to a file a chunk at a time (`StreamingSnapshotWriter`).
protocol SnapshotSink {
    mutating func append(bytes more: [UInt8])
    mutating func append<T: FixedWidthInteger>(_ value: T)
    mutating func append<T: FixedWidthInteger>(array: [T])
}

/// Appends integers and integer arrays as raw bytes, then a checksum.
struct SnapshotWriter: SnapshotSink {
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

/// The same bytes as `SnapshotWriter`, handed to `sink` a chunk at a time as they are made, the
/// checksum kept running: a large index's snapshot is written to its file without a buffer of
/// its size (issue #14: 41 MB after 186,000 stories, on top of the index itself). The first
/// error `sink` throws stops the writing and is kept in `failure`.
struct StreamingSnapshotWriter<Failure: Error>: SnapshotSink {
    private let sink: (UnsafeRawBufferPointer) throws(Failure) -> Void
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var checksum = SnapshotChecksum.Running()
    private(set) var failure: Failure?

    /// `header` goes first, outside the checksum, as `SnapshotWriter(header:)` puts it.
    init(header: [UInt8], chunkSize: Int, sink: @escaping (UnsafeRawBufferPointer) throws(Failure) -> Void) {
        self.sink = sink
        self.chunkSize = max(chunkSize, 8)
        buffer.reserveCapacity(self.chunkSize)
        header.withUnsafeBytes { hand(on: $0, checksummed: false) }
    }

    mutating func append(bytes more: [UInt8]) {
        more.withUnsafeBytes { append(raw: $0) }
    }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value) { append(raw: $0) }
    }

    mutating func append<T: FixedWidthInteger>(array: [T]) {
        append(UInt64(array.count))
        array.withUnsafeBytes { append(raw: $0) }
    }

    /// The buffer and the checksum handed on; `failure` set if anything could not be.
    mutating func finish() {
        flush()
        let sum = checksum.value
        withUnsafeBytes(of: sum) { hand(on: $0, checksummed: false) }
    }

    /// Small pieces gather in the buffer; a piece as large as a chunk goes on whole, from where
    /// it lies, in chunks.
    private mutating func append(raw: UnsafeRawBufferPointer) {
        if buffer.count + raw.count <= chunkSize {
            buffer.append(contentsOf: raw)
            return
        }
        flush()
        var start = 0
        while raw.count - start >= chunkSize {
            hand(on: UnsafeRawBufferPointer(rebasing: raw[start..<(start + chunkSize)]), checksummed: true)
            start += chunkSize
        }
        buffer.append(contentsOf: raw[start...])
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        pending.withUnsafeBytes { hand(on: $0, checksummed: true) }
    }

    private mutating func hand(on bytes: UnsafeRawBufferPointer, checksummed: Bool) {
        guard failure == nil, !bytes.isEmpty else { return }
        if checksummed { checksum.add(bytes) }
        do {
            try sink(bytes)
        } catch {
            failure = error
        }
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
    static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var running = Running()
        bytes.withUnsafeBytes { running.add($0) }
        return running.value
    }

    /// The checksum of bytes handed over in pieces: the same as `of` their concatenation.
    struct Running {
        private var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1, prime2, 0, 0 &- prime1)
        /// The last bytes, fewer than a 32-byte round, waiting for the next piece.
        private var pending: [UInt8] = []
        private var count = 0

        @inline(__always) private static func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
            let mixed = lane &+ input &* prime2
            return ((mixed << 31) | (mixed >> 33)) &* prime1
        }

        @inline(__always) private static func rounds(
            _ lanes: inout (UInt64, UInt64, UInt64, UInt64), _ raw: UnsafeRawBufferPointer, _ index: Int
        ) {
            lanes.0 = round(lanes.0, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            lanes.1 = round(lanes.1, raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
            lanes.2 = round(lanes.2, raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
            lanes.3 = round(lanes.3, raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
        }

        mutating func add(_ raw: UnsafeRawBufferPointer) {
            count += raw.count
            var index = 0
            var lanes = self.lanes  // in registers for the loop
            if !pending.isEmpty {
                index = min(32 - pending.count, raw.count)
                pending.append(contentsOf: raw[0..<index])
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { Self.rounds(&lanes, $0, 0) }
                pending.removeAll(keepingCapacity: true)
            }
            while index + 32 <= raw.count {
                Self.rounds(&lanes, raw, index)
                index += 32
            }
            pending.append(contentsOf: raw[index...])
            self.lanes = lanes
        }

        var value: UInt64 {
            var hash = StableHash.combine(StableHash.combine(lanes.0, lanes.1), StableHash.combine(lanes.2, lanes.3))
            for byte in pending { hash = StableHash.combine(hash, UInt64(byte)) }
            return StableHash.combine(hash, UInt64(count))
        }
    }
}
