public enum DuplicateMatch: String, Sendable, Codable { case exact, near }
public enum DedupDecision: Sendable, Equatable {
    case new(id: String)
    case duplicate(of: String, match: DuplicateMatch, similarity: Double)
}
public struct DedupConfiguration: Sendable, Equatable { public static let `default` = DedupConfiguration() }

/// Placeholder index: exact matches only.
public struct DuplicateIndex: Sendable {
    private var ids: Set<String> = []
    public init(configuration: DedupConfiguration = .default) {}
    public var count: Int { ids.count }
    public mutating func ingest(_ story: Story, receivedAt: Double) -> DedupDecision {
        let id = StoryIdentity.id(of: story)
        if ids.contains(id) { return .duplicate(of: id, match: .exact, similarity: 1) }
        ids.insert(id)
        return .new(id: id)
    }
    public mutating func restore(id: String, headline: String, bodyText: String, receivedAt: Double) { ids.insert(id) }
}
