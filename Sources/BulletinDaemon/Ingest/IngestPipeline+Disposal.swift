import BulletinCore
import BulletinMetrics
import LinuxIO
import Logging
import SystemPackage

/// Where a file goes once dealt with: in the daemon's role, to the processed or failed folder
/// (or deleted, or kept) as configured; in a back-fill's, nowhere.
extension IngestPipeline {
    /// Moves, deletes or keeps an ingested bulletin, as configured. What is moved or deleted is
    /// the claimed file that was read; what is kept is remembered by the descriptor's signature,
    /// so a file renamed over it afterwards is still seen as new. `name`: its name in the
    /// processed folder.
    func dispose(_ loaded: LoadedFile, as name: String) {
        guard role == .inbox else { return }
        do {
            switch configuration.afterIngest {
            case .move: try FileMover.move(loaded.path, into: configuration.resolvedProcessedFolder, as: name)
            case .delete: try FileMover.remove(loaded.path)
            case .keep:
                // A leftover claimed before a reload switched to keep goes back where it came from.
                if isClaimed(loaded) { releaseClaim(loaded.name) }
                kept[loaded.name] = loaded.signature
            }
        } catch {
            logger.event(
                .fileNotMoved, .error,
                "\(loaded.name.display): ingested, but could not be \(configuration.afterIngest == .move ? "moved to the processed folder" : "deleted"): \(error); it stays in \(loaded.folder) and is tried again at the next rescan",
                ["BULLETIN_FILE": loaded.name.display])
        }
    }

    /// Counts and logs a rejected file and, in the daemon's role, moves it to the failed folder
    /// with its `.reason` file (`ReasonFile`: the reason, and the kind `stats` counts it by).
    /// `name`: what the file is called in the failed folder.
    func reject(_ loaded: LoadedFile, as name: String, digest: BulletinDigest?, kind: RejectionKind, reason: String) -> Outcome {
        counters.rejected += 1
        DaemonMetrics.shared.rejected(kind)
        let shown = loaded.name.display
        var fields = ["BULLETIN_FILE": shown, "REJECT_REASON": reason]
        if let digest { fields["BULLETIN_SHA256"] = digest.hex }
        logger.event(.rejected, .warning, "rejected \(shown): \(reason)", fields)
        if role == .inbox {
            do {
                let destination = try FileMover.move(loaded.path, into: configuration.resolvedFailedFolder, as: name)
                try FileMover.writeAtomically(ReasonFile(kind: kind, reason: reason).text, to: FilePath(destination.string + ".reason"))
            } catch {
                // Back into the inbox (a claimed file), left alone there until it changes.
                if !isClaimed(loaded) || releaseClaim(loaded.name) {
                    let inboxPath = loaded.name.path(in: configuration.inbox)
                    unmovable[inboxPath] = FileSignature.of(inboxPath)
                }
                logger.event(
                    .fileNotMoved, .error,
                    "\(shown): could not be moved to the failed folder: \(error); it is left in the inbox and not looked at again until it changes",
                    ["BULLETIN_FILE": shown])
            }
        }
        return .rejected(kind, reason: reason)
    }

    func isClaimed(_ loaded: LoadedFile) -> Bool { loaded.folder == claims.path }

    /// Puts a claimed file back into the inbox, and says whether it went; when a new file has
    /// taken its name there, it stays claimed and is taken again at the next rescan.
    @discardableResult
    func releaseClaim(_ name: FileName) -> Bool {
        do {
            if try claims.release(name) { return true }
            logger.event(
                .fileNotMoved, .warning, "\(name.display): a new file of that name is in the inbox; this one stays in \(claims.path)",
                ["BULLETIN_FILE": name.display])
        } catch {
            logger.event(.fileNotMoved, .error, "cannot put \(name.display) back into the inbox: \(error)", ["BULLETIN_FILE": name.display])
        }
        return false
    }
}
