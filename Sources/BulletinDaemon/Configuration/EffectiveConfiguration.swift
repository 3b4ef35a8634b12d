/// Where a setting's value came from.
package enum ConfigurationOrigin: Sendable, Equatable, CustomStringConvertible {
    case builtIn
    case file(String, line: Int)
    case environment(String)
    case flag(String)

    package var description: String {
        switch self {
        case .builtIn: "default"
        case .file(let path, let line): "\(path):\(line)"
        case .environment(let variable): "environment \(variable)"
        case .flag(let flag): "flag \(flag)"
        }
    }

    /// How an error about a value from here starts: `FILE:LINE`, `environment variable X`, `flag --x`.
    var errorPrefix: String {
        switch self {
        case .builtIn: "default"
        case .file(let path, let line): "\(path):\(line)"
        case .environment(let variable): "environment variable \(variable)"
        case .flag(let flag): "flag \(flag)"
        }
    }
}

/// One setting as the user sees it: its names in the file, the environment and on the command line.
package struct ConfigurationSetting: Sendable, Equatable {
    /// `store.fsync`
    package let key: String
    /// `store-fsync`, without the dashes.
    package let flag: String
    package let environmentVariable: String
    package let help: String
    package let valueName: String
    /// The built-in default, as it would be written in the file.
    package let defaultValue: String

    /// Every setting, in the order of the configuration file.
    package static let all: [ConfigurationSetting] = ConfigurationKey.all.map { key in
        ConfigurationSetting(
            key: key.dotted, flag: key.flag, environmentVariable: key.environmentVariable, help: key.help,
            valueName: key.valueName, defaultValue: key.render(Configuration()))
    }

    package static func named(_ key: String) -> ConfigurationSetting? { all.first { $0.key == key } }
}

/// The configuration a command will run with, and where each value came from.
package struct EffectiveConfiguration: Sendable {
    package let configuration: Configuration
    package let origins: [String: ConfigurationOrigin]

    package struct Entry: Sendable, Equatable {
        package let key: String
        package let value: String
        package let origin: ConfigurationOrigin

        package init(key: String, value: String, origin: ConfigurationOrigin) {
            self.key = key
            self.value = value
            self.origin = origin
        }
    }

    /// Every key, in the order of the configuration file.
    package var entries: [Entry] {
        ConfigurationKey.all.map { key in
            Entry(key: key.dotted, value: key.render(configuration), origin: origins[key.dotted] ?? .builtIn)
        }
    }
}
