/// Version linking on the duplicate index: what a later take of a wire story is linked to.
extension DuplicateIndex {
    /// What to record for a framed story, given the duplicate decision on its text.
    /// A marked version (writethru, lead, refile, correction, kill, cancellation) that is not an
    /// exact repeat becomes a story line of its own, linked to its chain's first sighting: by
    /// item key, else by headline, else by its text (the decision's near match, or the closest
    /// earlier story whose text it shares, figures and names aside, since a correction changes
    /// exactly those).
    func versionLink(
        for fingerprint: StoryFingerprint, headline: String, wire: WireMetadata?, decision: DedupDecision
    ) -> (decision: DedupDecision, versionOf: String?) {
        guard let wire, wire.versionKind != nil, !wire.isServiceMessage else { return (decision, nil) }
        if case .duplicate(_, .exact, _) = decision { return (decision, nil) }
        let keys = VersionIndex.Keys(wireFormat: wire.format.rawValue, slug: wire.slug, headline: headline)
        var target = keys.item.flatMap(versions.first(forKey:)) ?? keys.headline.flatMap(versions.first(forHeadline:))
        if target == nil, case .duplicate(let original, _, _) = decision, let id = StoryID(hex: original) {
            target = id
        }
        if target == nil, let slot = closestEarlierStory(to: fingerprint) {
            target = columns.id(at: slot)
        }
        guard let target else { return (.new(id: fingerprint.id), nil) }
        return (.new(id: fingerprint.id), versions.root(of: target).hex)
    }

    /// Records the wire facts of a story line just inserted.
    mutating func noteVersion(id: String, headline: String, wire: WireMetadata?, versionOf: String?) {
        guard let wire, let storyID = StoryID(hex: id) else { return }
        versions.note(
            id: storyID, keys: VersionIndex.Keys(wireFormat: wire.format.rawValue, slug: wire.slug, headline: headline),
            isVersion: wire.versionKind != nil, versionOf: versionOf.flatMap(StoryID.init(hex:)))
    }

    /// Rebuilding from the store: the wire fields of a story line.
    package mutating func restoreVersion(
        id: String, headline: String, wireFormat: String?, slug: String?, version: String?, versionOf: String?
    ) {
        guard wireFormat != nil, let storyID = StoryID(hex: id) else { return }
        versions.note(
            id: storyID, keys: VersionIndex.Keys(wireFormat: wireFormat, slug: slug, headline: headline),
            isVersion: version != nil, versionOf: versionOf.flatMap(StoryID.init(hex:)))
    }

    /// The live candidate that shares the most text with `fingerprint`: at least half of the
    /// shorter text's shingles, by resemblance or containment; guards on figures and names are
    /// not asked.
    func closestEarlierStory(to fingerprint: StoryFingerprint) -> Int? {
        guard fingerprint.shingleCount > 0 else { return nil }
        var best: (slot: Int, share: Double)?
        for slot in candidates(of: fingerprint) {
            let evidence = evidence(fingerprint, against: slot)
            let smaller = Double(max(1, min(evidence.oldShingles, evidence.newShingles)))
            let total = Double(evidence.oldShingles + evidence.newShingles)
            let shared = evidence.resemblance * total / (1 + evidence.resemblance)
            let share = max(evidence.resemblance, min(1, shared / smaller))
            if share >= 0.5, best == nil || share > best!.share { best = (slot, share) }
        }
        return best?.slot
    }
}
