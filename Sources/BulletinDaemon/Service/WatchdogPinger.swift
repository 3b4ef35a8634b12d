import BulletinMetrics
import Synchronization
import SystemdSupport

/// Sends `WATCHDOG=1` from the work itself, never from a free-running timer: a stuck loop stops
/// pinging, and systemd restarts it. The inbox loop pings between files; a long file pings from
/// inside — between its chunks of stories, and while it is read and parsed (which has a time
/// limit of its own, so a file that never finishes cannot keep the pings going).
package final class WatchdogPinger: Sendable {
    let notifier: ServiceNotifier
    /// Half of `WATCHDOG_USEC`, or nil when no watchdog is set.
    let interval: Duration?
    private let lastPing = Mutex(ContinuousClock.now)

    init(notifier: ServiceNotifier) {
        self.notifier = notifier
        interval = notifier.watchdogPingInterval
    }

    func pingIfDue() {
        guard let interval else { return }
        let due = lastPing.withLock { last in
            guard ContinuousClock.now - last >= interval else { return false }
            last = .now
            return true
        }
        if due {
            notifier.watchdog()
            DaemonMetrics.shared.watchdogPinged()
        }
    }
}
