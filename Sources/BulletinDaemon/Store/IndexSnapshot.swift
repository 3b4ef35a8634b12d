import BulletinCore
import Dispatch
import LinuxIO
import SystemPackage

/// The duplicate index saved in the state folder, so a start reads only the store's tail.
///
/// `state/index.snapshot`: a header line `bulletind-index 1 <store offset> <store device:inode>`
/// and the index's own bytes (which carry their checksum). The offset says how much of that
/// store file the index has seen; the lines after it are replayed (all of the current file when
/// it is another one: the store was rotated since). A missing, corrupt or foreign snapshot is not an
/// error: the index is rebuilt from the store, and the journal says so.
enum IndexSnapshot {
    static func path(in stateDirectory: FilePath) -> FilePath { stateDirectory.appending("index.snapshot") }

    enum LoadResult {
        case loaded(DuplicateIndex, storeOffset: Int64, storeIdentity: String)
        case missing
        case unusable(reason: String)
    }

    static func load(stateDirectory: FilePath, configuration: DedupConfiguration) -> LoadResult {
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
        guard header.count == 4, header[0] == "bulletind-index", header[1] == "1", let offset = Int64(header[2]) else {
            return .unusable(reason: "unknown header")
        }
        do {
            let index = try DuplicateIndex(snapshot: bytes[(newline + 1)...], configuration: configuration)
            return .loaded(index, storeOffset: offset, storeIdentity: String(header[3]))
        } catch {
            return .unusable(reason: "\(error)")
        }
    }

    /// Saves atomically: a crash mid-save leaves the previous snapshot in place.
    static func save(_ index: DuplicateIndex, storeOffset: Int64, storeIdentity: String, stateDirectory: FilePath) throws(IOFailure) {
        // Written as it is made: a large index's snapshot is never a buffer of its size beside it.
        let header = Array("bulletind-index 1 \(storeOffset) \(storeIdentity)\n".utf8)
        try FileMover.writeAtomically(to: path(in: stateDirectory), permissions: .ownerReadWrite) { write throws(IOFailure) in
            try index.writeSnapshot(after: header, to: write)
        }
    }
}

extension IndexSnapshot {
    /// Saves snapshots one at a time, in the order asked, on a thread of its own. Encoding and
    /// writing a large index (20 MB at 100,000 stories, then an fsync) in the pipeline would hold
    /// up every bulletin behind it, and with them the cores that load the next ones.
    final class Writer: Sendable {
        private let queue = DispatchQueue(label: "bulletind.index-snapshot")
        let stateDirectory: FilePath

        init(stateDirectory: FilePath) {
            self.stateDirectory = stateDirectory
        }

        /// Saves `index` (a copy: the caller goes on changing its own) in the background;
        /// `failed` is told, on the writer's thread, if the save fails.
        func saveLater(
            _ index: DuplicateIndex, storeOffset: Int64, storeIdentity: String, failed: @escaping @Sendable (IOFailure) -> Void
        ) {
            queue.async { [stateDirectory] in
                do throws(IOFailure) {
                    try IndexSnapshot.save(index, storeOffset: storeOffset, storeIdentity: storeIdentity, stateDirectory: stateDirectory)
                } catch {
                    failed(error)
                }
            }
        }

        /// Saves `index` now, after the saves still in progress, so it is the one left on disk.
        func saveNow(_ index: DuplicateIndex, storeOffset: Int64, storeIdentity: String) throws(IOFailure) {
            let result = queue.sync { [stateDirectory] in
                Result { () throws(IOFailure) in
                    try IndexSnapshot.save(index, storeOffset: storeOffset, storeIdentity: storeIdentity, stateDirectory: stateDirectory)
                }
            }
            try result.get()
        }

        /// Returns once every save asked for so far is on disk (or failed).
        func waitForPendingSaves() {
            queue.sync {}
        }
    }
}
