import CLinux
import Glibc
import SystemPackage

public enum FileMover {
    /// Moves `source` into `folder` under its own name, never replacing a file already there
    /// (`RENAME_NOREPLACE`): a clash gets `name.N.ext`. Returns the destination.
    @discardableResult
    /// `name`: the name to give it there (default: its own).
    public static func move(_ source: FilePath, into folder: FilePath, as name: String? = nil) throws(IOFailure) -> FilePath {
        let name = name ?? source.lastComponent?.string ?? "bulletin"
        for attempt in 0..<1000 {
            let destination = folder.appending(attempt == 0 ? name : Self.variant(of: name, number: attempt))
            let result = source.withPlatformString { from in
                destination.withPlatformString { to in
                    bulletind_rename_noreplace(from, to)
                }
            }
            if result == 0 { return destination }
            let error = Errno(rawValue: Glibc.errno)
            if error == .fileExists { continue }
            if error == .improperLink {
                // Another file system: copy, make it durable, then remove the original.
                guard try copyExclusively(source, to: destination) else { continue }
                try remove(source)
                return destination
            }
            throw IOFailure("rename", "\(source.string)' to '\(destination.string)", error)
        }
        throw IOFailure("rename", source.string, .fileExists)
    }

    /// Copies a regular file to a new name (never replacing one); false when the name is taken.
    private static func copyExclusively(_ source: FilePath, to destination: FilePath) throws(IOFailure) -> Bool {
        let bytes: [UInt8]
        do {
            bytes = try RegularFileReader.read(source, limit: .max)
        } catch {
            if case .io(let failure) = error { throw failure }
            throw IOFailure("copy", source.string, .invalidArgument)
        }
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(
                destination, .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead])
        } catch let error as Errno where error == .fileExists {
            return false
        } catch {
            throw IOFailure("open", destination.string, (error as? Errno) ?? .ioError)
        }
        defer { try? fd.close() }
        _ = try IOFailure.wrap("write", destination.string) { try fd.writeAll(bytes) }
        try retryingInterrupts("fsync", destination.string) { fsync(fd.rawValue) }
        return true
    }

    /// `report.txt` → `report.2.txt`: the extension stays last, so the file still opens the same way.
    static func variant(of name: String, number: Int) -> String {
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return "\(name[..<dot]).\(number + 1)\(name[dot...])"
        }
        return "\(name).\(number + 1)"
    }

    /// Writes `text` to `path` atomically (temporary file, fsync, rename).
    public static func writeAtomically(_ text: String, to path: FilePath) throws(IOFailure) {
        try writeAtomically(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically (temporary file, fsync, rename). `permissions`, when
    /// given, are set whatever the umask (a file another user's program reads).
    public static func writeAtomically(_ bytes: [UInt8], to path: FilePath, permissions: FilePermissions? = nil) throws(IOFailure) {
        let temporary = FilePath(path.string + ".tmp")
        let fd = try IOFailure.wrap("open", temporary.string) {
            try FileDescriptor.open(
                temporary, .writeOnly, options: [.create, .truncate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
        }
        do {
            if let permissions { try retryingInterrupts("fchmod", temporary.string) { fchmod(fd.rawValue, permissions.rawValue) } }
            _ = try IOFailure.wrap("write", temporary.string) { try fd.writeAll(bytes) }
            try retryingInterrupts("fsync", temporary.string) { fsync(fd.rawValue) }
        } catch {
            try? fd.close()
            throw error
        }
        try? fd.close()
        try retryingInterrupts("rename", path.string) {
            temporary.withPlatformString { from in path.withPlatformString { to in Glibc.rename(from, to) } }
        }
    }
}

extension FileMover {
    /// Deletes a file (`unlink`); one already gone is not an error.
    public static func remove(_ path: FilePath) throws(IOFailure) {
        if path.withPlatformString({ unlink($0) }) == -1, Glibc.errno != ENOENT {
            throw IOFailure("unlink", path.string, Errno(rawValue: Glibc.errno))
        }
    }
}

extension FileMover {
    /// `rename(2)`, replacing any file at `destination`.
    public static func rename(_ source: FilePath, to destination: FilePath) throws(IOFailure) {
        try retryingInterrupts("rename", "\(source.string)' to '\(destination.string)") {
            source.withPlatformString { from in destination.withPlatformString { to in Glibc.rename(from, to) } }
        }
    }
}
