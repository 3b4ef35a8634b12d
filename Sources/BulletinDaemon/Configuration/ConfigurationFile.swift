import LinuxIO
import SystemPackage
import Yams

/// The YAML file: a mapping of sections, each a mapping of keys to single values. Reading it
/// checks its shape (unknown sections and keys, lists and mappings where a value belongs, empty
/// values, a key given twice); the values themselves are checked by the keys, with the same line.
enum ConfigurationFile {
    struct Entry {
        let key: ConfigurationKey
        let value: String
        let line: Int
    }

    static func read(_ file: FilePath) throws(ConfigurationError) -> [Entry] {
        let text: String
        do {
            text = String(decoding: try RegularFileReader.read(file, limit: 1 << 20, followingSymbolicLinks: true), as: UTF8.self)
        } catch .vanished {
            throw ConfigurationError("cannot read configuration file '\(file)': no such file; check the path given to --config")
        } catch {
            throw ConfigurationError("cannot read configuration file '\(file)': \(error); check the path given to --config")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, in: file)
        } catch {
            throw ConfigurationError("\(file): not valid YAML: \(error)")
        }
        guard let root else { return [] }
        guard let sections = root.mapping else {
            throw ConfigurationError("\(file):\(line(root)): expected sections such as 'inbox:' and 'store:'")
        }
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        for (sectionNode, body) in sections {
            let section = sectionNode.string ?? ""
            guard ConfigurationKey.sections.contains(section) else {
                let hint = closest(to: section, among: ConfigurationKey.sections).map { " (did you mean '\($0)'?)" } ?? ""
                let known = ConfigurationKey.sections.joined(separator: ", ")
                throw ConfigurationError("\(file):\(line(sectionNode)): unknown section '\(section)'\(hint); the sections are \(known)")
            }
            // A section whose keys are all commented out is empty, not wrong.
            if body.null != nil { continue }
            guard let keys = body.mapping else {
                throw ConfigurationError("\(file):\(line(sectionNode)): section '\(section)' must hold 'key: value' lines")
            }
            for (keyNode, valueNode) in keys {
                let dotted = "\(section).\(keyNode.string ?? "")"
                guard let key = ConfigurationKey.named(dotted) else {
                    throw ConfigurationError("\(file):\(line(keyNode)): unknown setting '\(dotted)'\(suggestion(for: dotted))")
                }
                if let first = seen[dotted] {
                    throw ConfigurationError("\(file):\(line(keyNode)): \(dotted) is set twice (first on line \(first)); keep one")
                }
                seen[dotted] = line(keyNode)
                entries.append(Entry(key: key, value: try value(of: valueNode, for: key, in: file), line: line(valueNode)))
            }
        }
        return entries
    }

    /// A scalar's text; a list only where the key takes one.
    private static func value(of node: Node, for key: ConfigurationKey, in file: FilePath) throws(ConfigurationError) -> String {
        let prefix = "\(file):\(line(node)): \(key.dotted)"
        switch node {
        case .scalar(let scalar):
            if node.null != nil, scalar.style == .plain {
                throw ConfigurationError("\(prefix): no value given; give one, or delete the line to use the default")
            }
            return scalar.string
        case .sequence(let sequence) where key.acceptsList:
            var items: [String] = []
            for item in sequence {
                guard let text = item.scalar?.string else { throw ConfigurationError("\(prefix): expected a list of names, got a nested structure") }
                items.append(text)
            }
            return items.joined(separator: ",")
        case .sequence:
            throw ConfigurationError("\(prefix): expected a single value, got a list")
        case .mapping:
            throw ConfigurationError("\(prefix): expected a single value, got 'key: value' lines (is the indentation right?)")
        }
    }

    private static func syntaxError(_ error: YamlError, in file: FilePath) -> ConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            ConfigurationError("\(file):\(mark.line): not valid YAML: \(problem) (column \(mark.column))")
        default:
            ConfigurationError("\(file): not valid YAML: \(error)")
        }
    }

    private static func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    private static func suggestion(for dotted: String) -> String {
        if let near = closest(to: dotted, among: ConfigurationKey.all.map(\.dotted)) { return " (did you mean '\(near)'?)" }
        let section = dotted.prefix { $0 != "." }
        let keys = ConfigurationKey.all.filter { $0.section == section }.map(\.name).joined(separator: ", ")
        return "; the keys of '\(section)' are \(keys)"
    }
}
