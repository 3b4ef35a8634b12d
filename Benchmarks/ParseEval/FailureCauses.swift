import Foundation

/// The mistakes of one split counted by cause (`--causes`), so work aims at the causes that
/// the held-out halves share with the tuning halves rather than at single files.
///
/// A file's stories found exactly are set aside on both sides; of what is left, a found story
/// whose headline is a truth headline is compared with that story (cut short, run on, a
/// paragraph lost or added), a found story whose headline is a truth story's paragraph, byline
/// or credit is a false split at that line (by the truth's kind of it: crosshead, standfirst,
/// time line, caption, prose…), and a truth headline no found story has is a missed headline
/// (where it went: a paragraph, a byline, a longer headline). Each line is named by its shape
/// (case, how it ends, how many words), never by its text. Every file is also put in a class
/// by how it marks its stories (separator lines, a wider gap than between paragraphs, the
/// paragraph gap alone), with how many of the class were cut exactly.
///
/// Of a held-out split only the counts are given: no file name, no text. Of a tuning split the
/// names of a few files with each cause, to be opened with `--show`.
struct FailureCauses {
    let showsNames: Bool
    private var counts: [String: Int] = [:]
    /// Cause → the layout of each file with it, and the shape of each line it names.
    private var byLayout: [String: [String: Int]] = [:]
    private var byShape: [String: [String: Int]] = [:]
    private var bySigning: [String: [String: Int]] = [:]
    private var names: [String: [String]] = [:]
    /// The layout of the file being classified.
    private var layout = ""
    /// How many of its stories carry a byline or a time line under their headline.
    private var signing = ""
    private var layouts: [String: (files: Int, exact: Int, stories: Int, matched: Int)] = [:]

    init(split: String) { showsNames = !split.hasSuffix("heldout") }

    private mutating func count(_ cause: String, _ file: String, shape: String? = nil) {
        counts[cause, default: 0] += 1
        byLayout[cause, default: [:]][layout, default: 0] += 1
        bySigning[cause, default: [:]][signing, default: 0] += 1
        if let shape { byShape[cause, default: [:]][shape, default: 0] += 1 }
        if showsNames, names[cause, default: []].last != file, names[cause, default: []].count < 8 {
            names[cause, default: []].append(file)
        }
    }

    mutating func classify(_ file: FileScore, text: String) {
        layout = StoryMarks.layout(text: text, headlines: file.truth.map(\.headline))
        signing = Self.signing(file.truthStories)
        var row = layouts[layout, default: (0, 0, 0, 0)]
        row.files += 1
        row.exact += file.exact ? 1 : 0
        row.stories += file.truth.count
        row.matched += file.matched
        layouts[layout] = row
        guard !file.exact else { return }
        if let rejection = file.rejection {
            count("file rejected (\(rejection))", file.name)
            return
        }
        if file.found.count > file.truth.count { count("file: more stories than the truth", file.name) }
        if file.found.count < file.truth.count { count("file: fewer stories than the truth", file.name) }

        // Stories found exactly are no one's mistake.
        var unclaimed: [Cut: Int] = [:]
        for cut in file.truth { unclaimed[cut, default: 0] += 1 }
        var foundLeft: [Int] = []
        for (index, cut) in file.found.enumerated() {
            if unclaimed[cut, default: 0] > 0 { unclaimed[cut]! -= 1 } else { foundLeft.append(index) }
        }
        var unmatched: [Cut: Int] = [:]
        for cut in file.found { unmatched[cut, default: 0] += 1 }
        var truthLeft: [Int] = []
        for (index, cut) in file.truth.enumerated() {
            if unmatched[cut, default: 0] > 0 { unmatched[cut]! -= 1 } else { truthLeft.append(index) }
        }

        var pairedTruth = Set<Int>()
        for index in foundLeft {
            let found = file.found[index]
            if let truthIndex = truthLeft.first(where: { file.truth[$0].headline == found.headline && !pairedTruth.contains($0) }) {
                pairedTruth.insert(truthIndex)
                compareBodies(truthIndex, found: found, foundByline: file.bylines[index], in: file)
                continue
            }
            count(falseStoryCause(found.headline, in: file), file.name, shape: LineShape.describe(found.headline))
        }
        for truthIndex in truthLeft where !pairedTruth.contains(truthIndex) {
            let headline = file.truth[truthIndex].headline
            count(missedCause(headline, in: file), file.name, shape: LineShape.describe(headline))
        }
    }

