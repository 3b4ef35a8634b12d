import Glibc
import Synchronization
import UnixSignals

/// Ctrl-C (or SIGTERM) during `bulletind ingest`: the first one lets the file in hand finish
/// and stops before the next, so the store, the ledger and the index are left consistent and the
/// next run carries on; a second one exits at once, for someone who really means it (the
/// store's recovery at the next start cuts any line left half-written).
package final class IngestInterruption: Sendable {
    private let signals = Mutex(0)
    private let watcher: Mutex<Task<Void, Never>?> = Mutex(nil)

    package init() {}

    /// Starts trapping SIGINT and SIGTERM.
    package func start() async {
        let sequence = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        let task = Task {
            for await _ in sequence {
                let count = self.signals.withLock { count in
                    count += 1
                    return count
                }
                if count >= 2 { _exit(130) }
            }
        }
        watcher.withLock { $0 = task }
    }

    package var requested: Bool { signals.withLock { $0 > 0 } }

    package func stop() { watcher.withLock { $0?.cancel() } }
}
