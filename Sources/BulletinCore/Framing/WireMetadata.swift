/// What a wire framing says about its item beyond the story's text: the fields an agency's
/// header, slug line and trailer carry. Names follow IPTC ninjs where it has the concept.
public struct WireMetadata: Sendable, Hashable {
    /// The framing the item came in.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case anpa1312 = "anpa-1312"
        case iptc7901 = "iptc-7901"
        case zczc
        case pressRelease = "press-release"
        case keyValue = "key-value"
        case governmentNotice = "government-notice"
    }

    public var format: Format
    /// The agency or service that filed the item, as it names itself ("AP", "dpa", "Reuters", "AAP").
    public var agency: String?
    /// The agency's keyword for the story, as written ("BC-US--Ethanol-Losing Grassland", "Germany-politics").
    public var slug: String?
    /// The take or version marker, as written ("1st Ld-Writethru", "REFILE", "1ST LEAD", "CORRECTED").
    public var version: String?
    /// ninjs urgency: 1 (flash) … 9 (lowest); nil when the framing gives none.
    public var urgency: Int?
    /// The agency's category code, as written ("a", "s", "i", "rs").
    public var category: String?
    /// Notes to editors: `Eds:` lines, `EDITOR'S NOTE`, "Note to editors" sections.
    public var ednote: String?
    /// When the agency filed the item (RFC 3339, UTC), from its trailer or header.
    public var filedAt: String?
    /// A kill or withdrawal: the story it names must not be used (ninjs pubstatus "canceled").
    public var isWithdrawn = false
    /// A service message of the framing (copyright fill, "Impressum", test), not a story.
    public var isServiceMessage = false

    public init(format: Format) {
        self.format = format
    }

    /// What the version marker says the item is.
    public var versionKind: VersionMarker.Kind? { version.map(VersionMarker.kind) }
}
