import Testing

@testable import BulletinCore

/// The byte tables must answer exactly as the `Set<String>` lookups they replace.
@Suite("Lookup tables")
struct LookupTablesTests {
    func contains(_ set: ByteNameSet, _ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer(set.contains)
    }

    @Test func nameSetIgnoringCaseFindsEveryNameAndNothingElse() {
        let names = ["reuters", "associated press", "people's daily", "lenta.ru", "ap", "a"]
        let set = ByteNameSet(names, ignoringCase: true)
        for name in names {
            #expect(contains(set, name))
            #expect(contains(set, name.uppercased()))
        }
        for other in ["", "reuter", "reuterss", "associated  press", "b", "lenta-ru", "peoples daily"] {
            #expect(!contains(set, other), "\(other)")
        }
    }

    @Test func exactNameSetMindsCase() {
        let set = ByteNameSet(["UN", "NATO", "G7"], ignoringCase: false)
        #expect(contains(set, "UN") && contains(set, "NATO") && contains(set, "G7"))
        #expect(!contains(set, "Un") && !contains(set, "nato") && !contains(set, "g7") && !contains(set, "UNO"))
    }

    @Test func packedKeySetFindsEveryKeyAndNeverZero() {
        let keys: [UInt64] = [1, 2, 0xFFFF_FFFF_FFFF_FFFF, 0x6263_6300, 42 << 58]
        let set = PackedKeySet(keys)
        for key in keys { #expect(set.contains(key)) }
        for other: UInt64 in [0, 3, 43 << 58, 0x6263_6301] { #expect(!set.contains(other)) }
    }

    @Test(
        "outlets by bytes agree with the String route",
        arguments: [
            "Reuters", "REUTERS", "Associated Press", "the Associated Press", "Interfax,", "BBC News", "Lenta.ru",
            "Voice of Russia", "\u{212A}yodo", "Kyodo", "Ria Novosti", "Moscow", "Daily Planet", "X", "",
        ])
    func outletsAgree(_ name: String) {
        // The String route as it was: the packed last word first, then the lowercased
        // name (so a Kelvin-sign "Kyodo" fails at its last word, as it always did).
        let lastWord = Array(name.utf8.split(separator: 0x20, omittingEmptySubsequences: false).last ?? [])
        let lastWordKnown = lastWord.withUnsafeBufferPointer(KnownOutlets.isLastWordOfKnownName)
        let expected = lastWordKnown && KnownOutlets.names.contains(name.lowercased())
        #expect(KnownOutlets.isKnown(name) == expected)
    }

    /// `StandaloneLines.SignOffOpenings` rules a line out by its first two bytes before any
    /// sign-off test runs: each agency name, credit opener, source label and "copyright" must
    /// pass it in any case, or a real sign-off would be lost.
    @Test func signOffOpeningsAdmitEverySignOffInAnyCase() {
        let names = KnownOutlets.signOffAgencies.union(KnownOutlets.parenthesizedSignOffAgencies)
        let openings = StandaloneLines.creditOpeners.map(\.description) + StandaloneLines.sourceLabels.map(\.description)
        for text in Array(names) + openings + ["copyright "] {
            let bytes = Array(text.utf8)
            guard bytes.count >= 2, bytes[0] < 0x80, bytes[1] < 0x80 else { continue }
            for variant in [text, text.uppercased(), text.prefix(1).uppercased() + text.dropFirst()] {
                let pair = Array(variant.utf8)
                #expect(StandaloneLines.SignOffOpenings.mayOpen(pair[0], pair[1]), "\(variant)")
            }
        }
        for line in ["Reuter", "REUTER", "AFP", "(AP)", "-- AFP", "SOURCE: Tatts Lotteries", "Copyright 2018 AAP",
            "Reporting by Jane Doe; Editing by John Roe", "Quelle: DPA", "(PAP)", "(c) AAP 2018"]
        {
            #expect(StandaloneLines.signOff(Array(line.utf8)[...]) != nil, "\(line)")
        }
        // Rows of AAP's results tables (aap-betting, aap-lotto): ruled out by their first bytes.
        for row in ["3.00 Dream Kisses", "Division 1     $2,070,113.85", "Winning Numbers", "1 x NSW", "Dream Kisses"] {
            let bytes = Array(row.utf8)
            #expect(!StandaloneLines.SignOffOpenings.mayOpen(bytes[0], bytes[1]), "\(row)")
            #expect(StandaloneLines.signOff(bytes[...]) == nil, "\(row)")
        }
    }

    /// Past 30 bytes `StandaloneLines.signOff` lets only the openings of a credit, "copyright"
    /// or a source label through (`SignOffOpenings.mayOpenLong`): each must pass in any case,
    /// and long sign-offs are still found, while wrapped prose whose first two bytes open an
    /// agency's name ("In …" of Interfax, "Sa…" of SANA) is ruled out there.
    @Test func longSignOffOpeningsAdmitEveryLongSignOffInAnyCase() {
        let openings = StandaloneLines.creditOpeners.map(\.description) + StandaloneLines.sourceLabels.map(\.description)
        for text in openings + ["copyright "] {
            for variant in [text, text.uppercased(), text.prefix(1).uppercased() + text.dropFirst()] {
                let pair = Array(variant.utf8)
                #expect(StandaloneLines.SignOffOpenings.mayOpenLong(pair[0], pair[1]), "\(variant)")
            }
        }
        for line in ["Reporting by Jane Doe; Editing by John Roe", "Source: Interfax, Reuters, Associated Press",
            "Copyright 2018 Australian Associated Press", "Additional reporting by Helen Okafor in Lagos"]
        {
            #expect(line.utf8.count > 30 && StandaloneLines.signOff(Array(line.utf8)[...]) != nil, "\(line)")
        }
        for line in ["In a statement the ministry said on Monday that", "Saudi Arabia's oil output rose in March, it said"] {
            let bytes = Array(line.utf8)
            #expect(StandaloneLines.SignOffOpenings.mayOpen(bytes[0], bytes[1]), "\(line)")
            #expect(!StandaloneLines.SignOffOpenings.mayOpenLong(bytes[0], bytes[1]), "\(line)")
            #expect(StandaloneLines.signOff(bytes[...]) == nil, "\(line)")
        }
    }

    /// `ServiceMessage.mentionsKeyWord` looks for "t", "a" and "i" eight bytes a step: it must
    /// find each key word, in any case, at every offset, as a byte-by-byte search does.
    @Test func serviceKeyWordsFoundAtEveryOffset() {
        for word in ["test", "TEST", "Advisory", "ADVISORY", "impressum", "Impressum"] {
            for offset in 0...17 {
                let text = String(repeating: "x", count: offset) + word + " zz"
                #expect(ServiceMessage.mentionsKeyWord(text), "\(text)")
                #expect(ServiceMessage.mentionsKeyWord(String(text.prefix(offset + word.utf8.count))), "\(text)")
            }
        }
        for text in ["", "tes", "BC-Tes-Advisor", "Impress", "Winter storm advis for Denver", "ta ta ti ti at it"] {
            #expect(!ServiceMessage.mentionsKeyWord(text), "\(text)")
        }
    }

    /// `StandaloneLines.mayOpenByline(_:_:)`, the segmenter's two-byte test before `byline`,
    /// lets every label through in any case, and every byline the fixtures name.
    @Test func bylineOpeningsAdmitEveryLabelInAnyCase() {
        for label in StandaloneLines.bylineLabels.map(\.description) {
            for variant in [label, label.uppercased(), label.prefix(1).uppercased() + label.dropFirst()] {
                let pair = Array(variant.utf8)
                #expect(StandaloneLines.mayOpenByline(pair[0], pair[1]), "\(variant)")
            }
        }
        for line in ["By Jane Smith", "BY JANE SMITH", "Von Beate Finken", "Par Jean Dupont", "Autor: Jan Nowak"] {
            let bytes = Array(line.utf8)
            #expect(StandaloneLines.byline(bytes[...]) != nil, "\(line)")
            #expect(StandaloneLines.mayOpenByline(bytes[0], bytes[1]), "\(line)")
        }
        // Rows of AAP's tables (aap-* wire fixtures) that the first byte let through: ruled out by two.
        let rows = [
            "Race one Eagle Farm - Fernwood Fitness Hcp", "Debt agreements were the only type",
            "Personal insolvency in the September quarter 2015",
        ]
        for row in rows {
            let bytes = Array(row.utf8)
            #expect(!StandaloneLines.mayOpenByline(bytes[0], bytes[1]), "\(row)")
        }
    }

    /// `FigureRows.hasDigit` reads eight bytes a step: a digit at every offset of lines of
    /// every length up to 24 is found, among bytes that are digits once their high bit is
    /// masked off (0xB0…0xB9, UTF-8 continuation bytes) and that must not be taken for one.
    @Test func aDigitIsFoundAtEveryOffset() {
        for count in 0...24 {
            for filler: UInt8 in [0x41, 0xB0, 0xB9, 0x2F, 0x3A] {
                let plain = [UInt8](repeating: filler, count: count)
                #expect(!plain.withUnsafeBufferPointer(FigureRows.hasDigit), "\(count) × \(filler)")
                for offset in 0..<count {
                    for digit: UInt8 in [0x30, 0x35, 0x39] {
                        var bytes = plain
                        bytes[offset] = digit
                        #expect(bytes.withUnsafeBufferPointer(FigureRows.hasDigit), "\(count) \(offset) \(filler)")
                    }
                }
            }
        }
    }
}
