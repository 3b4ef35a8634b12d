import BulletinCore

/// The mistakes of one split counted by language and cause (`--failures`), so the most common
/// cause is fixed first. A file's headlines are compared as lists: a written headline the
/// parser did not give is "missed" (and why it may have been: where it went, its shape), a
/// headline the parser gave that was not written is "false" (a credit line, a body paragraph).
/// Of a held-out split only the counts are given: no example, no headline the parser gave, so
/// nothing of its text is seen (the shape of what was missed is all it says).
struct FailureCounts {
    private var counts: [String: [String: Int]] = [:]  // language → cause → count
    private var examples: [String: [String]] = [:]  // cause → a few examples
    let showsText: Bool

    init(split: String) { showsText = split.hasPrefix("tune") }

    mutating func count(_ language: String, _ cause: String, example: String? = nil) {
        counts[language, default: [:]][cause, default: 0] += 1
        guard showsText, let example, examples[cause, default: []].count < 4 else { return }
        examples[cause, default: []].append("\(language): \(example)")
    }

    mutating func classify(file: Labels.File, parsed: [Story]) {
        let written = file.stories.map { normalized(comparable($0.headline)) }
        let given = parsed.map { normalized(comparable($0.headline)) }
        if parsed.count < file.stories.count { count(file.language, "file: fewer stories than written") }
        if parsed.count > file.stories.count { count(file.language, "file: more stories than written") }
        var unmatched = given
        for (position, headline) in written.enumerated() {
            if let at = unmatched.firstIndex(of: headline) {
                unmatched.remove(at: at)
                continue
            }
            let shape = Self.shape(headline)
            // Bodies compared as `comparable` too: a Chinese headline's full-width comma is a
            // comma there, and in the body as parsed it is still the full-width one.
            if let story = parsed.first(where: { normalized(comparable($0.bodyText)).contains(headline) }) {
                let opening = normalized(comparable(story.bodyText)).hasPrefix(headline)
                count(file.language, "missed: in a body \(opening ? "(first)" : "(inside)"), \(shape)", example: headline)
            } else if parsed.contains(where: { normalized(comparable($0.headline)).contains(headline) }) {
                count(file.language, "missed: part of a longer headline", example: headline)
            } else {
                let opening = file.stories[position].opening
                let found = parsed.first { normalized($0.bodyText).contains(opening) }
                let got = found.map { showsText ? "got " + $0.headline.prefix(30) : "inside another story" }
                count(file.language, "missed: other (\(got ?? "story lost"))", example: headline)
            }
        }
        for headline in unmatched {
            let isParagraph = file.text.split(separator: "\n\n").contains { normalized(String($0)) == headline }
            let short = headline.count <= 24
            let cause = short && isParagraph ? "false: a short line (credit?)" : isParagraph ? "false: a body paragraph" : "false: other"
            count(file.language, cause, example: headline)
        }
    }

    private static func shape(_ headline: String) -> String {
        let words = headline.split(separator: " ").count
        var traits: [String] = []
        if let last = headline.last, "?？!！".contains(last) { traits.append("question") }
        if let first = headline.first, "\"„«“'".contains(first) { traits.append("quoted") }
        if headline.contains(",") || headline.contains("，") { traits.append("comma") }
        traits.append(words > 20 ? "long" : words <= 3 ? "short" : "medium")
        return traits.joined(separator: " ")
    }

    func report(split: String, order: [String]) {
        print("Mistakes of the \(split) split, by cause (language: count)")
        var totals: [String: Int] = [:]
        for (_, causes) in counts { for (cause, number) in causes { totals[cause, default: 0] += number } }
        for (cause, total) in totals.sorted(by: { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }) {
            let byLanguage = order.compactMap { language in counts[language]?[cause].map { "\(language) \($0)" } }
            print(String(total).padding(toLength: 5, withPad: " ", startingAt: 0) + cause)
            print("      " + byLanguage.joined(separator: ", "))
            for example in examples[cause, default: []] { print("      e.g. " + example.prefix(110)) }
        }
    }
}
