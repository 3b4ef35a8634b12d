import Glibc
import SystemPackage

/// The single-writer lock of a state folder: an `flock` on `lock`, holding the owner's PID.
///
/// The kernel drops an `flock` when its holder dies, even by `kill -9`, so a stale lock file
/// never blocks a restart.
package final class StateLock: Sendable {
    package enum Failure: Error, Sendable, CustomStringConvertible {
        case heldBy(pid: Int32?, path: String)
        case io(IOFailure)

        package var description: String {
            switch self {
            case .heldBy(let pid?, let path): "another bulletind (PID \(pid)) holds the state folder lock '\(path)'"
            case .heldBy(nil, let path): "another process holds the state folder lock '\(path)'"
            case .io(let failure): failure.description
            }
        }
    }

    private let descriptor: FileDescriptor

    package init(stateDirectory: FilePath) throws(Failure) {
        let path = stateDirectory.appending("lock")
        let fd: FileDescriptor
        do {
            fd = try IOFailure.wrap("open", path.string) {
                try FileDescriptor.open(
                    path, .readWrite, options: [.create, .closeOnExec],
                    permissions: .ownerReadWrite)
            }
        } catch { throw .io(error) }
        if flock(fd.rawValue, LOCK_EX | LOCK_NB) != 0 {
            let error = Errno(rawValue: Glibc.errno)
            let holder = Self.recordedPID(fd)
            try? fd.close()
            if error == .wouldBlock { throw .heldBy(pid: holder, path: path.string) }
            throw .io(IOFailure("flock", path.string, error))
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = try? fd.resize(to: 0)
        _ = try? fd.writeAll(toAbsoluteOffset: 0, pid)
        descriptor = fd
    }

    deinit { try? descriptor.close() }

    private static func recordedPID(_ fd: FileDescriptor) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        guard let count = try? buffer.withUnsafeMutableBytes({ try fd.read(fromAbsoluteOffset: 0, into: $0) }) else {
            return nil
        }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).filter(\.isNumber))
    }
}
