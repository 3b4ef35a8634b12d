import Dispatch
import Synchronization

/// Runs a file's loading (read, decode, parse, fingerprint) off the cooperative pool, within a
/// time limit, pinging the watchdog while it waits.
///
/// Loading is pure computation and cannot be interrupted. When it overruns, the caller stops
/// waiting (the file is rejected) and the work is abandoned on its queue, which is replaced by a
/// fresh one so that the next file does not queue behind it; it ends when it ends, its result
/// dropped. Nothing known takes that long since the stream-safe limit (UAX #15); the limit is
/// the guarantee for whatever is not known yet.
final class BoundedLoader: Sendable {
    private let queue = Mutex(BoundedLoader.makeQueue())
    private let watchdog: WatchdogPinger

    init(watchdog: WatchdogPinger) { self.watchdog = watchdog }

    /// Serial, and (as a queue of its own, not the global one) served by a thread of its own
    /// even while an abandoned one still computes.
    private static func makeQueue() -> DispatchQueue { DispatchQueue(label: "bulletind.loader") }

    /// `work`'s result, or nil when it took longer than `limit`.
    func run<Result: Sendable>(limit: Duration, _ work: @escaping @Sendable () -> Result) async -> Result? {
        let gate = Gate<Result>()
        let worker = queue.withLock { $0 }
        // A quarter of the ping interval: a ping is never more than 1.25 intervals after the last.
        let tick = min(watchdog.interval.map { $0 / 4 } ?? limit, limit)
        return await withCheckedContinuation { continuation in
            gate.wait(with: continuation)
            worker.async { gate.finish(work()) }
            let timer = Task { [watchdog] in
                let deadline = ContinuousClock.now + limit
                while ContinuousClock.now < deadline {
                    try? await Task.sleep(for: min(tick, deadline - .now))
                    if gate.isFinished { return }
                    watchdog.pingIfDue()
                }
                if gate.finish(nil) { self.queue.withLock { $0 = Self.makeQueue() } }
            }
            gate.whenFinished { timer.cancel() }
        }
    }
}

/// One answer, from whichever side gives it first: the work or the time limit.
private final class Gate<Result: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Result?, Never>?
        var finished = false
        var onFinish: (@Sendable () -> Void)?
    }
    private let state = Mutex(State())

    var isFinished: Bool { state.withLock { $0.finished } }

    func wait(with continuation: CheckedContinuation<Result?, Never>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Gives the answer, if none was given yet; returns whether this one was it.
    @discardableResult
    func finish(_ result: Result?) -> Bool {
        let (continuation, onFinish) = state.withLock { state -> (CheckedContinuation<Result?, Never>?, (@Sendable () -> Void)?) in
            guard !state.finished else { return (nil, nil) }
            state.finished = true
            defer { state.continuation = nil; state.onFinish = nil }
            return (state.continuation, state.onFinish)
        }
        guard let continuation else { return false }
        continuation.resume(returning: result)
        onFinish?()
        return true
    }

    /// Runs `action` once the answer is given (at once if it is).
    func whenFinished(_ action: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if state.finished { return true }
            state.onFinish = action
            return false
        }
        if runNow { action() }
    }
}
