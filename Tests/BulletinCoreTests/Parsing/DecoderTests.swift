import Testing

@testable import BulletinCore

@Suite("Byte decoding")
struct DecoderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var text: String
        var encoding: SourceEncoding
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "plain UTF-8", bytes: Array("Caf\u{E9} \u{201C}ok\u{201D}".utf8),
            text: "Caf\u{E9} \u{201C}ok\u{201D}", encoding: .utf8),
        Case(name: "UTF-8 BOM is removed", bytes: [0xEF, 0xBB, 0xBF, 0x41], text: "A", encoding: .utf8BOM),
        Case(name: "UTF-16LE BOM", bytes: [0xFF, 0xFE, 0x41, 0x00, 0xE9, 0x00], text: "A\u{E9}", encoding: .utf16LE),
        Case(name: "UTF-16BE BOM", bytes: [0xFE, 0xFF, 0x00, 0x41, 0x20, 0xAC], text: "A\u{20AC}", encoding: .utf16BE),
        Case(
            name: "UTF-16LE surrogate pair", bytes: [0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE], text: "\u{1F600}",
            encoding: .utf16LE),
        Case(
            name: "UTF-16 odd trailing byte", bytes: [0xFF, 0xFE, 0x41, 0x00, 0x42], text: "A\u{FFFD}",
            encoding: .utf16LE),
        Case(
            name: "UTF-16 lone surrogate", bytes: [0xFE, 0xFF, 0xD8, 0x00, 0x00, 0x41], text: "\u{FFFD}A",
            encoding: .utf16BE),
        Case(
            name: "UTF-16LE without BOM",
            bytes: Array("Hello, world".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            text: "Hello, world", encoding: .utf16LE),
        Case(
            name: "Windows-1252 quotes and euro", bytes: [0x93, 0x80, 0x35, 0x94, 0x20, 0xE9, 0x97],
            text: "\u{201C}\u{20AC}5\u{201D} \u{E9}\u{2014}", encoding: .windows1252),
        Case(name: "empty", bytes: [], text: "", encoding: .utf8),
    ]

    @Test(arguments: cases)
    func decodes(_ example: Case) throws {
        let decoded = try BulletinDecoder.decode(example.bytes)
        #expect(decoded.text == example.text)
        #expect(decoded.encoding == example.encoding)
    }

    @Test func encodingNamesAreTheIANAOnes() {
        for encoding in SourceEncoding.allCases {
            #expect(encoding.rawValue == encoding.rawValue.lowercased())
        }
        #expect(SourceEncoding(rawValue: "koi8-r") == .koi8R)
        #expect(SourceEncoding(rawValue: "windows-1256") == .windows1256)
    }
}
