import ArgumentParser
import BulletinDaemon
import LinuxIO
import SystemPackage

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest files or folders once, through the daemon's pipeline, into the same store.",
        discussion: """
            A folder means its files in name order; with --recursive, its sub-folders too (each \
            where its name falls, so an archive laid out by date goes in date order). The files \
            are left where they are. On a terminal a progress bar shows the rate and the time \
            left; otherwise a line every 10 seconds. A summary follows on stdout.

            Ctrl-C stops after the file in hand (a second Ctrl-C stops at once); run the same \
            command again to continue: files already in the store are recognised by their \
            SHA-256 and skipped. Stories go to the journal as with `run`, but only warnings and \
            errors are echoed to stderr. Exits 0 when every file was ingested or rejected with a \
            reason, 130 when interrupted, 1 when the store could not take a file.

            Examples:
              bulletind ingest seeds/000_60ecd2c4a9cd0293.txt
              bulletind ingest --recursive /srv/archive/
              bulletind ingest --store 2013.jsonl -r /srv/archive/2013
            """
    )

    @OptionGroup var file: ConfigFileOption
    @OptionGroup(title: "Store, dedup and log settings") var pipeline: PipelineSettings

    @Flag(name: [.short, .long], help: "Also ingest the files in sub-folders, at any depth.")
    var recursive = false

    @Flag(inversion: .prefixedNo, help: "Show progress on stderr (a bar on a terminal, a line every 10 s otherwise).")
    var progress = true

    @Argument(help: ArgumentHelp("Bulletin files or folders.", valueName: "path"))
    var paths: [String]

    func run() async throws {
        LargeBlocks.mapFromAMegabyte()  // a bulletin's parse is given back once freed (issue #14)
        let configuration = try file.load(flags: pipeline.flags).configuration
        let logger = bootstrapLogging(level: configuration.logLevel, echoLevel: .warning)
        let interruption = IngestInterruption()
        await interruption.start()
        defer { interruption.stop() }
        let display = ProgressDisplay.forStandardError(enabled: progress)
        let summary: BatchIngest.Summary
        do {
            summary = try await BatchIngest.run(
                paths: paths.map { FilePath($0) }, recursive: recursive, configuration: configuration, logger: logger,
                shouldStop: { interruption.requested }, progress: display.update)
        } catch let error as StateLock.Failure {
            throw fail(error.description)
        } catch let error as BatchInputError {
            throw fail(error.description)
        }
        display.finish()
        print(IngestSummaryText.render(summary))
        if summary.failed > 0 {
            throw fail("\(summary.failed) files could not be written to the store (the errors above say why); fix that and run the same command again")
        }
        if summary.interrupted {
            throw fail(
                "interrupted; \(summary.remaining) files not ingested. Run the same command again to continue: files already ingested are skipped.",
                status: 130)
        }
    }
}
