import LinuxIO
import SystemPackage

/// How many times the daemon died while reading each claimed file: the guard against a crash loop.
///
/// A clean stop finishes the bulletin in hand, so a file still in the claim folder at start was
/// being ingested when the daemon died: killed for going over `MemoryMax=`, by the watchdog, by
/// `kill -9`, or crashed. The next start takes it first, which is right after a passing cause
/// (a power cut, an admin's kill) — and wrong when the file itself is the cause: it would be read
/// again after every restart, forever, and the inbox would never move on. So the daemon keeps, in
/// `state/claimed-at-start`, for each claimed file the deaths that came while it was being read;
/// a start that finds a file at `limit` deaths sets it aside in the failed folder, unread.
///
/// A death counts against a file only when the run that died had begun reading it — a file is
/// claimed right before it is read, and a file found claimed at start is marked, durably, right
/// before it is read again — and only when the run ended the way a crash ends (`LastRunEnd`): a
/// start killed while it recovered the store, or reading another file, does not count against the
/// files that waited their turn, and neither does an admin's `systemctl stop`.
///
/// A file is known by its device, inode and name (a new file under an old name starts again at
/// 0), and the counts are written whole, durably, at each start before any bulletin is read and
/// at each mark: a count survives `kill -9` and power cuts, and only files claimed now are in it.
struct ClaimRestarts {
    /// The start that finds a file at three deaths sets it aside: two more tries after the first
    /// read that ended in a crash.
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

        init(device: UInt64, inode: UInt64, name: String) {
            self.device = device
            self.inode = inode
            self.name = name
        }

        static func hex(_ bytes: [UInt8]) -> String {
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
        }
    }

    /// One claimed file's line: `DEVICE INODE DEATHS BEGUN NAME_HEX`, where BEGUN (0 or 1) says
    /// whether this run has begun reading it. (A line of an older daemon, without BEGUN, counted
    /// the starts that found the file: its count is kept, as deaths of runs that read it.)
    private struct Record {
        var key: Key
        var deaths: Int
        var begun: Bool

        init(key: Key, deaths: Int, begun: Bool) {
            self.key = key
            self.deaths = deaths
            self.begun = begun
        }

        init?(line: Substring) {
            let fields = line.split(separator: " ")
            guard fields.count == 4 || fields.count == 5, let device = UInt64(fields[0]), let inode = UInt64(fields[1]),
                let deaths = Int(fields[2])
            else { return nil }
            let begun = fields.count == 4 || fields[3] == "1"
            self.init(key: Key(device: device, inode: inode, name: String(fields[fields.count - 1])), deaths: deaths, begun: begun)
        }

        var line: String { "\(key.device) \(key.inode) \(deaths) \(begun ? 1 : 0) \(key.name)\n" }
    }

    private var records: [FileName: Record] = [:]
    private var path: FilePath?

    /// How many times the daemon died while reading each file claimed at this start.
    var counts: [FileName: Int] { records.mapValues(\.deaths) }

    /// The files whose count this start raised (the run before died while reading them).
    private(set) var countedNow: Set<FileName> = []

    /// Counts the files claimed now against the counts saved before: each one the last run had
    /// begun reading gets one more death when that run ended like a crash (`countsDeath`). A file
    /// with no line was claimed by the last run, which reads a file right after claiming it. Saves
    /// the counts, every file not yet begun by this run (a missing or unreadable file counts from
    /// 0). Throws when they cannot be saved: a count that is not on disk would not stop the loop
    /// it is for.
    static func count(
        _ claimed: [(FileName, FileSignature)], countsDeath: Bool, stateDirectory: FilePath
    ) throws(IOFailure) -> ClaimRestarts {
        let path = path(in: stateDirectory)
        var previous: [Key: Record] = [:]
        if let bytes = try? RegularFileReader.readFile(path, limit: 1 << 20).bytes {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                if let record = Record(line: line) { previous[record.key] = record }
            }
        }
        var restarts = ClaimRestarts()
        restarts.path = path
        for (name, signature) in claimed {
            let key = Key(signature, name)
            let before = previous[key]
            let died = countsDeath && (before?.begun ?? true)
            if died { restarts.countedNow.insert(name) }
            restarts.records[name] = Record(key: key, deaths: (before?.deaths ?? 0) + (died ? 1 : 0), begun: false)
        }
        if claimed.isEmpty, previous.isEmpty, FileSignature.of(path) == nil { return restarts }
        try restarts.save()
        return restarts
    }

    /// Marks, durably, that this run begins reading `name`, a file claimed at its start: should
    /// the daemon die now, the death counts against it. Once a run: a mark already made is kept.
    mutating func beginReading(_ name: FileName) throws(IOFailure) {
        guard var record = records[name], !record.begun else { return }
        record.begun = true
        records[name] = record
        try save()
    }

    /// Whether `name`, claimed at this start, is to be set aside rather than read again.
    func isLooping(_ name: FileName) -> Bool { (counts[name] ?? 0) >= Self.limit }

    /// Forgets `name` once it has been dealt with in this run (so that a later file of that name
    /// claimed in the same run is not mistaken for it).
    mutating func forget(_ name: FileName) { records[name] = nil }

    private func save() throws(IOFailure) {
        guard let path else { return }
        let lines = records.values.map(\.line).sorted().joined()
        try FileMover.writeAtomically(Array(lines.utf8), to: path, permissions: .ownerReadWrite)
    }
}
