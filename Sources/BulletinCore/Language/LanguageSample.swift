/// A story's language, as the language model (CLD2) reads its headline and first body bytes.
///
/// The sample is short because identification runs once per story on the loading side of every
/// back-fill; a few hundred bytes of prose are enough for CLD2 in every language it knows.
/// "und" only when the model finds no language at all, or only a guess on a few letters.
struct LanguageSample {
    static let sampleBytes = 384
    /// Letters below which an unreliable guess is no guess.
    static let minimumGuessBytes = 24

    private var bytes: [UInt8] = []

    init(headline: String) {
        bytes.reserveCapacity(Self.sampleBytes + 4)
        var headline = headline
        headline.withUTF8 { append(UnsafeBufferPointer(rebasing: $0.prefix(Self.sampleBytes))) }
    }

    var wantsMore: Bool { bytes.count < Self.sampleBytes }

    mutating func add(_ block: ArraySlice<UInt8>) {
        bytes.append(0x0A)
        block.prefix(Self.sampleBytes - bytes.count).withUnsafeBufferPointer { append($0) }
    }

    /// Appends whole scalars only: the model reads valid UTF-8, and a cut may fall inside one.
    private mutating func append(_ part: UnsafeBufferPointer<UInt8>) {
        var end = part.count
        var lead = end
        while lead > 0 && part[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
        if lead > 0 && part[lead - 1] >= 0xC0 {
            let first = part[lead - 1]
            let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
            if end - (lead - 1) < length { end = lead - 1 }
        }
        bytes.append(contentsOf: part[..<end])
    }

    /// What the model reads.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    var tag: String {
        bytes.withUnsafeBufferPointer { EnglishShortcut.isEnglish($0) ? "en" : Self.tag(of: LanguageModel.verdict($0)) }
    }

    static func tag(of verdict: LanguageVerdict) -> String {
        guard let best = verdict.best else { return "und" }
        if !verdict.isReliable && verdict.textBytes < minimumGuessBytes { return "und" }
        return best.tag
    }
}
