import Foundation
import Glibc
import LinuxIO
import SystemPackage
import Testing

/// Issue #18, item 5: an inotify `read` that fails is reported as a `.failed` event naming the
/// call and the errno, and the stream ends (the consumer makes the watch again). The kernel cannot
/// be made to fail the read, so the watcher is given one that fails with EIO.
@Suite struct InotifyReadFailureTests {
    @Test func aFailedReadIsReportedAndEndsTheStream() async throws {
        let folder = try TemporaryFolder()
        let watcher = try InotifyWatcher(directory: folder.path) { _, _, _ in
            errno = EIO
            return -1
        }
        defer { watcher.stop() }
        try folder.write("a.txt", "Headline\n\nBody.\n")  // an event, so the watcher reads
        var events = watcher.events.makeAsyncIterator()
        let event = await InotifyWatcherTests.next(&events, within: 30)
        #expect(event == .failed(IOFailure("read", "inotify", .ioError)))
        #expect(await InotifyWatcherTests.next(&events, within: 30) == nil)
    }
}
