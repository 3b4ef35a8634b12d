import Crypto

/// The pure pipeline for one bulletin: bytes → text → stories → duplicate decisions → store lines.
///
/// Everything here is deterministic given the bytes, the name, the instant and the index, which is
/// what lets the daemon repeat a bulletin after a crash and get the same lines.
package struct BulletinProcessor: Sendable {
    package var parser: BulletinParser
    package var decoder: BulletinDecoder

    package init(parser: BulletinParser = BulletinParser(), decoder: BulletinDecoder = BulletinDecoder()) {
        self.parser = parser
        self.decoder = decoder
    }

    /// A bulletin turned into the lines it adds to the store.
    package struct Result: Sendable {
        package var digest: BulletinDigest
        package var encoding: SourceEncoding
        package var records: [StoryRecord]
        /// Service messages of the wire framings (copyright fill, "Impressum", tests): no
        /// store line, a journal entry each.
        package var notices: [WireNotice] = []
    }

    /// A framed item that is not a story.
    package struct WireNotice: Sendable, Equatable {
        package var headline: String
        package var wire: WireMetadata
    }

    /// Processes one bulletin. New stories are inserted into `index` as they are found, so a story
    /// repeated within the same bulletin is recorded as a duplicate of its first occurrence.
    package func process(
        bytes: [UInt8], file: String, receivedAt: Timestamp, index: inout DuplicateIndex
    ) throws(BulletinRejection) -> Result {
        let prepared = prepare(bytes: bytes, digest: BulletinDigest(of: bytes), dedup: index.configuration)
        return try decide(prepared, file: file, receivedAt: receivedAt, index: &index)
    }

    /// A bulletin of more stories than this is fingerprinted story by story as it is decided,
    /// not all at once when it is prepared (`PreparedStories`), and a plain-text one of more
    /// parts than this is assembled into stories a batch at a time as they are decided
    /// (`StoryStream`): a bulletin of hostile size, in less memory, at the cost of that work on
    /// the pipeline (a newsroom's bulletins hold tens).
    package static let preparedAtMost = 10_000

    /// The costly, index-free half of `process` (decoding, parsing, fingerprinting): pure, so a
    /// back-fill prepares the next bulletins on other cores while the index decides on this one.
    /// `preparedAtMost`: see `BulletinProcessor.preparedAtMost`.
    /// `bytes` is taken: once decoded they are let go, before the parse, and the text once the
    /// parser has cleaned it, so a caller that passes them with `consume` holds neither through
    /// the parse (issue #14).
    package func prepare(
        bytes: consuming [UInt8], digest: BulletinDigest, dedup: DedupConfiguration,
        preparedAtMost: Int = BulletinProcessor.preparedAtMost
    ) -> PreparedBulletin {
        var text: String?
        // A file no reading fits has no encoding to name; it gives no records either.
        var encoding = SourceEncoding.utf8
        var undecodable: BulletinRejection?
        do {
            let decoded = try decoder.decode(bytes)
            text = decoded.text
            encoding = decoded.encoding
        } catch {
            undecodable = error
        }
        _ = consume bytes
        var notices: [WireNotice] = []
        let parsed = Swift.Result { () throws(BulletinRejection) -> PreparedStories in
            guard let decodedText = text.take() else { throw undecodable! }
            let fingerprinter = StoryFingerprinter(dedup)
            var stories: [Story]
            switch try parser.stories(consume decodedText, assembledAtOnce: preparedAtMost) {
            case .all(let all):
                stories = all
            case .streamed(var stream):
                // Plain text (no service messages): assembled a batch at a time as decided.
                if stream.count > preparedAtMost { return .parsed(StoryBatches(stream)) }
                stories = stream.next(.max)
            }
            notices = PreparedStories.takeServiceMessages(from: &stories)
            if stories.count > preparedAtMost { return .parsed(StoryBatches(consume stories)) }
            var prepared: [PreparedStory] = []
            prepared.reserveCapacity(stories.count)
            // Each story's paragraphs go as soon as its joined body is made, rather than all
            // of them at the end: a bulletin's text is not held twice over at the peak.
            for position in stories.indices {
                prepared.append(PreparedStory(stories[position], fingerprinter: fingerprinter))
                stories[position].paragraphs = []
            }
            return .prepared(prepared)
        }
        return PreparedBulletin(digest: digest, encoding: encoding, dedup: dedup, stories: parsed, notices: notices)
    }

    /// The second half of `process`: each story decided against `index` (new ones inserted)
    /// and turned into its record.
    /// `progress` is called every hundred stories (the daemon pings its watchdog there).
    package func decide(
        _ prepared: PreparedBulletin, file: String, receivedAt: Timestamp, index: inout DuplicateIndex,
        progress: () -> Void = {}
    ) throws(BulletinRejection) -> Result {
        var decisions = try self.decisions(prepared, file: file, receivedAt: receivedAt, dedup: index.configuration)
        var records: [StoryRecord] = []
        records.reserveCapacity(decisions.count)
        while let record = decisions.next(index: &index) {
            if decisions.position % 100 == 0 { progress() }
            records.append(record)
        }
        return Result(digest: prepared.digest, encoding: prepared.encoding, records: records, notices: decisions.notices)
    }

    /// The stories of a prepared bulletin, to be decided one at a time (`StoryDecisions.next`):
    /// the daemon writes each record to the store as it is made, so a bulletin of 200,000 tiny
    /// stories never holds 200,000 records at once. Throws when the bulletin has no stories
    /// (or could not be read as text), before anything is decided.
    package func decisions(
        _ prepared: PreparedBulletin, file: String, receivedAt: Timestamp, dedup: DedupConfiguration
    ) throws(BulletinRejection) -> StoryDecisions {
        let stories = try prepared.stories.get()
        // Fingerprints made with another configuration (a reload in between) are made again.
        return StoryDecisions(
            prepared: prepared, stories: stories, notices: prepared.notices, file: file, receivedAt: receivedAt,
            stale: prepared.dedup != dedup)
    }

    /// `time` is `receivedAt.rfc3339`, formatted once per bulletin.
    static func record(
        for prepared: PreparedStory, decision: DedupDecision, reference: StoryRecord.BulletinReference, receivedAt: Timestamp, time: String
    ) -> StoryRecord {
        switch decision {
        case .new(let id):
            return StoryRecord(
                kind: .story, id: id, receivedAt: time, bulletin: reference,
                headline: prepared.headline, bodyText: prepared.bodyText, byline: prepared.byline,
                dateline: prepared.dateline, sources: prepared.sources, language: prepared.language,
                wordCount: prepared.wordCount)
        case .duplicate(let original, let match, let similarity):
            return StoryRecord(
                kind: .duplicate, id: occurrenceID(reference, receivedAt: receivedAt),
                receivedAt: time, bulletin: reference, headline: prepared.headline,
                // A near copy's own words are kept: its text may differ from the original's.
                bodyText: match == .exact ? nil : prepared.bodyText,
                duplicateOf: original, match: match.rawValue, similarity: similarity)
        }
    }

    /// A duplicate line's id: unique per occurrence (file, bytes, position, instant).
    static func occurrenceID(_ reference: StoryRecord.BulletinReference, receivedAt: Timestamp) -> String {
        let key = "\(reference.sha256)\n\(reference.file)\n\(reference.index)\n\(receivedAt.millisecondsSinceEpoch)"
        return "d" + hex(SHA256.hash(data: Array(key.utf8)).prefix(16))
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A bulletin's stories decided against the index one at a time, each turned into its store
/// record when asked for (`BulletinProcessor.decisions`), in batches of `batchSize`: a large
/// bulletin's parsed stories are fingerprinted a batch at a time, and each batch is let go
/// once decided (`StoryBatches`).
package struct StoryDecisions {
    /// Stories fingerprinted, decided and stored at a time (the pipeline writes the store at
    /// the end of each): a batch's records, lines and fingerprints are what a bulletin holds
    /// beyond its parsed stories, however many stories it has.
    package static let batchSize = 1_000

    let prepared: PreparedBulletin
    let stories: PreparedStories
    /// The framings' service messages: no record, a journal entry each.
    package let notices: [BulletinProcessor.WireNotice]
    let file: String
    let receivedAt: Timestamp
    let time: String
    /// The bulletin's digest as its store lines write it, made once for all of them.
    let sha256: String
    let stale: Bool
    /// How many stories have been decided.
    package private(set) var position = 0
    /// The batch of a parsed bulletin being decided, fingerprinted, from `batchStart` on.
    private var batch: [PreparedStory] = []
    private var batchStart = 0

    init(
        prepared: PreparedBulletin, stories: PreparedStories, notices: [BulletinProcessor.WireNotice], file: String,
        receivedAt: Timestamp, stale: Bool
    ) {
        self.prepared = prepared
        self.stories = stories
        self.notices = notices
        self.file = file
        self.receivedAt = receivedAt
        time = receivedAt.rfc3339
        sha256 = prepared.digest.hex
        self.stale = stale
    }

    /// How many stories (and so records) the bulletin has.
    package var count: Int { stories.count }

    /// Whether the last story decided ended a batch and more follow: where the pipeline makes
    /// the batch's lines part of the store before the next batch is fingerprinted.
    package var atBatchBoundary: Bool { position % Self.batchSize == 0 && position > 0 && position < count }

    /// The next story decided against `index` (a new one inserted, so a story repeated within
    /// the bulletin, in the same batch or an earlier one, is a duplicate of its first
    /// occurrence) and turned into its record; nil after the last.
    package mutating func next(index: inout DuplicateIndex) -> StoryRecord? {
        guard position < stories.count else { return nil }
        let item: PreparedStory
        let fingerprint: StoryFingerprint
        switch stories {
        case .prepared(let all):
            item = all[position]
            fingerprint = stale ? index.fingerprinter.fingerprint(headline: item.headline, bodyText: item.bodyText) : item.fingerprint
        case .parsed(let batches):
            if position == batchStart + batch.count {
                // The batch decided is let go before the next one is fingerprinted.
                batch = []
                batchStart = position
                let parsed = batches.takeNext() ?? []
                precondition(!parsed.isEmpty, "a bulletin's parsed stories are decided once")
                batch = parsed.map { PreparedStory($0, fingerprinter: index.fingerprinter) }
            }
            item = batch[position - batchStart]
            fingerprint = item.fingerprint
        }
        let reference = StoryRecord.BulletinReference(
            file: file, sha256: sha256, index: position, stories: stories.count, encoding: prepared.encoding.rawValue)
        position += 1
        var decision = index.decide(fingerprint)
        var versionOf: String?
        if item.wire != nil {
            (decision, versionOf) = index.versionLink(for: fingerprint, headline: item.headline, wire: item.wire, decision: decision)
        }
        if case .new(let id) = decision {
            index.insert(fingerprint, receivedAt: receivedAt.secondsSinceEpoch)
            if item.wire != nil { index.noteVersion(id: id, headline: item.headline, wire: item.wire, versionOf: versionOf) }
        }
        var record = BulletinProcessor.record(for: item, decision: decision, reference: reference, receivedAt: receivedAt, time: time)
        if record.kind == .story, let wire = item.wire { record.addWireFields(wire, versionOf: versionOf) }
        return record
    }
}
