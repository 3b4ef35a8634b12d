import Glibc
import SystemPackage

/// A failed system call, named the way a person reads it: `open 'inbox/x.txt': Permission denied (EACCES)`.
package struct IOFailure: Error, Sendable, Hashable, CustomStringConvertible {
    package let operation: String
    package let path: String
    package let errno: Errno

    package init(_ operation: String, _ path: String, _ errno: Errno) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    package var description: String {
        "\(operation) '\(path)': \(String(cString: strerror(errno.rawValue))) (\(errno.symbolicName))"
    }
}

extension Errno {
    /// The C name of the error (`ENOSPC`), which is what people search for.
    package var symbolicName: String {
        switch self {
        case .permissionDenied: "EACCES"
        case .noSuchFileOrDirectory: "ENOENT"
        case .noSpace: "ENOSPC"
        case .tooManySymbolicLinkLevels: "ELOOP"
        case .fileNameTooLong: "ENAMETOOLONG"
        case .isDirectory: "EISDIR"
        case .notDirectory: "ENOTDIR"
        case .fileExists: "EEXIST"
        case .ioError: "EIO"
        case .resourceTemporarilyUnavailable: "EAGAIN"
        case .badFileDescriptor: "EBADF"
        case .invalidArgument: "EINVAL"
        case .readOnlyFileSystem: "EROFS"
        case .improperLink: "EXDEV"
        case .fileTooLarge: "EFBIG"
        case .diskQuotaExceeded: "EDQUOT"
        case .notPermitted: "EPERM"
        default: "errno \(rawValue)"
        }
    }
}

/// Runs a system call that returns -1 and sets `errno` on failure, retrying on EINTR.
///
/// This is the one place that owns the EINTR policy for raw Glibc calls (swift-system's own
/// calls take `retryOnInterrupt`). `close` must never go through here: retrying it is unsafe.
@discardableResult
func retryingInterrupts<T: FixedWidthInteger>(
    _ operation: String, _ path: String, _ call: () -> T
) throws(IOFailure) -> T {
    while true {
        let result = call()
        if result != -1 { return result }
        let error = Errno(rawValue: Glibc.errno)
        if error == .interrupted { continue }
        throw IOFailure(operation, path, error)
    }
}

/// As above, for a call whose `tolerated` error is an answer, not a failure (`mkdir` of a
/// folder already there, `unlink` of a file already gone): false when that error came.
@discardableResult
func retryingInterrupts(
    _ operation: String, _ path: String, tolerating tolerated: Errno, _ call: () -> Int32
) throws(IOFailure) -> Bool {
    do {
        try retryingInterrupts(operation, path, call)
        return true
    } catch {
        if error.errno == tolerated { return false }
        throw error
    }
}

/// As above, for a call that returns a pointer, or nil and sets `errno` (`opendir`).
func retryingInterrupts<T>(_ operation: String, _ path: String, returning call: () -> T?) throws(IOFailure) -> T {
    while true {
        if let result = call() { return result }
        let error = Errno(rawValue: Glibc.errno)
        if error == .interrupted { continue }
        throw IOFailure(operation, path, error)
    }
}

extension IOFailure {
    /// Wraps a swift-system call, giving its `Errno` the operation and the path.
    static func wrap<T>(_ operation: String, _ path: String, _ body: () throws -> T) throws(IOFailure) -> T {
        do {
            return try body()
        } catch let error as Errno {
            throw IOFailure(operation, path, error)
        } catch {
            throw IOFailure(operation, path, .ioError)
        }
    }
}
