/// The first stage of parsing: finds the framed items in a bulletin's text (ANPA-1312,
/// IPTC 7901, ZCZC…NNNN, press releases, key#value records, government notices) and returns each with its wire
/// metadata and its body blocks. A text with no framing gives nil, found cheaply: one scan
/// for SOH eight bytes at a time, and a look at the first lines for the other framings.
enum WireFraming {
    /// The items, and the text around them that no item frames (a receiver's preamble, a
    /// plain bulletin between two framed ones), each with the number of items before it.
    struct Framed: Sendable {
        var items: [WireItem]
        var loose: [(before: Int, text: String)] = []

        init(items: [WireItem]) { self.items = items }

        mutating func appendLoose(_ text: String) {
            if Self.letterCount(text, upTo: 1) > 0 { loose.append((items.count, text)) }
        }

        /// Letters in `text`, counted up to `limit`: ASCII letters, and any other scalar's
        /// first byte (scripts without Latin letters are text too).
        static func letterCount(_ text: String, upTo limit: Int) -> Int {
            var count = 0
            for byte in text.utf8 where (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0xC0 {
                count += 1
                if count >= limit { break }
            }
            return count
        }
    }

    enum Kind: Equatable { case controlCharacters, zczc, pressRelease, keyValue, governmentNotice }

    static let soh: UInt8 = 0x01
    static let stx: UInt8 = 0x02
    static let etx: UInt8 = 0x03
    static let eot: UInt8 = 0x04

    static func frame(_ text: String) -> Framed? {
        var text = text
        return text.withUTF8 { buffer -> Framed? in
            guard let kind = detect(buffer) else { return nil }
            let bytes = Array(buffer)[...]
            switch kind {
            case .controlCharacters: return controlFramed(bytes)
            case .zczc: return ZCZCReader.items(bytes)
            case .pressRelease: return PressReleaseReader.item(bytes).map { Framed(items: [$0]) }
            case .keyValue: return KeyValueReader.items(bytes)
            case .governmentNotice: return GovernmentNoticeReader.items(bytes)
            }
        }
    }

    /// Which framing the text is in, if any: one pass over the bytes for SOH (and NUL, which no
    /// wire copy holds: such a text is left to the plain reader, which rejects it as binary),
    /// then a look at the first three lines that hold anything, without copying them.
    static func detect(_ buffer: UnsafeBufferPointer<UInt8>) -> Kind? {
        switch scanForSOH(buffer) {
        case .nul: return nil
        case .soh: return .controlCharacters
        case .neither: break
        }
        let limit = min(buffer.count, 512)
        var start = 0
        var lines = 0
        while start < limit && lines < 3 {
            var end = start
            while end < limit && buffer[end] != 0x0A && buffer[end] != 0x0D { end += 1 }
            var first = start
            while first < end && (buffer[first] == 0x20 || buffer[first] == 0x09) { first += 1 }
            var last = end
            while last > first && (buffer[last - 1] == 0x20 || buffer[last - 1] == 0x09) { last -= 1 }
            start = end + 1
            guard first < last else { continue }
            lines += 1
            let line = UnsafeBufferPointer(rebasing: buffer[first..<last])
            if lines == 1 && GovernmentNoticeReader.isProductID(line) { return .governmentNotice }
            if Self.hasPrefix(line, "ZCZC") || Self.hasPrefix(line, "zczc") { return .zczc }
            if KeyValueReader.isField(line, key: "AN") || KeyValueReader.isField(line, key: "TI") { return .keyValue }
            if PressReleaseReader.isReleaseLine(line) { return .pressRelease }
        }
        return nil
    }

    enum ControlScan { case soh, nul, neither }

    /// Whether the text holds a NUL (first), else an SOH (0x01), eight bytes a step.
    static func scanForSOH(_ buffer: UnsafeBufferPointer<UInt8>) -> ControlScan {
        var sawSOH = false
        var index = 0
        while index + 8 <= buffer.count {
            let word = WordAtATime.load(buffer, at: index)
            if WordAtATime.bytesInRange(word, 0x00, 0x01) != 0 {
                if WordAtATime.bytesEqual(word, 0) != 0 { return .nul }
                sawSOH = true
            }
            index += 8
        }
        while index < buffer.count {
            if buffer[index] == 0 { return .nul }
            if buffer[index] == soh { sawSOH = true }
            index += 1
        }
        return sawSOH ? .soh : .neither
    }

    static func hasPrefix(_ line: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        guard line.count >= prefix.utf8CodeUnitCount else { return false }
        return prefix.withUTF8Buffer { expected in expected.indices.allSatisfy { line[$0] == expected[$0] } }
    }

    /// Items that open with SOH: each runs to its EOT, or to the next SOH. The header before
    /// STX tells IPTC 7901 from ANPA-1312. Text before the first SOH or between an EOT and the
    /// next SOH is framed on its own (a ZCZC message in the same feed file) or kept as loose text.
    static func controlFramed(_ bytes: ArraySlice<UInt8>) -> Framed {
        var starts: [Int] = []
        var from = bytes.startIndex
        while let start = bytes[from...].firstIndex(ofByte: soh) {
            starts.append(start)
            from = start + 1
        }
        var framed = Framed(items: [])
        appendUnframed(bytes[..<starts[0]], to: &framed)
        for (position, start) in starts.enumerated() {
            let limit = position + 1 < starts.count ? starts[position + 1] : bytes.endIndex
            var end = limit
            if let eot = bytes[(start + 1)..<limit].firstIndex(ofByte: eot) { end = eot }
            let item = bytes[(start + 1)..<end]
            let stxIndex = item.firstIndex(ofByte: stx)
            let header = item[..<(stxIndex ?? item.startIndex)]
            if let parsed = IPTC7901Reader.isHeader(header) ? IPTC7901Reader.item(item) : ANPAReader.item(item) {
                framed.items.append(parsed)
            }
            if end < limit { appendUnframed(bytes[(end + 1)..<limit], to: &framed) }
        }
        return framed
    }

    /// Text between control-framed items: its own framing's items, or loose text.
    static func appendUnframed(_ bytes: ArraySlice<UInt8>, to framed: inout Framed) {
        let inner = bytes.withUnsafeBufferPointer { buffer in detect(buffer).map { (buffer, $0) } }
        switch inner?.1 {
        case .zczc?: merge(ZCZCReader.items(bytes), into: &framed)
        case .keyValue?: merge(KeyValueReader.items(bytes), into: &framed)
        case .governmentNotice?: merge(GovernmentNoticeReader.items(bytes), into: &framed)
        case .pressRelease?:
            if let item = PressReleaseReader.item(bytes) { framed.items.append(item) }
        case .controlCharacters?, nil:
            // As it is, control bytes included: the plain reader rejects binary for what it is.
            framed.appendLoose(String(decoding: bytes, as: UTF8.self))
        }
    }

    static func merge(_ other: Framed, into framed: inout Framed) {
        let offset = framed.items.count
        framed.loose += other.loose.map { (offset + $0.before, $0.text) }
        framed.items += other.items
    }
}
