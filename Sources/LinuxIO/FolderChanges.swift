import Glibc
import SystemPackage

/// Waits for something to change in a folder (a file written, created, renamed or removed in
/// it): a follower of a growing file sleeps on this instead of polling. inotify says only that
/// something happened; the caller looks for itself, and a timeout covers what inotify cannot
/// see (the folder itself replaced). One owner, one thread: it blocks.
package final class FolderChanges {
    private let descriptor: Int32
    private let folder: FilePath

    package init(folder: FilePath) throws(IOFailure) {
        self.folder = folder
        descriptor = try retryingInterrupts("inotify_init1", folder.string) { inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR)
        let added = folder.withPlatformString { inotify_add_watch(descriptor, $0, mask) }
        if added == -1 {
            let error = Errno(rawValue: Glibc.errno)
            close(descriptor)
            throw IOFailure("inotify_add_watch", folder.string, error)
        }
    }

    deinit { close(descriptor) }

    /// Returns once something changed in the folder, or after `timeout`; whatever had already
    /// been reported is drained first, so each call waits for news.
    package func wait(timeout: Duration) throws(IOFailure) {
        var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let ready = poll(&pollDescriptor, 1, milliseconds)
        if ready == -1, Glibc.errno != EINTR { throw IOFailure("poll", folder.string, Errno(rawValue: Glibc.errno)) }
        drain()
    }

    /// Reads and forgets the queued events.
    package func drain() {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while buffer.withUnsafeMutableBytes({ Glibc.read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }
}
