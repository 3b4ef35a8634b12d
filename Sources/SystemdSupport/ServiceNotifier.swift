import CSystemd
import Glibc

/// The service manager's notification protocol (`sd_notify`). Without `NOTIFY_SOCKET` every
/// call is a no-op, so the daemon behaves the same in a terminal.
package struct ServiceNotifier: Sendable {
    package init() {}

    /// True when a service manager listens (`NOTIFY_SOCKET` set).
    package var isSupervised: Bool { getenv("NOTIFY_SOCKET") != nil }

    @discardableResult
    package func send(_ assignments: String) -> Bool { sd_notify(0, assignments) > 0 }

    package func ready(status: String? = nil) { send("READY=1" + (status.map { "\nSTATUS=\($0)" } ?? "")) }
    package func status(_ text: String) { send("STATUS=\(text)") }
    package func stopping() { send("STOPPING=1") }
    package func watchdog() { send("WATCHDOG=1") }

    /// `RELOADING=1` with the monotonic time systemd uses to tell one reload from the next.
    package func reloading() {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let microseconds = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
        send("RELOADING=1\nMONOTONIC_USEC=\(microseconds)")
    }

    /// How often to ping the watchdog: half of `WATCHDOG_USEC`, or nil when no watchdog is set.
    package var watchdogPingInterval: Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(microseconds / 2))
    }
}
