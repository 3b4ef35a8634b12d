import Foundation
import Testing

/// Bursts, kernel overflow and idleness, measured from the outside through `/proc`.
@Suite(.serialized) struct InboxLoadTests {
    /// Writes `count` distinct bulletins beside the inbox (same file system), ready to rename in.
    /// `padding`: blank lines after the story, so each file is bigger without costing parsing time.
    func stage(_ count: Int, in daemon: DaemonHarness, padding: Int = 0) throws -> URL {
        let staging = daemon.folder.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let pad = String(repeating: "\n", count: padding)
        for number in 0..<count {
            let fd = open(staging.appendingPathComponent("b\(number).txt").path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
            let bytes = Array((DaemonHarness.bulletin(number) + pad).utf8)
            #expect(fd >= 0 && write(fd, bytes, bytes.count) == bytes.count)
            close(fd)
        }
        return staging
    }

    func renameAll(from staging: URL, into inbox: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: staging.path) {
            #expect(rename(staging.appendingPathComponent(name).path, inbox.appendingPathComponent(name).path) == 0)
        }
    }

    func processedCount(_ daemon: DaemonHarness) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: daemon.folder.appendingPathComponent(".bulletind/processed").path).count) ?? 0
    }

    /// 10,000 files renamed in at once (more than the watcher's 4,096-event buffer, so its own
    /// overflow path is taken too): every one is ingested exactly once, peak memory stays within
    /// a fixed allowance over the idle daemon's, and no descriptor is left open. `fsync: never`
    /// keeps the test short; the benchmark measures the durable path.
    @Test func aBurstOfTenThousandFilesIsIngestedInBoundedMemoryWithoutLeaks() throws {
        let count = 10_000
        let daemon = try DaemonHarness.ready(["BULLETIND_STORE_FSYNC": "never"])
        // About 6.5 KB each, 65 MB in all: twice the allowance below, were contents held.
        let staging = try stage(count, in: daemon, padding: 6144)
        let descriptors = daemon.descriptorCount
        let idlePeak = daemon.status("VmHWM") ?? 0
        let started = Date()
        try renameAll(from: staging, into: daemon.inbox)
        let deadline = Date().addingTimeInterval(300)
        while processedCount(daemon) < count && Date() < deadline && daemon.process?.isRunning == true {
            Thread.sleep(forTimeInterval: 0.2)
        }
        let seconds = Date().timeIntervalSince(started)
        let peak = daemon.status("VmHWM") ?? 0
        #expect(processedCount(daemon) == count)
        let files = daemon.storeFileNames()
        #expect(files.count == count)
        #expect(Set(files).count == count)
        #expect(daemon.waitUntil(within: 5) { daemon.descriptorCount == descriptors }, "\(daemon.descriptorCount) descriptors, \(descriptors) before")
        // Holding the events or the contents of 10,000 files would cost far more than this. The
        // duplicate index grows by design (one entry per story, its tables doubling as they grow),
        // so the allowance is half of what held contents would cost, not a tight fit to its peak.
        #expect(peak - idlePeak < 32 * 1024, "VmHWM \(idlePeak) KiB idle, \(peak) KiB after the burst")
        print("burst: \(count) files in \(String(format: "%.2f", seconds)) s, VmHWM \(idlePeak) → \(peak) KiB, \(descriptors) descriptors")
        #expect(daemon.stop() == 0)
    }

    /// Idle means asleep: over 3 s the daemon uses no measurable CPU (at most one clock tick),
    /// its thread count does not change, and the one thread blocked in poll(2) is the watcher's
    /// own thread, not one of Swift's cooperative pool.
    @Test func anIdleDaemonSleepsAndPollsOnItsOwnThread() throws {
        let daemon = try DaemonHarness.ready()
        try daemon.drop(DaemonHarness.seed, as: "warm-up.txt")
        #expect(daemon.waitUntil(within: 10) { daemon.lines(for: "warm-up.txt") == 14 })
        #expect(daemon.waitUntil(within: 5) { !FileManager.default.fileExists(atPath: daemon.inbox.appendingPathComponent("warm-up.txt").path) })
        let ticks = daemon.cpuTicks, threads = daemon.status("Threads")
        Thread.sleep(forTimeInterval: 3)  // the measurement window
        #expect(daemon.cpuTicks - ticks <= 1, "CPU ticks \(ticks) → \(daemon.cpuTicks)")
        #expect(daemon.status("Threads") == threads)
        let polling = daemon.threads.filter { $0.syscall == 7 }  // x86-64 poll
        #expect(polling.map(\.name) == ["inotify"], "\(daemon.threads)")
        #expect(daemon.stop() == 0)
    }

    /// A real IN_Q_OVERFLOW: the kernel queue is lowered to 32 events for the daemon's inotify
    /// instance (restored as soon as the daemon is ready, and in every case), the daemon is
    /// stopped (SIGSTOP) while 300 files arrive, then continued. It logs the overflow and its
    /// rescan finds every file.
    @Test(.enabled(if: DaemonHarness.isRoot, "lowers /proc/sys/fs/inotify/max_queued_events: needs root (CI runs as root)"))
    func aRealKernelQueueOverflowIsRescannedAndNothingIsMissed() throws {
        let sysctl = "/proc/sys/fs/inotify/max_queued_events"
        let saved = try String(contentsOfFile: sysctl, encoding: .utf8)
        var restored = false
        func restore() {
            if !restored { restored = (try? saved.write(toFile: sysctl, atomically: false, encoding: .utf8)) != nil }
        }
        defer { restore() }
        let daemon = try DaemonHarness()
        let staging = try stage(300, in: daemon)
        try "32\n".write(toFile: sysctl, atomically: false, encoding: .utf8)
        try daemon.startReady(environment: ["BULLETIND_STORE_FSYNC": "never"])
        restore()
        #expect(restored)
        #expect(try String(contentsOfFile: sysctl, encoding: .utf8) == saved)

        #expect(kill(daemon.pid, SIGSTOP) == 0)
        try renameAll(from: staging, into: daemon.inbox)
        #expect(kill(daemon.pid, SIGCONT) == 0)
        #expect(daemon.waitUntil(within: 60) { processedCount(daemon) == 300 })
        #expect(daemon.stderrText().contains("MESSAGE_ID=\"77ab5d0e2fe84e2e8915601f9a0ca257\""))
        #expect(Set(daemon.storeFileNames()).count == 300)
        #expect(daemon.storeFileNames().count == 300)
        #expect(daemon.stop() == 0)
    }
}
