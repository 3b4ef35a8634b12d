import ArgumentParser
import BulletinDaemon
import Foundation
import LinuxIO
import SystemPackage

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what a store holds: totals, duplicate rate, rejected files, top sources, stories per day.",
        discussion: """
            The duplicate rate is duplicates over all lines. Rejected files are counted from the \
            failed folder (each NAME.reason there). Stories per day count first sightings by the \
            day they were received (UTC).

            Examples:
              bulletind stats
              bulletind stats --store /var/lib/bulletind/stories.jsonl
              bulletind stats --json | jq .duplicate_rate
            """
    )

    @OptionGroup var options: StoreOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let configuration = try options.load()
        let stats: StoreInspection.Statistics
        do {
            stats = try StoreInspection.statistics(store: configuration.store, failedFolder: configuration.resolvedFailedFolder)
        } catch {
            throw fail(StoreInspection.unreadable(configuration.store, error))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(stats), as: UTF8.self))
        } else {
            print(Self.table(stats))
        }
    }

    static func table(_ stats: StoreInspection.Statistics) -> String {
        func breakdown(_ counts: [String: Int]) -> String {
            counts.isEmpty ? "" : " (" + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        let rows: [(String, String)] = [
            ("store", stats.store + (stats.files > 1 ? " and \(stats.files - 1) rotated files" : "")),
            ("lines", "\(stats.lines)"),
            ("bulletins", "\(stats.bulletins)"),
            ("stories", "\(stats.stories)"),
            ("duplicates", "\(stats.duplicates)" + breakdown(stats.duplicatesByMatch)),
            ("duplicate rate", String(format: "%.1f%%", stats.duplicateRate * 100)),
            ("rejected files", "\(stats.rejected)" + breakdown(stats.rejectedByReason)),
        ]
        var out = aligned(rows)
        if !stats.topSources.isEmpty {
            out += "\n\ntop sources\n" + aligned(stats.topSources.map { ("  " + $0.name, "\($0.count)") }, rightAlign: true)
        }
        if !stats.storiesPerDay.isEmpty {
            out += "\n\nstories per day\n" + aligned(stats.storiesPerDay.map { ("  " + $0.name, "\($0.count)") }, rightAlign: true)
        }
        return out
    }

    static func aligned(_ rows: [(String, String)], rightAlign: Bool = false) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        let valueWidth = rows.map(\.1.count).max() ?? 0
        return rows.map { name, value in
            let padded = name + String(repeating: " ", count: width - name.count)
            let shown = rightAlign ? String(repeating: " ", count: valueWidth - value.count) + value : value
            return padded + "  " + shown
        }.joined(separator: "\n")
    }
}
