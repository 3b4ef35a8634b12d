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
        // Not for everyone: the owner and its group (the unit keeps even the group out, with its
        // folder 0700, as the group there is the producers').
        file = try AppendOnlyFile(path: path, permissions: [.ownerReadWrite, .groupRead])
    }

    var size: Int64 { file.size }
    var identity: String { file.identity }
    /// Appends not yet made durable (`fsync: batch`).
    var unsynchronized: Bool { durableCount.value < appendCount }

    /// One bulletin's lines on their way into the store: encoded as they are made and written a
    /// megabyte at a time (`add`, then `finish`), so that a bulletin of 200,000 tiny stories
    /// (80 MB of lines) is never in memory at once, as records or as bytes. A crash between the
    /// writes leaves the bulletin cut short at the store's tail, which the next start moves to
    /// the quarantine file (the file is still claimed, and is ingested again); a failed write
    /// cuts back what this bulletin had written.
    struct Append {
        fileprivate let start: Int64
        fileprivate var bytes: [UInt8] = []
    }

    /// Begins a bulletin's append of about `lines` lines.
    func beginAppend(lines: Int) -> Append {
        var append = Append(start: file.size)
        append.bytes.reserveCapacity(min(Self.writeSize + 64 * 1024, max(lines, 1) * 600))
        return append
    }

    /// Adds a line; writes what is gathered once it reaches a megabyte, then calls `progress`.
    func add(_ record: StoryRecord, to append: inout Append, progress: () -> Void = {}) throws(IOFailure) {
        record.encodeLine(into: &append.bytes)
        guard append.bytes.count >= Self.writeSize else { return }
        try write(&append)
        progress()
    }

    /// Writes the lines gathered so far: at the end of each batch of a bulletin's stories
    /// (`StoryDecisions.batchSize`), so that the next batch starts with nothing held.
    func writeGathered(_ append: inout Append) throws(IOFailure) {
        guard !append.bytes.isEmpty else { return }
        try write(&append)
    }

    /// Writes the rest of the bulletin's lines and makes them durable as configured.
    func finish(_ append: inout Append) throws(IOFailure) {
        try write(&append)
        switch fsync {
        case .everyBulletin: try file.synchronize()
        case .batch: appendCount += 1
        case .never: break
        }
    }

    private func write(_ append: inout Append) throws(IOFailure) {
        do {
            try file.append(append.bytes)
            append.bytes.removeAll(keepingCapacity: true)
        } catch {
            if file.size > append.start { try? file.truncate(to: append.start) }
            throw error
        }
    }

    /// Appends a bulletin's records at once (`beginAppend`, `add`, `finish`).
    func append(_ records: [StoryRecord], progress: () -> Void = {}) throws(IOFailure) {
        var append = beginAppend(lines: records.count)
        for record in records { try add(record, to: &append, progress: progress) }
        try finish(&append)
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

    /// When the store's path no longer names the file appended to (moved away or removed
    /// without a SIGHUP: a logrotate without `postrotate`, an admin's `mv`), makes what was
    /// written there durable and opens the path anew (a new file if there is none). Returns the
    /// identity (`device:inode`) of the file left behind, or nil when it is still in place.
    /// One `stat` per bulletin; a `stat` that fails (EIO) is thrown, not taken for a move.
    func reopenIfMoved() throws(IOFailure) -> String? {
        guard try !file.isStillAtPath() else { return nil }
        let left = file.identity
        try file.synchronize()
        durableCount.advance(to: appendCount)
        try file.reopen()
        return left
    }

    /// `stories.jsonl` → `stories.jsonl.1` (older files shift up), then a new, empty store.
    /// Readers that follow the name (`tail -F`) move on to the new file.
    func rotate() throws(IOFailure) {
        try file.synchronize()
        durableCount.advance(to: appendCount)
        for number in stride(from: try StoreRecovery.rotatedFiles(of: path).count, through: 1, by: -1) {
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
