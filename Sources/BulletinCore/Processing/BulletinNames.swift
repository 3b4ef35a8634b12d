/// Which names in the inbox are bulletins.
package struct BulletinNames: Sendable, Equatable {
    package var patterns: [String]

    package init(patterns: [String]) { self.patterns = patterns }

    /// Hidden files and editors' or downloaders' temporary names are someone's work in progress.
    package static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix(".tmp") || name.hasSuffix(".part") || name.hasSuffix("~")
            || name.hasSuffix(".swp")
    }

    package func accepts(_ name: String) -> Bool {
        !Self.isTemporary(name) && patterns.contains { Self.glob($0, matches: name) }
    }

    /// Shell-style wildcards: `*` any run of characters, `?` one character.
    static func glob(_ pattern: String, matches name: String) -> Bool {
        let p = Array(pattern.unicodeScalars), n = Array(name.unicodeScalars)
        var pi = 0, ni = 0, starP = -1, starN = 0
        while ni < n.count {
            if pi < p.count, p[pi] == "?" || p[pi] == n[ni] {
                pi += 1
                ni += 1
            } else if pi < p.count, p[pi] == "*" {
                starP = pi
                starN = ni
                pi += 1
            } else if starP >= 0 {
                pi = starP + 1
                starN += 1
                ni = starN
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
