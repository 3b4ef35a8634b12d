import BulletinCore
import Dispatch
import Logging

/// The journal entries of the store's lines (one per new story, one per duplicate): sent at
/// once by the daemon, from a thread of their own in a back-fill.
///
/// journald spends about 30 µs of CPU on an entry and its socket holds only a few, so a
/// back-fill that sent them from the pipeline waited on journald after every bulletin while the
/// cores loading the next ones sat idle (21–23 MB/s with a private journald; 26–27 in the
/// background). The entries keep their order (one serial queue), and at most `backlog`
/// bulletins wait: a journal that cannot keep up slows the back-fill down instead of filling
/// memory. The daemon keeps sending at once, so a `kill -9` can cost it no more than the entries
/// of the bulletin in hand; a back-fill could lose a backlog of entries (never store lines).
final class StoryReporter: Sendable {
    let logger: Logger
    private let queue: DispatchQueue?
    private let slots: DispatchSemaphore

    init(logger: Logger, inBackground: Bool, backlog: Int = 64) {
        self.logger = logger
        queue = inBackground ? DispatchQueue(label: "bulletind.story-entries") : nil
        slots = DispatchSemaphore(value: backlog)
    }

    /// One entry per record, after every entry reported before.
    func report(_ records: [StoryRecord]) {
        guard let queue else {
            for record in records { logger.record(record) }
            return
        }
        slots.wait()
        queue.async { [logger, slots] in
            for record in records { logger.record(record) }
            slots.signal()
        }
    }

    /// Entries still queued are sent before the reporter goes.
    deinit {
        queue?.sync {}
    }

    /// Returns once every entry reported so far has been sent.
    func waitUntilSent() {
        queue?.sync {}
    }
}
