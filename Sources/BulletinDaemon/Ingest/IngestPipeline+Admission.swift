import BulletinCore
import LinuxIO
import Logging
import SystemPackage

/// Which of the inbox's files the daemon takes, and when.
extension IngestPipeline {
    /// Whether the inbox's file `name` is to be read now, and from where (the daemon).
    enum Admission: Sendable, Equatable {
        /// Read it in this folder: the claim folder, or the inbox itself with `after_ingest: keep`.
        case take(from: FilePath)
        /// Not now: why.
        case wait(Outcome)
    }

    /// With `after_ingest` move or delete, the file is claimed — renamed into the claim folder —
    /// and read there, so that what is moved or deleted afterwards is the file that was read. With
    /// `keep` it is read where it is (nothing is moved, so nothing can go astray).
    func admit(_ name: FileName) -> Admission {
        let path = name.path(in: configuration.inbox)
        let found: FileSignature?
        do {
            found = try FileSignature.lookUp(path)
        } catch {
            // EIO, EACCES: the file may well be there; tried again, never taken for gone.
            return .wait(.deferred(reason: "cannot look at it: \(error)"))
        }
        guard let signature = found else {
            logger.event(.fileVanished, .info, "\(name): gone before it could be read; nothing to do", ["BULLETIN_FILE": "\(name)"])
            return .wait(.vanished)
        }
        if signature.isDirectory { return .wait(.vanished) }
        if configuration.afterIngest == .keep, kept[name] == signature { return .wait(.unchanged) }
        if unmovable[path] == signature { return .wait(.unchanged) }
        if configuration.settle > .zero, signature.age < configuration.settle {
            return .wait(.unsettled(configuration.settle - signature.age))
        }
        if configuration.afterIngest == .keep { return .take(from: configuration.inbox) }
        do {
            switch try claims.claim(name) {
            case .claimed: return .take(from: claims.path)
            case .vanished:
                logger.event(.fileVanished, .info, "\(name): gone before it could be read; nothing to do", ["BULLETIN_FILE": "\(name)"])
                return .wait(.vanished)
            case .nameTaken: return .wait(.deferred(reason: "a file named \(name) is still in \(claims.path); it is taken first"))
            }
        } catch {
            // The claim folder may have gone with the inbox: make it again for the next try.
            let reason = "cannot claim \(name): \(error)"
            do { try claims.prepare() } catch { logger.event(.fileNotMoved, .error, "\(reason); \(error)", ["BULLETIN_FILE": "\(name)"]) }
            return .wait(.deferred(reason: reason))
        }
    }

    /// What loading a file needs from the pipeline, taken in one call.
    struct LoadParameters: Sendable {
        var maxFileSize: Int64
        var dedup: DedupConfiguration
        var decoder: BulletinDecoder
        var known: Set<BulletinDigest>
        var timeLimit: Duration
    }

    var loadParameters: LoadParameters {
        LoadParameters(
            maxFileSize: configuration.maxFileSize, dedup: index.configuration, decoder: decoder, known: knownDigests,
            timeLimit: configuration.fileTimeLimit)
    }

    /// A file whose loading overran `inbox.file_time_limit_s`: rejected (and moved to the failed
    /// folder) while the work on it is abandoned.
    func rejectOverTime(_ name: FileName, in folder: FilePath, limit: Duration) -> Outcome {
        let loaded = LoadedFile(name: name, folder: folder, content: .vanished)
        let seconds = limit.components.seconds
        return reject(
            loaded, as: name.string ?? name.display, digest: nil, kind: .timeLimit,
            reason: "not read and parsed within the time limit of \(seconds) s (inbox.file_time_limit_s); the daemon moved on")
    }

    /// The daemon's start, before any bulletin is read: counts the files found still claimed
    /// (each was being ingested when the daemon died), durably, so that one that keeps killing
    /// it is set aside rather than read again forever (`ClaimRestarts`).
    func noteClaimsAtStart() {
        let claimed = claimedLeftovers().compactMap { name in FileSignature.of(claims.path(of: name)).map { (name, $0) } }
        do {
            claimRestarts = try ClaimRestarts.count(claimed, stateDirectory: configuration.stateDirectory)
        } catch {
            logger.event(
                .stateWriteFailed, .error,
                "cannot save how many starts found files still claimed: \(error); a file that crashes the daemon may be read again at every start",
                ["STATE_DIR": configuration.stateDirectory.string])
        }
        for (name, count) in claimRestarts.counts.sorted(by: { $0.key.display < $1.key.display }) where count < ClaimRestarts.limit {
            logger.event(
                .claimedAtStart, .warning,
                "\(name.display): still claimed at start (\(count) of \(ClaimRestarts.limit) starts in a row): the daemon stopped while ingesting it; it is ingested again first",
                ["BULLETIN_FILE": name.display, "CLAIMED_AT_STARTS": "\(count)"])
        }
    }

    /// A claimed file found at `ClaimRestarts.limit` starts in a row: rejected unread and moved
    /// to the failed folder, with the reason. Nil for any other file: read it.
    func setAsideIfLooping(_ name: FileName) -> Outcome? {
        guard claimRestarts.isLooping(name) else { return nil }
        let starts = claimRestarts.counts[name] ?? ClaimRestarts.limit
        claimRestarts.forget(name)
        // Stored already, only not moved out yet (its disposal failed, or the kills came between
        // its ledger entry and its move): taking it costs a hash, not a parse. Not set aside.
        if let file = try? RegularFileReader.readFile(claims.path(of: name), limit: configuration.maxFileSize),
            ledger.contains(BulletinDigest(of: file.bytes))
        {
            return nil
        }
        let loaded = LoadedFile(name: name, folder: claims.path, content: .vanished)
        return reject(
            loaded, as: name.string ?? name.display, digest: nil, kind: .crashLoop,
            reason:
                "the daemon stopped without finishing this file at \(starts) starts in a row (killed or crashed while ingesting it: over the service's MemoryMax=, the watchdog, a signal); set aside unread so that the inbox moves on. None of its stories is in the store (a bulletin cut short is moved to the store's .quarantine file); move it back into the inbox to try again"
        )
    }

    /// Files claimed and not yet dealt with: after a crash, or when their disposal failed.
    func claimedLeftovers() -> [FileName] {
        do {
            return try claims.leftovers()
        } catch {
            logger.event(.fileNotMoved, .error, "cannot list \(claims.path): \(error)", ["INBOX": configuration.inbox.string])
            return []
        }
    }
}
