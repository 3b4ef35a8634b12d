import BulletinCore
import Dispatch
import LinuxIO
import Synchronization
import SystemPackage

/// The JSON Lines store: the one writer of `stories.jsonl`.
///
/// A bulletin's lines go out in one `write` (never torn: a failed write is cut back off; never
/// interleaved with another bulletin's), then `fsync` as the configuration says.
final class StoryStore {
    let path: FilePath
    private let file: AppendOnlyFile
    private let fsync: Configuration.FsyncPolicy
    /// `fsync: batch`: appends so far, and how many of them an `fsync` has made durable (moved
    /// on by the background thread too).
    private var appendCount = 0
    private let durableCount = DurableCount()
    private let syncQueue = DispatchQueue(label: "bulletind.store-fsync")
    /// How much of a bulletin's lines is written at once.
    static let writeSize = 1 << 20

    init(path: FilePath, fsync: Configuration.FsyncPolicy) throws(IOFailure) {
        self.path = path
        self.fsync = fsync
        file = try AppendOnlyFile(path: path)
    }

    var size: Int64 { file.size }
    var identity: String { file.identity }
    /// Appends not yet made durable (`fsync: batch`).
    var unsynchronized: Bool { durableCount.value < appendCount }

    /// Encoded and written a megabyte at a time: a bulletin of 200,000 tiny stories makes
    /// 80 MB of lines, which need not all be in memory at once. A crash between the writes
    /// leaves the bulletin cut short at the store's tail, which the next start removes (the file
    /// is still claimed, and is ingested again); a failed write cuts back what this bulletin had
    /// written. `progress` is called after each write.
    func append(_ records: [StoryRecord], progress: () -> Void = {}) throws(IOFailure) {
        let start = file.size
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Self.writeSize + 64 * 1024, records.reduce(0) { $0 + $1.estimatedLineSize }))
        do {
            for record in records {
                record.encodeLine(into: &bytes)
                if bytes.count >= Self.writeSize {
                    try file.append(bytes)
                    bytes.removeAll(keepingCapacity: true)
                    progress()
                }
            }
            try file.append(bytes)
        } catch {
            if file.size > start { try? file.truncate(to: start) }
            throw error
        }
        switch fsync {
        case .everyBulletin: try file.synchronize()
        case .batch: appendCount += 1
        case .never: break
        }
    }

    /// Makes batched appends durable, now.
    func synchronize() throws(IOFailure) {
        let target = appendCount
        guard durableCount.value < target else { return }
        try file.synchronize()
        durableCount.advance(to: target)
    }

    /// Makes the batched appends so far durable on a thread of its own: a back-fill's pipeline
    /// (and the cores loading the next bulletins for it) need not wait on the disk. `failed`
    /// is told, on that thread; the appends then stay unsynchronized, for the next attempt.
    func synchronizeInBackground(failed: @escaping @Sendable (IOFailure) -> Void) {
        let target = appendCount
        guard durableCount.value < target else { return }
        let pending: AppendOnlyFile.PendingSync
        do {
            pending = try file.pendingSync()
        } catch {
            failed(error)
            return
        }
        syncQueue.async { [durableCount] in
            do throws(IOFailure) {
                try pending.run()
                durableCount.advance(to: target)
            } catch {
                failed(error)
            }
        }
    }

    /// Waits for the background `fsync`s asked for so far.
    func waitForBackgroundSynchronization() {
        syncQueue.sync {}
    }

    func reopen() throws(IOFailure) { try file.reopen() }

    /// `stories.jsonl` → `stories.jsonl.1` (older files shift up), then a new, empty store.
    /// Readers that follow the name (`tail -F`) move on to the new file.
    func rotate() throws(IOFailure) {
        try file.synchronize()
        durableCount.advance(to: appendCount)
        for number in stride(from: StoreRecovery.rotatedFiles(of: path).count, through: 1, by: -1) {
            try FileMover.rename(FilePath(path.string + ".\(number)"), to: FilePath(path.string + ".\(number + 1)"))
        }
        try FileMover.rename(path, to: FilePath(path.string + ".1"))
        try file.reopen()
    }
}

/// How many appends are known durable: only ever moves forward, from either thread.
private final class DurableCount: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    func advance(to target: Int) {
        count.withLock { $0 = max($0, target) }
    }
}
