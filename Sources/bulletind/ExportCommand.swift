import ArgumentParser
import BulletinCore
import BulletinExport
import Foundation
import LinuxIO
import SystemPackage

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store's stories as IPTC ninjs, one JSON object a line, and follow the store as it grows.",
        discussion: """
            Every story of the store (its rotated files first) becomes one ninjs 2.2 object on \
            standard output, for an editorial system to take: uri urn:bulletind:story:ID (the same \
            story, the same uri, on any machine), headlines, bodies, by, located, language, \
            infosources, firstcreated and versioncreated (when the agency filed it, else when it \
            was received); for wire copy also urgency, slugline, ednote and the agency's category \
            as subjects. A later version of a story (a writethru, a correction, a kill) keeps its \
            story's uri with the next version number; a kill is pubstatus canceled. With --all, \
            every duplicate too, as an occurrence of its own whose altids name its story. The \
            README's "ninjs export" section lists the whole mapping.

            --since keeps only what was received at or after a time. --follow keeps going as \
            `tail -F` does: new stories as they are stored, across rotations of the store and \
            restarts of the daemon, until killed. --cursor FILE makes the export resumable: the \
            position is saved there (at least every second, whenever the export waits, and when \
            SIGTERM or Ctrl-C ends it), and the next run with the same cursor starts where this \
            one stopped; the cursor wins over \
            --since once it exists. The lines of a bulletin still being written wait for its last \
            line, so a consumer never sees half a bulletin. Lines that are not store lines are \
            reported on stderr and skipped.

            Examples:
              bulletind export --format ninjs > stories.ninjs.jsonl
              bulletind export --since 2026-11-29 | jq -r '.headlines[0].value'
              bulletind export --since 6h --all --store /var/lib/bulletind/stories.jsonl
              bulletind export --follow --cursor /var/lib/newsroom/bulletind.cursor | newsroom-import
            """
    )

    @OptionGroup var file: ConfigFileOption

    @Option(name: .long, help: ArgumentHelp("The JSON Lines store (default: store.path of the configuration).", valueName: "file"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("The output format; ninjs (IPTC ninjs 2.2) is the one there is.", valueName: "format"))
    var format = "ninjs"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only stories received at or after TIME: 2026-11-29T18:00:00Z (any RFC 3339 time), 2026-11-29 (UTC), now, or a time ago: 90s, 30m, 6h, 7d.",
            valueName: "time"))
    var since: String?

    @Flag(name: [.short, .long], help: "Keep writing new stories as the store grows, across rotations and restarts, until killed.")
    var follow = false

    @Option(name: .long, help: ArgumentHelp("Save the position here, and start from it when it exists.", valueName: "file"))
    var cursor: String?

    @Flag(name: .long, help: "Duplicates too, each pointing at its story.")
    var all = false

    func validate() throws {
        guard format == "ninjs" else { throw ValidationError("unknown --format '\(format)'; the one format is ninjs") }
        if let since, ExportSince.parse(since, now: .now) == nil {
            throw ValidationError("--since expects an RFC 3339 time (2026-11-29T18:00:00Z), a date (2026-11-29), now, or a time ago (30m, 6h, 7d); got '\(since)'")
        }
    }

    func run() throws {
        var flags: [String: String] = [:]
        if let store { flags["store.path"] = store }
        let configuration = try file.load(flags: flags).configuration
        var options = ExportOptions(store: configuration.store)
        options.since = since.flatMap { ExportSince.parse($0, now: .now) }
        options.follow = follow
        options.cursor = cursor.map { FilePath($0) }
        options.includingDuplicates = all
        options.shouldStop = { TerminationSignals.requested }
        StandardOutput.ignoreBrokenPipes()
        TerminationSignals.install()
        let exporter = StoreExporter(options: options) { warning in
            FileHandle.standardError.write(Data("bulletind: \(warning)\n".utf8))
        }
        do {
            try exporter.run()
        } catch {
            throw fail(error.description)
        }
    }
}

extension Timestamp {
    static var now: Timestamp { Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))) }
}
