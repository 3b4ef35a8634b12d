import CLinux
import Foundation
import Glibc

/// A serial executor with one thread of its own, for an actor whose work blocks.
///
/// The pipeline writes and `fsync`s the store, appends to the ledger, replays the store at
/// start and waits for the journal: each call blocks its thread. On one of the cooperative
/// pool's threads (one per core, two here) that would halve the daemon for as long — the inotify
/// watch, the timers and the loading of the next files would wait for an `fsync`. On this
/// thread it blocks nothing else. Jobs run in the order they were enqueued, one at a time.
package final class ThreadExecutor: SerialExecutor {
    private let queue: JobQueue
    package let name: String

    /// Starts the thread, named `name` (at most 15 bytes: as `top -H` and
    /// `/proc/PID/task/*/comm` show it).
    package init(name: String) {
        self.name = name
        queue = JobQueue(threadName: name)
        queue.start()
    }

    /// The thread ends once the jobs already enqueued have run.
    deinit { queue.stop() }

    package func enqueue(_ job: consuming ExecutorJob) {
        queue.put(.job(UnownedJob(job), asUnownedSerialExecutor()))
    }

    package func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }

    /// Whether the caller runs on this executor's thread.
    package var isCurrent: Bool { queue.isRunner(pthread_self()) }

    package func checkIsolated() {
        precondition(isCurrent, "not on the \(name) thread")
    }

    /// Runs `body` on the thread and returns its result: for work that must not block the
    /// caller's thread and belongs to no actor yet (an actor's initializer).
    package func run<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            queue.put(.call { continuation.resume(with: Swift.Result { try body() }) })
        }
    }
}

/// The jobs waiting for the thread, and the thread's loop.
///
/// `@unchecked Sendable`: every stored property is read and written with `condition` locked.
private final class JobQueue: @unchecked Sendable {
    enum Work {
        case job(UnownedJob, UnownedSerialExecutor)
        case call(() -> Void)
    }

    private let condition = NSCondition()
    private var waiting: [Work] = []
    private var stopped = false
    private var runner: pthread_t?
    let threadName: String

    init(threadName: String) { self.threadName = threadName }

    /// A POSIX thread rather than Foundation's `Thread`: on Linux, `Thread.current` on the new
    /// thread was not the object started and its name stayed its creator's. It holds the queue
    /// until it ends.
    func start() {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(
            &thread, nil,
            { context in
                let queue = Unmanaged<JobQueue>.fromOpaque(context!).takeRetainedValue()
                _ = bulletind_name_this_thread(queue.threadName)
                queue.runUntilStopped()
                return nil
            }, context)
        precondition(created == 0, "cannot start the \(threadName) thread: error \(created)")
        pthread_detach(thread)
        condition.withLock { runner = thread }
    }

    func put(_ work: Work) {
        condition.withLock {
            waiting.append(work)
            condition.signal()
        }
    }

    func stop() {
        condition.withLock {
            stopped = true
            condition.signal()
        }
    }

    func isRunner(_ thread: pthread_t) -> Bool { condition.withLock { runner.map { pthread_equal($0, thread) != 0 } ?? false } }

    /// Takes everything waiting at once, runs it in order, and sleeps when there is nothing.
    func runUntilStopped() {
        while true {
            let batch: [Work] = condition.withLock {
                while waiting.isEmpty, !stopped { condition.wait() }
                defer { waiting = [] }
                return waiting
            }
            if batch.isEmpty { return }  // stopped, and nothing left
            for work in batch {
                switch work {
                case .job(let job, let executor): job.runSynchronously(on: executor)
                case .call(let body): body()
                }
            }
        }
    }
}
