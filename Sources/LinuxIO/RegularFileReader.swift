import Glibc
import SystemPackage

/// Why a file in the inbox could not be read as a bulletin.
package enum FileReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Gone between the event and the read; nothing to do.
    case vanished
    case symbolicLink
    /// A folder: not a bulletin and not a fault; the inbox ignores folders.
    case directory
    case notRegular(kind: String)
    case tooLarge(size: Int64, limit: Int64)
    case changedWhileReading
    /// More names than this one lead to the file (`st_nlink`): through another, outside the
    /// inbox, it could still be changed after it was read.
    case hardLinked(links: Int)
    case io(IOFailure)

    /// A failure that may pass if the file is read again a little later (the writer finishes,
    /// the other name is removed), rather than a property of the file.
    package var isTransient: Bool {
        switch self {
        case .changedWhileReading, .hardLinked: true
        default: false
        }
    }

    package var description: String {
        switch self {
        case .vanished: "the file disappeared before it could be read"
        case .symbolicLink: "a symbolic link, never followed"
        case .directory: "a folder"
        case .notRegular(let kind): "not a regular file (\(kind))"
        case .tooLarge(let size, let limit): "\(size) bytes, over the limit of \(limit) bytes"
        case .changedWhileReading: "the file changed size while it was read"
        case .hardLinked(let links): "the file has \(links) names (hard links); a bulletin must be renamed into the inbox, not linked"
        case .io(let failure): failure.description
        }
    }
}

/// A regular file's bytes, and which file they came from (its state when it was opened).
package struct RegularFile: Sendable {
    package let bytes: [UInt8]
    package let signature: FileSignature
}

package enum RegularFileReader {
    /// Reads a whole regular file, refusing anything else without blocking on it.
    ///
    /// `O_NOFOLLOW` refuses a symlink; `O_NONBLOCK` keeps a FIFO from blocking the open; the
    /// type and size checks happen on the opened descriptor, so nothing can be swapped in between.
    /// `followingSymbolicLinks` is for files the admin names (a config file), never for the inbox.
    package static func read(_ path: FilePath, limit: Int64, followingSymbolicLinks: Bool = false) throws(FileReadFailure) -> [UInt8] {
        try readFile(path, limit: limit, followingSymbolicLinks: followingSymbolicLinks).bytes
    }

    /// `read`, with the signature of the descriptor read (not of whatever the name leads to by
    /// then). `refusingHardLinks`: a file with more than one name is refused (the inbox).
    package static func readFile(
        _ path: FilePath, limit: Int64, followingSymbolicLinks: Bool = false, refusingHardLinks: Bool = false
    ) throws(FileReadFailure) -> RegularFile {
        // Look before opening: opening a device can have effects of its own (a tape rewinds, a
        // watchdog arms), and opening a socket fails with a cryptic ENXIO. The checks on the
        // opened descriptor below still decide; this only keeps the wrong kinds from being opened.
        try refuseUnopenable(path, followingSymbolicLinks: followingSymbolicLinks)
        let fd: FileDescriptor
        do {
            let options: FileDescriptor.OpenOptions = followingSymbolicLinks ? [.nonBlocking, .closeOnExec] : [.noFollow, .nonBlocking, .closeOnExec]
            fd = try FileDescriptor.open(path, .readOnly, options: options, retryOnInterrupt: true)
        } catch let error as Errno {
            switch error {
            case .noSuchFileOrDirectory: throw .vanished
            case .tooManySymbolicLinkLevels: throw .symbolicLink
            default: throw .io(IOFailure("open", path.string, error))
            }
        } catch {
            throw .io(IOFailure("open", path.string, .ioError))
        }
        defer { try? fd.close() }
        let status: Stat
        do { status = try fd.stat() } catch { throw .io(IOFailure("fstat", path.string, error)) }
        if status.type == .directory { throw .directory }
        guard status.type == .regular else { throw .notRegular(kind: status.type.readableName) }
        guard status.size <= limit else { throw .tooLarge(size: status.size, limit: limit) }
        if refusingHardLinks, status.linkCount > 1 { throw .hardLinked(links: status.linkCount) }

        let expected = Int(status.size)
        // One byte more than expected, so a file that grew is noticed rather than cut short.
        // Uninitialized: a snapshot of hundreds of megabytes need not be zeroed first.
        var failure: FileReadFailure?
        let bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, initialized in
            var filled = 0
            while filled < buffer.count {
                let count: Int
                do {
                    count = try fd.read(
                        into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[filled...])),
                        retryOnInterrupt: true)
                } catch {
                    failure = .io(IOFailure("read", path.string, (error as? Errno) ?? .ioError))
                    break
                }
                if count == 0 { break }
                filled += count
            }
            initialized = filled
        }
        if let failure { throw failure }
        guard bytes.count == expected else { throw .changedWhileReading }
        // Read again after the bytes: a write in place during the read changes the time, if not the size.
        guard let after = try? fd.stat(), after.st_mtim.tv_sec == status.st_mtim.tv_sec, after.st_mtim.tv_nsec == status.st_mtim.tv_nsec else {
            throw .changedWhileReading
        }
        return RegularFile(bytes: bytes, signature: FileSignature(status))
    }

    /// Throws for a missing path, a symlink (unless followed), or anything but a regular file or folder.
    private static func refuseUnopenable(_ path: FilePath, followingSymbolicLinks: Bool) throws(FileReadFailure) {
        let status: Stat
        do {
            status = try Stat(path, followTargetSymlink: followingSymbolicLinks, retryOnInterrupt: true)
        } catch {
            if error == .noSuchFileOrDirectory { throw .vanished }
            return  // let the open report it, with its own errno
        }
        switch status.type {
        case .regular: return
        case .directory: throw .directory
        case .symbolicLink: throw .symbolicLink
        default: throw .notRegular(kind: status.type.readableName)
        }
    }
}

extension FileType {
    var readableName: String {
        switch self {
        case .directory: "a directory"
        case .fifo: "a FIFO"
        case .socket: "a socket"
        case .characterSpecial: "a character device"
        case .blockSpecial: "a block device"
        case .symbolicLink: "a symbolic link"
        default: "an unknown kind of file"
        }
    }
}
