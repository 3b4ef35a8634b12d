import BulletinCore

/// Small stories shared by the dedup tests.
enum DedupFixtures {
    static let storm = Story(
        headline: "Storm Agnes cuts power to 200,000 homes in Ireland",
        paragraphs: [
            "Storm Agnes brought gusts of up to 130 km per hour to the west coast of Ireland on Wednesday, cutting power to more than 200,000 homes and businesses and forcing the closure of schools in three counties.",
            "ESB Networks said crews had restored supply to about 60,000 customers by the evening, but warned that some rural areas in Cork and Kerry could be without electricity until the weekend.",
            "Met Eireann kept an orange wind warning in place for Galway, Mayo and Clare until midnight, and urged motorists to avoid coastal roads where waves were overtopping sea walls.",
            "Ferry crossings between Rosslare and Fishguard were cancelled and Dublin Airport reported delays to around 40 flights.",
        ])

    static let toyota = Story(
        headline: "Toyota to invest $8 billion in North Carolina battery plant",
        paragraphs: [
            "Toyota Motor Corp will invest an additional $8 billion in its battery plant under construction in North Carolina, bringing its total commitment to the site to nearly $14 billion, the Japanese carmaker said on Tuesday.",
            "The plant in Liberty, near Greensboro, will supply batteries for hybrid and fully electric vehicles assembled in North America and is expected to begin production in 2025.",
            "Toyota said the expansion would create 3,000 more jobs, taking planned employment at the site to more than 5,000.",
            "The announcement follows similar investments by Honda, Hyundai and Ford, which are racing to build battery capacity in the United States to qualify for tax credits under the Inflation Reduction Act.",
        ])

    static func fedReserves(amount: String, weekday: String, rate: String) -> Story {
        Story(headline: "Fed adds reserves via overnight repurchase agreements", paragraphs: [
            "The Federal Reserve added $\(amount) billion in temporary reserves to the banking system on \(weekday) through overnight repurchase agreements, the New York Fed said.",
            "Federal funds were trading at \(rate) percent at the time of the operation, the same level as at the previous day's close.",
        ])
    }

    static func dividend(company: String, cents: Int = 25) -> Story {
        Story(headline: "\(company) declares quarterly dividend", paragraphs: [
            "\(company) said on Tuesday its board declared a quarterly cash dividend of \(cents) cents per share, payable on June 1 to shareholders of record at the close of business on May 15.",
            "The dividend is unchanged from the previous quarter, the company said in a statement.",
        ])
    }

    static let now = 1_700_000_000.0
}

extension DedupDecision {
    var isNew: Bool { if case .new = self { true } else { false } }
    var match: DuplicateMatch? { if case .duplicate(_, let match, _) = self { match } else { nil } }
    var duplicateOf: String? { if case .duplicate(let id, _, _) = self { id } else { nil } }
    var similarity: Double? { if case .duplicate(_, _, let similarity) = self { similarity } else { nil } }
}
