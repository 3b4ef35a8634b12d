import BulletinCore
import Foundation
import LinuxIO
import SystemPackage

/// Which bulletins (by the SHA-256 of their bytes) are in the store, and up to where.
///
/// The store is the truth — every line names its bulletin's digest — and the ledger is its
/// index: `state/ledger` holds one `<sha256> <store size after it> <store device:inode>` line per
/// bulletin, appended after the bulletin's store lines are written, so that a start needs to read
/// only the store's tail beyond the ledger's last offset — or the whole current store file when
/// the last entry was written against another file (the store was rotated since).
final class IngestLedger {
    struct Entry: Sendable {
        var digest: BulletinDigest
        var storeSizeAfter: Int64
        var storeIdentity: String
        var line: String { "\(digest.hex) \(storeSizeAfter) \(storeIdentity)\n" }
    }

    private var digests: Set<BulletinDigest>
    private let file: AppendOnlyFile
    /// The store size the ledger has accounted for.
    private(set) var storeOffset: Int64
    /// Entries the file refused (disk full): written before the next ones, so the file never
    /// has a gap that its last offset would hide from the next start's recovery.
    private var unwritten: [Entry] = []

    static func path(in stateDirectory: FilePath) -> FilePath { stateDirectory.appending("ledger") }

    /// Reads the ledger file (a missing one is empty); nil when it is unreadable or a line is
    /// no entry.
    static func read(stateDirectory: FilePath) -> (digests: Set<BulletinDigest>, storeOffset: Int64, storeIdentity: String)? {
        let path = path(in: stateDirectory)
        guard (try? AppendOnlyFile.cutTornTail(of: path)) != nil else { return nil }
        var digests: Set<BulletinDigest> = []
        digests.reserveCapacity(Int(FileSignature.of(path, followingSymbolicLinks: true)?.size ?? 0) / 90)
        var offset: Int64 = 0
        var identity = ""
        var sound = true
        do {
            var lastLine: ArraySlice<UInt8> = []
            try LineReader.forEachLine(in: path) { _, line in
                // `<64 hex> <offset> <identity>`: parsed in place, a start may read a million.
                guard sound, line.count > 66, line[line.startIndex + 64] == UInt8(ascii: " "),
                    let digest = BulletinDigest(hex: line.prefix(64))
                else {
                    sound = false
                    return
                }
                digests.insert(digest)
                lastLine = line
            }
            if sound, !lastLine.isEmpty {
                let fields = lastLine.dropFirst(65).split(separator: UInt8(ascii: " "))
                guard fields.count == 2, let end = Int64(String(decoding: fields[0], as: UTF8.self)) else { return nil }
                offset = end
                identity = String(decoding: fields[1], as: UTF8.self)
            }
        } catch {
            return nil
        }
        return sound ? (digests, offset, identity) : nil
    }

    /// Opens the ledger for appending, holding `digests` and accounting for the store up to
    /// `storeOffset`. With `replacingWith`, the file is first rewritten whole (a rebuild).
    init(stateDirectory: FilePath, digests: Set<BulletinDigest>, storeOffset: Int64, replacingWith entries: [Entry]? = nil) throws {
        let path = Self.path(in: stateDirectory)
        // The daemon's alone: which bulletins arrived is not for the producers to read.
        if let entries { try FileMover.writeAtomically(Array(entries.map(\.line).joined().utf8), to: path, permissions: .ownerReadWrite) }
        file = try AppendOnlyFile(path: path, permissions: .ownerReadWrite)
        self.digests = digests
        self.storeOffset = storeOffset
    }

    func contains(_ digest: BulletinDigest) -> Bool { digests.contains(digest) }

    var count: Int { digests.count }

    /// Every digest in the ledger (a copy-on-write value: cheap to hand to another task).
    var knownDigests: Set<BulletinDigest> { digests }

    /// Notes bulletins whose lines are now in the store. The entries in memory are what
    /// prevent a second ingestion; the file only saves work at the next start, so a failed
    /// write is reported by the caller, never fatal.
    func record(_ entries: [Entry]) throws(IOFailure) {
        guard let last = entries.last else { return }
        for entry in entries { digests.insert(entry.digest) }
        storeOffset = last.storeSizeAfter
        let pending = unwritten + entries
        do {
            try file.append(Array(pending.map(\.line).joined().utf8))
            unwritten = []
        } catch {
            unwritten = pending
            throw error
        }
    }
}
