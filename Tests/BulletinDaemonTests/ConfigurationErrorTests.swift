import BulletinDaemon
import Foundation
import SystemPackage
import Testing

/// Every class of configuration mistake, with the whole message a person reads.
@Suite struct ConfigurationErrorTests {
    func message(file text: String? = nil, environment: [String: String] = [:], flags: [String: String] = [:]) throws -> (String, String) {
        let file = try text.map { try ConfigurationTests.file($0) }
        defer { if let file { try? FileManager.default.removeItem(atPath: file.string) } }
        do {
            _ = try ConfigurationLoader(file: file, environment: environment, flags: flags).load()
            return (file?.string ?? "", "no error")
        } catch {
            return (file?.string ?? "", error.message)
        }
    }

    @Test(arguments: [
        // Unknown keys and sections, with a suggestion when one is close.
        ("store:\n  pth: /y\n", "F:2: unknown setting 'store.pth' (did you mean 'store.path'?)"),
        ("store:\n  compression: zstd\n", "F:2: unknown setting 'store.compression'; the keys of 'store' are path, fsync, rotate_size, batch_interval_ms"),
        ("stor:\n  path: /y\n", "F:1: unknown section 'stor' (did you mean 'store'?); the sections are inbox, store, state, dedup, log, metrics"),
        ("storage:\n  path: /y\n", "F:1: unknown section 'storage' (did you mean 'store'?); the sections are inbox, store, state, dedup, log, metrics"),
        ("journal:\n  path: /y\n", "F:1: unknown section 'journal'; the sections are inbox, store, state, dedup, log, metrics"),
        // Wrong types.
        ("inbox:\n  max_file_size: lots\n", "F:2: inbox.max_file_size: expected a positive number of bytes, got \"lots\""),
        ("store:\n  path: [a, b]\n", "F:2: store.path: expected a single value, got a list"),
        ("store:\n  path:\n    file: a\n", "F:3: store.path: expected a single value, got 'key: value' lines (is the indentation right?)"),
        ("store: /var/lib/stories.jsonl\n", "F:1: section 'store' must hold 'key: value' lines"),
        ("- just\n- a list\n", "F:1: expected sections such as 'inbox:' and 'store:'"),
        // Impossible values.
        ("store:\n  fsync: sometimes\n", "F:2: store.fsync: expected one of \"bulletin\", \"batch\", \"never\", got \"sometimes\""),
        ("inbox:\n  max_file_size: -5\n", "F:2: inbox.max_file_size: expected a positive number of bytes, got \"-5\""),
        ("inbox:\n  settle_ms: 900000\n", "F:2: inbox.settle_ms: expected milliseconds from 0 to 600000, got \"900000\""),
        ("dedup:\n  resemblance_threshold: 1.5\n", "F:2: dedup.resemblance_threshold: expected a number from 0 to 1, got \"1.5\""),
        ("inbox:\n  patterns: []\n", "F:2: inbox.patterns: expected one or more name patterns, e.g. \"*.txt\""),
        // Empty values and keys given twice.
        ("store:\n  path:\n", "F:2: store.path: no value given; give one, or delete the line to use the default"),
        ("store:\n  path: a\n  fsync: never\n  path: b\n", "F:4: store.path is set twice (first on line 2); keep one"),
        // Not YAML at all.
        ("store:\n  path: \"unterminated\n", "F:3: not valid YAML: found unexpected end of stream (column 1)"),
    ])
    func aBadFileNamesTheKeyTheFileAndTheLine(text: String, expected: String) throws {
        let (file, message) = try message(file: text)
        #expect(message == expected.replacingOccurrences(of: "F:", with: file + ":"))
    }

    @Test func aMissingFileSaysWhichAndWhatToDo() {
        #expect {
            _ = try ConfigurationLoader(file: "/nonexistent/bulletind.yaml", environment: [:], flags: [:]).load()
        } throws: { error in
            let message = (error as? ConfigurationError)?.message ?? ""
            return message == "cannot read configuration file '/nonexistent/bulletind.yaml': no such file; check the path given to --config"
        }
    }

    @Test func aBadEnvironmentValueNamesTheVariable() throws {
        let (_, message) = try message(environment: ["BULLETIND_STORE_FSYNC": "always"])
        #expect(message == "environment variable BULLETIND_STORE_FSYNC: store.fsync: expected one of \"bulletin\", \"batch\", \"never\", got \"always\"")
    }

    @Test func anUnknownEncodingListsTheOnesThereAre() throws {
        let (_, refused) = try message(environment: ["BULLETIND_INBOX_ENCODING": "cp1251"])
        #expect(refused.hasPrefix("environment variable BULLETIND_INBOX_ENCODING: inbox.encoding: expected \"auto\" or one of utf-8,"))
        #expect(refused.contains("windows-1251") && refused.contains("koi8-r") && refused.hasSuffix("got \"cp1251\""))
        let (_, fine) = try message(environment: ["BULLETIND_INBOX_ENCODING": "KOI8-R"])
        #expect(fine == "no error")
    }

    @Test func aMisspeltEnvironmentVariableIsAnErrorWithASuggestion() throws {
        let (_, message) = try message(environment: ["BULLETIND_STORE_PTH": "/x"])
        #expect(message == "environment variable BULLETIND_STORE_PTH: not a bulletind setting (did you mean BULLETIND_STORE_PATH?); `bulletind check-config --help` lists them all")
    }

    @Test func variablesOutsideOurSectionsAreLeftAlone() throws {
        let (_, message) = try message(environment: ["BULLETIND_BINARY": "/x", "BULLETIND_SOMETHING_ELSE": "y"])
        #expect(message == "no error")
    }

    @Test func aBadFlagValueNamesTheFlag() throws {
        let (_, message) = try message(flags: ["store.rotate_size": "big"])
        #expect(message == "flag --store-rotate-size: store.rotate_size: expected a size in bytes (0: never rotate), got \"big\"")
    }
}
