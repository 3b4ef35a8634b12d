import BulletinCore
import LinuxIO
import Logging
import SystemPackage

/// When the store's appends become durable, when it rotates, and when the duplicate index is
/// saved — and how the index is rebuilt when the store refused a bulletin.
extension IngestPipeline {
    /// After a failed append: the index is rebuilt from what the store really holds. Read-only
    /// (the disk may be full); until it succeeds, no bulletin is processed.
    func rebuildIndex() -> Bool {
        do {
            let recovery = StoreRecovery(
                store: configuration.store, stateDirectory: configuration.stateDirectory, dedup: configuration.dedup)
            index = try recovery.currentIndex()
            index.evictExpired(now: Timestamp.now.secondsSinceEpoch)
            indexNeedsRebuild = false
            return true
        } catch {
            logger.event(
                .stateWriteFailed, .error, "cannot re-read the store to rebuild the duplicate index: \(error)",
                ["STORE": configuration.store.string])
            return false
        }
    }

    /// With `fsync: batch`: one `fsync` begun at most `batchInterval` after the first
    /// unsynchronized append, on the store's own thread.
    func scheduleFlush() {
        guard !flushScheduled else { return }
        flushScheduled = true
        Task { [interval = configuration.batchInterval] in
            try? await Task.sleep(for: interval)
            self.flushInBackground()
        }
    }

    private func flushInBackground() {
        flushScheduled = false
        store.synchronizeInBackground { [logger = reporter.logger, store = configuration.store] error in
            logger.event(.storeError, .error, "cannot fsync the store: \(error)", ["STORE": store.string])
        }
    }

    /// Makes every append so far durable, now (before a snapshot claims them, and at shutdown).
    func flush() {
        flushScheduled = false
        do {
            try store.synchronize()
        } catch {
            logger.event(.storeError, .error, "cannot fsync the store: \(error)", ["STORE": configuration.store.string])
        }
    }

    /// Rotates the store once it reaches `store.rotate_size`, then saves the index against the
    /// new file. A crash in between is harmless: the ledger and the snapshot name the old file,
    /// so the new one is read whole.
    func rotateStoreIfDue() {
        guard let limit = configuration.rotateSize, store.size >= limit else { return }
        do {
            try store.rotate()
            logger.event(
                .storeRotated, .notice, "store rotated: \(configuration.store) → \(configuration.store).1",
                ["STORE": configuration.store.string])
            saveIndex()
        } catch {
            logger.event(.storeError, .error, "cannot rotate the store: \(error)", ["STORE": configuration.store.string])
        }
    }

    /// Saves the duplicate index with the store offset it covers (at rotation and at stop),
    /// first evicting stories older than the retention window, if one is set. Waits for any
    /// periodic save still being written, so this one is the snapshot left on disk.
    package func saveIndex() {
        reporter.waitUntilSent()
        flush()
        index.evictExpired(now: Timestamp.now.secondsSinceEpoch)
        do {
            try snapshots.saveNow(index, storeOffset: store.size, storeIdentity: store.identity)
            unsavedStories = 0
        } catch {
            logger.event(
                .stateWriteFailed, .warning, "cannot save the duplicate index: \(error); the next start replays more of the store",
                ["STATE_FILE": IndexSnapshot.path(in: configuration.stateDirectory).string])
        }
    }

    /// The periodic save: the store made durable up to the offset the snapshot claims, then the
    /// index (a copy-on-write copy) encoded and written off the pipeline.
    func saveIndexInBackground() {
        flush()
        index.evictExpired(now: Timestamp.now.secondsSinceEpoch)
        unsavedStories = 0
        let snapshot = IndexSnapshot.path(in: configuration.stateDirectory)
        snapshots.saveLater(index, storeOffset: store.size, storeIdentity: store.identity) { [logger = reporter.logger] error in
            logger.event(
                .stateWriteFailed, .warning, "cannot save the duplicate index: \(error); the next start replays more of the store",
                ["STATE_FILE": snapshot.string])
        }
    }
}
