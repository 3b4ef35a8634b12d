public enum SourceEncoding: String, Sendable, Codable { case utf8 = "utf-8", utf8BOM = "utf-8-bom", utf16LE = "utf-16le", utf16BE = "utf-16be", windows1252 = "windows-1252" }
public struct DecodedBulletin: Sendable { public let text: String; public let encoding: SourceEncoding }

/// Placeholder decoder: UTF-8 only.
public enum BulletinDecoder {
    public static func decode(_ bytes: [UInt8]) -> DecodedBulletin {
        DecodedBulletin(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8)
    }
}
