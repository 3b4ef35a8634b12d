import CLinux
import Glibc
import SystemPackage

package enum FileMover {
    /// Moves `source` into `folder` under its own name, never replacing a file already there
    /// (`RENAME_NOREPLACE`): a clash gets `name.N.ext`. Returns the destination.
    @discardableResult
    /// `name`: the name to give it there (default: its own).
    package static func move(_ source: FilePath, into folder: FilePath, as name: String? = nil) throws(IOFailure) -> FilePath {
        let name = name ?? source.lastComponent?.string ?? "bulletin"
        for attempt in 0..<1000 {
            let destination = folder.appending(attempt == 0 ? name : Self.variant(of: name, number: attempt))
            do {
                if try renameWithoutReplacing(source, to: destination) { return destination }
            } catch where error.errno == .improperLink {
                // Another file system: copy, make it durable, then remove the original.
                guard try copyExclusively(source, to: destination) else { continue }
                try remove(source)
                return destination
            }
        }
        throw IOFailure("rename", source.string, .fileExists)
    }

    /// Copies a regular file to a new name (never replacing one); false when the name is taken.
    /// Streamed a block at a time: a file moved to another file system (a failed folder on
    /// another disk) may be far larger than any bulletin the daemon reads (one rejected as too
    /// large), and must not be held in memory whole. A copy cut short is removed.
    private static func copyExclusively(_ source: FilePath, to destination: FilePath) throws(IOFailure) -> Bool {
        let input = try IOFailure.wrap("open", source.string) {
            try FileDescriptor.open(source, .readOnly, options: [.noFollow, .nonBlocking, .closeOnExec], retryOnInterrupt: true)
        }
        // Closed as soon as the bytes are copied, before the fsync: an open descriptor keeps
        // the source's file system busy (an inbox on a tmpfs could not be unmounted meanwhile).
        var inputOpen = true
        defer { if inputOpen { try? input.close() } }
        let status = try IOFailure.wrap("fstat", source.string) { try input.stat() }
        // Only a regular file's bytes can be copied; anything else stays where it is.
        guard status.type == .regular else { throw IOFailure("copy", source.string, .invalidArgument) }
        let output: FileDescriptor
        do {
            output = try FileDescriptor.open(
                destination, .writeOnly, options: [.create, .exclusiveCreate, .noFollow, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead], retryOnInterrupt: true)
        } catch let error as Errno where error == .fileExists {
            return false
        } catch {
            throw IOFailure("open", destination.string, (error as? Errno) ?? .ioError)
        }
        defer { try? output.close() }
        do {
            try stream(from: input, source, to: output, destination)
            inputOpen = false
            try? input.close()
            try retryingInterrupts("fsync", destination.string) { fsync(output.rawValue) }
        } catch {
            try? remove(destination)
            throw error
        }
        return true
    }

    /// How much of a file is in memory at once while it is copied.
    package static let copyBlockSize = 1 << 20

    private static func stream(
        from input: FileDescriptor, _ source: FilePath, to output: FileDescriptor, _ destination: FilePath
    ) throws(IOFailure) {
        var block = [UInt8](repeating: 0, count: copyBlockSize)
        while true {
            let count = try IOFailure.wrap("read", source.string) {
                try block.withUnsafeMutableBytes { try input.read(into: $0, retryOnInterrupt: true) }
            }
            if count == 0 { return }
            _ = try IOFailure.wrap("write", destination.string) {
                try block.withUnsafeBytes { try output.writeAll(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            }
        }
    }

    /// `report.txt` → `report.2.txt`: the extension stays last, so the file still opens the same way.
    static func variant(of name: String, number: Int) -> String {
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return "\(name[..<dot]).\(number + 1)\(name[dot...])"
        }
        return "\(name).\(number + 1)"
    }

    /// Writes `text` to `path` atomically (temporary file, fsync, rename).
    package static func writeAtomically(_ text: String, to path: FilePath) throws(IOFailure) {
        try writeAtomically(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically (temporary file, fsync, rename). `permissions`, when
    /// given, are set whatever the umask (a file another user's program reads).
    ///
    /// The temporary file has a name of its own (`NAME.<16 hex digits>.tmp`), created with
    /// `O_EXCL|O_NOFOLLOW`: a fixed name opened with `O_TRUNC` would follow a symlink planted
    /// under that name by anyone who can write in the folder, and truncate whatever it points at.
    package static func writeAtomically(_ bytes: [UInt8], to path: FilePath, permissions: FilePermissions? = nil) throws(IOFailure) {
        try writeAtomically(to: path, permissions: permissions) { write throws(IOFailure) in
            // `withUnsafeBytes` rethrows untyped: the failure is carried out of it.
            let failure = bytes.withUnsafeBytes { raw -> IOFailure? in
                do throws(IOFailure) {
                    try write(raw)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure { throw failure }
        }
    }

    /// `writeAtomically`, the contents handed over in pieces: `contents` calls the `write` it is
    /// given with each in turn (a large file need not be made in memory first).
    package static func writeAtomically(
        to path: FilePath, permissions: FilePermissions? = nil,
        contents: (_ write: @escaping (UnsafeRawBufferPointer) throws(IOFailure) -> Void) throws(IOFailure) -> Void
    ) throws(IOFailure) {
        let (temporary, fd) = try createTemporary(beside: path)
        do {
            if let permissions { try retryingInterrupts("fchmod", temporary.string) { fchmod(fd.rawValue, permissions.rawValue) } }
            try contents { piece throws(IOFailure) in
                _ = try IOFailure.wrap("write", temporary.string) { try fd.writeAll(piece) }
            }
            try retryingInterrupts("fsync", temporary.string) { fsync(fd.rawValue) }
            try? fd.close()
            try rename(temporary, to: path)
        } catch {
            try? fd.close()
            try? remove(temporary)
            throw error
        }
    }

    /// A new file beside `path`, under a random name nobody could have prepared.
    private static func createTemporary(beside path: FilePath) throws(IOFailure) -> (FilePath, FileDescriptor) {
        var failure = IOFailure("open", path.string + ".*.tmp", .fileExists)
        for _ in 0..<16 {
            let temporary = FilePath(path.string + "." + randomHex() + ".tmp")
            do {
                let fd = try FileDescriptor.open(
                    temporary, .writeOnly, options: [.create, .exclusiveCreate, .noFollow, .closeOnExec],
                    permissions: [.ownerReadWrite, .groupRead, .otherRead], retryOnInterrupt: true)
                return (temporary, fd)
            } catch let error as Errno where error == .fileExists {
                failure = IOFailure("open", temporary.string, error)
            } catch {
                throw IOFailure("open", temporary.string, (error as? Errno) ?? .ioError)
            }
        }
        throw failure
    }

    private static func randomHex() -> String {
        let digits = String(UInt64.random(in: .min ... .max), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Removes what `writeAtomically(to: path)` may have left behind when the process died
    /// between creating its temporary file and renaming it: `NAME.<16 hex digits>.tmp` (and the
    /// fixed `NAME.tmp` of earlier versions). Call while holding the folder (the state lock).
    package static func removeLeftoverTemporaries(of path: FilePath) {
        guard let base = path.lastComponent?.string else { return }
        let parent = path.removingLastComponent()
        let folder = parent.isEmpty ? FilePath(".") : parent
        guard let entries = try? DirectoryListing.entries(of: folder) else { return }
        for entry in entries where entry.kind != .directory {
            guard let name = entry.name.string, name.hasPrefix(base + "."), name.hasSuffix(".tmp") else { continue }
            let middle = name.dropFirst(base.count + 1).dropLast(4)
            guard name == base + ".tmp" || (middle.count == 16 && middle.allSatisfy(\.isHexDigit)) else { continue }
            try? remove(entry.name.path(in: folder))
        }
    }
}

extension FileMover {
    /// Deletes a file (`unlink`); one already gone is not an error.
    package static func remove(_ path: FilePath) throws(IOFailure) {
        try retryingInterrupts("unlink", path.string, tolerating: .noSuchFileOrDirectory) {
            path.withPlatformString { unlink($0) }
        }
    }
}

extension FileMover {
    /// `rename(2)`, replacing any file at `destination`.
    package static func rename(_ source: FilePath, to destination: FilePath) throws(IOFailure) {
        try retryingInterrupts("rename", "\(source.string)' to '\(destination.string)") {
            source.withPlatformString { from in destination.withPlatformString { to in Glibc.rename(from, to) } }
        }
    }
}

extension FileMover {
    /// `renameat2(2)` with `RENAME_NOREPLACE`: false, and nothing moved, when a file at
    /// `destination` exists already.
    package static func renameWithoutReplacing(_ source: FilePath, to destination: FilePath) throws(IOFailure) -> Bool {
        try retryingInterrupts("rename", "\(source.string)' to '\(destination.string)", tolerating: .fileExists) {
            source.withPlatformString { from in destination.withPlatformString { to in bulletind_rename_noreplace(from, to) } }
        }
    }
}
