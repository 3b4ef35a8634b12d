import Glibc
import Synchronization

/// SIGTERM and SIGINT as a flag a blocking loop looks at, for a command that must finish
/// cleanly (`export --follow` saves its cursor) rather than die mid-write.
///
/// The handler only sets the flag (all a signal handler may safely do); it is installed without
/// `SA_RESTART`, so a `poll` waiting for news returns at once and the loop sees the flag.
package enum TerminationSignals {
    private static let received = Atomic<Bool>(false)

    package static func install() {
        _ = received.load(ordering: .relaxed)  // initialized before any handler can run
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in TerminationSignals.received.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
    }

    package static var requested: Bool { received.load(ordering: .relaxed) }
}
