extension TextShape {
    /// Whether the mark at `index` sits inside a quotation that closes later on the line:
    /// `Amerikalı, "Andy'yi tebrik etmek zorundayım! Dünyada bir numara olmak …!" dedi` is one
    /// sentence, whose speaker's exclamations are the quote's own. Straight double quotes open
    /// and close in turn; “ „ « open, ” » close, and “ closes one that „ opened (German).
    /// Looked at only once a boundary is found, so lines without one pay nothing.
    static func isInsideQuotation(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        var open: Unicode.Scalar?  // the mark that opened the quotation `index` is in
        var position = bytes.startIndex
        while position < index {
            let (scalar, length) = ByteScalars.scalar(in: bytes, at: position)
            switch scalar {
            case "\"": open = open == "\"" ? nil : (open ?? "\"")
            case "\u{201C}": open = open == "\u{201E}" ? nil : (open ?? scalar)
            case "\u{201E}", "\u{AB}": open = open ?? scalar
            case "\u{201D}", "\u{BB}": open = nil
            default: break
            }
            position += length
        }
        guard let open else { return false }
        while position < bytes.endIndex {
            let (scalar, length) = ByteScalars.scalar(in: bytes, at: position)
            switch scalar {
            case "\"": if open == "\"" { return true }
            case "\u{201C}": if open == "\u{201E}" { return true }
            case "\u{201D}", "\u{BB}": if open != "\"" { return true }
            default: break
            }
            position += length
        }
        return false
    }
}
