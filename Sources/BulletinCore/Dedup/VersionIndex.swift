/// Links later versions of a wire story (writethrus, leads, refiles, corrections, repeats,
/// kills) to the story's first sighting. Kept beside the duplicate index, saved in its
/// snapshot and rebuilt from the store's `wire_format`, `slug` and `version_of` fields.
///
/// Two ways to the first sighting: the item key (framing and slug without its version
/// marker: AP's and dpa's slugs name a story across its takes), or the text, for agencies
/// whose slugs are cut short (Reuters' 1987 slugs lose their last words to "CORRECTED").
public struct VersionIndex: Sendable, Equatable {
    /// Item key (hashed) → the story first sighted under it.
    var firstByKey: [UInt64: StoryID] = [:]
    /// A later version's id → its chain's first sighting, so a take found by its text through
    /// another take still links to the first.
    var rootOf: [StoryID: StoryID] = [:]

    public init() {}

    public var isEmpty: Bool { firstByKey.isEmpty && rootOf.isEmpty }

    /// The first sighting of the story filed under `key`, if any.
    func first(forKey key: String) -> StoryID? { firstByKey[Self.hash(key)] }

    /// The first sighting of the chain `id` belongs to (itself when it starts one).
    func root(of id: StoryID) -> StoryID { rootOf[id] ?? id }

    /// Records a story line: the first story under a key opens it; a story that is not a
    /// version takes the key over (a slug reused for a new story, as AP's daily slugs are);
    /// a version remembers its chain's first sighting.
    mutating func note(id: StoryID, key: String?, isVersion: Bool, versionOf: StoryID?) {
        if let versionOf { rootOf[id] = versionOf }
        guard let key else { return }
        let hash = Self.hash(key)
        if firstByKey[hash] == nil || !isVersion { firstByKey[hash] = versionOf ?? id }
    }

    static func hash(_ key: String) -> UInt64 { StableHash.word(key) }

    /// The item key a store line carries, as `WireMetadata.itemKey` made it.
    public static func key(wireFormat: String?, slug: String?) -> String? {
        guard let wireFormat, let slug, let base = VersionMarker.baseSlug(slug) else { return nil }
        return "\(wireFormat)|\(base)"
    }
}

extension VersionIndex {
    /// Snapshot section: the key table (key hash, id high, id low) and the root table
    /// (version high, low, root high, low), each as one array of words, in key order so the
    /// same index always writes the same bytes.
    func write(to writer: inout SnapshotWriter) {
        var keyWords: [UInt64] = []
        keyWords.reserveCapacity(3 * firstByKey.count)
        for (key, id) in firstByKey.sorted(by: { $0.key < $1.key }) { keyWords += [key, id.high, id.low] }
        var rootWords: [UInt64] = []
        rootWords.reserveCapacity(4 * rootOf.count)
        for (id, root) in rootOf.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }) {
            rootWords += [id.high, id.low, root.high, root.low]
        }
        writer.append(array: keyWords)
        writer.append(array: rootWords)
    }

    init(reading reader: inout SnapshotReader) throws {
        let keyWords: [UInt64] = try reader.readArray(expectedCount: nil)
        let rootWords: [UInt64] = try reader.readArray(expectedCount: nil)
        guard keyWords.count % 3 == 0, rootWords.count % 4 == 0 else { throw DedupSnapshotError.inconsistent }
        for index in stride(from: 0, to: keyWords.count, by: 3) {
            firstByKey[keyWords[index]] = StoryID(high: keyWords[index + 1], low: keyWords[index + 2])
        }
        for index in stride(from: 0, to: rootWords.count, by: 4) {
            rootOf[StoryID(high: rootWords[index], low: rootWords[index + 1])] =
                StoryID(high: rootWords[index + 2], low: rootWords[index + 3])
        }
    }
}
