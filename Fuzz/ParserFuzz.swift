// libFuzzer entry point for the bulletin decoder, wire framing and parser; built by
// scripts/fuzz-parser.sh with the BulletinCore Decoding, Framing and Parsing sources.
//
// Every input is decoded and parsed; the decoder and the parser may reject, but must not
// crash, hang, leak or break their own promises, which are checked here.

@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let decoded = try BulletinDecoder.decode(bytes)
        let stories = try BulletinParser().parse(decoded.text)
        checkPromises(stories, text: decoded.text)
    } catch {
        precondition(!error.detail.isEmpty, "a rejection without a reason")
    }
    return 0
}

private func checkPromises(_ stories: [Story], text: String) {
    precondition(!stories.isEmpty, "parse returned no stories without rejecting")
    for story in stories {
        precondition(!story.headline.isEmpty || !story.paragraphs.isEmpty, "an empty story")
        for paragraph in story.paragraphs {
            precondition(!paragraph.isEmpty, "an empty paragraph")
            precondition(!paragraph.unicodeScalars.contains("\u{0}"), "NUL in a paragraph")
            precondition(!paragraph.unicodeScalars.contains("\r"), "CR in a paragraph")
        }
        precondition(!story.headline.contains("\n"), "a line break in a headline")
        if let dateline = story.dateline {
            precondition(story.paragraphs.first?.contains(dateline) == true, "dateline not in the first paragraph")
        }
        precondition(Set(story.sources.map { $0.lowercased() }).count == story.sources.count, "duplicate sources")
        _ = story.wordCount
        _ = story.bodyText
        if let wire = story.wire { checkWire(wire, story) }
    }
}

/// A framed item's fields: single lines without control characters, urgency 1–9, an RFC 3339
/// filing time, and a withdrawal only with a kill marker.
private func checkWire(_ wire: WireMetadata, _ story: Story) {
    let fields = [story.headline, story.byline, story.dateline, wire.agency, wire.slug, wire.version, wire.category, wire.ednote]
    for field in fields.compactMap({ $0 }) + story.sources {
        precondition(!field.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "a control character in a wire field")
    }
    for paragraph in story.paragraphs {
        precondition(!paragraph.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }, "a control character in a framed paragraph")
    }
    if let urgency = wire.urgency { precondition((1...9).contains(urgency), "urgency out of range") }
    if let filed = wire.filedAt {
        let shape = filed.utf8.count == 20 && filed.hasSuffix("Z") && Array(filed.utf8)[10] == 0x54
        precondition(shape, "filed_at not RFC 3339 UTC: \(filed)")
    }
    if wire.isWithdrawn { precondition(wire.versionKind == .kill, "withdrawn without a kill marker") }
    for value in [wire.slug, wire.version, wire.category, wire.ednote, wire.agency] {
        if let value { precondition(!value.isEmpty, "an empty wire field") }
    }
}
