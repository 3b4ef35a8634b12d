import ArgumentParser
import BulletinDaemon
import SystemPackage

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a store: every line valid JSON and valid against the schema, ids unique, every duplicate_of resolved.",
        discussion: """
            Rotated files (stories.jsonl.N … stories.jsonl.1) are checked before the current one. \
            Exits 0 when the store is sound; otherwise prints the first fault as FILE:LINE: what is \
            wrong, and exits 1.

            Examples:
              bulletind verify
              bulletind verify --store /var/lib/bulletind/stories.jsonl
              bulletind verify --config /etc/bulletind/bulletind.yaml
            """
    )

    @OptionGroup var options: StoreOptions

    func run() async throws {
        let configuration = try options.load()
        let result: StoreInspection.VerifyResult
        do {
            result = try StoreInspection.verify(store: configuration.store)
        } catch {
            throw fail(StoreInspection.unreadable(configuration.store, error))
        }
        if let fault = result.fault { throw fail(fault) }
        print("\(configuration.store): \(result.lines) lines in \(result.files) files are sound: \(result.stories) stories, \(result.duplicates) duplicates")
    }
}
