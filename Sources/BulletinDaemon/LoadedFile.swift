import BulletinCore
import LinuxIO
import SystemPackage

/// A bulletin file read and prepared (decoded, parsed, fingerprinted) away from the pipeline's
/// actor. Loading needs no state but the ledger's digests, so a back-fill loads the next files
/// on other cores while the pipeline commits this one.
struct LoadedFile: Sendable {
    enum Content: Sendable {
        /// Decoded, parsed and fingerprinted.
        case prepared(PreparedBulletin)
        /// Its digest was in the ledger when it was read, so it was not prepared.
        case known(sha256: String, bytes: [UInt8])
        /// The name is not plain text (control characters or invalid UTF-8).
        case unprintableName
        case vanished
        case directory
        case unreadable(FileReadFailure)
    }

    let name: FileName
    let folder: FilePath
    let content: Content

    var path: FilePath { name.path(in: folder) }

    /// The bulletin prepared, now if it was not when loaded; nil when nothing was read.
    func prepared(dedup: DedupConfiguration) -> PreparedBulletin? {
        switch content {
        case .prepared(let bulletin): bulletin
        case .known(let sha256, let bytes): BulletinProcessor().prepare(bytes: bytes, sha256: sha256, dedup: dedup)
        case .unprintableName, .vanished, .directory, .unreadable: nil
        }
    }

    var hasUnprintableName: Bool {
        if case .unprintableName = content { return true }
        return false
    }

    /// Reads `name` in `folder` and prepares it, unless the ledger already holds its digest
    /// (`known`: empty when identical files are to be recorded again).
    static func load(
        _ name: FileName, in folder: FilePath, maxFileSize: Int64, dedup: DedupConfiguration, known: Set<BulletinDigest>
    ) -> LoadedFile {
        LoadedFile(name: name, folder: folder, content: content(of: name, in: folder, maxFileSize: maxFileSize, dedup: dedup, known: known))
    }

    private static func content(
        of name: FileName, in folder: FilePath, maxFileSize: Int64, dedup: DedupConfiguration, known: Set<BulletinDigest>
    ) -> Content {
        guard name.isPlainText else { return .unprintableName }
        let bytes: [UInt8]
        do {
            bytes = try RegularFileReader.read(name.path(in: folder), limit: maxFileSize)
        } catch .vanished {
            return .vanished
        } catch .directory {
            return .directory
        } catch {
            return .unreadable(error)
        }
        let sha256 = BulletinProcessor.sha256Hex(bytes)
        if let digest = BulletinDigest(hex: sha256.utf8), known.contains(digest) { return .known(sha256: sha256, bytes: bytes) }
        return .prepared(BulletinProcessor().prepare(bytes: bytes, sha256: sha256, dedup: dedup))
    }
}
