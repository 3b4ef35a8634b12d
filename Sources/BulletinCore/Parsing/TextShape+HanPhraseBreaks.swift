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
    private static func isHanOrKana(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: true
        default: false
        }
    }
}
