/// What a wire framing says about its item beyond the story's text: the fields an agency's
/// header, slug line and trailer carry. Names follow IPTC ninjs where it has the concept.
package struct WireMetadata: Sendable, Hashable {
    /// The framing the item came in.
    package enum Format: String, Sendable, Hashable, CaseIterable {
        case anpa1312 = "anpa-1312"
        case iptc7901 = "iptc-7901"
        case zczc
        case pressRelease = "press-release"
        case keyValue = "key-value"
        case governmentNotice = "government-notice"
    }

    package var format: Format
    /// The agency or service that filed the item, as it names itself ("AP", "dpa", "Reuters", "AAP").
    package var agency: String?
    /// The agency's keyword for the story, as written ("BC-US--Ethanol-Losing Grassland", "Germany-politics").
    package var slug: String?
    /// The take or version marker, as written ("1st Ld-Writethru", "REFILE", "1ST LEAD", "CORRECTED").
    package var version: String?
    /// ninjs urgency: 1 (flash) … 9 (lowest); nil when the framing gives none.
    package var urgency: Int?
    /// The agency's category code, as written ("a", "s", "i", "rs").
    package var category: String?
    /// Notes to editors: `Eds:` lines, `EDITOR'S NOTE`, "Note to editors" sections.
    package var ednote: String?
    /// When the agency filed the item (RFC 3339, UTC), from its trailer or header.
    package var filedAt: String?
    /// A kill or withdrawal: the story it names must not be used (ninjs pubstatus "canceled").
    package var isWithdrawn = false
    /// A service message of the framing (copyright fill, "Impressum", test), not a story.
    package var isServiceMessage = false

    package init(format: Format) {
        self.format = format
    }

    /// What the version marker says the item is.
    package var versionKind: VersionMarker.Kind? { version.map(VersionMarker.kind) }
}
