import BulletinCore
import BulletinExport
import Testing

@Suite struct ExportSinceTests {
    static let now = Timestamp(rfc3339: "2026-11-30T12:00:00.000Z")!

    @Test(arguments: [
        ("2026-11-29T18:05:00Z", "2026-11-29T18:05:00.000Z"),
        ("2026-11-29T18:05:00.5Z", "2026-11-29T18:05:00.500Z"),
        ("2026-11-29T18:05:00.123456z", "2026-11-29T18:05:00.123Z"),
        ("2026-11-29T20:05:00+02:00", "2026-11-29T18:05:00.000Z"),
        ("2026-11-29t13:35:00-04:30", "2026-11-29T18:05:00.000Z"),
        ("2026-11-29", "2026-11-29T00:00:00.000Z"),
        ("2024-02-29", "2024-02-29T00:00:00.000Z"),
        ("now", "2026-11-30T12:00:00.000Z"),
        ("90s", "2026-11-30T11:58:30.000Z"),
        ("30m", "2026-11-30T11:30:00.000Z"),
        ("6h", "2026-11-30T06:00:00.000Z"),
        ("7d", "2026-11-23T12:00:00.000Z"),
    ])
    func timesAsPeopleWriteThem(_ text: String, _ expected: String) {
        #expect(ExportSince.parse(text, now: Self.now)?.rfc3339 == expected)
    }

    @Test(arguments: ["", "yesterday", "2026-13-01", "2026-11-29T25:00:00Z", "2026-11-29T18:05:00", "2026-11-29 18:05:00Z",
                      "2026-11-29T18:05:00+0200", "5w", "-5m", "m", "2026-11-29T18:05:00.Z"])
    func anythingElseIsRefused(_ text: String) {
        #expect(ExportSince.parse(text, now: Self.now) == nil)
    }
}
