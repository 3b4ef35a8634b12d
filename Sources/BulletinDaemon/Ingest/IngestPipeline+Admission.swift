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

    /// The daemon's start, before any bulletin is read: counts, durably, a death against each
    /// file found still claimed that the last run had begun reading, when that run ended like a
    /// crash (`LastRunEnd`, from the unit's `ExecStopPost=`; without one every end counts), so that
    /// a file that keeps killing the daemon is set aside rather than read again forever
    /// (`ClaimRestarts`).
    func noteClaimsAtStart(lastRunRecord: FilePath? = LastRunEnd.recordPath()) {
        let lastRun = LastRunEnd.read(lastRunRecord)
        let claimed = claimedLeftovers().compactMap { name in FileSignature.of(claims.path(of: name)).map { (name, $0) } }
        do {
            claimRestarts = try ClaimRestarts.count(
                claimed, countsDeath: lastRun?.countsDeath ?? true, stateDirectory: configuration.stateDirectory)
            // Read once: the next start is told how the run it follows ended, or counts it as a crash.
            if let lastRunRecord { try? FileMover.remove(lastRunRecord) }
        } catch {
            logger.event(
                .stateWriteFailed, .error,
                "cannot save how many times the daemon died while reading files still claimed: \(error); a file that crashes the daemon may be read again at every start",
                ["STATE_DIR": configuration.stateDirectory.string])
        }
        let how = lastRun.map { "the last run ended with \($0)" } ?? "the last run's end is not known: no record from the unit's ExecStopPost="
        for (name, deaths) in claimRestarts.counts.sorted(by: { $0.key.display < $1.key.display }) where deaths < ClaimRestarts.limit {
            let counted =
                claimRestarts.countedNow.contains(name)
                ? "the daemon died while ingesting it (\(how)): \(deaths) of \(ClaimRestarts.limit) deaths"
                : "\(how), which does not count against it: \(deaths) of \(ClaimRestarts.limit) deaths"
            logger.event(
                .claimedAtStart, .warning,
                "\(name.display): still claimed at start; \(counted); it is ingested again first",
                ["BULLETIN_FILE": name.display, "CLAIMED_AT_STARTS": "\(deaths)", "LAST_EXIT": lastRun?.description ?? "unknown"])
        }
    }

    /// A claimed file the daemon died on `ClaimRestarts.limit` times while reading it: rejected
    /// unread and moved to the failed folder, with the reason. Nil for any other file: read it
    /// (marked first, durably, as begun by this run).
    func setAsideIfLooping(_ name: FileName) -> Outcome? {
        guard claimRestarts.isLooping(name) else {
            do {
                try claimRestarts.beginReading(name)
            } catch {
                logger.event(
                    .stateWriteFailed, .error,
                    "cannot note that \(name.display) is being read again: \(error); should the daemon die on it now, that death is not counted",
                    ["STATE_DIR": configuration.stateDirectory.string, "BULLETIN_FILE": name.display])
            }
            return nil
        }
        let deaths = claimRestarts.counts[name] ?? ClaimRestarts.limit
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
                "the daemon died while ingesting this file \(deaths) times (killed or crashed while reading it: over the service's MemoryMax=, the watchdog, a signal); set aside unread so that the inbox moves on. None of its stories is in the store (a bulletin cut short is moved to the store's .quarantine file); move it back into the inbox to try again"
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
