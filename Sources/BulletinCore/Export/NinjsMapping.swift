/// Store lines as IPTC ninjs 2.2 objects (`bulletind export --format ninjs`).
///
/// Every field is mapped here and nowhere else; the README's "ninjs export" table says the same
/// in prose. Only what the store knows is written: no empty arrays, no invented values.
///
/// | ninjs | from the store line |
/// | --- | --- |
/// | `uri` | `urn:bulletind:story:` + the story's `id`, or for a later version the first sighting's (`version_of`): every version of a story shares its URI; a duplicate (`--all`): `urn:bulletind:occurrence:` + its own `id` |
/// | `standard` | ninjs 2.2 and its schema's URI |
/// | `type` | `text` |
/// | `representationtype` | a duplicate: `full`, or `partial` for an exact one, whose text is its story's |
/// | `version` | `"1"` for a first sighting, `"n"` for the story's n-th version (counted by the exporter) |
/// | `firstcreated` | `filed_at`, else `received_at`, of a first sighting (a later version leaves it out: it is its first version's) |
/// | `versioncreated` | `filed_at`, else `received_at` |
/// | `pubstatus` | `canceled` for a kill or withdrawal (`pubstatus`), else `usable` |
/// | `urgency` | `urgency` |
/// | `language` | `language`, unless `und` |
/// | `slugline` | `slug` |
/// | `headlines` | one, role `main`: `headline` |
/// | `by` | `byline` |
/// | `located` | `dateline` |
/// | `bodies` | one, role `main`, `text/plain`: `body_text`, with `word_count` as `wordcount` |
/// | `infosources` | one per credited source: `sources` |
/// | `subjects` | the agency's category: `literal` `wire_format:category` |
/// | `ednote` | `ednote`; for a duplicate, what kind of repeat it is, of which story |
/// | `descriptions` | the version marker as written (`version`), role `version-marker` |
/// | `altids` | a later version: role `story`, its own story URI; a duplicate: role `duplicate-of`, its story's URI |
package enum NinjsMapping {
    package static let standardVersion = "2.2"
    package static let schemaURI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"
    package static let storyURIPrefix: StaticString = "urn:bulletind:story:"
    package static let occurrenceURIPrefix: StaticString = "urn:bulletind:occurrence:"

    package enum Skipped: Error, Equatable, Sendable {
        /// A duplicate line, and duplicates were not asked for.
        case duplicate
        /// Not a line export can map: the reason.
        case unusable(String)
    }

    /// Appends `line` (its bytes in `bytes`) as one ninjs object and a `\n` to `out`; throws,
    /// appending nothing, for a line that is not exported. `version`: which version of its
    /// story a story line is (1 for a first sighting), as the exporter counted them.
    package static func append(
        _ line: StoreLine, of bytes: UnsafeBufferPointer<UInt8>, version: Int = 1, includingDuplicates: Bool,
        to out: inout [UInt8]
    ) throws(Skipped) {
        guard let kind = line.string(.kind), let id = line.string(.id), let receivedAt = line.string(.receivedAt),
            let headline = line.string(.headline)
        else { throw .unusable("no kind, id, received_at or headline") }
        let isStory = equals(bytes, kind, "story")
        guard isStory || equals(bytes, kind, "duplicate") else { throw .unusable("unknown kind") }
        if !isStory && !includingDuplicates { throw .duplicate }
        let body = line.string(.bodyText)
        let firstVersion = isStory ? line.string(.versionOf) : nil
        let created = line.string(.filedAt) ?? receivedAt

        var json = NinjsWriter(bytes, appendingTo: &out)
        json.constant("uri", isStory ? storyURIPrefix : occurrenceURIPrefix, then: firstVersion ?? id)
        json.standard()
        json.constant("type", "text")
        if !isStory { json.constant("representationtype", body == nil ? "partial" : "full") }
        json.quotedNumber("version", isStory ? version : 1)
        if firstVersion == nil { json.raw("firstcreated", created) }
        json.raw("versioncreated", created)
        json.constant("pubstatus", line.string(.pubstatus).map { equals(bytes, $0, "canceled") } == true ? "canceled" : "usable")
        if let urgency = line[.urgency], urgency.kind == .number { json.rawNumber("urgency", urgency.range) }
        if let language = line.string(.language), !equals(bytes, language, "und") { json.raw("language", language) }
        if let slug = line.string(.slug) { json.raw("slugline", slug) }
        json.textObjects("headlines", role: "main", value: headline)
        if let byline = line.string(.byline), !byline.isEmpty { json.raw("by", byline) }
        if let dateline = line.string(.dateline), !dateline.isEmpty { json.raw("located", dateline) }
        if let body { json.body(body, wordCount: line[.wordCount].flatMap { $0.kind == .number ? $0.range : nil }) }
        if let sources = line[.sources] {
            let names = StoreLine.strings(inArray: sources, of: bytes).filter { !$0.isEmpty }
            if !names.isEmpty { json.namedObjects("infosources", names) }
        }
        if let category = line.string(.category) {
            json.subject(scheme: line.string(.wireFormat), code: category)
        }
        if isStory {
            if let ednote = line.string(.ednote) { json.raw("ednote", ednote) }
            if let marker = line.string(.version) { json.textObjects("descriptions", role: "version-marker", value: marker) }
            if firstVersion != nil { json.altID(role: "story", prefix: storyURIPrefix, value: id) }
        } else if let original = line.string(.duplicateOf) {
            json.duplicateNote(match: line.string(.match), similarity: line[.similarity], of: original)
            json.altID(role: "duplicate-of", prefix: storyURIPrefix, value: original)
        }
        json.finish(into: &out)
    }

    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != text.utf8Start[offset] { return false }
        return true
    }
}

