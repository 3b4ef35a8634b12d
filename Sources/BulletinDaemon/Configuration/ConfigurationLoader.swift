import LinuxIO
import SystemPackage

/// Builds the effective configuration: defaults, then the file, then the environment, then flags.
package struct ConfigurationLoader: Sendable {
    package var file: FilePath?
    package var environment: [String: String]
    /// Flag values by dotted key (`inbox.path`).
    package var flags: [String: String]

    package init(file: FilePath?, environment: [String: String], flags: [String: String]) {
        self.file = file
        self.environment = environment
        self.flags = flags
    }

    package func load() throws(ConfigurationError) -> Configuration { try loadWithOrigins().configuration }

    /// The configuration and, for every key, which layer set it (what `check-config` prints).
    package func loadWithOrigins() throws(ConfigurationError) -> EffectiveConfiguration {
        var configuration = Configuration()
        var origins: [String: ConfigurationOrigin] = [:]
        if let file {
            for entry in try ConfigurationFile.read(file) {
                try apply(entry.key, entry.value, to: &configuration, origin: .file(file.string, line: entry.line))
                origins[entry.key.dotted] = .file(file.string, line: entry.line)
            }
        }
        try checkForUnknownVariables()
        for key in ConfigurationKey.all {
            if let text = environment[key.environmentVariable] {
                try apply(key, text, to: &configuration, origin: .environment(key.environmentVariable))
                origins[key.dotted] = .environment(key.environmentVariable)
            }
        }
        for (dotted, text) in flags.sorted(by: { $0.key < $1.key }) {
            guard let key = ConfigurationKey.named(dotted) else { throw ConfigurationError("unknown setting '\(dotted)'") }
            try apply(key, text, to: &configuration, origin: .flag("--\(key.flag)"))
            origins[key.dotted] = .flag("--\(key.flag)")
        }
        return EffectiveConfiguration(configuration: configuration, origins: origins)
    }

    private func apply(
        _ key: ConfigurationKey, _ text: String, to configuration: inout Configuration, origin: ConfigurationOrigin
    ) throws(ConfigurationError) {
        do {
            try key.apply(&configuration, text)
        } catch {
            throw ConfigurationError("\(origin.errorPrefix): \(key.dotted): \(error.message)")
        }
    }

    /// `BULLETIND_STORE_PTH` is a typo, not someone else's variable: it names a section of ours.
    /// Variables outside our sections (`BULLETIND_BINARY`, used by the tests) are left alone.
    private func checkForUnknownVariables() throws(ConfigurationError) {
        let known = Set(ConfigurationKey.all.map(\.environmentVariable))
        let prefixes = ConfigurationKey.sections.map { "BULLETIND_\($0.uppercased())_" }
        for variable in environment.keys.sorted() where !known.contains(variable) && prefixes.contains(where: variable.hasPrefix) {
            let hint = closest(to: variable, among: Array(known)).map { " (did you mean \($0)?)" } ?? ""
            throw ConfigurationError(
                "environment variable \(variable): not a bulletind setting\(hint); `bulletind check-config --help` lists them all")
        }
    }
}

/// The closest candidate, when one is close enough to be a misspelling.
func closest(to word: String, among candidates: [String]) -> String? {
    let best = candidates.map { ($0, editDistance(word, $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
    guard let best, best.1 <= max(2, word.count / 4) else { return nil }
    return best.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
