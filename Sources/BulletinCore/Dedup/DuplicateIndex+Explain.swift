/// Diagnostics: why an occurrence did or did not match (for logs, the eval and tuning).
package struct MatchExplanation: Sendable, Equatable, CustomStringConvertible {
    package var candidateID: String
    package var resemblance: Double
    package var containment: Double
    package var oldShingles: Int
    package var newShingles: Int
    /// Figure bits only in the first sighting / only in the occurrence (numbers guard).
    package var numbersOnlyOld: Int
    package var numbersOnlyNew: Int
    /// The same for the lead's figures alone.
    package var leadNumbersOnlyOld: Int
    package var leadNumbersOnlyNew: Int
    /// Lead-name bits only in the first sighting / only in the occurrence (names guard).
    package var namesOnlyOld: Int
    package var namesOnlyNew: Int
    /// The verdict under the index's configuration, nil when rejected.
    package var match: DuplicateMatch?

    package var description: String {
        "\(candidateID) J=\(resemblance) C=\(containment) shingles \(oldShingles)/\(newShingles) "
            + "numbers -\(numbersOnlyOld)+\(numbersOnlyNew) lead -\(leadNumbersOnlyOld)+\(leadNumbersOnlyNew) names -\(namesOnlyOld)+\(namesOnlyNew) → \(match?.rawValue ?? "rejected")"
    }
}

extension DuplicateIndex {
    /// Every LSH candidate of `fingerprint` with its evidence and verdict.
    package func explain(_ fingerprint: StoryFingerprint) -> [MatchExplanation] {
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
