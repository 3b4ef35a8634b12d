/// How an occurrence matched the first sighting it duplicates (the store's `match` field).
package enum DuplicateMatch: String, Sendable, Codable, CaseIterable {
    /// Same normalized text (case, whitespace, punctuation, quote, dash and compatibility forms
    /// folded): the ids are equal. `similarity` is 1.
    case exact
    /// A re-send with edits: re-headlined, trimmed, a credit line added, words changed.
    /// `similarity` is the estimated resemblance (Jaccard) of the two bodies' word shingles, or,
    /// for a trimmed copy, the estimated share of the shorter body found in the longer one.
    case near
    /// An extended version: the occurrence contains the first sighting and adds new text
    /// (at least `DedupConfiguration.updateGrowth` more shingles, e.g. a new paragraph).
    /// `similarity` is the estimated share of the first sighting found in the occurrence.
    case update
}

/// The index's verdict on one story occurrence.
package enum DedupDecision: Sendable, Equatable {
    /// First sighting: the story was inserted under `id` (its `StoryID(of:)`).
    case new(id: String)
    /// Seen before: `of` is the id of the first-sighted story.
    case duplicate(of: String, match: DuplicateMatch, similarity: Double)
}
