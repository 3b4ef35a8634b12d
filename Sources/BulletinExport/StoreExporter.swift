import BulletinCore
import Glibc
import LinuxIO
import SystemPackage

/// What `bulletind export` is asked for.
package struct ExportOptions: Sendable {
    package var store: FilePath
    /// Only lines received at or after this time.
    package var since: Timestamp?
    /// Duplicate lines too (`--all`), as occurrences pointing at their story.
    package var includingDuplicates = false
    /// Keep reading as the store grows and rotates, until killed.
    package var follow = false
    /// Where the position is kept between runs.
    package var cursor: FilePath?
    /// The longest a follower sleeps between looks at the store (inotify wakes it sooner).
    package var pollInterval: Duration = .seconds(1)
    /// Asked between chunks and after every wait: true ends the export cleanly (what was read
    /// is written and the cursor saved), as SIGTERM does to a follower.
    package var shouldStop: @Sendable () -> Bool = { false }
    /// Where the ninjs lines go (standard output); EPIPE from it ends the export quietly.
    package var output: @Sendable ([UInt8]) throws(IOFailure) -> Void = { bytes throws(IOFailure) in try StandardOutput.write(bytes) }
    /// How much of the store is read at a time (more for a bulletin whose lines are longer).
    package var readSize = 4 << 20

    package init(store: FilePath) { self.store = store }
}

