import BulletinMetrics
import LinuxIO

// What the daemon's own types mean for its metrics.

extension FileReadFailure {
    /// The rejection metric's label for a file that could not be read as a bulletin.
    var rejectionKind: RejectionKind {
        switch self {
        case .tooLarge: .tooLarge
        case .symbolicLink, .notRegular, .directory, .hardLinked: .notRegular
        case .vanished, .changedWhileReading, .io: .unreadable
        }
    }
}

extension StoreRecovery.Report {
    /// The previous run stopped without finishing: the store's tail was repaired, the ledger
    /// recovered, or the index was rebuilt or had to read store lines its snapshot did not
    /// cover. A clean stop saves the index at the store's end, so none of this follows one.
    var recoveredUnfinishedWork: Bool { repairedAnything || linesReplayed > 0 || indexRebuiltBecause != nil }
}
