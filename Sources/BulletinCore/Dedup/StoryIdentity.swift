import Crypto

/// Exact identity of a story: its normalized text and the stable id derived from it.
public enum StoryIdentity {
    /// The text that exact matching compares: headline + "\n\n" + bodyText, with case,
    /// whitespace, punctuation, quote and dash styles folded (and Unicode compatibility forms,
    /// e.g. NBSP, fullwidth). Pure and stable across machines (see `FoldedText` for the rules).
    public static func normalizedText(of story: Story) -> String {
        FoldedText(headline: story.headline, body: story.bodyText).text
    }

    /// The stable story id: the first 16 bytes of SHA-256(normalizedText) as 32 lower-case hex
    /// digits. The same normalized text always gets the same id on any machine.
    public static func id(of story: Story) -> String {
        storyID(of: FoldedText(headline: story.headline, body: story.bodyText)).hex
    }

    static func storyID(of folded: FoldedText) -> StoryID {
        StoryID(digestPrefix: SHA256.hash(data: folded.bytes))
    }
}
