import LinuxIO
import SystemPackage

/// How many starts in a row found each file still claimed: the guard against a crash loop.
///
/// A clean stop finishes the bulletin in hand, so a file still in the claim folder at start was
/// being ingested when the daemon died: killed for going over `MemoryMax=`, by the watchdog, by
/// `kill -9`, or crashed. The next start takes it first, which is right after a passing cause
/// (a power cut, an admin's kill) — and wrong when the file itself is the cause: it would be read
/// again after every restart, forever, and the inbox would never move on. So each start counts,
/// in `state/claimed-at-start`, the files it finds claimed; at the `limit`-th start in a row
/// that finds one, that file is set aside in the failed folder, unread, with the reason.
///
/// A file is known by its device, inode and name (a new file under an old name starts again
/// at 1), and the file is rewritten whole, durably, at each start, before any bulletin is read:
/// a count survives `kill -9` and power cuts, and only files claimed now are in it.
struct ClaimRestarts {
    /// The start that finds a file claimed for the third time in a row sets it aside: two
    /// more tries after the one that ended in the crash.
    static let limit = 3

    static func path(in stateDirectory: FilePath) -> FilePath { stateDirectory.appending("claimed-at-start") }

    private struct Key: Hashable {
        var device: UInt64
        var inode: UInt64
        /// The name's bytes, in hex: any name fits on the line.
        var name: String

        init(_ signature: FileSignature, _ name: FileName) {
            device = signature.device
            inode = signature.inode
            self.name = Self.hex(name.bytes)
        }

        init?(line: Substring) {
            let fields = line.split(separator: " ")
            guard fields.count == 4, let device = UInt64(fields[0]), let inode = UInt64(fields[1]) else { return nil }
            self.device = device
            self.inode = inode
            name = String(fields[3])
        }

        static func hex(_ bytes: [UInt8]) -> String {
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
        }
    }

    /// How many starts in a row (this one included) found each claimed file: 1 for a file
    /// first found now.
    private(set) var counts: [FileName: Int] = [:]

    /// Counts the files claimed now against the counts saved by the last start, and saves the
    /// new counts (a missing or unreadable file counts from 0). Throws when they cannot be saved:
    /// a count that is not on disk would not stop the loop it is for.
    static func count(_ claimed: [(FileName, FileSignature)], stateDirectory: FilePath) throws(IOFailure) -> ClaimRestarts {
        let path = path(in: stateDirectory)
        var previous: [Key: Int] = [:]
        if let bytes = try? RegularFileReader.readFile(path, limit: 1 << 20).bytes {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                guard let key = Key(line: line), let count = Int(line.split(separator: " ")[2]) else { continue }
                previous[key] = count
            }
        }
        var restarts = ClaimRestarts()
        var lines = ""
        for (name, signature) in claimed {
            let key = Key(signature, name)
            let count = (previous[key] ?? 0) + 1
            restarts.counts[name] = count
            lines += "\(key.device) \(key.inode) \(count) \(key.name)\n"
        }
        if claimed.isEmpty, previous.isEmpty, FileSignature.of(path) == nil { return restarts }
        try FileMover.writeAtomically(Array(lines.utf8), to: path, permissions: .ownerReadWrite)
        return restarts
    }

    /// Whether `name`, claimed at this start, is to be set aside rather than read again.
    func isLooping(_ name: FileName) -> Bool { (counts[name] ?? 0) >= Self.limit }

    /// Forgets `name` once it has been dealt with in this run (so that a later file of that name
    /// claimed in the same run is not mistaken for it).
    mutating func forget(_ name: FileName) { counts[name] = nil }
}
