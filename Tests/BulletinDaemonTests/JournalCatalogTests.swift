@testable import BulletinDaemon
import Foundation
import Testing

/// Every kind of journal entry the daemon writes is explained where its users look: the catalog
/// `journalctl -x` shows (systemd/bulletind.catalog) and the table in docs/service.md.
@Suite struct JournalCatalogTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
    }

    @Test(arguments: MessageID.allCases)
    func everyMessageIDIsInTheCatalogAndTheServiceGuide(id: MessageID) throws {
        let catalog = try Self.text("systemd/bulletind.catalog")
        let entries = catalog.components(separatedBy: "\n-- ").dropFirst()
        let entry = try #require(entries.first { $0.hasPrefix(id.rawValue + "\n") }, "\(id) is not in the catalog")
        #expect(entry.contains("\nSubject: ") && entry.contains("\nDefined-By: bulletind\n") && entry.contains("\nDocumentation: "))
        #expect(try Self.text("docs/service.md").contains("| `\(id.rawValue)` |"), "\(id) is not in docs/service.md")
    }

    @Test func theMessageIDsAreDistinct() {
        #expect(Set(MessageID.allCases.map(\.rawValue)).count == MessageID.allCases.count)
    }
}
