import Foundation
import Glibc

/// Crash points for the fault-injection tests: the daemon kills itself (SIGKILL, as the kernel's
/// OOM killer or an admin's `kill -9` would) at a chosen point of its work, so a test can check
/// the recovery from exactly that state rather than hope a random kill lands there.
///
/// `BULLETIND_FAULT_KILL_AT_BATCH=PATH` arms the point between two batches of a bulletin's
/// stories (after one batch's lines are written, before the next is decided) whenever a file
/// exists at PATH: the daemon removes it and dies there, once per file created. Unset (as in
/// production), it costs nothing; set, one `unlink` per batch of a thousand stories.
struct FaultPoints: Sendable {
    static let killAtBatchVariable = "BULLETIND_FAULT_KILL_AT_BATCH"

    private let killAtBatch: String?

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        killAtBatch = environment[Self.killAtBatchVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A batch of a bulletin's lines is written and more follow.
    func batchStored() {
        // Removing the file is the check: armed exactly once per file created, even if two
        // daemons were to share it.
        guard let killAtBatch, unlink(killAtBatch) == 0 else { return }
        kill(getpid(), SIGKILL)
    }
}
