import BulletinMetrics
import Testing

@testable import BulletinDaemon

/// The `.reason` file beside a rejected file: what the daemon writes and what `stats` reads.
@Suite struct ReasonFileTests {
    /// Every kind the pipeline carries comes back from the file it writes, with the sentence.
    @Test(arguments: RejectionKind.allCases)
    func theKindWrittenIsTheKindRead(kind: RejectionKind) {
        let written = ReasonFile(kind: kind, reason: "the file changed: twice, it seems")
        #expect(written.text == "the file changed: twice, it seems\nkind: \(kind.rawValue)\n")
        let read = ReasonFile(text: written.text)
        #expect(read == written)
        #expect(read.countedName == kind.summaryName)
    }

    /// The kind line wins over whatever the sentence opens with.
    @Test func theKindLineIsTrustedOverTheSentence() {
        let read = ReasonFile(text: "binary: it was not, really\nkind: unreadable\n")
        #expect(read.kind == .unreadable && read.reason == "binary: it was not, really")
        #expect(read.countedName == "unreadable")
    }

    /// Files of earlier versions, without a kind line, are counted as they always were.
    @Test(arguments: [
        ("binary: the text contains NUL characters\n", "binary"),
        ("no-stories: nothing in it forms a story", "no-stories"),
        ("20000000 bytes, over the limit of 16777216 bytes\n", "too large"),
        ("read '/srv/inbox/x.txt': Input/output error (EIO)\n", "read '/srv/inbox/x.txt'"),
        ("a symbolic link, never followed\n", "a symbolic link, never followed"),
        ("  spaced out  \n\n", "spaced out"),
        ("kind: not-a-kind\n", "kind"),
    ])
    func earlierFilesAreCountedAsBefore(text: String, counted: String) {
        let read = ReasonFile(text: text)
        #expect(read.kind == nil)
        #expect(read.countedName == counted)
    }
}
