import Crypto

/// Placeholder identity: lower-cased text with runs of non-alphanumerics folded to one space.
public enum StoryIdentity {
    public static func normalizedText(of story: Story) -> String {
        var out = ""
        var pendingSpace = false
        for ch in (story.headline + "\n\n" + story.bodyText).lowercased() {
            if ch.isLetter || ch.isNumber { if pendingSpace && !out.isEmpty { out.append(" ") }; pendingSpace = false; out.append(ch) } else { pendingSpace = true }
        }
        return out
    }
    public static func id(of story: Story) -> String {
        let digest = SHA256.hash(data: Array(normalizedText(of: story).utf8))
        return digest.prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
