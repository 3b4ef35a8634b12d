import Foundation
import LinuxIO
import SystemPackage

/// Where an export stands in the store, so that it can be resumed (`--cursor FILE`).
///
/// The position names a file by identity (`device:inode`), not by name: rotation renames the
/// store's files, and the identity finds the same bytes under `stories.jsonl.1`. The offset is
/// always at the end of a whole bulletin's lines. Should the file be gone (rotated files removed
/// by hand, the store restored from a copy), the export resumes by time instead: after the
/// last exported line's `received_at` and `id`.
package struct ExportPosition: Codable, Equatable, Sendable {
    /// `device:inode` of the store file.
    package var file: String
    /// Just after the last line read.
    package var offset: Int64
    /// The last line read: its `received_at` and `id`.
    package var receivedAt: String?
    package var id: String?

    enum CodingKeys: String, CodingKey {
        case file, offset, id
        case receivedAt = "received_at"
    }
}

/// The cursor file: one JSON object, replaced atomically.
package struct ExportCursor: Sendable {
    package let path: FilePath

    package init(path: FilePath) { self.path = path }

    package struct Unreadable: Error, CustomStringConvertible {
        package let description: String
    }

    /// The saved position; nil when there is no cursor file yet.
    package func load() throws(Unreadable) -> ExportPosition? {
        let bytes: [UInt8]
        do {
            bytes = try RegularFileReader.read(path, limit: 1 << 16, followingSymbolicLinks: true)
        } catch .vanished {
            return nil
        } catch {
            throw Unreadable(description: "cannot read the cursor file '\(path)': \(error)")
        }
        do {
            return try JSONDecoder().decode(ExportPosition.self, from: Data(bytes))
        } catch {
            throw Unreadable(description: "the cursor file '\(path)' is not an export position (remove it to export from the start, or give --since)")
        }
    }

    package func save(_ position: ExportPosition) throws(IOFailure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(position)) ?? Data()
        try FileMover.writeAtomically(Array(data) + [0x0A], to: path)
    }
}
