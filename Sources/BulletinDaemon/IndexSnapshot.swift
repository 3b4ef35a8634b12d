import BulletinCore
import LinuxIO
import SystemPackage

/// The duplicate index saved in the state folder, so a start reads only the store's tail.
///
/// `state/index.snapshot`: a header line `bulletind-index 1 <store offset>` and the index's own
/// bytes (which carry their checksum). The offset says how much of the store the index has
/// seen; the lines after it are replayed. A missing, corrupt or foreign snapshot is not an
/// error: the index is rebuilt from the store, and the journal says so.
enum IndexSnapshot {
    static func path(in stateDirectory: FilePath) -> FilePath { stateDirectory.appending("index.snapshot") }

    enum LoadResult {
        case loaded(DuplicateIndex, storeOffset: Int64)
        case missing
        case unusable(reason: String)
    }

    static func load(stateDirectory: FilePath, configuration: DedupConfiguration, storeSize: Int64) -> LoadResult {
        let bytes: [UInt8]
        do {
            bytes = try RegularFileReader.read(path(in: stateDirectory), limit: 1 << 36)
        } catch .vanished {
            return .missing
        } catch {
            return .unusable(reason: error.description)
        }
        guard let newline = bytes.prefix(64).firstIndex(of: UInt8(ascii: "\n")) else {
            return .unusable(reason: "no header")
        }
        let header = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 3, header[0] == "bulletind-index", header[1] == "1", let offset = Int64(header[2]) else {
            return .unusable(reason: "unknown header")
        }
        guard offset <= storeSize else { return .unusable(reason: "the store is shorter than the snapshot says") }
        do {
            return .loaded(try DuplicateIndex(snapshot: Array(bytes[(newline + 1)...]), configuration: configuration), storeOffset: offset)
        } catch {
            return .unusable(reason: "\(error)")
        }
    }

    /// Saves atomically: a crash mid-save leaves the previous snapshot in place.
    static func save(_ index: DuplicateIndex, storeOffset: Int64, stateDirectory: FilePath) throws(IOFailure) {
        let bytes = Array("bulletind-index 1 \(storeOffset)\n".utf8) + index.snapshot()
        try FileMover.writeAtomically(bytes, to: path(in: stateDirectory))
    }
}