    /// A found story under a truth headline that differs from the truth's story.
    private mutating func compareBodies(_ truthIndex: Int, found: Cut, foundByline: String?, in file: FileScore) {
        let truth = file.truth[truthIndex]
        let story = file.truthStories[truthIndex]
        let written = truth.paragraphs
        let given = found.paragraphs
        if given.count < written.count && Array(written.prefix(given.count)) == given {
            count("story cut short (see the false story after it)", file.name)
            return
        }
        if given.count > written.count && Array(given.prefix(written.count)) == written {
            count("story ran on past its end (see the missed headline)", file.name)
            return
        }
        var causes = Set<String>()
        for (position, paragraph) in written.enumerated() where !given.contains(paragraph) {
            let kind = story.kinds?[safe: position] ?? "line"
            if foundByline.map(Cut.collapsed) == paragraph {
                causes.insert("body: a \(kind) taken for the byline")
            } else if given.contains(where: { $0.count > paragraph.count && $0.contains(paragraph) }) {
                causes.insert("body: a \(kind) joined to another paragraph")
            } else if given.contains(where: { $0.count < paragraph.count && paragraph.hasPrefix($0) }) {
                causes.insert("body: a \(kind) cut in two")
            } else if given.contains(where: { $0 == paragraph.replacingOccurrences(of: "\n", with: " ") }) {
                causes.insert("body: a table read as prose")
            } else {
                causes.insert("body: a \(kind) lost or changed")
            }
        }
        for paragraph in given where !written.contains(paragraph) {
            if story.byline.map(Cut.collapsed) == paragraph {
                causes.insert("body: the byline kept as a paragraph")
            } else if story.credits?.contains(where: { Cut.collapsed($0) == paragraph }) == true {
                causes.insert("body: a credit kept as a paragraph")
            } else if file.truth.contains(where: { $0.headline == paragraph }) {
                causes.insert("body: another story's headline inside")
            } else if !written.contains(where: { $0.contains(paragraph) || paragraph.contains($0) }) {
                causes.insert("body: a paragraph not in the truth")
            }
        }
        if causes.isEmpty { causes.insert("body: paragraphs differ otherwise") }
        for cause in causes { count(cause, file.name) }
    }

    /// A found story whose headline heads no truth story left.
    private func falseStoryCause(_ headline: String, in file: FileScore) -> String {
        for (story, cut) in zip(file.truthStories, file.truth) {
            let paragraphs = cut.paragraphs
            if let position = paragraphs.firstIndex(of: headline) {
                let kind = story.kinds?[safe: position] ?? "line"
                let place = position == 0 ? "first" : position == paragraphs.count - 1 ? "last" : "inside"
                return "false split at a \(kind) (\(place) of its story)"
            }
            if story.byline.map(Cut.collapsed) == headline { return "false split at a byline" }
            if story.credits?.contains(where: { Cut.collapsed($0) == headline }) == true {
                return "false split at a credit"
            }
        }
        if file.truth.contains(where: { headline.count > $0.headline.count && headline.hasPrefix($0.headline) }) {
            return "false: a headline joined with the line under it"
        }
        if file.truth.contains(where: { $0.paragraphs.contains { $0.hasPrefix(headline) } }) {
            return "false split at the first line of a paragraph"
        }
        if file.truth.contains(where: { $0.paragraphs.contains { $0.contains(headline) } }) {
            return "false split inside a paragraph"
        }
        return "false story: other"
    }

    /// A truth headline that heads no found story.
    private func missedCause(_ headline: String, in file: FileScore) -> String {
        for (index, found) in file.found.enumerated() {
            if let position = found.paragraphs.firstIndex(of: headline) {
                return position == 0
                    ? "missed headline, read as the first paragraph of its story"
                    : "missed headline, read inside another story (stories joined)"
            }
            if file.bylines[index].map(Cut.collapsed) == headline { return "missed headline, read as a byline" }
        }
        if file.found.contains(where: { $0.headline.count > headline.count && $0.headline.contains(headline) }) {
            return "missed headline, part of a longer headline"
        }
        if file.found.contains(where: { $0.paragraphs.contains { $0.contains(headline) } }) {
            return "missed headline, joined into a paragraph"
        }
        return "missed headline, other"
    }

    func report(split: String) {
        print("Mistakes of \(split) by cause\(showsNames ? " (a few files each, for --show)" : " (counts only)")")
        for (cause, total) in Self.sorted(counts) {
            let files = showsNames ? "  " + names[cause, default: []].joined(separator: " ") : ""
            print(String(total).padding(toLength: 5, withPad: " ", startingAt: 0) + cause + files)
            print("       by layout: " + Self.sorted(byLayout[cause, default: [:]]).map { "\($0.key) \($0.value)" }.joined(separator: "; "))
            if bySigning[cause]?.keys.contains(where: { !$0.isEmpty }) == true {
                print(
                    "       by heads: "
                        + Self.sorted(bySigning[cause, default: [:]]).map { "\($0.key) \($0.value)" }.joined(separator: "; "))
            }
            if let shapes = byShape[cause] {
                let top = Self.sorted(shapes).prefix(5).map { "\($0.key) \($0.value)" }
                print("       by shape: " + top.joined(separator: "; ") + (shapes.count > 5 ? "; …" : ""))
            }
        }
        print("Files of \(split) by how they mark their stories: files cut exactly, story occurrences found")
        for (layout, row) in layouts.sorted(by: { $0.value.files > $1.value.files || $0.value.files == $1.value.files && $0.key < $1.key })
        {
            print("     \(layout): \(row.exact)/\(row.files) files, \(row.matched)/\(row.stories) stories")
        }
    }

