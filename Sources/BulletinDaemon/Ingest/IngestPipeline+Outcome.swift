import BulletinMetrics

extension IngestPipeline {
    /// What happened to one file.
    package enum Outcome: Sendable, Equatable {
        case ingested(stories: Int, duplicates: Int)
        /// The same bytes were ingested before, under some name.
        case alreadyIngested
        /// Moved to the failed folder (or left, when it cannot be moved), `reason` in its
        /// `.reason` file and the journal.
        case rejected(RejectionKind, reason: String)
        /// Nothing to do: the file went away before it could be read, or it is a folder.
        case vanished
        /// Kept in the inbox (`after_ingest: keep`) and unchanged since it was dealt with.
        case unchanged
        /// Changed too recently (`settle_ms`): try again after this long.
        case unsettled(Duration)
        /// The store could not take it (disk full, I/O error): the file stays, try again later.
        case deferred(reason: String)
        /// It could not be read for a passing reason (it changed while it was read, it has
        /// another name): it stays where it is, to be read again a little later.
        case unstable(reason: String)
    }
}
