import Testing

@testable import BulletinCore

/// Capitals and a colon opening a story: a dateline in English copy ("NEW DELHI: The monsoon
/// arrived", the datelines fixture), a lead-in in other languages. The Turkish text is `make
/// lang-eval`'s tuning file 0492 of the new part (BOUN's newspaper sentences, Tests/LangCorpus/
/// SOURCES.md), as the corpus script lays it out; it fails without `Dateline.byColonAlone`
/// (the story's dateline reads "İHRACATIN PERFORMANSI DÜŞÜYOR").
@Suite("Lead-ins in capitals")
struct ColonLeadInTests {
    @Test func aTurkishLeadInIsNoDateline() throws {
        let text = """
            Umarım son üç maçta şans bulurum" dedi

            İHRACATIN PERFORMANSI DÜŞÜYOR: 2005'te ihracat kârlarında artış bekleyenlerin oranı yüzde 36.1 iken, ilk altı ayda ancak yüzde 26.3 artış gerçekleşti.

            Walter, 3000 yıl boyunca medeniyetini sürdürebilmiş bir toplumun hiçbir etkisi olmayan kimyasallara bu kadar değer verebileceğine inanmanın çok zor olduğunu söylüyor.

            Ancak işiyle aile hayatını birbirine karıştırmadığını savundu.
            """
        let stories = try BulletinParser().parse(text)
        #expect(stories.count == 1)
        #expect(stories.first?.language == "tr")
        #expect(stories.first?.dateline == nil)
    }

    /// The same paragraph read alone still shows the English form, which the story's language
    /// then rules out.
    @Test func theParagraphAloneReadsAsAColonDateline() {
        let paragraph = "İHRACATIN PERFORMANSI DÜŞÜYOR: 2005'te ihracat kârlarında artış bekleyenlerin oranı yüzde 36.1 iken."
        #expect(Dateline.parse(Array(paragraph.utf8)[...])?.byColonAlone == true)
        #expect(Dateline.parse(Array("LONDON (Reuters) - Sterling fell.".utf8)[...])?.byColonAlone == false)
    }
}
