import CLinux
import Glibc
import SystemPackage

/// The daemon's own folder inside the inbox (`.bulletind-claimed`). A bulletin is renamed into
/// it before it is read, so the file that is later moved to the processed folder (or deleted) is
/// always the file that was read: a producer who renames another file over the same name in the
/// meantime makes a new inbox entry, which is ingested in its turn, never moved out unread.
///
/// Inside the inbox, so the claim is a `rename` on one file system (whatever is mounted there),
/// and hidden, so scans and patterns pass it by. Only the daemon's user may write to it: made
/// 0700, and refused when it belongs to someone else or others may write to it. After a crash,
/// whatever it still holds was claimed and not yet dealt with: the daemon takes it first.
public struct ClaimFolder: Sendable {
    public static let name = ".bulletind-claimed"

    public let inbox: FilePath

    public init(inbox: FilePath) { self.inbox = inbox }

    public var path: FilePath { inbox.appending(Self.name) }

    public func path(of name: FileName) -> FilePath { name.path(in: path) }

    /// Why the folder cannot be used.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public enum Outcome: Sendable, Equatable {
        case claimed
        /// Nothing by that name in the inbox (any more).
        case vanished
        /// A file of that name is claimed already (a leftover): take that one first.
        case nameTaken
    }

    /// Creates the folder (0700) when missing and checks that it is a folder of this user's,
    /// closed to everyone else, on the inbox's file system.
    public func prepare() throws {
        if path.withPlatformString({ mkdir($0, 0o700) }) == -1, Glibc.errno != EEXIST {
            throw IOFailure("mkdir", path.string, Errno(rawValue: Glibc.errno))
        }
        var folder = stat()
        var parent = stat()
        guard path.withPlatformString({ lstat($0, &folder) }) == 0 else {
            throw IOFailure("lstat", path.string, Errno(rawValue: Glibc.errno))
        }
        guard inbox.withPlatformString({ stat($0, &parent) }) == 0 else {
            throw IOFailure("stat", inbox.string, Errno(rawValue: Glibc.errno))
        }
        guard folder.st_mode & S_IFMT == S_IFDIR else {
            throw Refusal(description: "\(path) is not a folder: remove it, and the daemon makes its own")
        }
        guard folder.st_uid == geteuid() else {
            throw Refusal(description: "\(path) belongs to uid \(folder.st_uid), not to this daemon (uid \(geteuid())): remove it, and the daemon makes its own")
        }
        guard folder.st_mode & 0o022 == 0 else {
            throw Refusal(description: "\(path) may be written by others (mode \(String(folder.st_mode & 0o7777, radix: 8))): chmod 700 it")
        }
        guard folder.st_dev == parent.st_dev else {
            throw Refusal(description: "\(path) is on another file system than the inbox: unmount it")
        }
    }

    /// Renames `name` from the inbox into the folder, never replacing a file there.
    public func claim(_ name: FileName) throws(IOFailure) -> Outcome {
        let from = name.path(in: inbox)
        let to = path(of: name)
        let result = from.withPlatformString { source in to.withPlatformString { bulletind_rename_noreplace(source, $0) } }
        guard result == -1 else { return .claimed }
        switch Errno(rawValue: Glibc.errno) {
        case .noSuchFileOrDirectory where FileSignature.of(from) == nil: return .vanished
        case .fileExists: return .nameTaken
        case let error: throw IOFailure("rename", "\(from.string)' to '\(to.string)", error)
        }
    }

    /// Puts a claimed file back into the inbox under its name, unless a file there has taken
    /// it; returns whether it went back.
    public func release(_ name: FileName) throws(IOFailure) -> Bool {
        let from = path(of: name)
        let to = name.path(in: inbox)
        let result = from.withPlatformString { source in to.withPlatformString { bulletind_rename_noreplace(source, $0) } }
        guard result == -1 else { return true }
        let error = Errno(rawValue: Glibc.errno)
        if error == .fileExists { return false }
        throw IOFailure("rename", "\(from.string)' to '\(to.string)", error)
    }

    /// What the folder holds: files claimed and not yet dealt with (after a crash), in name order.
    public func leftovers() throws(IOFailure) -> [FileName] {
        guard FileSignature.of(path) != nil else { return [] }
        return try DirectoryListing.entries(of: path).map(\.name)
    }
}
