import BulletinCore
import Testing

@Suite("DuplicateIndex matching")
struct DuplicateIndexTests {
    let now = DedupFixtures.now

    @Test("a first sighting is new, under its StoryID, and counted")
    func firstSighting() {
        var index = DuplicateIndex()
        let decision = index.ingest(DedupFixtures.storm, receivedAt: now)
        #expect(decision == .new(id: StoryID(of: DedupFixtures.storm).hex))
        #expect(index.count == 1)
        #expect(index.ingest(DedupFixtures.toyota, receivedAt: now).isNew)
        #expect(index.count == 2)
    }

    @Test("an exact re-send and a restyled copy match exactly, similarity 1")
    func exactMatch() {
        var index = DuplicateIndex()
        let id = StoryID(of: DedupFixtures.storm).hex
        _ = index.ingest(DedupFixtures.storm, receivedAt: now)
        #expect(index.ingest(DedupFixtures.storm, receivedAt: now + 1) == .duplicate(of: id, match: .exact, similarity: 1))
        var restyled = DedupFixtures.storm
        restyled.headline = restyled.headline.uppercased()
        restyled.paragraphs = restyled.paragraphs.map { $0.replacingOccurrences(of: " ", with: "  ") }
        #expect(index.ingest(restyled, receivedAt: now + 2) == .duplicate(of: id, match: .exact, similarity: 1))
        #expect(index.count == 1)
    }

    @Test("edited copies are near duplicates of the first sighting", arguments: EditedCopy.allCases)
    func nearMatch(edit: EditedCopy) {
        var index = DuplicateIndex()
        _ = index.ingest(DedupFixtures.toyota, receivedAt: now)
        let decision = index.ingest(edit.apply(to: DedupFixtures.storm), receivedAt: now)
        #expect(decision.isNew)
        let copy = index.ingest(edit.apply(to: DedupFixtures.storm), receivedAt: now + 60)
        #expect(copy.match == .exact)
        var fresh = DuplicateIndex()
        _ = fresh.ingest(DedupFixtures.storm, receivedAt: now)
        let edited = fresh.ingest(edit.apply(to: DedupFixtures.storm), receivedAt: now + 60)
        #expect(edited.duplicateOf == StoryID(of: DedupFixtures.storm).hex)
        #expect(edited.match == edit.expectedMatch)
        #expect((edited.similarity ?? 0) >= 0.6)
        #expect((edited.similarity ?? 2) <= 1)
    }

    /// A back-fill sizes the index ahead (`reserveCapacity`): the tables are rebuilt at once
    /// with the stories already in, and every later decision must be the one made without it.
    @Test("room reserved ahead changes no decision, before or after the stories already in")
    func reservedRoom() {
        func generated(_ number: Int) -> Story {
            Story(headline: "Council \(number) meets", paragraphs: [
                "The council of district \(number) met on Monday to vote on item \(number * 7919) of its budget.",
                "Members from ward \(number % 17) and ward \(number % 23) asked for the vote \(number) to be delayed.",
            ])
        }
        let early = (0..<40).map(generated)
        let later = [DedupFixtures.storm, DedupFixtures.toyota] + (40..<240).map(generated)
            + early + EditedCopy.allCases.flatMap { [$0.apply(to: DedupFixtures.storm), $0.apply(to: DedupFixtures.toyota)] }
            + early.map { story in
                // One word of the lead changed (so the lead key differs): near copies found
                // only through the bands, of stories in before the rebuild.
                var edited = story
                edited.paragraphs[0] = edited.paragraphs[0].replacingOccurrences(of: "The council", with: "The assembly")
                return edited
            }
        var plain = DuplicateIndex()
        var reserved = DuplicateIndex()
        let before = early.map { (plain.ingest($0, receivedAt: now), reserved.ingest($0, receivedAt: now)) }
        #expect(before.allSatisfy { $0.0 == $0.1 && $0.0.isNew })
        reserved.reserveCapacity(forAdditional: 5000)
        let after = later.map { (plain.ingest($0, receivedAt: now + 60), reserved.ingest($0, receivedAt: now + 60)) }
        #expect(after.filter { $0.0 != $0.1 }.isEmpty)
        // The early stories, sent again after the rebuild, are found.
        #expect(after[202..<242].allSatisfy { $0.1.match == .exact })
        #expect(after[254...].allSatisfy { $0.1.duplicateOf != nil && $0.1.match != .exact })
        #expect(after.contains { $0.1.match == .near } && after.contains { $0.1.match == .update })
        #expect(plain.count == reserved.count)
    }