/// Writes one ninjs object: constants, and string contents copied as they stand in the store
/// line (already valid JSON string contents).
struct NinjsWriter {
    private let line: UnsafeBufferPointer<UInt8>
    private var out: [UInt8]
    private var first = true

    /// Takes `buffer` over (as `JSONObjectWriter` does) so appends grow it in place.
    init(_ line: UnsafeBufferPointer<UInt8>, appendingTo buffer: inout [UInt8]) {
        self.line = line
        out = []
        swap(&out, &buffer)
        out.append(UInt8(ascii: "{"))
    }

    mutating func finish(into buffer: inout [UInt8]) {
        append("}\n")
        swap(&out, &buffer)
    }

    private mutating func key(_ name: StaticString) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(UInt8(ascii: "\""))
        append(name)
        append("\":")
    }

    private mutating func append(_ text: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func append(_ range: Range<Int>) {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: line[range]))
    }

    private mutating func quoted(_ text: StaticString) {
        out.append(UInt8(ascii: "\""))
        append(text)
        out.append(UInt8(ascii: "\""))
    }

    private mutating func quoted(_ range: Range<Int>) {
        out.append(UInt8(ascii: "\""))
        append(range)
        out.append(UInt8(ascii: "\""))
    }

    mutating func constant(_ name: StaticString, _ value: StaticString) {
        key(name)
        quoted(value)
    }

    /// A constant prefix, then a value from the line, as one string.
    mutating func constant(_ name: StaticString, _ prefix: StaticString, then value: Range<Int>) {
        key(name)
        out.append(UInt8(ascii: "\""))
        append(prefix)
        append(value)
        out.append(UInt8(ascii: "\""))
    }

    mutating func raw(_ name: StaticString, _ value: Range<Int>) {
        key(name)
        quoted(value)
    }

    /// A number as a string, as ninjs' `version` is.
    mutating func quotedNumber(_ name: StaticString, _ value: Int) {
        key(name)
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: String(value).utf8)
        out.append(UInt8(ascii: "\""))
    }

    mutating func rawNumber(_ name: StaticString, _ value: Range<Int>) {
        key(name)
        append(value)
    }

    /// `"subjects":[{"literal":"SCHEME:CODE"}]`: an agency's category code means something only
    /// with its framing (`anpa-1312:s`, `iptc-7901:pl`).
    mutating func subject(scheme: Range<Int>?, code: Range<Int>) {
        key("subjects")
        append(#"[{"literal":""#)
        if let scheme {
            append(scheme)
            out.append(UInt8(ascii: ":"))
        }
        append(code)
        append("\"}]")
    }

    mutating func standard() {
        key("standard")
        append(#"{"name":"ninjs","version":"2.2","schema":"http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"}"#)
    }

    /// `[{"role":ROLE,"value":VALUE}]`
    mutating func textObjects(_ name: StaticString, role: StaticString, value: Range<Int>) {
        key(name)
        append(#"[{"role":"#)
        quoted(role)
        append(#","value":"#)
        quoted(value)
        append("}]")
    }

    mutating func body(_ value: Range<Int>, wordCount: Range<Int>?) {
        key("bodies")
        append(#"[{"role":"main","contenttype":"text/plain","value":"#)
        quoted(value)
        if let wordCount {
            append(#","wordcount":"#)
            append(wordCount)
        }
        append("}]")
    }

    /// `[{"name":A},{"name":B}]`
    mutating func namedObjects(_ name: StaticString, _ values: [Range<Int>]) {
        key(name)
        out.append(UInt8(ascii: "["))
        for (position, value) in values.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            append(#"{"name":"#)
            quoted(value)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
    }

    mutating func altID(role: StaticString, prefix: StaticString, value: Range<Int>) {
        key("altids")
        append(#"[{"role":"#)
        quoted(role)
        append(#","value":""#)
        append(prefix)
        append(value)
        append("\"}]")
    }

    /// `"ednote":"Repeat (near, similarity 0.83) of urn:bulletind:story:…"` for the editor
    /// who meets the occurrence in an editorial system.
    mutating func duplicateNote(match: Range<Int>?, similarity: StoreLine.Value?, of original: Range<Int>) {
        key("ednote")
        append("\"Repeat (")
        if let match { append(match) } else { append("exact") }
        if let similarity, similarity.kind == .number {
            append(", similarity ")
            append(similarity.range)
        }
        append(") of ")
        append(NinjsMapping.storyURIPrefix)
        append(original)
        out.append(UInt8(ascii: "\""))
    }
}
