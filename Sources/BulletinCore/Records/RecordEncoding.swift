extension StoryRecord {
    /// The record as one JSON Lines line, `\n` included, with the fields in a fixed, readable order.
    ///
    /// Hand-written rather than `JSONEncoder`: it is on the hot path, and the key order and the
    /// explicit `null`s (`byline`, `dateline` of a story) are part of what users see.
    public func encodedLine() -> String {
        var json = JSONObjectWriter()
        json.field("schema", string: schema)
        json.field("kind", string: kind.rawValue)
        json.field("id", string: id)
        json.field("received_at", string: receivedAt)
        var ref = JSONObjectWriter()
        ref.field("file", string: bulletin.file)
        ref.field("sha256", string: bulletin.sha256)
        ref.field("index", integer: bulletin.index)
        if let stories = bulletin.stories { ref.field("stories", integer: stories) }
        if let encoding = bulletin.encoding { ref.field("encoding", string: encoding) }
        json.field("bulletin", raw: ref.finished())
        json.field("headline", string: headline)
        switch kind {
        case .story:
            json.field("body_text", string: bodyText ?? "")
            json.field("byline", optionalString: byline)
            json.field("dateline", optionalString: dateline)
            json.field("sources", strings: sources ?? [])
            json.field("language", string: language ?? "und")
            json.field("word_count", integer: wordCount ?? 0)
        case .duplicate:
            json.field("duplicate_of", string: duplicateOf ?? "")
            json.field("match", string: match ?? "exact")
            json.field("similarity", number: similarity ?? 1)
            if let bodyText { json.field("body_text", string: bodyText) }
        }
        return json.finished() + "\n"
    }
}

/// Builds one JSON object, field by field.
struct JSONObjectWriter {
    private var text = "{"
    private var first = true

    mutating func field(_ key: String, string value: String) { field(key, raw: Self.quoted(value)) }
    mutating func field(_ key: String, integer value: Int) { field(key, raw: String(value)) }
    mutating func field(_ key: String, optionalString value: String?) { field(key, raw: value.map(Self.quoted) ?? "null") }
    mutating func field(_ key: String, strings values: [String]) {
        field(key, raw: "[" + values.map(Self.quoted).joined(separator: ",") + "]")
    }
    /// Rounded to four decimals: more digits would only be noise of the estimate.
    mutating func field(_ key: String, number value: Double) {
        let rounded = (value * 10_000).rounded() / 10_000
        field(key, raw: rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded))
    }
    mutating func field(_ key: String, raw value: String) {
        if !first { text += "," }
        first = false
        text += Self.quoted(key) + ":" + value
    }
    func finished() -> String { text + "}" }

    /// A JSON string literal: quotes, backslashes and control characters escaped; the rest as UTF-8.
    static func quoted(_ value: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(value.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
