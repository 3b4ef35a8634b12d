import LinuxIO

/// The inbox's files waiting to be taken: in the order they arrived, except those told to wait
/// (a file still being written, a file that changed while it was read), which are parked until
/// their time comes and let every other file go first. One file written slowly in place never
/// holds up the rest.
struct InboxQueue {
    /// A name in the inbox, or in the claim folder when `claimed` (a leftover, or a retry).
    struct Entry: Hashable, Sendable {
        let name: FileName
        let claimed: Bool
    }

    struct Parked {
        var due: ContinuousClock.Instant
        var attempt: Int
    }

    private var ready: [(Entry, attempt: Int)] = []
    private var head = 0
    private var waiting: Set<Entry> = []
    private var parked: [Entry: Parked] = [:]
    /// The earliest due time among the parked (nil: none parked).
    private(set) var nextDue: ContinuousClock.Instant?

    var isEmpty: Bool { head == ready.count && parked.isEmpty }
    var count: Int { ready.count - head + parked.count }

    /// Queues a file at the back, unless it is queued or parked already (a parked file is looked
    /// at when its time comes, whatever events arrive meanwhile).
    mutating func add(_ entry: Entry) {
        guard !waiting.contains(entry), parked[entry] == nil else { return }
        waiting.insert(entry)
        ready.append((entry, 0))
    }

    /// Sets a file aside until `due`; `attempt` counts the retries of a file that failed to read.
    mutating func park(_ entry: Entry, until due: ContinuousClock.Instant, attempt: Int = 0) {
        parked[entry] = Parked(due: due, attempt: attempt)
        nextDue = min(nextDue ?? due, due)
    }

    /// The next file to take: parked files whose time has come join the back first.
    mutating func next(now: ContinuousClock.Instant = .now) -> (entry: Entry, attempt: Int)? {
        if let earliest = nextDue, earliest <= now {
            let due = parked.filter { $0.value.due <= now }.sorted { $0.value.due < $1.value.due }
            for (entry, parking) in due {
                parked[entry] = nil
                if !waiting.contains(entry) {
                    waiting.insert(entry)
                    ready.append((entry, parking.attempt))
                }
            }
            nextDue = parked.values.map(\.due).min()
        }
        guard head < ready.count else { return nil }
        let taken = ready[head]
        head += 1
        waiting.remove(taken.0)
        if head > 1024, head * 2 > ready.count {
            ready.removeFirst(head)
            head = 0
        }
        return (taken.0, taken.attempt)
    }
}