    /// A brief of two sentences cut to its first (Leipzig web text, Tests/LangCorpus/SOURCES.md):
    /// the twelve words left are the lead the original is filed under, however few shingles.
    @Test("a copy cut to a lead of twelve to fourteen words is found by its lead")
    func trimmedToAShortLead() {
        var index = DuplicateIndex()
        let original = Story(
            headline: "Там буде світлість і святість, там не буде ні плачу, ні скреготу зубів",
            paragraphs: [
                "Усі театри хіба що стали скидатися на МХАТ, розвивалися на єдиній ключі.",
                "Уроки русько-японської війни пильно вивчали, особливо німці, що задовго поперед своїх суперників зрозуміли, що окопні укріплення важливі для захисту піхоти від артилерійського вогню.",
            ])
        #expect(index.ingest(original, receivedAt: now).isNew)
        let id = StoryID(of: original).hex
        var trimmed = original
        trimmed.paragraphs.removeLast()
        #expect(index.ingest(trimmed, receivedAt: now + 60).duplicateOf == id)
        // Another story opening with other words is not taken for it.
        var other = trimmed
        other.paragraphs = ["Інші театри ніколи не стали скидатися на МХАТ, розвивалися на власному ключі."]
        #expect(index.ingest(other, receivedAt: now + 120).isNew)
    }

    /// Leipzig's Ukrainian web text (Tests/LangCorpus/SOURCES.md): a first sentence of eight
    /// words, too short for twelve, is the lead key by itself.
    @Test("a copy cut to a first paragraph of six to eleven words is found by its lead")
    func trimmedToAShortFirstParagraph() {
        var index = DuplicateIndex()
        let original = Story(
            headline: "Це був карась грамів на 200-250, дуже сильно впирався при виважуванні",
            paragraphs: [
                "Рух матерії є категорією абсолютною, стійкість (стабільність) - відносною.",
                "Три найбільш яскраво виражені ми називаємо метою, зусиллям та досягненням мети.",
            ])
        #expect(index.ingest(original, receivedAt: now).isNew)
        var trimmed = original
        trimmed.paragraphs.removeLast()
        #expect(index.ingest(trimmed, receivedAt: now + 60).duplicateOf == StoryID(of: original).hex)
    }

    @Test("a later occurrence in the same bulletin matches one inserted just before it")
    func sameBulletin() {
        var index = DuplicateIndex()
        let bulletin = [DedupFixtures.toyota, DedupFixtures.storm, EditedCopy.reheadlined.apply(to: DedupFixtures.storm)]
        let decisions = bulletin.map { index.ingest($0, receivedAt: now) }
        #expect(decisions[2].duplicateOf == StoryID(of: DedupFixtures.storm).hex)
    }

    @Test("numbers guard: a recurring series with new figures stays separate; without the guard it merges")
    func numbersGuard() {
        let monday = DedupFixtures.fedReserves(amount: "3.5", weekday: "Monday", rate: "5.31")
        let tuesday = DedupFixtures.fedReserves(amount: "4.25", weekday: "Monday", rate: "5.33")
        var index = DuplicateIndex()
        _ = index.ingest(monday, receivedAt: now)
        #expect(index.ingest(tuesday, receivedAt: now + 86_400).isNew)

        var unguarded = DuplicateIndex(configuration: DedupConfiguration(numberGuardMinimum: 0, nameGuardMinimum: 0))
        _ = unguarded.ingest(monday, receivedAt: now)
        #expect(!unguarded.ingest(tuesday, receivedAt: now + 86_400).isNew)
    }

    @Test("numbers guard: figures only added (an extension) do not trip it")
    func numbersGuardIsDirectional() {
        var extended = DedupFixtures.storm
        extended.paragraphs.append("By Thursday morning 150,000 customers had power again, ESB Networks said at 0900 GMT.")
        var index = DuplicateIndex()
        _ = index.ingest(DedupFixtures.storm, receivedAt: now)
        #expect(index.ingest(extended, receivedAt: now + 1).duplicateOf == StoryID(of: DedupFixtures.storm).hex)
    }

