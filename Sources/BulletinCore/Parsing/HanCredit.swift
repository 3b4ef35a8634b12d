/// The writer's credit with which Chinese news closes its text: a full-width parenthesis at the
/// end of the last line naming the writer by role (Xinhua: "…才有这座英雄的城！（评论员 罗博 萧海川）";
/// also reporter, correspondent or editor: "（记者 …）", "（责任编辑：…）"). A line that ends so
/// closes its story: no headline credits its writer, and its closing "！" or "？" makes it look
/// like one where letter case cannot tell (`HeadlineShape.looksLikeHeadline`).
enum HanCredit {
    /// The roles a credit opens with, in simplified and traditional characters: reporter,
    /// commentator, correspondent, editor, editor in charge.
    private static let roles: [String] = ["记者", "記者", "评论员", "評論員", "通讯员", "通訊員", "编辑", "編輯", "责任编辑", "責任編輯"]
        .map { "\u{FF08}" + $0 }

    /// Whether `bytes` ends with "）" and the parenthesis it closes opens with a role. The last
    /// three bytes rule out nearly every line.
    static func closesWithCredit(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 9, bytes[bytes.endIndex - 3] == 0xEF, bytes[bytes.endIndex - 2] == 0xBC,
            bytes[bytes.endIndex - 1] == 0x89
        else { return false }
        // The opening "（" (EF BC 88) of the last parenthesis, looked for within a credit's length.
        var index = bytes.endIndex - 3
        let floor = max(bytes.startIndex, bytes.endIndex - 120)
        while index - 3 >= floor {
            index -= 1
            guard bytes[index] == 0x88, bytes[index - 1] == 0xBC, bytes[index - 2] == 0xEF else { continue }
            let opening = bytes[(index - 2)...]
            return roles.contains { opening.starts(with: $0.utf8) }
        }
        return false
    }
}
