import ArgumentParser
import BulletinDaemon
import LinuxIO
import SystemPackage

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest files or folders once, through the daemon's pipeline, into the same store.",
        discussion: """
            A folder means its files in name order. The files are left where they are.

            Examples:
              bulletind ingest seeds/000_60ecd2c4a9cd0293.txt
              bulletind ingest --store archive.jsonl /srv/archive/2013/
            """
    )

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp("Bulletin files or folders.", valueName: "path"))
    var paths: [String]

    func run() async throws {
        let configuration = try options.load()
        let logger = bootstrapLogging(level: configuration.logLevel)
        let summary: BatchIngest.Summary
        do {
            summary = try await BatchIngest.run(paths: paths.map { FilePath($0) }, configuration: configuration, logger: logger)
        } catch let error as StateLock.Failure {
            throw fail(error.description)
        }
        print("\(summary.files) files: \(summary.stories) stories, \(summary.duplicates) duplicates, \(summary.rejected.values.reduce(0, +)) rejected, \(summary.alreadyIngested) already ingested")
        for (reason, count) in summary.rejected.sorted(by: { $0.key < $1.key }) {
            print("  rejected \(count): \(reason)")
        }
        if summary.failed > 0 { throw fail("\(summary.failed) files could not be written to the store") }
    }
}
