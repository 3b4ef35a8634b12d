import BulletinCore
import LinuxIO
import Logging

/// The journal's `MESSAGE_ID`s, one per kind of event; documented in `systemd/bulletind.catalog`.
package enum MessageID: String, Sendable, CaseIterable {
    case started = "78a847b2680b41618f7bcf970b736a4c"
    case ready = "5d03b8b80d0842ee8fc06c30e2549564"
    case reloaded = "77a756d8ac634644856992cd8149f9f1"
    case storeRepaired = "7f749f9738084f86b43dfcfc955a7a2f"
    case stopping = "0efa5e210e7444b78b1961cb55e1f7e1"
    case storyNew = "6b38d59c8f5c49479424abbd0f2a4dc3"
    case duplicate = "39a8f4ed76f74fa9b764c4606e68f87e"
    case rejected = "bfd277c9905e4fcf8bcc6562695d75c6"
    case alreadyIngested = "3a767f9b79e7468797faa23551b5a97f"
    case watchLost = "4b46fc65e33243ecb3de6a8bdcc6b991"
    case storeError = "e322ed9f3e4c4810b2ce67e25da9c5ea"
    case overflow = "77ab5d0e2fe84e2e8915601f9a0ca257"
    case duplicatesSummarized = "19db1e20c5f34ba0bb0e7fd8b0385f63"
    /// Store lines recovery took out of the store, moved to the quarantine file (never deleted).
    case linesQuarantined = "757dae81fc4047269b54c456b8a8835c"
    /// Store lines that do not read as store lines, found at start and left in place.
    case damagedLines = "050165185cea48ada3a9495ddf77b867"
    /// The store's path no longer named the file appended to: reopened.
    case storeReopened = "b84555d1c7c64f66bae11ff07df85f10"
    /// A wire framing's service message (copyright fill, "Impressum", a test): no store line.
    case wireServiceMessage = "a0d8f2c6b1e34f7d9c5e2b7a4f1d3c88"
    /// The state a start found: stories indexed, bulletins in the ledger, lines replayed.
    case stateLoaded = "b6c4e4bc538547b3bc2ff846262d9ffa"
    /// A file gone before it could be read: nothing to do.
    case fileVanished = "09a19cc60bce47c2a088e7e590592cfb"
    case storeRotated = "ea2903c747504732b87b14feaaf8640b"
    /// The ledger, the index snapshot or the claim counts could not be written (or the index
    /// rebuilt): nothing is lost, the next start does more work.
    case stateWriteFailed = "dfdb8477f28546b9a61f11914d963a11"
    /// A bulletin could not be claimed, moved to the processed or failed folder, deleted, or put
    /// back into the inbox: it stays where it is and is tried again.
    case fileNotMoved = "28eff8f8894a47c5ad39678088cc2ce7"
    /// A file found still claimed at start: the daemon stopped while ingesting it (and whether
    /// that counts against it: `ClaimRestarts`).
    case claimedAtStart = "747dad7a787e4bedbd37de851e078478"
    /// A file that cannot be taken now (its name is still claimed, the claim failed): retried.
    case fileDeferred = "4aefd95779de43faa72c1b360c61281a"
    /// A safety rescan of the inbox found nothing amiss (debug).
    case inboxRescanned = "f15b63027b4c4b4f94e1d71bcdc575c6"
    /// The metrics file could not be written, or is written again.
    case metricsFile = "75b37e2b6f274bdf9e613f52de654252"
    /// The daemon stopped on an error (it exits non-zero; systemd restarts it).
    case stoppedOnError = "6fc1636a763e48759d43314145541c03"
    /// Any other entry: one a library logs through the daemon's logger.
    case other = "e2215645a2704bd0811d835b31ff8931"
}

extension Logger {
    /// One entry with its `MESSAGE_ID` and fields (keys already in journald's form).
    func event(
        _ id: MessageID, _ level: Logger.Level, _ message: @autoclosure () -> Logger.Message,
        _ fields: [String: String] = [:],
        file: String = #fileID, function: String = #function, line: UInt = #line
    ) {
        var metadata: Logger.Metadata = ["MESSAGE_ID": .string(id.rawValue)]
        for (key, value) in fields { metadata[key] = .string(value) }
        log(level: level, message(), metadata: metadata, file: file, function: function, line: line)
    }

    /// The entry for one store line: a new story, or a duplicate of one. One per story, so the
    /// fields go straight into one `Logger.Metadata`, sized once.
    func record(_ record: StoryRecord) {
        let isNew = record.kind == .story
        var metadata: Logger.Metadata = [
            "MESSAGE_ID": .string(isNew ? MessageID.storyNew.rawValue : MessageID.duplicate.rawValue),
            "STORY_ID": .string(record.id),
            "HEADLINE": .string(record.headline),
            // Shown as the journal shows every file name: invisible characters escaped.
            "BULLETIN_FILE": .string(FileName(record.bulletin.file).display),
            "BULLETIN_SHA256": .string(record.bulletin.sha256),
            "BULLETIN_INDEX": .stringConvertible(record.bulletin.index),
        ]
        if isNew {
            // Wire fields (#15): a later version names its first sighting, a kill is a warning,
            // an urgent item (ninjs 1–2) is logged above the ordinary stories.
            if let urgency = record.urgency { metadata["URGENCY"] = .stringConvertible(urgency) }
            if let slug = record.slug { metadata["SLUG"] = .string(slug) }
            if let version = record.version { metadata["VERSION"] = .string(version) }
            if let versionOf = record.versionOf { metadata["VERSION_OF"] = .string(versionOf) }
            if let pubstatus = record.pubstatus { metadata["PUBSTATUS"] = .string(pubstatus) }
            if record.pubstatus == "canceled" {
                warning("story withdrawn (\(record.version ?? "kill")): \(record.headline)", metadata: metadata)
            } else if let versionOf = record.versionOf {
                let level: Logger.Level = (record.urgency ?? 9) <= 2 ? .notice : .info
                log(level: level, "new version (\(record.version ?? "?")) of \(versionOf): \(record.headline)", metadata: metadata)
            } else if (record.urgency ?? 9) <= 2 {
                notice("new story: \(record.headline)", metadata: metadata)
            } else {
                info("new story: \(record.headline)", metadata: metadata)
            }
        } else {
            metadata["DUPLICATE_OF"] = .string(record.duplicateOf ?? "")
            metadata["MATCH"] = .string(record.match ?? "")
            metadata["SIMILARITY"] = .string(record.similarity.map { String($0) } ?? "")
            info("duplicate (\(record.match ?? "?")) of \(record.duplicateOf ?? "?"): \(record.headline)", metadata: metadata)
        }
    }
}

extension Logger {
    /// A wire service message found in a bulletin: said once, not stored.
    func wireNotice(_ notice: BulletinProcessor.WireNotice, file: String, digest: BulletinDigest) {
        var fields = ["BULLETIN_FILE": file, "BULLETIN_SHA256": digest.hex, "HEADLINE": notice.headline,
                      "WIRE_FORMAT": notice.wire.format.rawValue]
        if let slug = notice.wire.slug { fields["SLUG"] = slug }
        event(.wireServiceMessage, .info, "\(file): wire service message, not a story: \(notice.headline)", fields)
    }
}
