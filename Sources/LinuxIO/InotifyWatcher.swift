import Foundation
import Glibc
import Synchronization
import SystemPackage

/// Watches one folder with inotify and delivers its events as an `AsyncStream`.
///
/// The blocking `poll` runs on a thread of its own, never on Swift's cooperative pool (2 threads
/// wide on these machines: one blocked thread would halve the daemon). Stopping closes the write
/// end of a pipe that thread polls: the hang-up wakes it, and nothing is ever written to a pipe
/// whose reader may be gone. The stream's buffer is bounded; when it is full the events are
/// replaced by one `.overflow`, which makes the consumer rescan — nothing is lost, memory stays flat.
package final class InotifyWatcher: Sendable {
    package let events: AsyncStream<WatchEvent>
    /// The pipe's write end, until the watcher is stopped.
    private let wakeWrite: Mutex<FileDescriptor?>

    package static let bufferLimit = 4096

    /// How the watcher's thread reads the inotify descriptor: `read(2)` (-1 with `errno` set on
    /// failure). A test passes one that fails, to see the failure reported.
    package typealias ReadEvents = @Sendable (_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int

    package init(directory: FilePath, readEvents: @escaping ReadEvents = { Glibc.read($0, $1, $2) }) throws(IOFailure) {
        let fd = try retryingInterrupts("inotify_init1", directory.string) { inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
        let added = directory.withPlatformString { inotify_add_watch(fd, $0, mask) }
        if added == -1 {
            let error = Errno(rawValue: Glibc.errno)
            close(fd)
            throw IOFailure("inotify_add_watch", directory.string, error)
        }
        let pipeEnds: (readEnd: FileDescriptor, writeEnd: FileDescriptor)
        do {
            pipeEnds = try FileDescriptor.pipe(options: [.closeOnExec, .nonBlocking])
        } catch {
            close(fd)
            throw IOFailure("pipe2", directory.string, error)
        }
        wakeWrite = Mutex(pipeEnds.writeEnd)
        let (stream, continuation) = AsyncStream.makeStream(
            of: WatchEvent.self, bufferingPolicy: .bufferingOldest(Self.bufferLimit))
        events = stream
        let reader = EventReader(
            inotify: FileDescriptor(rawValue: fd), wake: pipeEnds.readEnd, continuation: continuation, readEvents: readEvents)
        let thread = Thread { reader.run() }
        thread.name = "inotify \(directory.string)"
        thread.start()
        continuation.onTermination = { [weak self] _ in self?.stop() }
    }

    deinit { stop() }

    /// Stops the watcher thread; the event stream then finishes. Idempotent.
    package func stop() {
        wakeWrite.withLock { end in
            if let fd = end { close(fd.rawValue) }
            end = nil
        }
    }
}

/// The loop on the watcher's own thread. It owns the descriptors from here on and closes them.
private struct EventReader: Sendable {
    let inotify: FileDescriptor
    let wake: FileDescriptor
    let continuation: AsyncStream<WatchEvent>.Continuation
    let readEvents: InotifyWatcher.ReadEvents

    func run() {
        Self.nameThisThread("inotify")
        defer {
            continuation.finish()
            close(inotify.rawValue)
            close(wake.rawValue)
        }
        // Large enough for many events; at least one event with the longest name (else EINVAL).
        let capacity = 64 * (MemoryLayout<inotify_event>.size + Int(NAME_MAX) + 1)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        var owesOverflow = false
        var watching = true
        while true {
            var fds = [
                pollfd(fd: wake.rawValue, events: Int16(POLLIN), revents: 0),
                pollfd(fd: inotify.rawValue, events: Int16(POLLIN), revents: 0),
            ]
            // A pending overflow is retried every 20 ms until the consumer has room; else sleep.
            let ready = poll(&fds, watching ? 2 : 1, owesOverflow ? 20 : -1)
            if ready == -1 {
                if Glibc.errno == EINTR { continue }
                continuation.yield(.failed(IOFailure("poll", "inotify", Errno(rawValue: Glibc.errno))))
                return
            }
            if fds[0].revents != 0 { return }
            if owesOverflow { owesOverflow = !deliver(.overflow) }
            guard fds[1].revents & Int16(POLLIN) != 0 else { continue }
            let count = readEvents(inotify.rawValue, buffer, capacity)
            if count == -1 {
                if Glibc.errno == EAGAIN || Glibc.errno == EINTR { continue }  // poll again
                continuation.yield(.failed(IOFailure("read", "inotify", Errno(rawValue: Glibc.errno))))
                return
            }
            if count == 0 { continue }
            var offset = 0
            while offset < count {
                let event = buffer.advanced(by: offset).assumingMemoryBound(to: inotify_event.self).pointee
                let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                if let translated = translate(event, name: nameStart) {
                    if translated == .watchLost { watching = false }
                    if owesOverflow || !deliver(translated) { owesOverflow = true }
                }
            }
        }
    }

    /// Names the calling thread, so `/proc/PID/task/*/comm` shows which one sits in `poll`.
    /// Foundation's `Thread.name` does not reach the kernel here (the thread would wear its
    /// creator's name) and Glibc hides `pthread_setname_np`; procfs takes the name directly.
    private static func nameThisThread(_ name: String) {
        let fd = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = Array(name.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    private func deliver(_ event: WatchEvent) -> Bool {
        if case .dropped = continuation.yield(event) { return false }
        return true
    }

    private func translate(_ event: inotify_event, name: UnsafeMutableRawPointer) -> WatchEvent? {
        let mask = event.mask
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return .overflow }
        if mask & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT) != 0 { return .watchLost }
        guard mask & UInt32(IN_ISDIR) == 0, event.len > 0 else { return nil }
        let bytes = UnsafeRawBufferPointer(start: name, count: Int(event.len)).prefix { $0 != 0 }
        if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 { return .arrived(name: FileName(bytes: bytes)) }
        if mask & UInt32(IN_CREATE) != 0 { return .created(name: FileName(bytes: bytes)) }
        return nil
    }
}
