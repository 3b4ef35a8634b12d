// The wire line of the parser benchmark: real framed copy (Tests/BulletinCoreTests/Fixtures/wire,
// see its SOURCES.md) as receivers drop it, one file a parse and as long feeds of one framing.
import BulletinCore
import Foundation

/// The fixture files of one framing (or all), decoded as the daemon decodes them.
func wireTexts(_ prefixes: [String] = []) -> [String] {
    let folder = "Tests/BulletinCoreTests/Fixtures/wire"
    var paths: [String] = []
    for part in ["tune", "heldout"] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(folder)/\(part)")) ?? []
        for name in names.sorted() where name.hasSuffix(".txt") {
            if prefixes.isEmpty || prefixes.contains(where: name.hasPrefix) { paths.append("\(folder)/\(part)/\(name)") }
        }
    }
    return paths.compactMap { path in
        FileManager.default.contents(atPath: path).flatMap { try? BulletinDecoder.decode([UInt8]($0)).text }
    }
}

/// A feed of about `bytes` bytes: the files one after another, again and again, as a receiver
/// appends what comes in.
func feed(_ texts: [String], bytes: Int = 4_000_000) -> String {
    let round = texts.joined(separator: "\n")
    guard !round.isEmpty else { return "" }
    return Array(repeating: round, count: max(1, bytes / round.utf8.count)).joined(separator: "\n")
}

func runWireCases() {
    measureFiles("wire: every wire fixture, one file a parse", wireTexts())
    measureFiles("wire: press releases, one file a parse", wireTexts(["pr-"]))
    run("wire: AP ANPA-1312 feed (4 MB)") { feed(wireTexts(["ap-"])) }
    run("wire: Reuters 1987 ANPA-1312 feed (4 MB)") { feed(wireTexts(["r87-"])) }
    run("wire: dpa IPTC 7901 feed (4 MB)") { feed(wireTexts(["dpa-"])) }
    run("wire: AAP ZCZC feed (4 MB)") { feed(wireTexts(["aap-"])) }
}
