extension TextShape {
    /// Whether the "!" or "?" at `index`, with a space after it, parts the two phrases of a
    /// Chinese or Japanese headline rather than two sentences: "龍騰蛇舞慶新年! 南瀛綠都心、永康公園
    /// 妝點花藝邀走春" (a Tainan City Government release). Prose in these scripts runs its sentences
    /// on without a space ("…結果に！とはいえ…"); a space between two marks of them is how headlines
    /// set a phrase apart. So a mark between a Han or kana character and a space before another
    /// is no boundary. Korean is not among them: it spaces its words, and its sentences too.
    /// Two scalars read, only where a boundary was found.
    static func partsHanPhrases(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        guard index + 2 < bytes.endIndex, let (before, _) = ByteScalars.lastScalar(in: bytes, before: index) else { return false }
        return isHanOrKana(before) && isHanOrKana(ByteScalars.scalar(in: bytes, at: index + 2).0)
    }

    /// CJK ideographs (with extension A and the compatibility block) and Japanese kana.
    static func isHanOrKana(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: true
        default: false
        }
    }
}

extension TextShape {
    /// A question in Chinese or Japanese that another sentence runs into on the same line:
    /// "她所有的精力都是從哪兒來的？或者，那種能引發衝擊波的吼聲是從哪兒來的？" (PUD's news, "Where does all
    /// her energy come from? Or …"). Prose in these scripts runs its sentences on with no space,
    /// so a "？", "！" or "。" right before a Han or kana character closes a sentence when the line
    /// ends in a question too: two sentences, a paragraph. A headline may part its phrases with
    /// such a mark ("台南觀光怎可少了夜市？台南人流行一句口訣", a Tainan City Government release), but
    /// then it ends open, not asking. Asked only of a caseless line ending in a question.
    var asksAfterAnotherSentence: Bool {
        guard ending == .question else { return false }
        var index = bytes.startIndex
        while index + 3 < bytes.endIndex {
            let (scalar, length) = ByteScalars.scalar(in: bytes, at: index)
            index += length
            guard scalar == "\u{FF1F}" || scalar == "\u{FF01}" || scalar == "\u{3002}" || scalar == "?" || scalar == "!"
            else { continue }
            guard index < bytes.endIndex, let (before, _) = ByteScalars.lastScalar(in: bytes, before: index - length)
            else { continue }
            if Self.isHanOrKana(before) && Self.isHanOrKana(ByteScalars.scalar(in: bytes, at: index).0) { return true }
        }
        return false
    }
}
