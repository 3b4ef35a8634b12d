/// Diagnostics: why an occurrence did or did not match (for logs, the eval and tuning).
public struct MatchExplanation: Sendable, Equatable, CustomStringConvertible {
    public var candidateID: String
    public var resemblance: Double
    public var containment: Double
    public var oldShingles: Int
    public var newShingles: Int
    /// Figure bits only in the first sighting / only in the occurrence (numbers guard).
    public var numbersOnlyOld: Int
    public var numbersOnlyNew: Int
    /// The same for the lead's figures alone.
    public var leadNumbersOnlyOld: Int
    public var leadNumbersOnlyNew: Int
    /// Lead-name bits only in the first sighting / only in the occurrence (names guard).
    public var namesOnlyOld: Int
    public var namesOnlyNew: Int
    /// The verdict under the index's configuration, nil when rejected.
    public var match: DuplicateMatch?

    public var description: String {
        "\(candidateID) J=\(resemblance) C=\(containment) shingles \(oldShingles)/\(newShingles) "
            + "numbers -\(numbersOnlyOld)+\(numbersOnlyNew) lead -\(leadNumbersOnlyOld)+\(leadNumbersOnlyNew) names -\(namesOnlyOld)+\(namesOnlyNew) → \(match?.rawValue ?? "rejected")"
    }
}

extension DuplicateIndex {
    /// Every LSH candidate of `fingerprint` with its evidence and verdict.
    public func explain(_ fingerprint: StoryFingerprint) -> [MatchExplanation] {
        candidates(of: fingerprint).map { slot in
            let evidence = evidence(fingerprint, against: slot)
            return MatchExplanation(
                candidateID: columns.id(at: slot).hex, resemblance: evidence.resemblance,
                containment: evidence.containment, oldShingles: evidence.oldShingles,
                newShingles: evidence.newShingles, numbersOnlyOld: evidence.numbersOnlyOld,
                numbersOnlyNew: evidence.numbersOnlyNew, leadNumbersOnlyOld: evidence.leadNumbersOnlyOld,
                leadNumbersOnlyNew: evidence.leadNumbersOnlyNew, namesOnlyOld: evidence.namesOnlyOld,
                namesOnlyNew: evidence.namesOnlyNew, match: NearVerdict(evidence, configuration)?.match)
        }
    }
}
