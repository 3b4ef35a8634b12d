import BulletinCore
import BulletinMetrics
import LinuxIO
import Logging
import SystemPackage

extension IngestPipeline {
    /// The ledger and the duplicate index as the store says they are (`StoreRecovery`), with a
    /// journal entry for each thing recovery repaired, rebuilt or set aside.
    static func recoverState(configuration: Configuration, logger: Logger) throws -> (IngestLedger, DuplicateIndex) {
        let folder = configuration.store.removingLastComponent()
        if !folder.isEmpty { try DirectoryListing.createDirectories(folder) }
        // A process killed mid-save leaves its temporary file; the state lock is held now.
        FileMover.removeLeftoverTemporaries(of: IndexSnapshot.path(in: configuration.stateDirectory))
        FileMover.removeLeftoverTemporaries(of: IngestLedger.path(in: configuration.stateDirectory))
        let recovery = StoreRecovery(store: configuration.store, stateDirectory: configuration.stateDirectory, dedup: configuration.dedup)
        var (ledger, index, report) = try recovery.recover()
        if let reason = report.indexRebuiltBecause {
            logger.event(
                .storeRepaired, .notice, "duplicate index rebuilt from the store (\(reason)): \(index.count) stories",
                ["STORE": configuration.store.string, "INDEX_REBUILT": reason, "STORIES": String(index.count)])
        }
        index.evictExpired(now: Timestamp.now.secondsSinceEpoch)
        if report.recoveredUnfinishedWork { DaemonMetrics.shared.recoveredAtStart() }
        log(report, store: configuration.store, to: logger)
        logger.event(
            .stateLoaded, .info,
            "state loaded: \(index.count) stories indexed, \(ledger.count) bulletins in the ledger, \(report.linesReplayed) store lines replayed (\(report.timingSummary))",
            [
                "STORE": configuration.store.string, "STORIES": String(index.count), "LEDGER_ENTRIES": String(ledger.count),
                "LINES_REPLAYED": String(report.linesReplayed),
            ])
        return (ledger, index)
    }

    /// What recovery repaired in the store, moved to its quarantine file, or found damaged.
    private static func log(_ report: StoreRecovery.Report, store: FilePath, to logger: Logger) {
        if report.repairedAnything {
            logger.event(
                .storeRepaired, .warning, "store repaired at start: \(report.summary)",
                [
                    "STORE": store.string, "TORN_BYTES": String(report.tornBytes),
                    "INCOMPLETE_LINES_REMOVED": String(report.incompleteLinesRemoved),
                    "LEDGER_ENTRIES_RECOVERED": String(report.ledgerEntriesRecovered),
                    "LEDGER_REBUILT": String(report.ledgerRebuilt),
                    "SHORT_BULLETIN_LINES_KEPT": String(report.shortBulletinLinesKept),
                ])
        }
        if let moved = report.quarantine {
            logger.event(
                .linesQuarantined, .warning,
                "moved \(moved.lines) lines (\(moved.bytes) bytes) of \(moved.bulletinFile), a bulletin cut short, from byte \(moved.storeOffset) of \(store) to byte \(moved.quarantineOffset) of \(moved.file); the bulletin is ingested again if its file is still in the inbox",
                [
                    "STORE": store.string, "QUARANTINE_FILE": moved.file.string,
                    "QUARANTINED_LINES": String(moved.lines), "QUARANTINED_BYTES": String(moved.bytes),
                    "STORE_OFFSET": String(moved.storeOffset), "QUARANTINE_OFFSET": String(moved.quarantineOffset),
                    "BULLETIN_FILE": moved.bulletinFile, "BULLETIN_SHA256": moved.bulletinSHA256,
                ])
        }
        if report.damagedLines > 0 {
            let first = report.firstDamagedOffset ?? 0
            logger.event(
                .damagedLines, .warning,
                "\(report.damagedLines) lines of the store do not read as store lines (the first at byte \(first)); left in place, as their bulletins' lines (bulletind verify names them)",
                ["STORE": store.string, "DAMAGED_LINES": String(report.damagedLines), "STORE_OFFSET": String(first)])
        }
    }
}