/// `bulletind export`: the store's files in order, oldest rotated file first, each line mapped
/// to ninjs on standard output — then, with `follow`, whatever is appended, across rotations
/// and restarts of the daemon, as `tail -F` follows a log.
///
/// Only whole bulletins are exported: the lines of a bulletin still being written (or cut short
/// by a crash, which the daemon's next start removes) wait until the last one is there. So the
/// position saved in the cursor is always at the end of a bulletin, and a resumed export
/// neither skips nor repeats a line, unless it was killed between writing lines and saving the
/// cursor: the cursor is saved at least every second, and at every pause, so a kill repeats at
/// most the last second's lines.
package final class StoreExporter {
    package struct Summary: Sendable, Equatable {
        package var linesRead = 0
        package var exported = 0
        package var malformed = 0
    }

    private let options: ExportOptions
    private let cursor: ExportCursor?
    private let warn: (String) -> Void
    private(set) package var summary = Summary()
    /// ninjs lines not yet written.
    private var output: [UInt8] = []
    /// Files read to their end that will not grow again (rotated away), by identity.
    private var finished: Set<String> = []
    /// Lines received before this (`YYYY-MM-DDTHH:MM:SS.mmmZ`, which sorts as text) are passed over.
    private var since: [UInt8]?
    /// After a cursor whose file is gone: lines up to this `received_at` and `id` are passed over.
    private var resumeAfter: (receivedAt: [UInt8], id: [UInt8])?
    /// Where the lines processed so far end, and where the lines written so far end.
    private var processed: ExportPosition?
    private var written: ExportPosition?
    private var lastSave = ContinuousClock.now
    /// What the cursor file holds.
    private var saved: ExportPosition?
    /// Later versions met so far, by the id of their story's first sighting (`version_of`):
    /// what makes a version line's ninjs `version`.
    private var versions: [String: Int] = [:]
    /// The reader went away (EPIPE): stop quietly.
    private var readerGone = false
    private static let flushSize = 1 << 20

    package init(options: ExportOptions, warn: @escaping (String) -> Void) {
        self.options = options
        cursor = options.cursor.map { ExportCursor(path: $0) }
        self.warn = warn
        since = options.since.map { Array($0.rfc3339.utf8) }
    }

    package enum Failure: Error, CustomStringConvertible {
        case io(IOFailure)
        case cursor(ExportCursor.Unreadable)
        case noStore(String)

        package var description: String {
            switch self {
            case .io(let failure): failure.description
            case .cursor(let failure): failure.description
            case .noStore(let path): "there is no store at '\(path)'; name it with --store FILE, or the configuration with --config FILE"
            }
        }
    }

    /// Exports until the end of the store, or for ever with `follow`.
    package func run() throws(Failure) {
        let folder = options.store.removingLastComponent()
        let changes: FolderChanges?
        do {
            changes = options.follow ? try FolderChanges(folder: folder.isEmpty ? FilePath(".") : folder) : nil
        } catch {
            throw .io(error)
        }
        var current: (file: FollowedFile, offset: Int64)?
        do throws(ExportCursor.Unreadable) {
            if let saved = try cursor?.load() { current = try locate(saved) }
        } catch {
            throw .cursor(error)
        }
        if !options.follow, current == nil, !storeFiles().contains(where: { AppendOnlyFile.identity(of: $0) != nil }) {
            throw .noStore(options.store.string)
        }
        do throws(IOFailure) {
            while !readerGone && !options.shouldStop() {
                if current == nil {
                    if let next = try nextFile() {
                        current = (next, 0)
                    } else if options.follow {
                        try pause(changes)
                        continue
                    } else {
                        break
                    }
                }
                guard let (file, offset) = current else { continue }
                // Looked at before reading: whatever was appended before a rotation is in the
                // file by the time it is seen to have moved.
                let live = AppendOnlyFile.identity(of: options.store) == file.identity
                var from = offset
                if try file.size() < from {
                    warn("\(file.path) is shorter than the position reached (\(from) bytes): it was cut or replaced; reading it again from its start, after the last line exported")
                    from = 0
                    if let last = lastWhole, let receivedAt = last.receivedAt, let id = last.id { resumeAfter = (receivedAt, id) }
                }
                let end = try exportAvailable(file, from: from, final: !live)
                if !live {
                    finished.insert(file.identity)
                    current = nil
                    continue
                }
                current = (file, end)
                try flush()
                saveCursor(force: true)
                guard options.follow else { break }
                try changes?.wait(timeout: options.pollInterval)
            }
            try flush()
            saveCursor(force: true)
        } catch {
            throw .io(error)
        }
    }

    private func pause(_ changes: FolderChanges?) throws(IOFailure) {
        try flush()
        saveCursor(force: true)
        try changes?.wait(timeout: options.pollInterval)
    }

    /// The store's files, oldest first: `stories.jsonl.N` … `.1`, then the store itself.
    private func storeFiles() -> [FilePath] {
        var rotated: [FilePath] = []
        var number = 1
        while AppendOnlyFile.identity(of: FilePath(options.store.string + ".\(number)")) != nil {
            rotated.append(FilePath(options.store.string + ".\(number)"))
            number += 1
        }
        return rotated.reversed() + [options.store]
    }

    /// The oldest file not yet read to its end; rotated files wholly before `since` are passed
    /// over unread (their last line tells).
    private func nextFile() throws(IOFailure) -> FollowedFile? {
        let live = AppendOnlyFile.identity(of: options.store)
        for path in storeFiles() {
            guard let file = try FollowedFile(path: path), !finished.contains(file.identity) else { continue }
            if let since, file.identity != live, let last = try LineReader.lastLine(in: path), let time = Self.receivedAt(of: last),
                time.lexicographicallyPrecedes(since)
            {
                try countVersions(in: file, upTo: file.size())
                finished.insert(file.identity)
                continue
            }
            return file
        }
        return nil
    }

    /// The file and offset a saved position names; files before it count as read. A position
    /// whose file is gone resumes by time.
    private func locate(_ saved: ExportPosition) throws(ExportCursor.Unreadable) -> (FollowedFile, Int64)? {
        let files = storeFiles().compactMap { try? FollowedFile(path: $0) }
        processed = saved
        written = saved
        self.saved = saved
        guard let index = files.firstIndex(where: { $0.identity == saved.file }) else {
            guard let receivedAt = saved.receivedAt, let id = saved.id else {
                throw ExportCursor.Unreadable(description: "the cursor's store file \(saved.file) is gone and the cursor has no time to resume from")
            }
            warn("the store file the cursor names (\(saved.file)) is gone; resuming after the line received at \(receivedAt) (id \(id))")
            resumeAfter = (Array(receivedAt.utf8), Array(id.utf8))
            since = Array(receivedAt.utf8)
            return nil
        }
        // What comes before the position is not read again, but its versions still count.
        do {
            for file in files[..<index] {
                try countVersions(in: file, upTo: file.size())
                finished.insert(file.identity)
            }
            try countVersions(in: files[index], upTo: min(saved.offset, files[index].size()))
        } catch {
            throw ExportCursor.Unreadable(description: "cannot read the store before the cursor's position: \(error)")
        }
        if let size = try? files[index].size(), size < saved.offset, let receivedAt = saved.receivedAt, let id = saved.id {
            resumeAfter = (Array(receivedAt.utf8), Array(id.utf8))
        }
        return (files[index], saved.offset)
    }

    /// Exports the whole bulletins in `file` from `offset` to its end; returns where they end.
    /// `final`: the file will not grow again, so its last lines count as whole.
    private func exportAvailable(_ file: FollowedFile, from offset: Int64, final: Bool) throws(IOFailure) -> Int64 {
        var offset = offset
        while !readerGone && !options.shouldStop() {
            let available = try file.size() - offset
            guard available > 0 else { return offset }
            let wanted = Int(min(Int64(chunk.count), available))
            let filled = try file.read(into: &chunk, count: wanted, at: offset)
            let atEnd = Int64(filled) == available
            let consumed = chunk.withUnsafeBufferPointer { exportLines(in: UnsafeBufferPointer(rebasing: $0[..<filled]), lastLinesWhole: final && atEnd) }
            if consumed == 0 {
                // One bulletin's lines larger than the chunk: read more at once.
                guard !atEnd else { return offset }
                chunk = [UInt8](repeating: 0, count: chunk.count * 2)
                continue
            }
            offset += Int64(consumed)
            processed = ExportPosition(
                file: file.identity, offset: offset, receivedAt: lastWhole?.receivedAt.map { String(decoding: $0, as: UTF8.self) },
                id: lastWhole?.id.map { String(decoding: $0, as: UTF8.self) })
            if output.count >= Self.flushSize { try flush() }
            saveCursor(force: false)
        }
        return offset
    }

    /// The reading buffer, reused from chunk to chunk (grown for a bulletin larger than it).
    private lazy var chunk = [UInt8](repeating: 0, count: options.readSize)
    /// The `received_at` and `id` of the last line of the last whole bulletin read.
    private var lastWhole: (receivedAt: [UInt8]?, id: [UInt8]?)?

    /// One bulletin's lines: the identity fields of its first line, and how many it has.
    private struct Group {
        var sha256: Range<Int>?
        var file: Range<Int>?
        var receivedAt: Range<Int>?
        var expected: Int
        var count = 0
        /// Where this bulletin's ninjs lines begin in `output`, and the count before them.
        var outputStart: Int
        var exportedBefore: Int
        /// Its last line so far: `received_at` and `id`.
        /// (In the buffer; copied out only when the bulletin is whole.)
        var last: (receivedAt: Range<Int>?, id: Range<Int>?) = (nil, nil)
        /// Its later versions, counted once the bulletin is whole (it may be read again).
        var versions: [String: Int] = [:]
    }

    /// Exports the whole bulletins among the complete lines of `buffer`; returns how many bytes
    /// they take. A bulletin counts as whole when all its lines are there, when another line
    /// follows it, or (`lastLinesWhole`) at the end of a file that will not grow.
    private func exportLines(in buffer: UnsafeBufferPointer<UInt8>, lastLinesWhole: Bool) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var group: Group?
        var wholeUpTo = 0
        var lineStart = 0
        func close(_ whole: Group?, at end: Int) {
            wholeUpTo = end
            if let whole {
                lastWhole = (whole.last.receivedAt.map { Array(buffer[$0]) }, whole.last.id.map { Array(buffer[$0]) })
                versions.merge(whole.versions, uniquingKeysWith: +)
            }
            group = nil
        }
        while lineStart < buffer.count, let found = memchr(base + lineStart, 0x0A, buffer.count - lineStart) {
            let lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let bytes = UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd])
            defer { lineStart = lineEnd + 1 }
            summary.linesRead += 1
            let line: StoreLine
            do {
                line = try StoreLine.read(bytes)
            } catch {
                // A line of no bulletin: whatever bulletin came before it is over, and it is passed.
                if let group { close(group, at: lineStart) }
                close(nil, at: lineEnd + 1)
                summary.malformed += 1
                warn("\(options.store): a line of \(bytes.count) bytes is not a store line (\(error.message)); skipped")
                continue
            }
            let sha256 = line.string(.sha256).map { $0.shifted(by: lineStart) }
            let file = line.string(.file).map { $0.shifted(by: lineStart) }
            let receivedAt = line.string(.receivedAt).map { $0.shifted(by: lineStart) }
            if let current = group,
                current.count >= current.expected || !Self.same(buffer, current.sha256, sha256)
                    || !Self.same(buffer, current.file, file) || !Self.same(buffer, current.receivedAt, receivedAt)
            {
                close(current, at: lineStart)
            }
            if group == nil {
                // Lines from before `bulletin.stories` existed are whole on their own.
                let expected = line[.stories].flatMap { $0.kind == .number ? Int(Self.text(bytes, $0.range)) : nil } ?? 1
                group = Group(
                    sha256: sha256, file: file, receivedAt: receivedAt, expected: max(expected, 1), outputStart: output.count,
                    exportedBefore: summary.exported)
            }
            group!.count += 1
            group!.last = (receivedAt, line.string(.id).map { $0.shifted(by: lineStart) })
            var version = 1
            if let root = line.string(.versionOf).map({ String(decoding: bytes[$0], as: UTF8.self) }) {
                group!.versions[root, default: 0] += 1
                version = 1 + versions[root, default: 0] + group!.versions[root]!
            }
            export(line, bytes, version: version)
            if group!.count >= group!.expected { close(group, at: lineEnd + 1) }
        }
        if let group {
            if lastLinesWhole && lineStart == buffer.count {
                close(group, at: lineStart)
            } else {
                // Not whole yet: its lines are exported with the rest of it, later.
                output.removeLast(output.count - group.outputStart)
                summary.exported = group.exportedBefore
            }
        }
        return wholeUpTo
    }

    /// Maps one line, unless `since`, a resumed cursor or `--all` passes it over.
    private func export(_ line: StoreLine, _ bytes: UnsafeBufferPointer<UInt8>, version: Int) {
        guard let receivedAtRange = line.string(.receivedAt) else { return }
        let receivedAt = UnsafeBufferPointer(rebasing: bytes[receivedAtRange])
        if let since, receivedAt.lexicographicallyPrecedes(since) { return }
        if let resume = resumeAfter {
            if receivedAt.lexicographicallyPrecedes(resume.receivedAt) { return }
            if receivedAt.elementsEqual(resume.receivedAt) {
                if let id = line.string(.id), bytes[id].elementsEqual(resume.id) { resumeAfter = nil }
                return
            }
            resumeAfter = nil
        }
        do {
            try NinjsMapping.append(line, of: bytes, version: version, includingDuplicates: options.includingDuplicates, to: &output)
            summary.exported += 1
        } catch .duplicate {
        } catch {
            if case .unusable(let reason) = error { warn("\(options.store): a line export cannot map (\(reason)); skipped") }
        }
    }

    private static let versionOfKey = Array(#""version_of":""#.utf8)

    /// Counts the later versions in `file` up to `end` without exporting anything: the lines
    /// before a resumed position, or a rotated file wholly before `since`. Only the key is
    /// looked for (inside a string its quotes would be escaped), so this is a fast scan.
    private func countVersions(in file: FollowedFile, upTo end: Int64) throws(IOFailure) {
        var offset: Int64 = 0
        let key = Self.versionOfKey
        while offset < end {
            let wanted = Int(min(Int64(chunk.count), end - offset))
            let filled = try file.read(into: &chunk, count: wanted, at: offset)
            guard filled > 0 else { return }
            var searched = 0
            chunk.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                var from = 0
                var countedUpTo = 0
                // Each `_` is looked at (memchr is fast, and `_` is rare outside keys): the key's
                // own is its eighth byte.
                while from < filled, let found = memchr(base + from, Int32(UInt8(ascii: "_")), filled - from) {
                    let underscore = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    from = underscore + 1
                    let keyStart = underscore - 8
                    guard keyStart >= 0, keyStart + key.count + 32 <= filled,
                        memcmp(base + keyStart, key, key.count) == 0
                    else { continue }
                    let start = keyStart + key.count
                    versions[String(decoding: buffer[start..<start + 32], as: UTF8.self), default: 0] += 1
                    from = start + 32
                    countedUpTo = from
                }
                // A key cut by the chunk's end is found again by the next chunk.
                searched = filled < wanted ? filled : max(countedUpTo, filled - key.count - 32)
            }
            offset += Int64(max(searched, 1))
        }
    }

    private func flush() throws(IOFailure) {
        guard !output.isEmpty, !readerGone else { return }
        do {
            try options.output(output)
        } catch where error.errno == .brokenPipe {
            readerGone = true
            return
        }
        output.removeAll(keepingCapacity: true)
        written = processed
    }

    /// Saves what has been written, when it moved: at most once a second unless `force`.
    private func saveCursor(force: Bool) {
        guard let cursor, let written, written != saved, force || ContinuousClock.now - lastSave >= .seconds(1) else { return }
        do {
            try cursor.save(written)
            saved = written
            lastSave = .now
        } catch {
            warn("cannot save the cursor: \(error)")
        }
    }

    private static func same(_ buffer: UnsafeBufferPointer<UInt8>, _ a: Range<Int>?, _ b: Range<Int>?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.count == b.count && memcmp(buffer.baseAddress! + a.lowerBound, buffer.baseAddress! + b.lowerBound, a.count) == 0
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    static func receivedAt(of line: [UInt8]) -> [UInt8]? {
        StoreLine.receivedAt(in: line).map { Array($0.rfc3339.utf8) }
    }
}

extension Range where Bound == Int {
    fileprivate func shifted(by offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
