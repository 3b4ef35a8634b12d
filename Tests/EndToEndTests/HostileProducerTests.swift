import Foundation
import Testing

/// Issue #14: a producer who means harm (or a broken one) may drop anything, at any moment. No
/// file may stall the inbox, slow everyone's dedup, or make another file vanish. The real
/// binary, the real inbox, real signals.
@Suite(.serialized) struct HostileProducerTests {
    func readyDaemon(_ environment: [String: String] = [:]) throws -> DaemonHarness {
        let daemon = try DaemonHarness()
        try daemon.start(environment: environment)
        #expect(daemon.waitUntil(within: 10) { daemon.stderrText().contains("ready: watching") })
        return daemon
    }

    func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

    /// Finding 1: one letter and 300,000 combining marks (600 KB) made normalization sort for
    /// 89 s of CPU, and the inbox waited behind it. Now the marks are cut into runs of 30
    /// (UAX #15) before anything normalizes: the next bulletin is in the store within seconds.
    @Test func aNormalizationBombDoesNotHoldUpTheNextBulletin() throws {
        let daemon = try readyDaemon()
        let bomb = daemon.folder.appendingPathComponent("bomb")
        try write("Bomb\n\nA" + String(repeating: "\u{301}\u{316}", count: 150_000) + " end.\n", to: bomb)
        try daemon.drop(bomb, as: "bomb.txt")
        try daemon.drop(DaemonHarness.seed, as: "good.txt")
        #expect(daemon.waitUntil(within: 5) { daemon.lines(for: "good.txt") == 14 })
        #expect(daemon.waitUntil(within: 5) { daemon.lines(for: "bomb.txt") == 1 })
        #expect(daemon.stop() == 0)
    }
}
