extension StoryRecord {
    /// The record as one JSON Lines line, `\n` included, with the fields in a fixed, readable order.
    package func encodedLine() -> String {
        var bytes: [UInt8] = []
        encodeLine(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// About the size of the record's line (more when its text needs escapes): enough to
    /// reserve a bulletin's buffer once instead of growing it record by record.
    package var estimatedLineSize: Int {
        headline.utf8.count + (bodyText?.utf8.count ?? 0) + bulletin.file.utf8.count + 512
    }

    /// Appends the record's line to `bytes`: the store writes a bulletin's lines from one buffer.
    ///
    /// Hand-written rather than `JSONEncoder`: it is on the hot path (a back-fill encodes
    /// gigabytes), and the key order and the explicit `null`s (`byline`, `dateline` of a story)
    /// are part of what users see.
    package func encodeLine(into bytes: inout [UInt8]) {
        var json = JSONObjectWriter(appendingTo: &bytes)
        json.field("schema", string: schema)
        json.field("kind", string: kind.rawValue)
        json.field("id", string: id)
        json.field("received_at", string: receivedAt)
        json.beginObject("bulletin")
        json.field("file", string: bulletin.file)
        json.field("sha256", string: bulletin.sha256)
        json.field("index", integer: bulletin.index)
        if let stories = bulletin.stories { json.field("stories", integer: stories) }
        if let encoding = bulletin.encoding { json.field("encoding", string: encoding) }
        json.endObject()
        json.field("headline", string: headline)
        switch kind {
        case .story:
            json.field("body_text", string: bodyText ?? "")
            json.field("byline", optionalString: byline)
            json.field("dateline", optionalString: dateline)
            json.field("sources", strings: sources ?? [])
            json.field("language", string: language ?? "und")
            json.field("word_count", integer: wordCount ?? 0)
            if let wireFormat { json.field("wire_format", string: wireFormat) }
            if let slug { json.field("slug", string: slug) }
            if let version { json.field("version", string: version) }
            if let urgency { json.field("urgency", integer: urgency) }
            if let category { json.field("category", string: category) }
            if let ednote { json.field("ednote", string: ednote) }
            if let filedAt { json.field("filed_at", string: filedAt) }
            if let versionOf { json.field("version_of", string: versionOf) }
            if let pubstatus { json.field("pubstatus", string: pubstatus) }
        case .duplicate:
            json.field("duplicate_of", string: duplicateOf ?? "")
            json.field("match", string: match ?? "exact")
            json.field("similarity", number: similarity ?? 1)
            if let bodyText { json.field("body_text", string: bodyText) }
        }
        json.endObject()
        json.finishLine(into: &bytes)
    }
}

/// Writes one JSON object, field by field, straight into a byte buffer.
struct JSONObjectWriter {
    private var bytes: [UInt8]
    /// No field written yet in the innermost open object.
    private var atObjectStart = true

    /// Takes `buffer`'s bytes over (`finishLine` gives them back): the writer then holds the
    /// only reference, so its appends grow the buffer in place instead of copying it (a copy of
    /// the bulletin's lines so far, per record, when a consumed parameter was still retained).
    init(appendingTo buffer: inout [UInt8]) {
        bytes = []
        swap(&bytes, &buffer)
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func field(_ key: String, string value: String) {
        self.key(key)
        Self.appendQuoted(value, to: &bytes)
    }

    mutating func field(_ key: String, integer value: Int) {
        self.key(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func field(_ key: String, optionalString value: String?) {
        self.key(key)
        if let value { Self.appendQuoted(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func field(_ key: String, strings values: [String]) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        for (position, value) in values.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendQuoted(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Rounded to four decimals: more digits would only be noise of the estimate.
    mutating func field(_ key: String, number value: Double) {
        self.key(key)
        let rounded = (value * 10_000).rounded() / 10_000
        bytes.append(contentsOf: (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)).utf8)
    }

    /// Opens a nested object as the value of `key`; `endObject()` closes it.
    mutating func beginObject(_ key: String) {
        self.key(key)
        bytes.append(UInt8(ascii: "{"))
        atObjectStart = true
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        atObjectStart = false
    }

    /// Ends the line with its `\n` and hands the buffer back to `buffer`; call after the
    /// outermost `endObject()`.
    mutating func finishLine(into buffer: inout [UInt8]) {
        bytes.append(0x0A)
        swap(&bytes, &buffer)
    }

    private mutating func key(_ key: String) {
        if !atObjectStart { bytes.append(UInt8(ascii: ",")) }
        atObjectStart = false
        Self.appendQuoted(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; the rest as
    /// UTF-8. Runs of bytes that need no escape (nearly all of a story) are copied whole.
    static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.makeContiguousUTF8()
        bytes.append(UInt8(ascii: "\""))
        value.utf8.withContiguousStorageIfAvailable { utf8 in
            var runStart = 0
            while true {
                let runEnd = WordAtATime.jsonEscapeFree(utf8, from: runStart)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<runEnd]))
                guard runEnd < utf8.count else { break }
                appendEscape(utf8[runEnd], to: &bytes)
                runStart = runEnd + 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0xF)])
        }
    }
}
