extension TextShape {
    /// "01.06.", "1.2.": digits and dots alone, a date or a section number written the European
    /// way. At a line's end its last dot closes the sentence, as after any number: it is not an
    /// initialism ("U.S.") whose dot belongs to the word (Leipzig Ukrainian, "…вручено 01.06.").
    static func isDottedNumber(_ word: ArraySlice<UInt8>) -> Bool {
        word.contains { $0 >= 0x30 && $0 <= 0x39 } && word.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
    }
}
