import Glibc
import SystemPackage

/// The one owner of an append-only file's descriptor (the store).
///
/// Each `append` is a single `write` on an `O_APPEND` descriptor, so readers never see two
/// appends interleaved; a short or failed write is cut back off, so the file never keeps half
/// of an append. Not `Sendable`: it lives inside the actor that serialises appends.
package final class AppendOnlyFile {
    package let path: FilePath
    private var descriptor: FileDescriptor
    /// The file's size after the last complete append: where a failed append is cut back to.
    package private(set) var size: Int64
    /// Which file this is (`device:inode`): tells a rotated or replaced file from the one an
    /// offset was recorded against.
    package private(set) var identity: String

    /// The mode a new file is created with (the umask applies).
    private let permissions: FilePermissions

    package init(path: FilePath, permissions: FilePermissions = [.ownerReadWrite, .groupRead, .otherRead]) throws(IOFailure) {
        self.path = path
        self.permissions = permissions
        (descriptor, size, identity) = try Self.open(path, permissions: permissions)
    }

    deinit { try? descriptor.close() }

    private static func open(_ path: FilePath, permissions: FilePermissions) throws(IOFailure) -> (FileDescriptor, Int64, String) {
        let fd = try IOFailure.wrap("open", path.string) {
            try FileDescriptor.open(
                path, .writeOnly, options: [.append, .create, .closeOnExec],
                permissions: permissions, retryOnInterrupt: true)
        }
        do {
            let status = try IOFailure.wrap("fstat", path.string) { try fd.stat() }
            return (fd, status.size, "\(status.deviceID.rawValue):\(status.inode.rawValue)")
        } catch {
            try? fd.close()
            throw error
        }
    }

    /// Appends `bytes` in one `write`, or leaves the file exactly as it was and throws.
    package func append(_ bytes: [UInt8]) throws(IOFailure) {
        guard !bytes.isEmpty else { return }
        let written: Int
        do {
            written = try bytes.withUnsafeBytes { try descriptor.write($0, retryOnInterrupt: true) }
        } catch {
            cutBack()
            throw IOFailure("write", path.string, (error as? Errno) ?? .ioError)
        }
        guard written == bytes.count else {
            // A short write on a regular file means the disk filled up mid-way.
            cutBack()
            throw IOFailure("write", path.string, .noSpace)
        }
        size += Int64(written)
    }

    /// Cuts the file back to `offset`, an earlier `size` (a bulletin written in several appends
    /// whose later part failed), and makes that durable.
    package func truncate(to offset: Int64) throws(IOFailure) {
        try IOFailure.wrap("ftruncate", path.string) { try descriptor.resize(to: offset, retryOnInterrupt: true) }
        size = offset
        try synchronize()
    }

    /// Makes every append so far durable.
    package func synchronize() throws(IOFailure) {
        try retryingInterrupts("fsync", path.string) { fsync(descriptor.rawValue) }
    }

    /// Whether `path` still names the file appended to (same device and inode): false once the
    /// file was moved away, removed or replaced behind the writer's back. Appends would go on
    /// into the old file (or a deleted one) where nobody looks for them. A `stat` that fails
    /// otherwise (EIO, EACCES) is thrown: it says nothing about where the file is.
    package func isStillAtPath() throws(IOFailure) -> Bool {
        guard let found = try FileSignature.lookUp(path, followingSymbolicLinks: true) else { return false }
        return "\(found.device):\(found.inode)" == identity
    }

    /// Opens the path anew (after an outside rotation, e.g. on SIGHUP).
    package func reopen() throws(IOFailure) {
        let (fresh, freshSize, freshIdentity) = try Self.open(path, permissions: permissions)
        try? descriptor.close()
        descriptor = fresh
        size = freshSize
        identity = freshIdentity
    }

    private func cutBack() {
        _ = try? descriptor.resize(to: size, retryOnInterrupt: true)
    }
}

extension AppendOnlyFile {
    /// What another thread needs to make the appends so far durable: its own duplicate of the
    /// descriptor, so a reopen (rotation) meanwhile does not close it under the `fsync`.
    package struct PendingSync: Sendable {
        let descriptor: FileDescriptor
        let path: FilePath

        /// `fsync`, then closes the duplicate. Call once.
        package func run() throws(IOFailure) {
            defer { try? descriptor.close() }
            try retryingInterrupts("fsync", path.string) { fsync(descriptor.rawValue) }
        }
    }

    package func pendingSync() throws(IOFailure) -> PendingSync {
        let duplicate = try IOFailure.wrap("dup", path.string) { try descriptor.duplicate() }
        return PendingSync(descriptor: duplicate, path: path)
    }
}

extension AppendOnlyFile {
    /// The `device:inode` identity of the file at `path`, or nil when there is none.
    package static func identity(of path: FilePath) -> String? {
        guard let fd = try? FileDescriptor.open(path, .readOnly, options: [.closeOnExec]) else { return nil }
        defer { try? fd.close() }
        guard let status = try? fd.stat() else { return nil }
        return "\(status.deviceID.rawValue):\(status.inode.rawValue)"
    }

    /// Cuts an unterminated last line off the file at `path`; returns how many bytes were cut.
    ///
    /// Run before the file is opened for appending, at start: a crash mid-`write` may have left
    /// part of a line, and JSON Lines readers must never see it.
    package static func cutTornTail(of path: FilePath) throws(IOFailure) -> Int64 {
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(path, .readWrite, options: [.closeOnExec], retryOnInterrupt: true)
        } catch let error as Errno where error == .noSuchFileOrDirectory {
            return 0
        } catch {
            throw IOFailure("open", path.string, (error as? Errno) ?? .ioError)
        }
        defer { try? fd.close() }
        let size = try IOFailure.wrap("fstat", path.string) { try fd.stat().size }
        var end = size
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while end > 0 {
            let start = max(0, end - Int64(chunk.count))
            let count = Int(end - start)
            _ = try IOFailure.wrap("read", path.string) {
                try chunk.withUnsafeMutableBytes {
                    try fd.read(fromAbsoluteOffset: start, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<count]))
                }
            }
            if let newline = chunk[..<count].lastIndex(of: UInt8(ascii: "\n")) {
                end = start + Int64(newline) + 1
                break
            }
            end = start
        }
        guard end < size else { return 0 }
        try IOFailure.wrap("ftruncate", path.string) { try fd.resize(to: end) }
        try retryingInterrupts("fsync", path.string) { fsync(fd.rawValue) }
        return size - end
    }
}
