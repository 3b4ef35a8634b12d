import BulletinCore
import Foundation
import LinuxIO
import SystemPackage

/// Read-only looks at a store (and its rotated files): `verify` and `stats`.
package enum StoreInspection {
    /// The store's files, oldest first: rotated ones, then the current one.
    static func files(of store: FilePath) throws(IOFailure) -> [FilePath] { try StoreRecovery.rotatedFiles(of: store) + [store] }

    /// A store that is not there is an error (a wrong path, most likely), not an empty store; one
    /// that cannot be looked at (EIO, EACCES) fails as itself, never as missing.
    static func requireStore(_ store: FilePath) throws(IOFailure) {
        guard try FileSignature.lookUp(store, followingSymbolicLinks: true) != nil else {
            throw IOFailure("open", store.string, .noSuchFileOrDirectory)
        }
    }

    /// Calls `body` with each line of every file and whether it ended with `\n`.
    static func forEachLine(of store: FilePath, _ body: (FilePath, Int, ArraySlice<UInt8>, Bool) throws -> Void) throws {
        for file in try files(of: store) {
            var number = 0
            let unterminated = try LineReader.forEachLine(in: file) { _, line in
                number += 1
                try body(file, number, line, true)
            }
            if !unterminated.isEmpty { try body(file, number + 1, unterminated[...], false) }
        }
    }

    package struct VerifyResult: Sendable {
        package let lines: Int
        package let stories: Int
        package let duplicates: Int
        package let files: Int
        /// `FILE:LINE: what is wrong`, for the first fault found.
        package let fault: String?
    }

    package static func verify(store: FilePath) throws -> VerifyResult {
        try requireStore(store)
        var verifier = StoreVerifier()
        var fault: String?
        do {
            try forEachLine(of: store) { file, number, line, terminated in
                do throws(StoreVerifier.Fault) {
                    try verifier.check(line, terminated: terminated)
                } catch {
                    fault = "\(file):\(number): \(error.message)"
                    throw error
                }
            }
        } catch is StoreVerifier.Fault {}
        return VerifyResult(
            lines: verifier.lines, stories: verifier.stories, duplicates: verifier.duplicates,
            files: try files(of: store).count, fault: fault)
    }

    /// What `bulletind stats` shows.
    package struct Statistics: Sendable, Codable, Equatable {
        package var store: String
        package var files = 0
        package var lines = 0
        package var stories = 0
        package var duplicates = 0
        package var duplicatesByMatch: [String: Int] = [:]
        package var duplicateRate = 0.0
        package var bulletins = 0
        package var rejected = 0
        package var rejectedByReason: [String: Int] = [:]
        package var topSources: [Count] = []
        package var storiesPerDay: [Count] = []

        package struct Count: Sendable, Codable, Equatable {
            package var name: String
            package var count: Int
        }

        enum CodingKeys: String, CodingKey {
            case store, files, lines, stories, duplicates, bulletins, rejected
            case duplicatesByMatch = "duplicates_by_match"
            case duplicateRate = "duplicate_rate"
            case rejectedByReason = "rejected_by_reason"
            case topSources = "top_sources"
            case storiesPerDay = "stories_per_day"
        }
    }

    package static func statistics(store: FilePath, failedFolder: FilePath?, topSources: Int = 10) throws -> Statistics {
        try requireStore(store)
        var stats = Statistics(store: store.string)
        stats.files = try files(of: store).count
        var sources: [String: Int] = [:]
        var days: [String: Int] = [:]
        var lastGroup = ""
        let decoder = JSONDecoder()
        try forEachLine(of: store) { _, _, line, terminated in
            guard terminated, let record = try? decoder.decode(StoryRecord.self, from: Data(line)) else { return }
            stats.lines += 1
            let group = "\(record.bulletin.sha256) \(record.bulletin.file) \(record.receivedAt)"
            if group != lastGroup { stats.bulletins += 1 }
            lastGroup = group
            switch record.kind {
            case .story:
                stats.stories += 1
                days[String(record.receivedAt.prefix(10)), default: 0] += 1
                for source in record.sources ?? [] { sources[source, default: 0] += 1 }
            case .duplicate:
                stats.duplicates += 1
                stats.duplicatesByMatch[record.match ?? "exact", default: 0] += 1
            }
        }
        stats.duplicateRate = stats.lines == 0 ? 0 : (Double(stats.duplicates) / Double(stats.lines) * 10_000).rounded() / 10_000
        stats.topSources = sources.map { Statistics.Count(name: $0.key, count: $0.value) }
            .sorted { ($0.count, $1.name) > ($1.count, $0.name) }.prefix(topSources).map { $0 }
        stats.storiesPerDay = days.map { Statistics.Count(name: $0.key, count: $0.value) }.sorted { $0.name < $1.name }
        if let failedFolder, let entries = try? DirectoryListing.entries(of: failedFolder) {
            for entry in entries where entry.name.display.hasSuffix(".reason") {
                let text = (try? RegularFileReader.read(entry.name.path(in: failedFolder), limit: 1 << 16)) ?? []
                stats.rejected += 1
                stats.rejectedByReason[ReasonFile(text: String(decoding: text, as: UTF8.self)).countedName, default: 0] += 1
            }
        }
        return stats
    }

    /// Why a store could not be read, and what to do about it.
    package static func unreadable(_ store: FilePath, _ error: any Error) -> String {
        "cannot read the store '\(store)': \(error); name the store with --store FILE, or the configuration with --config FILE"
    }
}
