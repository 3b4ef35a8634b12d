import ArgumentParser
import BulletinDaemon
import LinuxIO

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon in the foreground (what systemd runs).",
        discussion: """
            With no configuration and no flags it watches ./inbox, writes ./stories.jsonl and keeps its
            state in ./.bulletind, creating them if missing. Stop it with Ctrl-C or SIGTERM.

            Examples:
              bulletind run
              bulletind run --config /etc/bulletind/bulletind.yaml
              bulletind run --inbox /tmp/inbox --store /tmp/stories.jsonl
            """
    )

    @OptionGroup var options: CommonOptions

    @Option(name: .long, help: ArgumentHelp("The folder to watch (default ./inbox).", valueName: "dir"))
    var inbox: String?

    func run() async throws {
        let configuration = try options.load(inbox: inbox)
        let logger = bootstrapLogging(level: configuration.logLevel)
        do {
            try await Daemon.run(loader: options.loader(inbox: inbox), configuration: configuration, logger: logger)
        } catch let error as StateLock.Failure {
            throw fail(error.description)
        } catch {
            logger.critical("bulletind stopped on an error: \(error)")
            throw fail("\(error)")
        }
    }
}
