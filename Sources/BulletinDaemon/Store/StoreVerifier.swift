import BulletinCore
import Foundation

/// `bulletind verify`: every line valid JSON and valid against `schema/record.schema.json`,
/// every `id` unique, every `duplicate_of` and `version_of` naming a story seen before it.
///
/// The schema's rules are checked here directly (the same rules, kept side by side with the
/// schema file; the tests validate real output with a real JSON Schema validator as well).
struct StoreVerifier {
    struct Fault: Error, Equatable, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "line \(line): \(message)" }
    }

    private(set) var lines = 0
    private(set) var stories = 0
    private(set) var duplicates = 0
    private var ids: Set<String> = []
    private var storyIDs: Set<String> = []
    private let decoder = JSONDecoder()

    /// Checks the next line (without its `\n`); `terminated` is false for a last line with no `\n`.
    mutating func check(_ line: some Collection<UInt8>, terminated: Bool = true) throws(Fault) {
        lines += 1
        guard terminated else { throw Fault(line: lines, message: "torn line: no newline at the end of the store") }
        guard let value = try? decoder.decode(JSONValue.self, from: Data(line)), case .object(let object) = value else {
            throw Fault(line: lines, message: "not a JSON object")
        }
        do {
            try Self.validate(object)
        } catch {
            throw Fault(line: lines, message: "not valid against the schema: \(error.message)")
        }
        guard case .string(let id) = object["id"], case .string(let kind) = object["kind"] else { return }
        guard ids.insert(id).inserted else { throw Fault(line: lines, message: "id \(id) is not unique") }
        if kind == "story" {
            if case .string(let first) = object["version_of"], !storyIDs.contains(first) {
                throw Fault(line: lines, message: "version_of \(first) names no story before it")
            }
            storyIDs.insert(id)
            stories += 1
        } else {
            duplicates += 1
            if case .string(let original) = object["duplicate_of"], !storyIDs.contains(original) {
                throw Fault(line: lines, message: "duplicate_of \(original) names no story before it")
            }
        }
    }

    struct SchemaViolation: Error { let message: String }

    /// The schema's string patterns, as predicates.
    static func isHex(_ text: Substring, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
    static let storyID: @Sendable (String) -> Bool = { isHex($0[...], count: 32) }
    static let duplicateID: @Sendable (String) -> Bool = { $0.first == "d" && isHex($0.dropFirst(), count: 32) }
    static let sha256: @Sendable (String) -> Bool = { isHex($0[...], count: 64) }
    static let timestamp: @Sendable (String) -> Bool = { $0.utf8.count == 24 && Timestamp(rfc3339: $0) != nil }
    static let languageTag: @Sendable (String) -> Bool = { tag in
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The optional fields of a framed wire item's story line (#15).
    static let wireFields: Set<String> = [
        "wire_format", "slug", "version", "urgency", "category", "ednote", "filed_at", "version_of", "pubstatus",
    ]

    static func validateWireFields(_ object: [String: JSONValue]) throws(SchemaViolation) {
        func fail(_ message: String) -> SchemaViolation { SchemaViolation(message: message) }
        if let format = object["wire_format"] {
            guard case .string(let name) = format, WireMetadata.Format(rawValue: name) != nil else {
                throw fail("'wire_format' is unknown")
            }
        }
        for key in ["slug", "version", "category", "ednote"] {
            guard let value = object[key] else { continue }
            guard case .string(let text) = value, !text.isEmpty else { throw fail("'\(key)' must be a non-empty string") }
        }
        if let value = object["urgency"] {
            guard case .number(let urgency) = value, (1...9).contains(urgency), urgency == urgency.rounded() else {
                throw fail("'urgency' must be a whole number from 1 to 9")
            }
        }
        if let value = object["filed_at"] {
            guard case .string(let time) = value, filedAt(time) else { throw fail("'filed_at' is malformed") }
        }
        if let value = object["version_of"] {
            guard case .string(let id) = value, storyID(id) else { throw fail("'version_of' must be a story id") }
        }
        if let value = object["pubstatus"], value != .string("canceled") {
            throw fail("'pubstatus' must be \"canceled\"")
        }
    }

    /// "2016-02-20T03:37:00Z": RFC 3339 UTC to the second.
    static let filedAt: @Sendable (String) -> Bool = { text in
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        return digits.allSatisfy { (48...57).contains(bytes[$0]) } && bytes[4] == 45 && bytes[7] == 45 && bytes[10] == 84
            && bytes[13] == 58 && bytes[16] == 58 && bytes[19] == 90
    }

    static func validate(_ object: [String: JSONValue]) throws(SchemaViolation) {
        func fail(_ message: String) -> SchemaViolation { SchemaViolation(message: message) }
        func string(_ key: String, _ pattern: ((String) -> Bool)? = nil) throws(SchemaViolation) -> String {
            guard case .string(let text) = object[key] else { throw fail("'\(key)' must be a string") }
            if let pattern, !pattern(text) { throw fail("'\(key)' is malformed: \(text)") }
            return text
        }
        guard case .string("bulletind/1") = object["schema"] else { throw fail("'schema' must be \"bulletind/1\"") }
        let kind = try string("kind")
        let allowed: Set<String>
        switch kind {
        case "story":
            _ = try string("id", storyID)
            _ = try string("body_text")
            for key in ["byline", "dateline"] {
                switch object[key] {
                case .string, .null: break
                default: throw fail("'\(key)' must be a string or null")
                }
            }
            guard case .array(let sources) = object["sources"] else { throw fail("'sources' must be an array") }
            var seen: Set<String> = []
            for source in sources {
                guard case .string(let name) = source, !name.isEmpty, seen.insert(name).inserted else {
                    throw fail("'sources' must hold distinct non-empty strings")
                }
            }
            _ = try string("language", languageTag)
            guard case .number(let words) = object["word_count"], words >= 0, words == words.rounded() else {
                throw fail("'word_count' must be a whole number")
            }
            try validateWireFields(object)
            allowed = Set(["body_text", "byline", "dateline", "sources", "language", "word_count"]).union(wireFields)
        case "duplicate":
            _ = try string("id", duplicateID)
            _ = try string("duplicate_of", storyID)
            let match = try string("match")
            guard ["exact", "near", "update"].contains(match) else { throw fail("'match' must be exact, near or update") }
            guard case .number(let similarity) = object["similarity"], (0...1).contains(similarity) else {
                throw fail("'similarity' must be a number from 0 to 1")
            }
            if match != "exact" { _ = try string("body_text") }
            if object["body_text"] != nil { _ = try string("body_text") }
            allowed = ["duplicate_of", "match", "similarity", "body_text"]
        default:
            throw fail("'kind' must be \"story\" or \"duplicate\"")
        }
        _ = try string("received_at", timestamp)
        _ = try string("headline")
        guard case .object(let bulletin) = object["bulletin"] else { throw fail("'bulletin' must be an object") }
        guard case .string(let file) = bulletin["file"], !file.isEmpty else { throw fail("'bulletin.file' must be a non-empty string") }
        guard case .string(let sha) = bulletin["sha256"], sha256(sha) else {
            throw fail("'bulletin.sha256' must be 64 hex digits")
        }
        guard case .number(let index) = bulletin["index"], index >= 0, index == index.rounded() else {
            throw fail("'bulletin.index' must be a whole number")
        }
        if let stories = bulletin["stories"] {
            guard case .number(let count) = stories, count >= 1, count == count.rounded(), index < count else {
                throw fail("'bulletin.stories' must be a whole number above 'bulletin.index'")
            }
        }
        if let encoding = bulletin["encoding"] {
            guard case .string(let name) = encoding, SourceEncoding(rawValue: name) != nil else { throw fail("'bulletin.encoding' is unknown") }
        }
        if let extra = bulletin.keys.first(where: { !["file", "sha256", "index", "stories", "encoding"].contains($0) }) {
            throw fail("'bulletin.\(extra)' is not a field of the schema")
        }
        let common: Set<String> = ["schema", "kind", "id", "received_at", "bulletin", "headline"]
        if let extra = object.keys.sorted().first(where: { !common.contains($0) && !allowed.contains($0) }) {
            throw fail("'\(extra)' is not a field of a \(kind) line")
        }
    }
}

/// Any JSON value, decoded strictly (a number is never a Boolean, nor the other way round).
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }
}
