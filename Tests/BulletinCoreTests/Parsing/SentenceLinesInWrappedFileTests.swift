import Testing

@testable import BulletinCore

/// In a hard-wrapped file, a block whose lines mostly end sentences is not thereby one
/// paragraph a line: short sentences end lines by chance. A sentence's end breaks the
/// paragraph there only where the next line's first word would have fitted within the file's
/// right margin; otherwise the wrapper broke the line. The text is cut from the independent
/// parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md): independent-tuning/0065,
/// readability's test page wapo-2 (The Washington Post, "Where do strained U.S.-Israeli
/// relations go after Netanyahu’s victory?"), wrapped at 72 columns.
@Suite("Sentence lines in wrapped files")
struct SentenceLinesInWrappedFileTests {
    /// "… Danin said." fills its line to the margin: "“But" did not fit after it. Two of the
    /// block's three lines end a sentence, and without the rule the quotation was cut in two.
    @Test func aSentenceEndAtTheMarginIsTheWrappersBreak() throws {
        let text = """
            Where do strained U.S.-Israeli relations go after Netanyahu’s victory?

            “The United States and this administration is deeply concerned about
            rhetoric that seeks to marginalize Arab Israeli citizens,” White House
            press secretary Josh Earnest told reporters aboard Air Force One. “It
            undermines the values and democratic ideals that have been important to
            our democracy and an important part of what binds the United States and
            Israel together.”

            Earnest added that Netanyahu’s election-eve disavowal of a two-state
            solution for Israelis and Palestinians would force the administration to
            reconsider its approach to peace in the region.

            Over the longer term, a number of analysts say that Obama and Netanyahu
            will seek to play down the friction between them and point to areas of
            continuing cooperation on military and economic issues.

            “Both sides are going to want to turn down the rhetoric,” Danin said.
            “But it is also a structural problem. They have six years of accumulated
            history. That’s going to put limits on how far they can go together.”

            The first substantive test could come as early as this month, when the
            United States hopes that it can finish hammering out the framework of an
            agreement with Iran.

            """
        let stories = try BulletinParser().parse(text)
        #expect(stories.count == 1)
        #expect(stories.first?.paragraphs.count == 5)
        #expect(
            stories.first?.paragraphs.dropFirst(3).first
                == "“Both sides are going to want to turn down the rhetoric,” Danin said. “But it is also a structural "
                + "problem. They have six years of accumulated history. That’s going to put limits on how far they can "
                + "go together.”")
    }
}
