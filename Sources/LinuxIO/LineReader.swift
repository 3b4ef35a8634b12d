import Glibc
import SystemPackage

/// Reads a file's complete lines from a byte offset on, in large chunks, without holding the
/// file in memory. A last line without its `\n` is not complete and is not returned.
package enum LineReader {
    /// Calls `body` with each line's starting offset and its bytes (without the `\n`).
    /// A missing file has no lines. Returns the bytes after the last `\n` (an unterminated
    /// last line), empty when the file ends with a complete line.
    @discardableResult
    package static func forEachLine(
        in path: FilePath, from offset: Int64 = 0, _ body: (Int64, ArraySlice<UInt8>) throws -> Void
    ) throws -> [UInt8] {
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(path, .readOnly, options: [.closeOnExec], retryOnInterrupt: true)
        } catch let error as Errno where error == .noSuchFileOrDirectory {
            return []
        } catch {
            throw IOFailure("open", path.string, (error as? Errno) ?? .ioError)
        }
        defer { try? fd.close() }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var pending: [UInt8] = []
        var pendingOffset = offset
        var readOffset = offset
        while true {
            let count = try IOFailure.wrap("read", path.string) {
                try chunk.withUnsafeMutableBytes { try fd.read(fromAbsoluteOffset: readOffset, into: $0) }
            }
            if count == 0 { return pending }
            readOffset += Int64(count)
            pending += chunk[..<count]
            var start = 0
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                try body(pendingOffset + Int64(start), pending[start..<newline])
                start = newline + 1
            }
            pending.removeFirst(start)
            pendingOffset += Int64(start)
        }
    }

    /// Cuts the file at `path` back to `size` bytes and makes that durable.
    package static func truncate(_ path: FilePath, to size: Int64) throws(IOFailure) {
        let fd = try IOFailure.wrap("open", path.string) {
            try FileDescriptor.open(path, .writeOnly, options: [.closeOnExec], retryOnInterrupt: true)
        }
        defer { try? fd.close() }
        try IOFailure.wrap("ftruncate", path.string) { try fd.resize(to: size) }
        try retryingInterrupts("fsync", path.string) { fsync(fd.rawValue) }
    }
}
