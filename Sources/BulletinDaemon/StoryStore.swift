import BulletinCore
import LinuxIO
import SystemPackage

/// The JSON Lines store: the one writer of `stories.jsonl`.
///
/// A bulletin's lines go out in one `write` (never torn: a failed write is cut back off; never
/// interleaved with another bulletin's), then `fsync` as the configuration says.
final class StoryStore {
    let path: FilePath
    private let file: AppendOnlyFile
    private let fsync: Configuration.FsyncPolicy
    /// Appends not yet made durable (`fsync: batch`).
    private(set) var unsynchronized = false

    init(path: FilePath, fsync: Configuration.FsyncPolicy) throws(IOFailure) {
        self.path = path
        self.fsync = fsync
        file = try AppendOnlyFile(path: path)
    }

    var size: Int64 { file.size }
    var identity: String { file.identity }

    func append(_ records: [StoryRecord]) throws(IOFailure) {
        var bytes: [UInt8] = []
        for record in records { record.encodeLine(into: &bytes) }
        try file.append(bytes)
        switch fsync {
        case .everyBulletin: try file.synchronize()
        case .batch: unsynchronized = true
        case .never: break
        }
    }

    /// Makes batched appends durable.
    func synchronize() throws(IOFailure) {
        guard unsynchronized else { return }
        try file.synchronize()
        unsynchronized = false
    }

    func reopen() throws(IOFailure) { try file.reopen() }

    /// `stories.jsonl` → `stories.jsonl.1` (older files shift up), then a new, empty store.
    /// Readers that follow the name (`tail -F`) move on to the new file.
    func rotate() throws(IOFailure) {
        try file.synchronize()
        unsynchronized = false
        for number in stride(from: StoreRecovery.rotatedFiles(of: path).count, through: 1, by: -1) {
            try FileMover.rename(FilePath(path.string + ".\(number)"), to: FilePath(path.string + ".\(number + 1)"))
        }
        try FileMover.rename(path, to: FilePath(path.string + ".1"))
        try file.reopen()
    }
}
