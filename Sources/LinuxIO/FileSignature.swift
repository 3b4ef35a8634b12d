import Glibc
import SystemPackage

/// What identifies a file's state cheaply (`lstat`): which file, how long, last changed when.
package struct FileSignature: Sendable, Hashable {
    package let device: UInt64
    package let inode: UInt64
    package let size: Int64
    package let modifiedNanoseconds: Int64
    /// A regular file or a folder, rather than a link, FIFO, socket or device.
    package let isRegularOrDirectory: Bool
    package let isDirectory: Bool

    /// The signature of `path` (not following a symlink unless asked), or nil when it cannot be
    /// had, for whatever reason (use `lookUp` where "no such file" and "cannot tell" differ).
    package static func of(_ path: FilePath, followingSymbolicLinks: Bool = false) -> FileSignature? {
        (try? lookUp(path, followingSymbolicLinks: followingSymbolicLinks)) ?? nil
    }

    /// The signature of `path`, nil when there is no such file (ENOENT, or ENOTDIR: a parent is
    /// not a folder); any other failure (EIO, EACCES…) is thrown, never taken for "missing".
    package static func lookUp(_ path: FilePath, followingSymbolicLinks: Bool = false) throws(IOFailure) -> FileSignature? {
        var status = stat()
        do {
            try retryingInterrupts(followingSymbolicLinks ? "stat" : "lstat", path.string) {
                path.withPlatformString { followingSymbolicLinks ? stat($0, &status) : lstat($0, &status) }
            }
        } catch where error.errno == .noSuchFileOrDirectory || error.errno == .notDirectory {
            return nil
        }
        return FileSignature(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
            modifiedNanoseconds: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
            isRegularOrDirectory: (status.st_mode & S_IFMT) == S_IFREG || (status.st_mode & S_IFMT) == S_IFDIR,
            isDirectory: (status.st_mode & S_IFMT) == S_IFDIR)
    }

    /// Whether both name the same file (device and inode), whatever its size or age.
    package func isSameFile(as other: FileSignature) -> Bool { device == other.device && inode == other.inode }

    /// Time since the last change, by the wall clock.
    package var age: Duration {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - modifiedNanoseconds
        return .nanoseconds(max(0, nanoseconds))
    }
}

extension FileSignature {
    /// The signature of an opened file's status (`fstat`).
    init(_ status: Stat) {
        device = UInt64(status.deviceID.rawValue)
        inode = UInt64(status.inode.rawValue)
        size = status.size
        modifiedNanoseconds = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        isRegularOrDirectory = status.type == .regular || status.type == .directory
        isDirectory = status.type == .directory
    }
}
