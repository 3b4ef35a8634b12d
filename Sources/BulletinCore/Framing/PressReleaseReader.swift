/// Press releases as wire services relay them: "Source: …", "MEDIA RELEASE PRnnnnn", a
/// headline wrapped over lines, then "CITY, Region, Date /PRNewswire-AsiaNet/ --" and the
/// release, contacts and "About …" sections included (all part of the release).
enum PressReleaseReader {
    /// "MEDIA RELEASE PR67276".
    static let releaseMarker = Array("MEDIA RELEASE".utf8)

    static func isReleaseLine<Bytes: Collection<UInt8>>(_ line: Bytes) -> Bool {
        let marker = releaseMarker
        guard line.starts(with: marker) else { return false }
        return line.dropFirst(marker.count).drop { $0 == 0x20 }.starts(with: [0x50, 0x52])  // "PR"
    }

    static func isReleaseLine(_ text: Substring) -> Bool { isReleaseLine(text.utf8) }

    static func item(_ bytes: ArraySlice<UInt8>) -> WireItem? {
        var lines = WireLines.lines(bytes).map(WireLines.text)
        var item = WireItem(metadata: WireMetadata(format: .pressRelease))
        guard let release = lines.firstIndex(where: { isReleaseLine(WireLines.unindented($0)) }) else { return nil }
        item.metadata.slug = WireLines.unindented(lines[release]).split(separator: " ").last.map(String.init)
        lines.removeSubrange(...release)
        // The headline: the lines up to the first blank one.
        var headline: [String] = []
        while let first = lines.first {
            lines.removeFirst()
            let text = first.trimmingSpaces
            if text.isEmpty { if headline.isEmpty { continue } else { break } }
            headline.append(text)
        }
        item.headline = headline.isEmpty ? nil : headline.joined(separator: " ")
        // The dateline line, glued to the first paragraph as the service prints it.
        if let index = lines.firstIndex(where: { !$0.trimmingSpaces.isEmpty }), let dateline = dateline(lines[index]) {
            item.dateline = dateline.place
            item.metadata.agency = dateline.service
            var next = index + 1
            while next < lines.count && lines[next].trimmingSpaces.isEmpty { next += 1 }
            if next < lines.count {
                lines[next] = lines[index].trimmingSpaces + " " + lines[next].trimmingSpaces
                lines.removeSubrange(index..<next)
            }
        }
        item.appendText(lines.joined(separator: "\n"))
        return item
    }

    /// "AUSTIN, Texas, Feb. 1, 2017 /PRNewswire-AsiaNet/ --": the place and the service.
    static func dateline(_ line: String) -> (place: String, service: String)? {
        let parts = line.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, let comma = parts[0].firstIndex(of: ",") else { return nil }
        let service = parts[1].trimmingSpaces
        guard service.lowercased().contains("newswire") || service.lowercased().contains("wire")
            || service.lowercased().contains("asianet")
        else { return nil }
        let place = String(parts[0][..<comma]).trimmingSpaces
        return place.isEmpty ? nil : (place, service)
    }
}
