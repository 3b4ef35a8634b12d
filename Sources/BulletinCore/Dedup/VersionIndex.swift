/// Links later versions of a wire story (writethrus, leads, refiles, corrections, repeats,
/// kills, cancellations) to the story's first sighting. Kept beside the duplicate index, saved
/// in its snapshot and rebuilt from the store's `wire_format`, `slug`, `headline`, `version`
/// and `version_of` fields.
///
/// Three ways to the first sighting, tried in this order: the item key (framing and slug
/// without its version marker: AP's and dpa's slugs name a story across its takes); the
/// headline (a kill repeats the headline of the story it kills, "STORY WITHDRAWN - …", and a
/// government cancellation the title of the alert it ends); else the text, for agencies whose
/// slugs are cut short (Reuters' 1987 slugs lose their last words to "CORRECTED").
package struct VersionIndex: Sendable, Equatable {
    /// Item key (hashed) → the story first sighted under it.
    var firstByKey: [UInt64: StoryID] = [:]
    /// Headline key (hashed) → the latest story that is not a version with that headline.
    var firstByHeadline: [UInt64: StoryID] = [:]
    /// A later version's id → its chain's first sighting, so a take found by its text through
    /// another take still links to the first.
    var rootOf: [StoryID: StoryID] = [:]

    package init() {}

    package var isEmpty: Bool { firstByKey.isEmpty && firstByHeadline.isEmpty && rootOf.isEmpty }

    /// The first sighting of the story filed under `key`, if any.
    func first(forKey key: String) -> StoryID? { firstByKey[Self.hash(key)] }

    /// The story an earlier wire item of the same framing headlined so.
    func first(forHeadline key: String) -> StoryID? { firstByHeadline[Self.hash(key)] }

    /// The first sighting of the chain `id` belongs to (itself when it starts one).
    func root(of id: StoryID) -> StoryID { rootOf[id] ?? id }

    /// Records a story line: the first story under a key opens it; a story that is not a
    /// version takes the key over (a slug reused for a new story, as AP's daily slugs are);
    /// a version remembers its chain's first sighting.
    mutating func note(id: StoryID, keys: Keys, isVersion: Bool, versionOf: StoryID?) {
        if let versionOf { rootOf[id] = versionOf }
        if let key = keys.item {
            let hash = Self.hash(key)
            if firstByKey[hash] == nil || !isVersion { firstByKey[hash] = versionOf ?? id }
        }
        if let key = keys.headline {
            let hash = Self.hash(key)
            if firstByHeadline[hash] == nil || !isVersion { firstByHeadline[hash] = versionOf ?? id }
        }
    }

    static func hash(_ key: String) -> UInt64 { StableHash.word(key) }

    /// What a story line is found by: its item key and its headline key.
    package struct Keys: Sendable, Equatable {
        package var item: String?
        package var headline: String?

        /// The keys of a story line, from the fields the store keeps (so a rebuild from the
        /// store finds what the live index found).
        package init(wireFormat: String?, slug: String?, headline: String?) {
            guard let wireFormat else { return }
            // A government product id names a series of notices, not one story: their title does.
            if wireFormat != WireMetadata.Format.governmentNotice.rawValue, let slug, let base = VersionMarker.baseSlug(slug) {
                item = "\(wireFormat)|\(base)"
            }
            if let headline {
                var title = Substring(headline)
                if let cancelled = GovernmentNoticeReader.cancelledTitle(headline) { title = cancelled }
                let words = VersionMarker.folded(String(title))
                // A headline of one or two words ("Results", "Weather") names no one story.
                if words.count >= 3 { self.headline = "\(wireFormat)|\(words.joined(separator: " "))" }
            }
        }
    }
}

extension VersionIndex {
    /// Snapshot section: the key table (key hash, id high, id low), the headline table (the
    /// same) and the root table (version high, low, root high, low), each as one array of
    /// words, in key order so the same index always writes the same bytes.
    func write(to writer: inout some SnapshotSink) {
        writer.append(array: Self.words(firstByKey))
        writer.append(array: Self.words(firstByHeadline))
        var rootWords: [UInt64] = []
        rootWords.reserveCapacity(4 * rootOf.count)
        for (id, root) in rootOf.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }) {
            rootWords += [id.high, id.low, root.high, root.low]
        }
        writer.append(array: rootWords)
    }

    private static func words(_ table: [UInt64: StoryID]) -> [UInt64] {
        var words: [UInt64] = []
        words.reserveCapacity(3 * table.count)
        for (key, id) in table.sorted(by: { $0.key < $1.key }) { words += [key, id.high, id.low] }
        return words
    }

    init(reading reader: inout SnapshotReader) throws {
        firstByKey = try Self.table(&reader)
        firstByHeadline = try Self.table(&reader)
        let rootWords: [UInt64] = try reader.readArray(expectedCount: nil)
        guard rootWords.count % 4 == 0 else { throw DedupSnapshotError.inconsistent }
        for index in stride(from: 0, to: rootWords.count, by: 4) {
            rootOf[StoryID(high: rootWords[index], low: rootWords[index + 1])] =
                StoryID(high: rootWords[index + 2], low: rootWords[index + 3])
        }
    }

    private static func table(_ reader: inout SnapshotReader) throws -> [UInt64: StoryID] {
        let words: [UInt64] = try reader.readArray(expectedCount: nil)
        guard words.count % 3 == 0 else { throw DedupSnapshotError.inconsistent }
        var table: [UInt64: StoryID] = [:]
        for index in stride(from: 0, to: words.count, by: 3) {
            table[words[index]] = StoryID(high: words[index + 1], low: words[index + 2])
        }
        return table
    }
}
