import BulletinCore
import LinuxIO
import Logging
import SystemPackage

/// `bulletind ingest PATH...`: the daemon's pipeline, once, over files and folders.
public enum BatchIngest {
    public struct Summary: Sendable, Equatable {
        public var files = 0
        public var stories = 0
        public var duplicates = 0
        public var alreadyIngested = 0
        public var rejected: [String: Int] = [:]
        public var failed = 0
    }

    public static func run(paths: [FilePath], configuration: Configuration, logger: Logger) async throws -> Summary {
        try DirectoryListing.createDirectories(configuration.stateDirectory)
        let lock = try StateLock(stateDirectory: configuration.stateDirectory)
        defer { withExtendedLifetime(lock) {} }
        let pipeline = try IngestPipeline(configuration: configuration, logger: logger)
        var summary = Summary()
        for path in try expand(paths) {
            summary.files += 1
            let folder = path.removingLastComponent()
            let name = FileName(bytes: path.lastComponent.map { Array($0.string.utf8) } ?? [])
            switch await pipeline.ingest(name, in: folder.isEmpty ? "." : folder, disposition: .leave) {
            case .ingested(let stories, let duplicates):
                summary.stories += stories
                summary.duplicates += duplicates
            case .alreadyIngested:
                summary.alreadyIngested += 1
            case .rejected(let reason):
                summary.rejected[reason, default: 0] += 1
            case .vanished:
                summary.rejected["vanished before it could be read", default: 0] += 1
            case .deferred, .unsettled, .unchanged:
                summary.failed += 1
            }
        }
        await pipeline.saveIndex()
        return summary
    }

    /// Files as given; a folder: its entries in lexicographic name order (not recursive).
    static func expand(_ paths: [FilePath]) throws -> [FilePath] {
        var files: [FilePath] = []
        for path in paths {
            if let entries = try? DirectoryListing.entries(of: path) {
                files += entries.filter { $0.kind != .directory }.map { $0.name.path(in: path) }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
