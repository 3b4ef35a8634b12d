import Foundation
import Testing

@testable import BulletinCore

/// Legacy code pages, detected: two stories of real news text (Tests/LangCorpus) in each code
/// page the multilingual corpus uses, written by Python's codecs.
@Suite("Legacy code pages")
struct LegacyDecodingTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/encodings")

    static let samples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }()

    static func bytes(_ sample: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(sample + ".txt")))
    }

    static func text(_ sample: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(sample + ".utf8"), encoding: .utf8)
    }

    /// Two mappings of a few CJK bytes are in use (the national standards', Python's, and
    /// Windows', ICU's): both are right, and compatibility folding makes them equal.
    static func comparable(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
        return String(String.UnicodeScalarView(folded.unicodeScalars.map { $0 == "\u{301C}" ? "~" : $0 }))
    }

    @Test func everyCodePageOfTheCorpusHasASample() {
        #expect(Self.samples.count >= 30)
        let written = Set(Self.samples.map { String($0.split(separator: ".", maxSplits: 1)[1]) })
        for name in [
            "koi8-r", "koi8-u", "ibm866", "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
            "windows-1256", "iso-8859-1", "iso-8859-2", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-9", "iso-8859-15",
            "gb18030", "big5", "shift_jis", "euc-jp", "euc-kr",
        ] {
            #expect(written.contains(name), "no sample in \(name)")
        }
    }

    @Test("each sample reads as written, and under its own name where its bytes tell", arguments: samples)
    func readsAsWritten(_ sample: String) throws {
        let decoded = try BulletinDecoder.decode(try Self.bytes(sample))
        #expect(Self.comparable(decoded.text) == Self.comparable(try Self.text(sample)))
        let written = try #require(SourceEncoding(rawValue: String(sample.split(separator: ".", maxSplits: 1)[1])))
        // Latin-1, ISO-8859-15 and Windows-1252 without the bytes they differ in are one text.
        let readings = Set(written.twins.compactMap { try? CodePage.decode(try Self.bytes(sample)[...], as: $0).get() })
        if readings.count == written.twins.count {
            #expect(decoded.encoding == written)
        }
    }

    @Test func aPinnedCodePageIsUsedWithoutDetection() throws {
        let bytes = try Self.bytes("ru.koi8-r")
        let pinned = try BulletinDecoder(pinned: .koi8R).decode(bytes)
        #expect(pinned.encoding == .koi8R)
        #expect(pinned.text == (try Self.text("ru.koi8-r")))
        // The user's word is taken even where detection would disagree: KOI8-R bytes in cp1251.
        let misread = try BulletinDecoder(pinned: .windows1251).decode(bytes)
        #expect(misread.encoding == .windows1251)
        #expect(misread.text != pinned.text)
    }

    @Test func aPinnedCodePageThatCannotReadTheBytesRejectsTheFile() throws {
        #expect {
            try BulletinDecoder(pinned: .shiftJIS).decode(try Self.bytes("ko.euc-kr"))
        } throws: { error in
            let rejection = error as? BulletinRejection
            return rejection?.reason == .undecodable && rejection?.detail.contains("pinned to shift_jis") == true
                && rejection?.detail.contains("at offset") == true
        }
        #expect(throws: BulletinRejection.self) { try BulletinDecoder(pinned: .utf8).decode([0x41, 0xE9, 0x42]) }
    }

    @Test func unicodeStillWinsOverAPinnedCodePage() throws {
        let utf8 = Array("Привет, мир: новости дня".utf8)
        #expect(try BulletinDecoder(pinned: .windows1251).decode(utf8).encoding == .utf8)
        #expect(try BulletinDecoder(pinned: .koi8R).decode([0xEF, 0xBB, 0xBF, 0x41]).encoding == .utf8BOM)
    }

    @Test func bytesNoCodePageReadsAsTextAreRejected() {
        // Deterministic noise in the high half: every single-byte code page maps it, none to text.
        var state: UInt32 = 12345
        let noise = (0..<2000).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(0x80 | (state >> 16) & 0x7F)
        }
        #expect {
            try BulletinDecoder.decode(noise)
        } throws: { error in
            (error as? BulletinRejection)?.reason == .undecodable
        }
    }

    @Test func aZeroByteOutsideUTF16IsBinary() {
        #expect {
            try BulletinDecoder.decode([0x41, 0xE9, 0x00, 0x42, 0x43])
        } throws: { error in
            (error as? BulletinRejection)?.reason == .binary
        }
    }

    @Test func tooLittleTextToTellIsReadAsWindows1252() throws {
        let decoded = try BulletinDecoder.decode([0x93, 0x80, 0x35, 0x94, 0x20, 0xE9, 0x97])
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text == "\u{201C}\u{20AC}5\u{201D} \u{E9}\u{2014}")
    }

    @Test func latin9IsToldFromLatin1ByItsLettersAndItsEuro() throws {
        // "Le cœur de l'œuvre coûte 20 €" and more French prose, in ISO-8859-15.
        let text = String(
            repeating: "Le c\u{153}ur de l'\u{153}uvre co\u{FB}te 20 \u{20AC} selon le minist\u{E8}re, qui a publi\u{E9} ses comptes. ",
            count: 6)
        let bytes = text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar.value {
            case 0x153: 0xBD
            case 0x20AC: 0xA4
            default: UInt8(scalar.value)
            }
        }
        let decoded = try BulletinDecoder.decode(bytes)
        #expect(decoded.text == text)
        #expect(decoded.encoding == .iso8859_15)
    }

    @Test func aStrictReadingStopsAtTheFirstByteTheCodePageLacks() {
        // 0xAE is no character of ISO-8859-7.
        guard case .failure(let failure) = CodePage.decode([0x41, 0x42, 0xAE, 0x43][...], as: .iso8859_7) else {
            Issue.record("0xAE read as a character of iso-8859-7")
            return
        }
        #expect(failure.offset == 2)
        // Windows code pages map their few unassigned bytes to the C1 control of the same
        // value, as browsers do: a reading with them loses to any reading without.
        #expect((try? CodePage.decode([0x41, 0x98][...], as: .windows1251).get()) == "A\u{98}")
    }

    @Test func theTraitsTableAnswersAsTheUnicodePropertiesDo() {
        var differing: [UInt32] = []
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if ScalarTraits.of(scalar) != ScalarTraits.lookedUp(scalar) { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        // A few answers, spelled out: a capital, a small Cyrillic letter, an Arabic haraka that
        // is alphabetic, a combining accent that continues a word, a fraction that is a symbol.
        #expect(ScalarTraits.of("A") == [.alphabetic, .uppercase])
        #expect(ScalarTraits.of("я") == [.alphabetic, .lowercase])
        #expect(ScalarTraits.of("\u{064E}").contains(.alphabetic))
        #expect(ScalarTraits.of("\u{0301}") == [.continuesWord])
        #expect(ScalarTraits.of("½") == [.symbol])
        #expect(ScalarTraits.of(" ") == [])
    }
}
