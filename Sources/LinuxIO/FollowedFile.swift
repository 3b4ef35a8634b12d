import Glibc
import SystemPackage

/// A file read by descriptor from any offset, as `tail -F` reads a log: once open, a rename
/// (the store's rotation) or an unlink does not take it away, so whatever was appended before
/// the rotation can still be read to its end. The one owner of its descriptor.
package final class FollowedFile {
    package let path: FilePath
    private let descriptor: FileDescriptor
    /// `device:inode`, as `AppendOnlyFile.identity` gives it.
    package let identity: String

    /// Opens `path` for reading; nil when there is no such file.
    package init?(path: FilePath) throws(IOFailure) {
        self.path = path
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(path, .readOnly, options: [.closeOnExec], retryOnInterrupt: true)
        } catch let error as Errno where error == .noSuchFileOrDirectory {
            return nil
        } catch {
            throw IOFailure("open", path.string, (error as? Errno) ?? .ioError)
        }
        do {
            let status = try IOFailure.wrap("fstat", path.string) { try descriptor.stat() }
            self.descriptor = descriptor
            identity = "\(status.deviceID.rawValue):\(status.inode.rawValue)"
        } catch {
            try? descriptor.close()
            throw error
        }
    }

    deinit { try? descriptor.close() }

    /// The file's size now.
    package func size() throws(IOFailure) -> Int64 {
        try IOFailure.wrap("fstat", path.string) { try descriptor.stat().size }
    }

    /// Reads up to `buffer.count` bytes at `offset`; 0 at the end of the file.
    package func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(IOFailure) -> Int {
        try IOFailure.wrap("read", path.string) { try descriptor.read(fromAbsoluteOffset: offset, into: buffer, retryOnInterrupt: true) }
    }

    /// Fills `buffer[..<count]` from `offset` on, as far as the file goes; returns how many
    /// bytes were read (fewer than `count` at the end of the file).
    package func read(into buffer: inout [UInt8], count: Int, at offset: Int64) throws(IOFailure) -> Int {
        precondition(count <= buffer.count)
        var filled = 0
        var failure: IOFailure?
        buffer.withUnsafeMutableBytes { bytes in
            while filled < count {
                do throws(IOFailure) {
                    let read = try read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled..<count]), at: offset + Int64(filled))
                    if read == 0 { break }
                    filled += read
                } catch {
                    failure = error
                    break
                }
            }
        }
        if let failure { throw failure }
        return filled
    }

    /// Whether `path` still names this file (false after a rotation or a removal).
    package var isStillAtItsPath: Bool { AppendOnlyFile.identity(of: path) == identity }
}

extension LineReader {
    /// The last complete line of the file at `path` (without its `\n`), or nil when it has
    /// none. Reads from the end, doubling its window until the window holds the line's start.
    package static func lastLine(in path: FilePath) throws(IOFailure) -> [UInt8]? {
        guard let file = try FollowedFile(path: path) else { return nil }
        let size = try file.size()
        var window: Int64 = 64 * 1024
        while true {
            let start = max(0, size - window)
            var bytes = [UInt8](repeating: 0, count: Int(size - start))
            bytes.removeLast(bytes.count - (try file.read(into: &bytes, count: bytes.count, at: start)))
            // The end of the last complete line, then the end of the one before it.
            guard let end = bytes.lastIndex(of: UInt8(ascii: "\n")) else {
                if start == 0 { return nil }
                window *= 2
                continue
            }
            if let before = bytes[..<end].lastIndex(of: UInt8(ascii: "\n")) { return Array(bytes[(before + 1)..<end]) }
            if start == 0 { return Array(bytes[..<end]) }
            window *= 2
        }
    }
}
