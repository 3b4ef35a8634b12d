import SystemdSupport
import Testing

/// journald silently drops fields whose names break its rules; every key must come out valid.
@Suite struct JournalFieldNameTests {
    @Test(arguments: [
        ("STORY_ID", "STORY_ID"),
        ("story.id", "STORY_ID"),
        ("bulletin-file", "BULLETIN_FILE"),
        ("_trusted", "TRUSTED"),
        ("1st", "F_1ST"),
        ("", "F_"),
        ("café", "CAF_"),
    ])
    func sanitises(key: String, name: String) {
        #expect(JournalLogHandler.fieldName(key) == name)
    }

    @Test func keepsAtMost64Bytes() {
        let name = JournalLogHandler.fieldName(String(repeating: "a", count: 100))
        #expect(name.utf8.count == 64)
        #expect(name.allSatisfy { ("A"..."Z").contains($0) })
    }
}
