import Foundation
import Synchronization

/// A stand-in for systemd's notification socket: binds an `AF_UNIX` datagram socket that the
/// daemon finds in `NOTIFY_SOCKET`, and records every message it sends with the time it came
/// (and, once `sampling` is given, what it returns at that moment).
final class NotifyListener: Sendable {
    /// A message as it came.
    struct Message: Sendable {
        var time: Date
        var text: String
        var sample: Duration?
    }

    let path: String
    private let descriptor: Int32
    private let received = Mutex<[Message]>([])
    private let stopped = Mutex(false)
    private let sampler = Mutex<(@Sendable () -> Duration)?>(nil)

    init(in folder: URL) throws {
        path = folder.appendingPathComponent("notify.sock").path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in raw.copyBytes(from: Array(path.utf8).prefix(raw.count - 1)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard descriptor >= 0, bound == 0 else { throw POSIXError(.EADDRINUSE) }
        let thread = Thread { [self] in listen() }
        thread.start()
    }

    deinit { close(descriptor) }

    func stop() { stopped.withLock { $0 = true } }

    /// From now on each message is recorded with what `sample` returns when it comes.
    func sampling(_ sample: @escaping @Sendable () -> Duration) { sampler.withLock { $0 = sample } }

    private func listen() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !stopped.withLock({ $0 }) {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                let text = String(decoding: buffer[..<count], as: UTF8.self)
                let message = Message(time: Date(), text: text, sample: sampler.withLock { $0 }?())
                received.withLock { $0.append(message) }
            }
        }
    }

    /// The times of the messages that contain `text`.
    func times(of text: String) -> [Date] { messages(containing: text).map(\.time) }

    /// The messages that contain `text`, in the order they came.
    func messages(containing text: String) -> [Message] { received.withLock { $0.filter { $0.text.contains(text) } } }

    /// The environment that makes the daemon notify here, with a watchdog of `watchdogSeconds`.
    func environment(watchdogSeconds: Double? = nil) -> [String: String] {
        var environment = ["NOTIFY_SOCKET": path]
        if let watchdogSeconds { environment["WATCHDOG_USEC"] = String(Int(watchdogSeconds * 1_000_000)) }
        return environment
    }
}
