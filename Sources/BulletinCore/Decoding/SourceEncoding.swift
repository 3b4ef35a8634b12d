/// The byte encoding a bulletin file was read as, recorded in `bulletin.encoding`, and the
/// values `inbox.encoding` accepts. Names are the IANA ones, lower case.
package enum SourceEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1250 = "windows-1250"
    case windows1251 = "windows-1251"
    case windows1252 = "windows-1252"
    case windows1253 = "windows-1253"
    case windows1254 = "windows-1254"
    case windows1255 = "windows-1255"
    case windows1256 = "windows-1256"
    case windows1257 = "windows-1257"
    case iso8859_1 = "iso-8859-1"
    case iso8859_2 = "iso-8859-2"
    case iso8859_5 = "iso-8859-5"
    case iso8859_6 = "iso-8859-6"
    case iso8859_7 = "iso-8859-7"
    case iso8859_8 = "iso-8859-8"
    case iso8859_9 = "iso-8859-9"
    case iso8859_13 = "iso-8859-13"
    case iso8859_15 = "iso-8859-15"
    case koi8R = "koi8-r"
    case koi8U = "koi8-u"
    case ibm866 = "ibm866"
    case gb18030 = "gb18030"
    case big5 = "big5"
    case shiftJIS = "shift_jis"
    case eucJP = "euc-jp"
    case eucKR = "euc-kr"

    /// The name ICU's converter knows it by (nil for the Unicode forms, decoded natively).
    var converterName: String? {
        switch self {
        case .utf8, .utf8BOM, .utf16LE, .utf16BE: nil
        // Big5 as Windows writes it (code page 950), the superset feeds actually send.
        case .big5: "windows-950"
        // Unified Hangul Code, the superset of EUC-KR that Korean Windows writes.
        case .eucKR: "windows-949"
        default: rawValue
        }
    }

    /// One byte per character: these mis-read each other silently, so the decoder weighs
    /// every one of a script's code pages against the others.
    var isSingleByte: Bool {
        switch self {
        case .utf8, .utf8BOM, .utf16LE, .utf16BE, .gb18030, .big5, .shiftJIS, .eucJP, .eucKR: false
        default: true
        }
    }

    /// Code pages with the same letters in the same places but a few (Windows' and ISO's for
    /// one script, KOI8-R and KOI8-U): byte statistics cannot tell them apart, the text can.
    var twins: [SourceEncoding] {
        switch self {
        case .windows1252, .iso8859_1, .iso8859_15: [.windows1252, .iso8859_1, .iso8859_15]
        case .windows1250, .iso8859_2: [.windows1250, .iso8859_2]
        case .windows1254, .iso8859_9: [.windows1254, .iso8859_9]
        case .windows1253, .iso8859_7: [.windows1253, .iso8859_7]
        case .windows1256, .iso8859_6: [.windows1256, .iso8859_6]
        case .windows1255, .iso8859_8: [.windows1255, .iso8859_8]
        case .windows1257, .iso8859_13: [.windows1257, .iso8859_13]
        case .koi8R, .koi8U: [.koi8R, .koi8U]
        default: [self]
        }
    }

    /// Other code pages of the same script, with the letters elsewhere (cp1251, KOI8 and cp866;
    /// GB18030 and Big5; Turkish and Western European): byte statistics tell these apart, but
    /// detectors still confuse them on short texts.
    var cousins: [SourceEncoding] {
        switch self {
        case .windows1251, .koi8R, .koi8U, .ibm866, .iso8859_5: [.windows1251, .koi8R, .koi8U, .ibm866, .iso8859_5]
        case .windows1254, .iso8859_9: [.windows1252]
        case .gb18030, .big5: [.gb18030, .big5]
        default: []
        }
    }

    /// Which name a text that several code pages read alike is given: Windows-1252, then
    /// the other Windows code pages, then the rest.
    var namePreference: Int {
        if self == .windows1252 { return 2 }
        return rawValue.hasPrefix("windows-") ? 1 : 0
    }

    /// The legacy encodings a detector may name, by the names ICU and uchardet use.
    init?(detectorName name: String) {
        let lowered = name.lowercased()
        switch lowered {
        case "gbk", "gb2312", "gb18030", "hz-gb-2312", "euc-cn": self = .gb18030
        case "big5", "big5-hkscs", "euc-tw": self = .big5
        case "uhc", "cp949", "windows-949", "euc-kr": self = .eucKR
        case "cp866", "ibm866": self = .ibm866
        case "shift_jis", "cp932", "windows-31j": self = .shiftJIS
        case "iso-8859-8-i": self = .iso8859_8
        case "ascii", "utf-8", "utf-16be", "utf-16le", "utf-32be", "utf-32le": return nil
        default:
            guard let encoding = SourceEncoding(rawValue: lowered), encoding.converterName != nil else { return nil }
            self = encoding
        }
    }
}
