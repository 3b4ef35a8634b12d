import SystemdSupport

/// Sends `WATCHDOG=1` from the loop that does the work, never from a free-running timer: a
/// stuck loop stops pinging, and systemd restarts it.
struct WatchdogPinger: Sendable {
    let notifier: ServiceNotifier
    /// Half of `WATCHDOG_USEC`, or nil when no watchdog is set.
    let interval: Duration?
    private var lastPing = ContinuousClock.now

    init(notifier: ServiceNotifier) {
        self.notifier = notifier
        interval = notifier.watchdogPingInterval
    }

    mutating func pingIfDue() {
        guard let interval, ContinuousClock.now - lastPing >= interval else { return }
        notifier.watchdog()
        lastPing = .now
    }
}
