import BulletinCore
import Foundation
import LinuxIO
import Logging
import SystemdSupport
import SystemPackage

/// The ingest pipeline's steps, one after another in one thread (read → digest → decode →
/// parse → fingerprint → decide → records → encode → append + fsync → ledger → journal), each
/// under its own timer, so the end-to-end figure can be explained. `ingest` runs the steps up to
/// the fingerprint for the next files on other cores while it decides and stores this one.
struct PhaseBreakdown {
    let files: [FilePath]
    let scratch: FilePath

    func run() throws -> (timer: PhaseTimer, bytes: Int, lines: Int) {
        var timer = PhaseTimer()
        var index = DuplicateIndex()
        // As `bulletind ingest` sizes it (IngestPipeline.expectBulletins): a story per kilobyte.
        let totalBytes = files.reduce(0) { sum, path in
            sum + ((try? FileManager.default.attributesOfItem(atPath: path.string))?[.size] as? Int ?? 0)
        }
        index.reserveCapacity(forAdditional: min(totalBytes / 1000, 1_000_000))
        let parser = BulletinParser()
        let fingerprinter = StoryFingerprinter(index.configuration)
        let store = try AppendOnlyFile(path: scratch.appending("phases-store.jsonl"))
        let ledger = try AppendOnlyFile(path: scratch.appending("phases-ledger"))
        var handler = JournalLogHandler(identifier: "bulletind-bench", echoToStandardError: false, echoLevel: .critical)
        handler.logLevel = .info
        let logger = Logger(label: "bench") { _ in handler }
        var bytes = 0, lines = 0
        let receivedAt = Timestamp(millisecondsSinceEpoch: 1_764_000_000_000)
        for path in files {
            let content = try timer.measure("read") { try RegularFileReader.read(path, limit: 1 << 26) }
            bytes += content.count
            let sha256 = timer.measure("sha256") { BulletinProcessor.sha256Hex(content) }
            let decoded = try timer.measure("decode") { try BulletinDecoder.decode(content) }
            let stories = try timer.measure("parse") { try parser.parse(decoded.text) }
            // Computed once per story while loading, as `PreparedStory` does: over the joined body.
            let texts = timer.measure("story text, word count") {
                stories.map { story in
                    let body = story.bodyText
                    return (body: body, words: WordCounter.count(body))
                }
            }
            let fingerprints = timer.measure("dedup: fingerprint") { stories.map(fingerprinter.fingerprint) }
            let decisions = timer.measure("dedup: decide + insert") { fingerprints.map { index.ingest($0, receivedAt: receivedAt.secondsSinceEpoch) } }
            let records = timer.measure("build records") {
                let time = receivedAt.rfc3339
                return zip(stories, decisions).enumerated().map { position, pair in
                    Self.record(
                        pair.0, text: texts[position], pair.1, file: path.lastComponent?.string ?? "", sha256: sha256, index: position,
                        at: time)
                }
            }
            let encoded = timer.measure("encode JSON") { records.reduce(into: [UInt8]()) { $1.encodeLine(into: &$0) } }
            try timer.measure("append") { try store.append(encoded) }
            try timer.measure("fsync (per bulletin)") { try store.synchronize() }
            try timer.measure("ledger append") { try ledger.append(Array("\(sha256) \(store.size) 0:0\n".utf8)) }
            timer.measure("journal (one entry per line)") {
                for record in records {
                    logger.info(
                        "new story: \(record.headline)",
                        metadata: [
                            "MESSAGE_ID": "6b38d59c8f5c49479424abbd0f2a4dc3", "STORY_ID": "\(record.id)", "HEADLINE": "\(record.headline)",
                            "BULLETIN_FILE": "\(record.bulletin.file)", "BULLETIN_SHA256": "\(sha256)", "BULLETIN_INDEX": "\(record.bulletin.index)",
                        ])
                }
            }
            lines += records.count
        }
        return (timer, bytes, lines)
    }

    static func record(
        _ story: Story, text: (body: String, words: Int), _ decision: DedupDecision, file: String, sha256: String, index: Int,
        at time: String
    ) -> StoryRecord {
        let reference = StoryRecord.BulletinReference(file: file, sha256: sha256, index: index, encoding: "utf-8")
        switch decision {
        case .new(let id):
            return StoryRecord(
                kind: .story, id: id, receivedAt: time, bulletin: reference, headline: story.headline,
                bodyText: text.body, byline: story.byline, dateline: story.dateline, sources: story.sources,
                language: story.language, wordCount: text.words)
        case .duplicate(let original, let match, let similarity):
            return StoryRecord(
                kind: .duplicate, id: "d" + String(sha256.prefix(32)), receivedAt: time, bulletin: reference,
                headline: story.headline, duplicateOf: original, match: match.rawValue, similarity: similarity)
        }
    }
}
