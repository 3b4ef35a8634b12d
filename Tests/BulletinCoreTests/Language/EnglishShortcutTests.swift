@testable import BulletinCore
import Foundation
import Testing

/// The English shortcut must never say what the model would not: it fires on English prose
/// only, and where it fires CLD2 reads English too.
struct EnglishShortcutTests {
    /// News documents of the multilingual corpus (Tests/LangCorpus/source), each as a story's
    /// sample: its sentences joined, cut to the sample's 384 bytes.
    static func samples(_ source: String) throws -> [String] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("LangCorpus/source/\(source).jsonl")
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { line in
            let document = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let text = (document["sentences"] as! [String]).joined(separator: "\n")
            var sample = LanguageSample(headline: "")
            sample.add(Array(text.utf8)[...])
            return sample.text
        }
    }

    static func shortcut(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { EnglishShortcut.isEnglish($0) }
    }

    static func model(_ text: String) -> String { LanguageSample.tag(of: LanguageModel.verdict(text)) }

    @Test func englishNewsTakesTheShortcutAndTheModelAgrees() throws {
        let samples = try Self.samples("pud-en")
        let taken = samples.filter(Self.shortcut)
        // Most English news samples are plain enough; the rest go to the model.
        #expect(taken.count * 4 >= samples.count * 3, "\(taken.count) of \(samples.count)")
        for sample in taken { #expect(Self.model(sample) == "en", "\(sample)") }
    }

    @Test(arguments: [
        "pud-ar", "pud-cs", "pud-de", "pud-es", "pud-fr", "pud-it", "pud-ko", "pud-pl", "pud-pt", "pud-ru", "pud-tr",
        "pud-zh", "leipzig-uk", "leipzig-el", "leipzig-ja",
    ])
    func otherLanguagesNeverTakeIt(_ source: String) throws {
        for sample in try Self.samples(source) { #expect(!Self.shortcut(sample), "\(sample)") }
    }

    @Test func latinScriptTextWithoutAccentsGoesToTheModel() {
        // Languages whose news can be plain ASCII: Indonesian, Dutch, Italian, Tagalog.
        let texts = [
            "Presiden mengatakan bahwa pemerintah akan terus bekerja sama dengan semua pihak untuk menjaga stabilitas harga pangan di seluruh wilayah Indonesia.",
            "De minister zei dat het kabinet in het najaar met een nieuw plan komt om de wachtlijsten in de zorg te verkorten, maar de oppositie is kritisch.",
            "Il presidente della Repubblica ha firmato il decreto che era stato approvato dal consiglio dei ministri la settimana scorsa dopo una lunga discussione.",
            "Ayon sa pangulo, ang mga pamilya na nasalanta ng bagyo ay makakatanggap ng tulong mula sa pamahalaan sa susunod na linggo at sa mga lalawigan.",
        ]
        for text in texts { #expect(!Self.shortcut(text), "\(text)") }
    }

    @Test func shortOrAccentedTextGoesToTheModel() {
        #expect(!Self.shortcut("Talks resume after the break"))  // too few words to be sure
        #expect(!Self.shortcut("Pelé said that the team would play at the stadium on Sunday after the talks with the club were over."))
        #expect(Self.shortcut("Officials said that the talks \u{2014} the first in a year \u{2014} were \u{201C}useful\u{201D} and would resume in the spring."))
    }

    /// Every article of the parser's corpus (Reuters-21578 and BBC News in English, SaudiNewsNet
    /// in Arabic, agency items in Norwegian…), as its story's sample: where the shortcut fires,
    /// the model reads English too, so no story's tag changes.
    @Test(arguments: ["reuters21578", "bbc2004", "saudinewsnet", "agency-fixtures"])
    func parseCorpusArticlesKeepTheModelsTag(_ source: String) throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("ParseCorpus/sources/\(source).jsonl")
        var taken = 0
        var english = 0
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
            let article = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            var sample = LanguageSample(headline: article["headline"] as! String)
            for case let block as [String: Any] in article["blocks"] as! [Any] where block["kind"] as? String == "prose" {
                if sample.wantsMore { sample.add(Array((block["text"] as! String).utf8)[...]) }
            }
            if article["lang"] as? String == "en" { english += 1 }
            guard Self.shortcut(sample.text) else { continue }
            taken += 1
            #expect(article["lang"] as? String == "en", "\(sample.text)")
            #expect(Self.model(sample.text) == "en", "\(sample.text)")
        }
        // Most English articles take it (the rest go to the model as before); no other does.
        #expect(taken * 2 >= english, "\(taken) of \(english)")
    }

    /// Every story of the English fixtures and the seed, as the parser cuts them.
    @Test func fixtureStoriesKeepTheModelsTag() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/bulletins")
        var stories = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".txt") {
            guard let decoded = try? BulletinDecoder.decode(Array(try Data(contentsOf: folder.appendingPathComponent(name)))),
                let parsed = try? BulletinParser().parse(decoded.text)
            else { continue }
            for story in parsed {
                var sample = LanguageSample(headline: story.headline)
                for paragraph in story.paragraphs where sample.wantsMore { sample.add(Array(paragraph.utf8)[...]) }
                stories += 1
                if Self.shortcut(sample.text) { #expect(Self.model(sample.text) == "en", "\(name): \(sample.text)") }
            }
        }
        #expect(stories > 50)
    }

    /// The scan reads a word at a time; this is its first form, one byte a step, kept to check
    /// that the faster one says the same of every sample.
    static func byteAtATime(_ text: String) -> Bool {
        let functionWords = Dictionary(uniqueKeysWithValues: EnglishShortcut.words.map { ($0.0, $0.englishOnly) })
        var words = 0
        var found = 0
        var englishOnly = 0
        var word: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index <= bytes.count {
            var byte: UInt8 = 0x20
            var step = 1
            if index < bytes.count {
                byte = bytes[index]
                if byte >= 0x80 {
                    if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
                        step = 3
                    } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                        step = 2
                    } else {
                        return false
                    }
                    byte = 0x20
                }
            }
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                word.append(byte | 0x20)
            } else if !word.isEmpty {
                words += 1
                if let only = functionWords[String(decoding: word, as: UTF8.self)] {
                    found += 1
                    if only { englishOnly += 1 }
                }
                word = []
            }
            index += step
        }
        return words >= EnglishShortcut.minimumWords && EnglishShortcut.isEnough(functionWords: found, englishOnly: englishOnly, of: words)
    }

    @Test func theWordScanSaysWhatTheByteScanSaid() throws {
        var samples = try ["pud-en", "pud-de", "pud-fr", "pud-es", "pud-it", "pud-pt", "pud-pl", "pud-tr"].flatMap(Self.samples)
        samples += [
            "", "the", "The \u{2014}", "said that the\u{E2}", "said that the \u{A0}", "x\u{E2}\u{80}",
            "The talks, which were held with the minister, said that they would resume after the break in May.",
            "THE TALKS WHICH WERE HELD WITH THE MINISTER SAID THAT THEY WOULD RESUME AFTER THE BREAK IN MAY",
            "the[talks]with@the`minister{said}that\u{A0}the\u{2019}talks were over and it is done for now",
        ]
        // Every prefix of a few, so that words and multi-byte characters end at the edge.
        for text in samples.prefix(40) {
            let bytes = Array(text.utf8)
            for end in stride(from: 0, through: bytes.count, by: 7) {
                samples.append(String(decoding: bytes[..<end], as: UTF8.self))
            }
        }
        var agreed = 0
        for sample in samples {
            #expect(Self.shortcut(sample) == Self.byteAtATime(sample), "\(sample)")
            agreed += 1
        }
        #expect(agreed > 1_000)
    }
}
