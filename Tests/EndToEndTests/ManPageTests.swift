import BulletinDaemon
import Foundation
import Testing

/// docs/bulletind.8 is generated (`make man`) and committed; this catches a page left behind
/// when a command or a setting is added.
@Suite struct ManPageTests {
    @Test func thePageNamesEveryCommandAndEverySettingFlag() throws {
        let page = try String(contentsOf: DaemonHarness.repository.appendingPathComponent("docs/bulletind.8"), encoding: .utf8)
        #expect(page.contains(".Dt BULLETIND 8"))
        for command in ["run", "ingest", "verify", "stats", "export", "check-config"] {
            #expect(page.contains(".It Em \(command)"), "docs/bulletind.8 lacks \(command): run make man")
        }
        for setting in ConfigurationSetting.all {
            #expect(page.contains(".It Fl -\(setting.flag) "), "docs/bulletind.8 lacks --\(setting.flag): run make man")
        }
        #expect(page.contains(".It Fl r , -recursive"))
    }
}
