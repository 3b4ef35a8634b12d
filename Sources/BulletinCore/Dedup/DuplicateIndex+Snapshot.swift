/// Snapshot: the index's arrays written as they are in memory (little-endian integers), so that
/// loading a million stories is a few large copies and one checksum pass, not a rebuild.
///
/// Layout: header (magic "BLTNDDUP", format version, layout fingerprint of the configuration,
/// counts), then the record arrays, the exact table, the lead table, the headline table and each
/// band table, each array prefixed by its element count, then a 64-bit checksum of everything
/// before it.
extension DuplicateIndex {
    /// `header`: bytes of the file's own before the snapshot (not covered by its checksum), so
    /// that the file is made in one buffer: joined afterwards, a large index's snapshot was
    /// twice in memory at once (40 MB each at 200,000 stories, issue #14).
    package func snapshot(after header: [UInt8] = []) -> [UInt8] {
        var writer = SnapshotWriter(header: header)
        writer.reserve(memoryFootprint + 256)
        write(to: &writer)
        writer.appendChecksum()
        return writer.bytes
    }

    /// The bytes of `snapshot(after: header)`, handed to `sink` as they are made: the header
    /// whole, then pieces of at most `chunkSize` bytes (the checksum last): a file written this
    /// way never has the snapshot in memory beside the index (issue #14). Stops at the first
    /// error `sink` throws, and throws it.
    package func writeSnapshot<Failure: Error>(
        after header: [UInt8], chunkSize: Int = 1 << 20, to sink: @escaping (UnsafeRawBufferPointer) throws(Failure) -> Void
    ) throws(Failure) {
        var writer = StreamingSnapshotWriter(header: header, chunkSize: chunkSize, sink: sink)
        write(to: &writer)
        writer.finish()
        if let failure = writer.failure { throw failure }
    }

    /// Everything but the checksum, in order.
    private func write(to writer: inout some SnapshotSink) {
        writer.append(bytes: SnapshotFormat.magic)
        writer.append(UInt32(SnapshotFormat.version))
        writer.append(UInt32(SnapshotFormat.byteOrderMark))
        writer.append(configuration.layoutFingerprint)
        writer.append(UInt64(columns.count))
        writer.append(UInt64(deadCount))
        writer.append(array: columns.idWords)
        writer.append(array: columns.signatures)
        writer.append(array: columns.receivedAt)
        writer.append(array: columns.shingleCounts)
        writer.append(array: columns.numberMasks)
        writer.append(array: columns.nameMasks)
        writer.append(array: columns.leadKeys)
        writer.append(array: columns.headlineKeys)
        writer.append(array: columns.shortBodyWords)
        for table in [exactTable, leadTable, headlineTable] + bandTables {
            writer.append(UInt64(table.count))
            writer.append(array: table.entries)
        }
        versions.write(to: &writer)
    }

    /// Loads a snapshot made by `snapshot()`. Throws on corrupt, truncated or foreign bytes, and
    /// on a snapshot made with another layout (shingle size, hash count, bands, seed, feature
    /// version): the daemon then rebuilds from the store.
    package init(snapshot bytes: [UInt8], configuration: DedupConfiguration) throws {
        try self.init(snapshot: bytes[...], configuration: configuration)
    }

    /// The same, from part of a larger buffer (a snapshot file with a header before the index).
    package init(snapshot bytes: ArraySlice<UInt8>, configuration: DedupConfiguration) throws {
        self.init(configuration: configuration)
        var reader = try SnapshotReader(bytes)
        guard try reader.bytes(count: SnapshotFormat.magic.count) == SnapshotFormat.magic else {
            throw DedupSnapshotError.notASnapshot
        }
        let version: UInt32 = try reader.read()
        // Versions 1–4 had no headline keys or short bodies' words, which only the texts can give: such a
        // snapshot is refused, and the index rebuilt from the store, which has every headline
        // (their layout fingerprints, of feature version 5 or older, would refuse them anyway).
        guard version == SnapshotFormat.version else {
            throw DedupSnapshotError.unsupportedVersion(Int(version))
        }
        let byteOrder: UInt32 = try reader.read()
        guard byteOrder == SnapshotFormat.byteOrderMark else { throw DedupSnapshotError.foreignByteOrder }
        let layout: UInt64 = try reader.read()
        guard layout == configuration.layoutFingerprint else { throw DedupSnapshotError.configurationMismatch }
        let slotCount = Int(try reader.read() as UInt64)
        let dead = Int(try reader.read() as UInt64)
        guard slotCount <= SlotTable.maximumSlot + 1, dead <= slotCount else { throw DedupSnapshotError.inconsistent }

        var loaded = IndexColumns(hashCount: configuration.hashCount)
        loaded.idWords = try reader.readArray(expectedCount: 2 * slotCount)
        loaded.signatures = try reader.readArray(expectedCount: configuration.hashCount * slotCount)
        loaded.receivedAt = try reader.readArray(expectedCount: slotCount)
        loaded.shingleCounts = try reader.readArray(expectedCount: slotCount)
        loaded.numberMasks = try reader.readArray(expectedCount: 3 * slotCount)
        loaded.nameMasks = try reader.readArray(expectedCount: slotCount)
        loaded.leadKeys = try reader.readArray(expectedCount: slotCount)
        loaded.headlineKeys = try reader.readArray(expectedCount: slotCount)
        loaded.shortBodyWords = try reader.readArray(expectedCount: slotCount)
        var tables: [SlotTable] = []
        for _ in 0..<(3 + configuration.bandCount) {
            let count = Int(try reader.read() as UInt64)
            let table = SlotTable(entries: try reader.readArray(expectedCount: nil), count: count)
            guard table.capacity >= SlotTable.minimumCapacity, table.isConsistent(slotCount: slotCount) else {
                throw DedupSnapshotError.inconsistent
            }
            tables.append(table)
        }
        versions = try VersionIndex(reading: &reader)
        try reader.verifyChecksumAndEnd()
        guard loaded.receivedAt.lazy.filter({ $0 == IndexColumns.deadMark }).count == dead else {
            throw DedupSnapshotError.inconsistent
        }
        columns = loaded
        deadCount = dead
        exactTable = tables[0]
        leadTable = tables[1]
        headlineTable = tables[2]
        bandTables = Array(tables.dropFirst(3))
    }
}

/// Why a snapshot was refused.
package enum DedupSnapshotError: Error, Equatable, Sendable {
    case notASnapshot
    case unsupportedVersion(Int)
    case foreignByteOrder
    case configurationMismatch
    case truncated
    case checksumMismatch
    case inconsistent
}

enum SnapshotFormat {
    static let magic: [UInt8] = Array("BLTNDDUP".utf8)
    /// 2: the version links follow the band tables. 3: and the headline table among them.
    /// 4: a table holds at most `maxCandidates` entries of one key (`SlotTable`); the layout of 3.
    /// 5: the headline keys and short bodies' word masks follow the lead keys, and the headline
    /// table (of short bodies) the lead table.
    static let version = 5
    /// Written in the machine's byte order: reads back as this value only on a machine of the
    /// same order.
    static let byteOrderMark: UInt32 = 0x0102_0304
}
