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
package struct ClaimFolder: Sendable {
    package static let name = ".bulletind-claimed"

    package let inbox: FilePath

    package init(inbox: FilePath) { self.inbox = inbox }

    package var path: FilePath { inbox.appending(Self.name) }

    package func path(of name: FileName) -> FilePath { name.path(in: path) }

    /// Why the folder cannot be used.
    package struct Refusal: Error, Sendable, CustomStringConvertible {
        package let description: String
    }

    package enum Outcome: Sendable, Equatable {
        case claimed
        /// Nothing by that name in the inbox (any more).
        case vanished
        /// A file of that name is claimed already (a leftover): take that one first.
        case nameTaken
    }

    /// Creates the folder (0700) when missing and checks that it is a folder of this user's,
    /// closed to everyone else, on the inbox's file system.
    package func prepare() throws {
        try retryingInterrupts("mkdir", path.string, tolerating: .fileExists) { path.withPlatformString { mkdir($0, 0o700) } }
        var folder = stat()
        var parent = stat()
        try retryingInterrupts("lstat", path.string) { path.withPlatformString { lstat($0, &folder) } }
        try retryingInterrupts("stat", inbox.string) { inbox.withPlatformString { stat($0, &parent) } }
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
    package func claim(_ name: FileName) throws(IOFailure) -> Outcome {
        let from = name.path(in: inbox)
        let to = path(of: name)
        do {
            return try FileMover.renameWithoutReplacing(from, to: to) ? .claimed : .nameTaken
        } catch where error.errno == .noSuchFileOrDirectory {
            if try FileSignature.lookUp(from) == nil { return .vanished }
            throw error
        }
    }

    /// Puts a claimed file back into the inbox under its name, unless a file there has taken
    /// it; returns whether it went back.
    package func release(_ name: FileName) throws(IOFailure) -> Bool {
        let from = path(of: name)
        let to = name.path(in: inbox)
        return try FileMover.renameWithoutReplacing(from, to: to)
    }

    /// What the folder holds: files claimed and not yet dealt with (after a crash), in name order.
    package func leftovers() throws(IOFailure) -> [FileName] {
        guard try FileSignature.lookUp(path) != nil else { return [] }
        return try DirectoryListing.entries(of: path).map(\.name)
    }
}