    /// Whether the file's stories carry a byline or a time line under their headlines (the
    /// independent corpus's truth says; the first corpus's does not): all, some or none of them.
    private static func signing(_ stories: [TruthStory]) -> String {
        guard stories.contains(where: { $0.kinds != nil }) else { return "" }
        let signed = stories.count { $0.byline != nil || $0.kinds?.prefix(3).contains("time") == true }
        return signed == stories.count ? "every story signed" : signed == 0 ? "no story signed" : "some stories signed"
    }

    private static func sorted(_ counts: [String: Int]) -> [(key: String, value: Int)] {
        counts.sorted { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// A line's shape in a few words: its case, how it ends, how long it is.
enum LineShape {
    static func describe(_ line: String) -> String {
        let words = line.split(separator: " ")
        let letters = line.unicodeScalars.filter { $0.properties.isAlphabetic }
        let cased = letters.filter { $0.properties.isUppercase || $0.properties.isLowercase }
        var parts: [String] = []
        if cased.isEmpty {
            parts.append("caseless")
        } else if cased.allSatisfy({ $0.properties.isUppercase }) {
            parts.append("capitals")
        } else if let first = cased.first, first.properties.isLowercase {
            parts.append("lower case")
        } else {
            let long = words.filter { $0.count >= 4 }
            let capitalized = long.filter { $0.unicodeScalars.first { $0.properties.isAlphabetic }?.properties.isUppercase == true }
            parts.append(long.count >= 2 && capitalized.count * 4 >= long.count * 3 ? "title case" : "sentence case")
        }
        if let last = line.unicodeScalars.last {
            switch last {
            case ".", "。": parts.append("full stop")
            case "?", "？", "!", "！": parts.append("? or !")
            case ":", "：": parts.append("colon")
            default: break
            }
        }
        // A sentence ended inside the line: "Statement. Question?"
        let inner = line.dropLast()
        if [". ", "? ", "! "].contains(where: { inner.contains($0) }) { parts.append("two sentences") }
        parts.append(words.count <= 3 ? "≤3 words" : words.count <= 8 ? "4–8 words" : words.count <= 15 ? "9–15 words" : ">15 words")
        return parts.joined(separator: ", ")
    }
}

/// How a file marks its stories, read from its text and the truth's headlines: the blank
/// lines above each headline after the first against those between the other blocks.
enum StoryMarks {
    static func layout(text: String, headlines: [String]) -> String {
        guard headlines.count >= 2 else { return "one story" }
        // The non-blank lines, each with the blank lines above it.
        var lines: [(gap: Int, text: String)] = []
        var gap = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let collapsed = Cut.collapsed(line)
            if collapsed.isEmpty {
                gap += 1
            } else {
                lines.append((gap, collapsed))
                gap = 0
            }
        }
        var cursor = 1
        var headlineGaps: [Int] = []
        var separated = 0
        var tight = 0
        var headlineLines = Set<Int>()
        for headline in headlines.dropFirst() {
            // The headline's line, or its first where it wraps.
            guard
                let at = lines[min(cursor, lines.count)...].firstIndex(where: { line in
                    line.text == headline || line.text.count >= 12 && headline.hasPrefix(line.text)
                })
            else { continue }
            headlineLines.insert(at)
            headlineGaps.append(min(lines[at].gap, 3))
            if isSeparator(lines[at - 1].text) { separated += 1 }
            if at + 1 < lines.count && lines[at + 1].gap == 0 && lines[at].text == headline { tight += 1 }
            cursor = at + 1
        }
        guard !headlineGaps.isEmpty else { return "headlines not found in the text" }
        if separated * 2 >= headlineGaps.count { return "separator lines" }
        // The commonest gap above a block that no headline or separator opens.
        var others = [0, 0, 0, 0]
        for index in lines.indices.dropFirst()
        where lines[index].gap > 0 && !headlineLines.contains(index) && !isSeparator(lines[index - 1].text) {
            others[min(lines[index].gap, 3)] += 1
        }
        var paragraphGap = 0  // a file without blank lines
        for gap in 1...3 where others[gap] > others[paragraphGap] { paragraphGap = gap }
        let wider = headlineGaps.count { $0 > paragraphGap }
        let kind = wider * 2 >= headlineGaps.count ? "a wider gap" : "the paragraph gap alone"
        return kind + (tight * 2 >= headlineGaps.count ? ", headlines tight on their text" : "")
    }

    /// A line of rule characters alone ("----", "* * *", "===").
    private static func isSeparator<S: StringProtocol>(_ line: S) -> Bool {
        line.count >= 3 && line.allSatisfy { "-=*_#~+ ".contains($0) }
    }
}
