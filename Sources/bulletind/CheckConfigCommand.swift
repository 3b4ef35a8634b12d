import ArgumentParser
import BulletinDaemon
import Foundation

struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the configuration and print every setting with where its value came from.",
        discussion: """
            Reads the file, the BULLETIND_* environment variables and the flags exactly as `run` \
            does, and prints one line per setting: key, effective value, and its origin (the file \
            and line, the environment variable, the flag, or "default"). A bad setting exits 64 and \
            names the key, the file and the line.

            Examples:
              bulletind check-config --config /etc/bulletind/bulletind.yaml
              BULLETIND_STORE_FSYNC=never bulletind check-config
              bulletind check-config --json | jq '.[] | select(.from != "default")'
            """
    )

    @OptionGroup var file: ConfigFileOption
    @OptionGroup(title: "Inbox settings") var inbox: InboxSettings
    @OptionGroup(title: "Store, dedup and log settings") var pipeline: PipelineSettings
    @OptionGroup(title: "Metrics settings") var metrics: MetricsSettings

    @Flag(name: .long, help: "Print JSON (an array of {key, value, from}) instead of a table.")
    var json = false

    func run() async throws {
        let effective = try file.load(flags: inbox.flags.merging(pipeline.flags) { _, flag in flag }.merging(metrics.flags) { _, flag in flag })
        if json {
            let rows = effective.entries.map { ["key": $0.key, "value": $0.value, "from": $0.origin.description] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        } else {
            print(Self.table(effective, file: file.config))
        }
    }

    static func table(_ effective: EffectiveConfiguration, file: String?) -> String {
        let header = "configuration file: " + (file ?? "none (built-in defaults; give one with --config FILE)")
        let rows = [("KEY", "VALUE", "FROM")] + effective.entries.map { ($0.key, $0.value, $0.origin.description) }
        let keyWidth = rows.map(\.0.count).max() ?? 0
        let valueWidth = rows.map(\.1.count).max() ?? 0
        let lines = rows.map { key, value, origin in
            key.padding(toLength: keyWidth + 2, withPad: " ", startingAt: 0)
                + value.padding(toLength: valueWidth + 2, withPad: " ", startingAt: 0) + origin
        }
        return ([header, ""] + lines).joined(separator: "\n")
    }
}
