// The ingest benchmark's two halves (scripts/bench-ingest.sh runs both around the real binary):
//   IngestBenchmark generate DIR STORIES   writes a back-fill archive of STORIES stories
//   IngestBenchmark phases DIR SCRATCH     times the real pipeline's two halves (load, commit) over DIR's files
// Build in release: swift build -c release --static-swift-stdlib --product IngestBenchmark
import Foundation
import SystemPackage

let arguments = CommandLine.arguments.dropFirst()
switch (arguments.first, arguments.count) {
case ("generate", 3):
    let folder = URL(fileURLWithPath: arguments[arguments.startIndex + 1])
    let stories = Int(arguments[arguments.startIndex + 2]) ?? 100_000
    let (files, bytes) = try CorpusGenerator(stories: stories, folder: folder).write()
    print("generated \(stories) stories in \(files) files, \(bytes / 1_000_000) MB, under \(folder.path)")
case ("phases", 3):
    let folder = arguments[arguments.startIndex + 1]
    let enumerator = FileManager.default.enumerator(atPath: folder)
    let names = (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    let files = names.map { FilePath(folder).appending($0) }
    let (timer, bytes, lines) = try await PhaseBreakdown(files: files, scratch: FilePath(arguments[arguments.startIndex + 2])).run()
    let total = timer.total.seconds
    print("phase breakdown, one thread, \(files.count) files, \(bytes / 1_000_000) MB, \(lines) lines:")
    for (name, duration) in timer.totals {
        let share = String(format: "%5.1f%%", duration.seconds / total * 100)
        print("  " + name.padding(toLength: 32, withPad: " ", startingAt: 0) + String(format: "%8.2f s  ", duration.seconds) + share)
    }
    print(String(format: "  %@%8.2f s  → %.1f MB/s, %.0f lines/s", "total".padding(toLength: 32, withPad: " ", startingAt: 0), total,
                 Double(bytes) / total / 1e6, Double(lines) / total))
    print("  (ingest loads ahead on other cores and commits in order; the journal entries and the fsync run on threads of their own)")
default:
    FileHandle.standardError.write(Data("usage: IngestBenchmark generate DIR STORIES | phases DIR SCRATCH\n".utf8))
    exit(64)
}
