/// A writer's credit among the lines that head a story, over its text: "Management of Intact
/// Forestlands by Indigenous Peoples Key to Protecting Climate / By The Planetary Press /
/// Updated 17 January 2020 / Courtesy of Forests News / Written by: Julie Mollins / Indigenous
/// Peoples have had …" (theplanetarypress.com, independent-tuning 0025 and 0061). A credit closes a story
/// that has text; above the story's first sentence (its blocks so far are lines that end none:
/// a time line, a courtesy line) with text under it, it credits the story it heads.
extension StoryAssembler {
    static func creditsTheHead(_ draft: StoryDraft, before index: Int, in parts: [Part]) -> Bool {
        guard index + 1 < parts.count, case .paragraph = parts[index + 1] else { return false }
        return draft.blocks.allSatisfy { block in
            guard case .prose(let bytes) = block else { return false }
            return bytes.count <= 80 && !BlockMetrics.endsSentence(bytes)
        }
    }
}
