import BulletinCore
import BulletinMetrics
import LinuxIO
import SystemPackage

/// A bulletin file read and prepared (decoded, parsed, fingerprinted) away from the pipeline's
/// actor. Loading needs no state but the ledger's digests, so a back-fill loads the next files
/// on other cores while the pipeline commits this one.
package struct LoadedFile: Sendable {
    enum Content: Sendable {
        /// Decoded, parsed and fingerprinted.
        case prepared(PreparedBulletin)
        /// Its digest was in the ledger when it was read, so it was not prepared.
        case known(BulletinDigest, bytes: [UInt8])
        /// The name is not plain text (control characters or invalid UTF-8).
        case unprintableName
        case vanished
        case directory
        case unreadable(FileReadFailure)
    }

    let name: FileName
    let folder: FilePath
    let content: Content
    /// The state of the file that was read, from its descriptor (nil when nothing was read).
    var signature: FileSignature?

    var path: FilePath { name.path(in: folder) }

    /// The bulletin prepared, now if it was not when loaded; nil when nothing was read.
    func prepared(dedup: DedupConfiguration, decoder: BulletinDecoder) -> PreparedBulletin? {
        switch content {
        case .prepared(let bulletin): bulletin
        case .known(let digest, let bytes):
            BulletinProcessor(decoder: decoder).prepare(bytes: bytes, digest: digest, dedup: dedup)
        case .unprintableName, .vanished, .directory, .unreadable: nil
        }
    }

    var hasUnprintableName: Bool {
        if case .unprintableName = content { return true }
        return false
    }

    /// Reads `name` in `folder` and prepares it, unless the ledger already holds its digest
    /// (`known`: empty when identical files are to be recorded again). `refusingHardLinks`: a
    /// file with another name is not read (the inbox; a back-fill reads what it is given).
    package static func load(
        _ name: FileName, in folder: FilePath, maxFileSize: Int64, dedup: DedupConfiguration, decoder: BulletinDecoder,
        known: Set<BulletinDigest>, refusingHardLinks: Bool = false
    ) -> LoadedFile {
        guard name.isPlainText else { return LoadedFile(name: name, folder: folder, content: .unprintableName) }
        let file: RegularFile
        do {
            file = try RegularFileReader.readFile(name.path(in: folder), limit: maxFileSize, refusingHardLinks: refusingHardLinks)
        } catch .vanished {
            return LoadedFile(name: name, folder: folder, content: .vanished)
        } catch .directory {
            return LoadedFile(name: name, folder: folder, content: .directory)
        } catch {
            return LoadedFile(name: name, folder: folder, content: .unreadable(error))
        }
        DaemonMetrics.shared.read(bytes: file.bytes.count)
        let digest = BulletinDigest(of: file.bytes)
        let signature = file.signature
        let bytes = file.bytes
        _ = consume file
        let content: Content
        if known.contains(digest) {
            content = .known(digest, bytes: bytes)
        } else {
            // Handed over: `prepare` lets the file's bytes go once they are decoded (issue #14).
            content = .prepared(BulletinProcessor(decoder: decoder).prepare(bytes: consume bytes, digest: digest, dedup: dedup))
        }
        return LoadedFile(name: name, folder: folder, content: content, signature: signature)
    }
}
