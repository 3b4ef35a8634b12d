import BulletinDaemon
import Foundation
import Testing

/// The README is documentation people copy from: its settings table matches the code, and its
/// example commands run.
@Suite struct ReadmeTests {
    static var readme: String {
        (try? String(contentsOf: DaemonHarness.repository.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }

    static func row(_ setting: ConfigurationSetting) -> String {
        "| `\(setting.key)` | `--\(setting.flag)` | `\(setting.defaultValue)` | \(setting.help) |"
    }

    @Test func everySettingIsInTheTableAsTheCodeHasIt() {
        let lines = Set(Self.readme.split(separator: "\n").map(String.init))
        for setting in ConfigurationSetting.all {
            #expect(lines.contains(Self.row(setting)), "README.md lacks: \(Self.row(setting))")
        }
    }

    /// Lines of the ```sh blocks under "## Commands" that run bulletind.
    static var examples: [String] {
        guard let commands = readme.range(of: "## Commands"), let next = readme.range(of: "\n## ", range: commands.upperBound..<readme.endIndex)
        else { return [] }
        var inBlock = false
        var examples: [String] = []
        for line in readme[commands.upperBound..<next.lowerBound].split(separator: "\n") {
            if line.hasPrefix("```") {
                inBlock = line == "```sh"
            } else if inBlock, line.hasPrefix("bulletind ") || line.hasPrefix("BULLETIND_") {
                examples.append(String(line))
            }
        }
        return examples
    }

    @Test func theExampleCommandsRun() throws {
        #expect(Self.examples.count >= 10)
        let harness = try DaemonHarness()
        let fm = FileManager.default
        for folder in ["seeds", "config"] {
            try fm.copyItem(at: DaemonHarness.repository.appendingPathComponent(folder), to: harness.folder.appendingPathComponent(folder))
        }
        let seed = try Data(contentsOf: DaemonHarness.seed)
        for (path, extra) in [("archive/2013/01.txt", "\n"), ("archive/2013/02.txt", "\n\n"), ("archive/2014/01.txt", "\n\n\n")] {
            let url = harness.folder.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (seed + Data(extra.utf8)).write(to: url)
        }
        let path = DaemonHarness.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for example in Self.examples where !example.hasPrefix("bulletind run") {
            let result = try harness.runToEnd(
                ["-c", "set -o pipefail; " + example], executable: URL(fileURLWithPath: "/bin/bash"), environment: ["PATH": path])
            #expect(result.status == 0, "\(example)\n\(result.stdout)\(result.stderr)")
        }
    }
}
