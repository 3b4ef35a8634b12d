import BulletinCore
import Foundation
import LinuxIO
import SystemPackage

/// The JSON Lines store: the one writer of `stories.jsonl`.
///
/// A bulletin's lines go out in one `write` (never torn, never interleaved with another
/// bulletin's), then `fsync` as the configuration says.
final class StoryStore {
    let path: FilePath
    private let file: AppendOnlyFile
    private let fsync: Configuration.FsyncPolicy

    /// Opens the store for appending; first cuts off a torn last line left by a crash mid-write.
    init(path: FilePath, fsync: Configuration.FsyncPolicy) throws(IOFailure) {
        self.path = path
        self.fsync = fsync
        self.repairedBytes = try AppendOnlyFile.cutTornTail(of: path)
        file = try AppendOnlyFile(path: path)
    }

    /// Bytes of a torn last line that were cut off at open (0 when the store was sound).
    let repairedBytes: Int64

    func append(_ records: [StoryRecord]) throws(IOFailure) {
        var bytes: [UInt8] = []
        for record in records { bytes += record.encodedLine().utf8 }
        try file.append(bytes)
        if fsync == .everyBulletin { try file.synchronize() }
    }

    func reopen() throws(IOFailure) { try file.reopen() }
}

/// Reads a store line by line, without holding it in memory.
enum StoreReader {
    /// Calls `body` with each line's 1-based number and its decoded record (or the decoding error).
    static func forEachRecord(
        in path: FilePath, _ body: (Int, Result<StoryRecord, any Error>) throws -> Void
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: path.string) else {
            if !FileManager.default.fileExists(atPath: path.string) { return }
            throw IOFailure("open", path.string, .permissionDenied)
        }
        defer { try? handle.close() }
        let decoder = JSONDecoder()
        var pending = Data()
        var lineNumber = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                lineNumber += 1
                let line = pending[start..<newline]
                try body(lineNumber, Result { try decoder.decode(StoryRecord.self, from: line) })
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
        }
    }
}
