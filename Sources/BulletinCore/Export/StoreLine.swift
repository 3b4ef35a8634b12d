/// One store line read for export: where each known field's value lies in the line's bytes.
///
/// Nothing is decoded into Strings. A string value is kept as the bytes between its quotes,
/// which are already valid JSON string contents (escapes and all), so an exporter copies them
/// straight into its own JSON: that is what lets `export` keep up with a warm store at hundreds
/// of thousands of lines a second. The whole line is still checked as JSON (and as UTF-8), so
/// nothing malformed is copied through. Fields the reader does not know are skipped, as the
/// contract asks of readers.
package struct StoreLine {
    /// The fields export reads, by their names in the store.
    package enum Field: Int, CaseIterable, Sendable {
        case schema, kind, id, receivedAt, bulletin, headline, bodyText, byline, dateline, sources, language, wordCount
        case duplicateOf, match, similarity
        // A framed item's wire metadata, and the links between versions of a story.
        case wireFormat, slug, version, urgency, category, ednote, filedAt, versionOf, pubstatus

        package var key: String {
            switch self {
            case .receivedAt: "received_at"
            case .bodyText: "body_text"
            case .wordCount: "word_count"
            case .duplicateOf: "duplicate_of"
            case .wireFormat: "wire_format"
            case .filedAt: "filed_at"
            case .versionOf: "version_of"
            default: "\(self)"
            }
        }
    }

    /// The fields of the line's `bulletin` object that export reads.
    package enum BulletinField: Int, CaseIterable, Sendable {
        case file, sha256, index, stories
        package var key: String { "\(self)" }
    }

    /// A value's place in the line: a string's contents without the quotes; a number, literal,
    /// array or object as written.
    package struct Value: Equatable, Sendable {
        package enum Kind: Sendable { case string, number, literal, array, object }
        package let kind: Kind
        package let range: Range<Int>
        /// A string with a backslash escape in it (its bytes are not its text as they stand).
        package let escaped: Bool
    }

    private var fields = [Value?](repeating: nil, count: Field.allCases.count)
    private var bulletinFields = [Value?](repeating: nil, count: BulletinField.allCases.count)

    package subscript(field: Field) -> Value? { fields[field.rawValue] }
    package subscript(field: BulletinField) -> Value? { bulletinFields[field.rawValue] }

    /// A string field's value, or nil when it is absent, `null` or not a string.
    package func string(_ field: Field) -> Range<Int>? {
        guard let value = self[field], value.kind == .string else { return nil }
        return value.range
    }

    package func string(_ field: BulletinField) -> Range<Int>? {
        guard let value = self[field], value.kind == .string else { return nil }
        return value.range
    }

    package struct Malformed: Error, Equatable, Sendable {
        /// What is wrong and the byte offset in the line.
        package let message: String
    }

    /// Reads one line (without its `\n`).
    package static func read(_ line: UnsafeBufferPointer<UInt8>) throws(Malformed) -> StoreLine {
        var reader = JSONScanner(line)
        var result = StoreLine()
        guard WordAtATime.isASCII(line) || String(validating: line, as: UTF8.self) != nil else {
            throw Malformed(message: "not UTF-8")
        }
        try reader.object { key, reader throws(Malformed) in
            guard let field = Self.field(named: key, in: line) else {
                try reader.skipValue()
                return
            }
            if field == .bulletin {
                let start = reader.position
                try reader.object { key, reader throws(Malformed) in
                    guard let field = Self.bulletinField(named: key, in: line) else {
                        try reader.skipValue()
                        return
                    }
                    result.bulletinFields[field.rawValue] = try reader.value()
                }
                result.fields[field.rawValue] = Value(kind: .object, range: start..<reader.position, escaped: false)
            } else {
                result.fields[field.rawValue] = try reader.value()
            }
        }
        reader.skipWhitespace()
        guard reader.atEnd else { throw Malformed(message: "text after the JSON object at byte \(reader.position)") }
        return result
    }

    /// The strings of an array value (the `sources`), as ranges of their contents.
    package static func strings(inArray value: Value, of line: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard value.kind == .array else { return [] }
        var reader = JSONScanner(line, at: value.range.lowerBound)
        var strings: [Range<Int>] = []
        try? reader.array { reader throws(Malformed) in
            let element = try reader.value()
            if element.kind == .string { strings.append(element.range) }
        }
        return strings
    }

    private static let keys: [[UInt8]] = Field.allCases.map { Array($0.key.utf8) }
    private static let bulletinKeys: [[UInt8]] = BulletinField.allCases.map { Array($0.key.utf8) }

    private static func field(named key: Range<Int>, in line: UnsafeBufferPointer<UInt8>) -> Field? {
        guard let index = match(key, in: line, among: keys) else { return nil }
        return Field(rawValue: index)
    }

    private static func bulletinField(named key: Range<Int>, in line: UnsafeBufferPointer<UInt8>) -> BulletinField? {
        guard let index = match(key, in: line, among: bulletinKeys) else { return nil }
        return BulletinField(rawValue: index)
    }

    /// Keys are compared as written: the store never escapes a key.
    private static func match(_ key: Range<Int>, in line: UnsafeBufferPointer<UInt8>, among names: [[UInt8]]) -> Int? {
        let bytes = UnsafeBufferPointer(rebasing: line[key])
        guard let first = bytes.first else { return nil }
        for (index, name) in names.enumerated() where name.count == bytes.count && name[0] == first {
            if name.withUnsafeBufferPointer({ memoryEqual($0, bytes) }) { return index }
        }
        return nil
    }

    private static func memoryEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<a.count where a[index] != b[index] { return false }
        return true
    }
}

