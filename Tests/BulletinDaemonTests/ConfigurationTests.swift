import BulletinDaemon
import Foundation
import SystemPackage
import Testing

@Suite struct ConfigurationTests {
    static func file(_ text: String) throws -> FilePath {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return FilePath(url.path)
    }

    @Test func noFileNoFlagsGivesTheDevelopmentDefaults() throws {
        let configuration = try ConfigurationLoader(file: nil, environment: [:], flags: [:]).load()
        #expect(configuration.inbox == "inbox")
        #expect(configuration.store == "stories.jsonl")
        #expect(configuration.stateDirectory == ".bulletind")
        #expect(configuration.resolvedProcessedFolder == ".bulletind/processed")
    }

    @Test func flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws {
        let file = try Self.file("inbox:\n  path: /from/file\nstore:\n  path: /file/store.jsonl\nstate:\n  dir: /file/state\n")
        defer { try? FileManager.default.removeItem(atPath: file.string) }
        let environment = ["BULLETIND_STORE_PATH": "/env/store.jsonl", "BULLETIND_STATE_DIR": "/env/state"]
        let configuration = try ConfigurationLoader(file: file, environment: environment, flags: ["state.dir": "/flag/state"]).load()
        #expect(configuration.inbox == "/from/file")
        #expect(configuration.store == "/env/store.jsonl")
        #expect(configuration.stateDirectory == "/flag/state")
    }

    @Test func theShippedConfigurationLoads() throws {
        let shipped = FilePath(#filePath).removingLastComponent().removingLastComponent().removingLastComponent().appending("config/bulletind.yaml")
        let configuration = try ConfigurationLoader(file: shipped, environment: [:], flags: [:]).load()
        #expect(configuration.inbox == "/var/spool/bulletind/inbox")
        #expect(configuration.store == "/var/lib/bulletind/stories.jsonl")
    }

    @Test(arguments: [
        ("inbox:\n  path: /x\nstore:\n  pth: /y\n", "4: unknown setting 'store.pth' (did you mean 'store.path'?)"),
        ("store:\n  fsync: sometimes\n", "2: store.fsync: expected one of \"bulletin\", \"batch\", \"never\", got \"sometimes\""),
        ("inbox:\n  max_file_size: -5\n", "2: inbox.max_file_size: expected a positive number of bytes"),
        ("- just\n- a list\n", "1: expected sections such as 'inbox:' and 'store:'"),
    ])
    func aBadFileNamesTheKeyTheFileAndTheLine(text: String, message: String) throws {
        let file = try Self.file(text)
        defer { try? FileManager.default.removeItem(atPath: file.string) }
        #expect {
            _ = try ConfigurationLoader(file: file, environment: [:], flags: [:]).load()
        } throws: { error in
            let description = "\(error)"
            return description.hasPrefix(file.string + ":") && description.contains(message)
        }
    }

    @Test func aBadEnvironmentVariableIsNamed() {
        #expect {
            _ = try ConfigurationLoader(file: nil, environment: ["BULLETIND_STORE_FSYNC": "always"], flags: [:]).load()
        } throws: { error in
            "\(error)".contains("environment variable BULLETIND_STORE_FSYNC: store.fsync")
        }
    }
}
