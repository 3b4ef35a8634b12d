// libFuzzer entry point for the bulletin decoder and parser; built by
// scripts/fuzz-parser.sh with the BulletinCore Decoding and Parsing sources.
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
    }
}
