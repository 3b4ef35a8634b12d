/// The byte encoding a bulletin file was read as; recorded so a reader can tell a
/// Windows-1252 fallback from a clean UTF-8 file.
public enum SourceEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"
}
