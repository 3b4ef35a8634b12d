/// A line that is a quotation closing a sentence is speech inside a story, never its headline:
/// "“妈妈，为什么还不能出去？”" and the mother's answer under it, the lines of a dialogue a
/// reporter quotes. Its shape alone reads as a headline where the script has no letter case (a
/// question or exclamation there may end one: `HeadlineShape.looksLikeHeadline`), and each line
/// of the dialogue would open a story of its own. A headline quotes a phrase and says who said
/// it, or leaves its quotation without the sentence's end inside the marks: no headline of
/// either tuning corpus opens with a quotation mark and ends in sentence punctuation within one
/// (1,825 and 996 stories), while 295 of their paragraphs do. The line opens with a quotation
/// mark and either closes it right after a full stop, a question or an exclamation mark, or ends
/// in one with the quotation still open (its speech goes on in the next line:
/// "“妈妈，什么时候才能回我们自己的家？"). Asked of each headline-shaped line once, from its
/// ends (the open quotation alone is looked for through the line).
extension LayoutJudge {
    /// `parts` with the headline-shaped lines that are quoted speech turned into paragraphs.
    static func demotingQuotedSpeech(_ parts: [Part]) -> [Part] {
        var result = parts
        for index in parts.indices {
            guard case .headline(let text) = parts[index], isQuotedSpeech(text) else { continue }
            result[index] = .paragraph(ParagraphBytes(Array(text.utf8)))
        }
        return result
    }

    static func isQuotedSpeech(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let closing = closingMark(opening: first), let last = scalars.last else {
            return false
        }
        let lastIndex = scalars.index(before: scalars.endIndex)
        guard lastIndex > scalars.startIndex else { return false }
        let penultimate = scalars[scalars.index(before: lastIndex)]
        if last == closing || (last == "\u{201D}" && first == "\u{201C}") {
            return endsSentence(penultimate)
        }
        // Still open: the speech ends its sentence at the line's end and goes on below.
        guard endsSentence(last), first != "\"" else { return false }
        return !scalars.dropFirst().contains(closing)
    }

    /// The mark that closes a quotation opened by `opening`, for the marks a quotation opens with.
    private static func closingMark(opening: Unicode.Scalar) -> Unicode.Scalar? {
        switch opening {
        case "\u{201C}": "\u{201D}"  // “ ”
        case "\u{201E}": "\u{201C}"  // „ “
        case "\u{00AB}": "\u{00BB}"  // « »
        case "\u{300C}": "\u{300D}"  // 「 」
        case "\u{300E}": "\u{300F}"  // 『 』
        case "\"": "\""
        default: nil
        }
    }

    /// A full stop, question or exclamation mark, ideographic or fullwidth, or an ellipsis.
    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "?", "!", "\u{3002}", "\u{FF1F}", "\u{FF01}", "\u{2026}": true
        default: false
        }
    }
}
