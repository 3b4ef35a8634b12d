@testable import BulletinDaemon
import LinuxIO
import Testing

/// The inbox's waiting line: arrival order, except that a file told to wait lets the others by.
@Suite struct InboxQueueTests {
    func entry(_ name: String, claimed: Bool = false) -> InboxQueue.Entry { .init(name: FileName(name), claimed: claimed) }

    func drain(_ queue: inout InboxQueue, at now: ContinuousClock.Instant) -> [String] {
        var names: [String] = []
        while let (entry, _) = queue.next(now: now) { names.append(entry.name.display + (entry.claimed ? "*" : "")) }
        return names
    }

    @Test func filesComeOutInArrivalOrderOnce() {
        var queue = InboxQueue()
        for name in ["b.txt", "a.txt", "b.txt", "c.txt"] { queue.add(entry(name)) }
        queue.add(entry("a.txt", claimed: true))
        #expect(queue.count == 4)
        #expect(drain(&queue, at: .now) == ["b.txt", "a.txt", "c.txt", "a.txt*"])
        #expect(queue.isEmpty)
    }

    @Test func aParkedFileLetsTheOthersByAndComesBackWhenDue() {
        var queue = InboxQueue()
        let start = ContinuousClock.now
        queue.add(entry("growing.txt"))
        let (first, _) = queue.next(now: start)!
        queue.park(first, until: start + .seconds(2), attempt: 3)
        // Events for the parked file change nothing; other files go by.
        queue.add(entry("growing.txt"))
        queue.add(entry("other.txt"))
        #expect(queue.nextDue == start + .seconds(2))
        #expect(drain(&queue, at: start + .seconds(1)) == ["other.txt"])
        #expect(!queue.isEmpty)
        let due = queue.next(now: start + .seconds(2))
        #expect(due?.entry == first && due?.attempt == 3)
        #expect(queue.nextDue == nil && queue.isEmpty)
    }

    @Test func dueFilesReturnEarliestFirst() {
        var queue = InboxQueue()
        let start = ContinuousClock.now
        queue.park(entry("late.txt"), until: start + .seconds(3))
        queue.park(entry("early.txt"), until: start + .seconds(1))
        queue.park(entry("later.txt"), until: start + .seconds(9))
        #expect(drain(&queue, at: start + .seconds(5)) == ["early.txt", "late.txt"])
        #expect(queue.nextDue == start + .seconds(9))
    }

    /// A long run of files does not make the line grow without bound (it is compacted).
    @Test func aLongLineIsCompacted() {
        var queue = InboxQueue()
        for round in 0..<10 {
            for number in 0..<2000 { queue.add(entry("\(round)-\(number).txt")) }
            #expect(drain(&queue, at: .now).count == 2000)
        }
        #expect(queue.isEmpty)
    }
}