    @Test("names guard: templated briefs that differ only in the company stay separate; without it they merge")
    func namesGuard() {
        var index = DuplicateIndex()
        _ = index.ingest(DedupFixtures.dividend(company: "Acme Holdings"), receivedAt: now)
        #expect(index.ingest(DedupFixtures.dividend(company: "Beacon Foods"), receivedAt: now).isNew)

        var unguarded = DuplicateIndex(configuration: DedupConfiguration(numberGuardMinimum: 0, nameGuardMinimum: 0))
        _ = unguarded.ingest(DedupFixtures.dividend(company: "Acme Holdings"), receivedAt: now)
        #expect(!unguarded.ingest(DedupFixtures.dividend(company: "Beacon Foods"), receivedAt: now).isNew)
    }

    @Test("unrelated stories and two different reports of one event are not merged")
    func differentStories() {
        var index = DuplicateIndex()
        _ = index.ingest(DedupFixtures.storm, receivedAt: now)
        #expect(index.ingest(DedupFixtures.toyota, receivedAt: now).isNew)
        let otherReport = Story(headline: "Ireland storm leaves thousands without electricity", paragraphs: [
            "More than 200,000 Irish homes and businesses lost power on Wednesday as Storm Agnes swept in from the Atlantic with winds of 130 km per hour.",
            "Schools shut in three counties. The utility ESB Networks said it expected most customers in Cork and Kerry to be reconnected by the weekend.",
        ])
        #expect(index.ingest(otherReport, receivedAt: now).isNew)
    }

    @Test("restore re-inserts a stored story under its recorded id; idempotent; malformed ids are skipped")
    func restore() {
        var index = DuplicateIndex()
        let recorded = "0123456789abcdef0123456789abcdef"
        index.restore(id: recorded, headline: DedupFixtures.storm.headline, bodyText: DedupFixtures.storm.bodyText, receivedAt: now)
        index.restore(id: recorded, headline: DedupFixtures.storm.headline, bodyText: DedupFixtures.storm.bodyText, receivedAt: now)
        index.restore(id: "not-an-id", headline: DedupFixtures.toyota.headline, bodyText: DedupFixtures.toyota.bodyText, receivedAt: now)
        #expect(index.count == 1)
        let decision = index.ingest(EditedCopy.trimmed.apply(to: DedupFixtures.storm), receivedAt: now + 5)
        #expect(decision.duplicateOf == recorded)

        var byOwnID = DuplicateIndex()
        let id = StoryID(of: DedupFixtures.storm).hex
        byOwnID.restore(id: id, headline: DedupFixtures.storm.headline, bodyText: DedupFixtures.storm.bodyText, receivedAt: now)
        #expect(byOwnID.ingest(DedupFixtures.storm, receivedAt: now) == .duplicate(of: id, match: .exact, similarity: 1))
    }

    @Test("an empty story only matches exactly")
    func emptyStory() {
        var index = DuplicateIndex()
        let empty = Story(headline: "", paragraphs: [])
        #expect(index.ingest(empty, receivedAt: now).isNew)
        #expect(index.ingest(empty, receivedAt: now).match == .exact)
        #expect(index.ingest(DedupFixtures.storm, receivedAt: now).isNew)
    }
}

/// The kinds of edit a re-sent story comes back with.
enum EditedCopy: String, CaseIterable, CustomStringConvertible {
    case reheadlined, trimmed, extended, reportingBy, copyEdited, requoted

    var description: String { rawValue }

    var expectedMatch: DuplicateMatch {
        switch self {
        case .extended: .update
        case .requoted: .exact
        default: .near
        }
    }

    func apply(to story: Story) -> Story {
        var copy = story
        switch self {
        case .reheadlined:
            copy.headline = "UPDATE 1-" + story.headline.replacingOccurrences(of: "cuts", with: "knocks out")
        case .trimmed:
            copy.paragraphs.removeLast()
        case .extended:
            copy.paragraphs.append("Later on Wednesday the government said it would hold an emergency meeting with ESB Networks and local councils in the west to review storm preparations and the time taken to reconnect remote farms.")
        case .reportingBy:
            copy.paragraphs.append("(Reporting by Conor Humphries; Editing by Alex Richardson)")
        case .copyEdited:
            copy.paragraphs = copy.paragraphs.map { $0.replacingOccurrences(of: " said ", with: " stated ") }
            copy.paragraphs[3] = copy.paragraphs[3].replacingOccurrences(of: "around", with: "about")
        case .requoted:
            copy.paragraphs = copy.paragraphs.map { "\u{201C}" + $0.replacingOccurrences(of: ", ", with: " , ").replacingOccurrences(of: " and ", with: " \u{2014} and ") + "\u{201D} " }
        }
        return copy
    }
}
