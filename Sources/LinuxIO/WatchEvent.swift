/// What the kernel says about a watched folder (`InotifyWatcher`). A hint only: the folder
/// itself is the truth.
package enum WatchEvent: Sendable, Hashable {
    /// A file was closed after writing, or renamed into the folder.
    case arrived(name: FileName)
    /// Something was created: a regular file is not complete yet (its close comes later), but a
    /// link, FIFO, socket or device never will be, so it must be looked at now.
    case created(name: FileName)
    /// The kernel's queue overflowed, or ours did: events were lost, rescan the folder.
    case overflow
    /// The watch is gone: the folder was deleted, moved or unmounted.
    case watchLost
    /// Reading the kernel's events failed (`poll` or `read`): the watcher has stopped, and the
    /// folder must be watched again (and rescanned).
    case failed(IOFailure)
}
