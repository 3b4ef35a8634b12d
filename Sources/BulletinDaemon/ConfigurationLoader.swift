import LinuxIO
import SystemPackage
import Yams

/// Builds the effective configuration: defaults, then the file, then the environment, then flags.
public struct ConfigurationLoader: Sendable {
    public var file: FilePath?
    public var environment: [String: String]
    /// Flag values by dotted key (`inbox.path`).
    public var flags: [String: String]

    public init(file: FilePath?, environment: [String: String], flags: [String: String]) {
        self.file = file
        self.environment = environment
        self.flags = flags
    }

    public func load() throws(ConfigurationError) -> Configuration {
        var configuration = Configuration()
        if let file { try applyFile(file, to: &configuration) }
        for key in ConfigurationKey.all {
            if let text = environment[key.environmentVariable] {
                try apply(key, text, to: &configuration, origin: "environment variable \(key.environmentVariable)")
            }
        }
        for (dotted, text) in flags.sorted(by: { $0.key < $1.key }) {
            guard let key = ConfigurationKey.named(dotted) else { throw ConfigurationError("unknown setting '\(dotted)'") }
            try apply(key, text, to: &configuration, origin: "flag for \(dotted)")
        }
        return configuration
    }

    private func apply(_ key: ConfigurationKey, _ text: String, to configuration: inout Configuration, origin: String) throws(ConfigurationError) {
        do {
            try key.apply(&configuration, text)
        } catch {
            throw ConfigurationError("\(origin): \(key.dotted): \(error.message)")
        }
    }

    /// Reads the YAML file: a mapping of sections, each a mapping of keys to scalars.
    private func applyFile(_ file: FilePath, to configuration: inout Configuration) throws(ConfigurationError) {
        let text: String
        do {
            text = String(decoding: try RegularFileReader.read(file, limit: 1 << 20, followingSymbolicLinks: true), as: UTF8.self)
        } catch {
            throw ConfigurationError("cannot read configuration file '\(file)': \(error)")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError("\(file): not valid YAML: \(error)")
        }
        guard let root else { return }
        guard let sections = root.mapping else {
            throw ConfigurationError("\(file):\(line(root)): expected sections such as 'inbox:' and 'store:'")
        }
        for (sectionNode, body) in sections {
            let section = sectionNode.string ?? ""
            guard let entries = body.mapping else {
                throw ConfigurationError("\(file):\(line(sectionNode)): section '\(section)' must hold 'key: value' lines")
            }
            for (keyNode, valueNode) in entries {
                let dotted = "\(section).\(keyNode.string ?? "")"
                guard let key = ConfigurationKey.named(dotted) else {
                    throw ConfigurationError("\(file):\(line(keyNode)): unknown setting '\(dotted)'\(suggestion(for: dotted))")
                }
                let value: String
                if let scalar = valueNode.scalar {
                    value = scalar.string
                } else if let sequence = valueNode.sequence {
                    value = sequence.compactMap(\.string).joined(separator: ",")
                } else {
                    throw ConfigurationError("\(file):\(line(valueNode)): \(dotted): expected a value")
                }
                do {
                    try key.apply(&configuration, value)
                } catch {
                    throw ConfigurationError("\(file):\(line(valueNode)): \(dotted): \(error.message)")
                }
            }
        }
    }

    private func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    /// The closest known key, when one is close enough to be a misspelling.
    private func suggestion(for dotted: String) -> String {
        let best = ConfigurationKey.all.map { ($0.dotted, editDistance(dotted, $0.dotted)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= 3 else { return "" }
        return " (did you mean '\(best.0)'?)"
    }
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
}
