import Glibc
import SystemPackage

/// One entry of a folder, as `readdir` names it.
package struct DirectoryEntry: Sendable, Hashable {
    package enum Kind: Sendable, Hashable { case regular, directory, symbolicLink, other, unknown }
    package let name: FileName
    package let kind: Kind
}

package enum DirectoryListing {
    /// The entries of `directory` (without `.` and `..`), sorted by their names' bytes.
    package static func entries(of directory: FilePath) throws(IOFailure) -> [DirectoryEntry] {
        let stream = try retryingInterrupts("opendir", directory.string) { directory.withPlatformString { opendir($0) } }
        defer { closedir(stream) }
        var entries: [DirectoryEntry] = []
        while true {
            Glibc.errno = 0
            guard let entry = readdir(stream) else {
                if Glibc.errno != 0 { throw IOFailure("readdir", directory.string, Errno(rawValue: Glibc.errno)) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in FileName(bytes: raw.prefix { $0 != 0 }) }
            if name.bytes == [46] || name.bytes == [46, 46] { continue }
            let kind: DirectoryEntry.Kind =
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): .regular
                case Int32(DT_DIR): .directory
                case Int32(DT_LNK): .symbolicLink
                case Int32(DT_UNKNOWN): .unknown
                default: .other
                }
            entries.append(DirectoryEntry(name: name, kind: kind))
        }
        return entries.sorted { $0.name.bytes.lexicographicallyPrecedes($1.name.bytes) }
    }

    /// Creates `directory` and its missing parents: the folder itself with `permissions`, its
    /// parents with 0755 (the umask applies to both). A folder already there is left as it is.
    package static func createDirectories(_ directory: FilePath, permissions: FilePermissions = [.ownerReadWriteExecute, .groupReadExecute, .otherReadExecute]) throws(IOFailure) {
        var partial = FilePath(directory.root.map { $0.string } ?? "")
        let components = Array(directory.components)
        for (position, component) in components.enumerated() {
            partial.append(component)
            let mode: FilePermissions = position == components.count - 1 ? permissions : [.ownerReadWriteExecute, .groupReadExecute, .otherReadExecute]
            try retryingInterrupts("mkdir", partial.string, tolerating: .fileExists) { partial.withPlatformString { mkdir($0, mode.rawValue) } }
        }
    }
}