/// A strict JSON reader over a buffer: it checks the grammar as it goes and reports where
/// values are, without building them.
struct JSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    private var depth = 0
    /// Deeper nesting is refused: a hostile line could otherwise exhaust the stack.
    static let maximumDepth = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var atEnd: Bool { position == bytes.count }

    private func malformed(_ what: String) -> StoreLine.Malformed {
        StoreLine.Malformed(message: "\(what) at byte \(position)")
    }

    mutating func skipWhitespace() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09 {
            position += 1
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(StoreLine.Malformed) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { throw malformed("expected \(what)") }
        position += 1
    }

    /// An object: `member` is called with each key (the bytes between its quotes), positioned
    /// at the value, and must read or skip that value.
    mutating func object(
        _ member: (Range<Int>, inout JSONScanner) throws(StoreLine.Malformed) -> Void
    ) throws(StoreLine.Malformed) {
        try expect(UInt8(ascii: "{"), "'{'")
        try nest()
        defer { depth -= 1 }
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw malformed("expected a key") }
            let key = try string().range
            try expect(UInt8(ascii: ":"), "':'")
            skipWhitespace()
            try member(key, &self)
            skipWhitespace()
            guard position < bytes.count else { throw malformed("unterminated object") }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return
            }
            guard bytes[position] == UInt8(ascii: ",") else { throw malformed("expected ',' or '}'") }
            position += 1
        }
    }

    /// An array: `element` is called positioned at each element, and must read or skip it.
    mutating func array(_ element: (inout JSONScanner) throws(StoreLine.Malformed) -> Void) throws(StoreLine.Malformed) {
        try expect(UInt8(ascii: "["), "'['")
        try nest()
        defer { depth -= 1 }
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            guard position < bytes.count else { throw malformed("unterminated array") }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return
            }
            guard bytes[position] == UInt8(ascii: ",") else { throw malformed("expected ',' or ']'") }
            position += 1
        }
    }

    private mutating func nest() throws(StoreLine.Malformed) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw malformed("nested too deep") }
    }

    mutating func skipValue() throws(StoreLine.Malformed) { _ = try value() }

    /// Reads any value and says where it is.
    mutating func value() throws(StoreLine.Malformed) -> StoreLine.Value {
        skipWhitespace()
        guard position < bytes.count else { throw malformed("expected a value") }
        let start = position
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return try string()
        case UInt8(ascii: "{"):
            try object { _, reader throws(StoreLine.Malformed) in try reader.skipValue() }
            return StoreLine.Value(kind: .object, range: start..<position, escaped: false)
        case UInt8(ascii: "["):
            try array { reader throws(StoreLine.Malformed) in try reader.skipValue() }
            return StoreLine.Value(kind: .array, range: start..<position, escaped: false)
        case UInt8(ascii: "t"): return try literal("true")
        case UInt8(ascii: "f"): return try literal("false")
        case UInt8(ascii: "n"): return try literal("null")
        default: return try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws(StoreLine.Malformed) -> StoreLine.Value {
        let start = position
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw malformed("expected \(word)") }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw malformed("expected \(word)") }
        position += count
        return StoreLine.Value(kind: .literal, range: start..<position, escaped: false)
    }

    private mutating func number() throws(StoreLine.Malformed) -> StoreLine.Value {
        let start = position
        func digits(_ scanner: inout JSONScanner) -> Int {
            let from = scanner.position
            while scanner.position < scanner.bytes.count, (48...57).contains(scanner.bytes[scanner.position]) { scanner.position += 1 }
            return scanner.position - from
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw malformed("expected a number") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if digits(&self) == 0 {
            throw malformed("expected a value")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits(&self) > 0 else { throw malformed("expected digits after '.'") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw malformed("expected an exponent") }
        }
        return StoreLine.Value(kind: .number, range: start..<position, escaped: false)
    }

    /// A string, positioned at its opening quote; the value is its contents.
    private mutating func string() throws(StoreLine.Malformed) -> StoreLine.Value {
        position += 1
        let start = position
        var escaped = false
        while true {
            position = WordAtATime.jsonEscapeFree(bytes, from: position)
            guard position < bytes.count else { throw malformed("unterminated string") }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return StoreLine.Value(kind: .string, range: start..<position - 1, escaped: escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                try escape()
            default:
                throw malformed("a control character in a string")
            }
        }
    }

    /// One escape sequence, positioned at its backslash.
    private mutating func escape() throws(StoreLine.Malformed) {
        guard position + 1 < bytes.count else { throw malformed("unterminated escape") }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            guard position + 6 <= bytes.count,
                bytes[position + 2..<position + 6].allSatisfy({ (48...57).contains($0) || (65...70).contains($0 & ~0x20) })
            else { throw malformed("a bad \\u escape") }
            position += 6
        default:
            throw malformed("a bad escape")
        }
    }
}

extension StoreLine {
    private static let receivedAtKey = Array(#""received_at":""#.utf8)

    /// A line's `received_at`, found without reading the rest of the line: the key's quotes
    /// would be escaped inside a string, so the first match is the field.
    package static func receivedAt(in line: [UInt8]) -> Timestamp? {
        guard let start = line.firstRange(of: receivedAtKey)?.upperBound, line.count - start >= 24 else { return nil }
        return Timestamp(rfc3339: String(decoding: line[start..<start + 24], as: UTF8.self))
    }
}
