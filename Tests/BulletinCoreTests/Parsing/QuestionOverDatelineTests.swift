import Testing

@testable import BulletinCore

/// A question standing as a paragraph right over a dateline lead heads the story the dateline
/// opens, however many words it asks in. The text is `make lang-eval`'s tuning bulletins of the
/// new part, as the corpus script lays them out (Tests/LangCorpus/SOURCES.md): file 0423, BOUN's
/// Turkish newspaper sentences under "ANKARA (AA) -", and file 0467, AnCora's Spanish news under
/// "MADRID, 8 Mar. (EFE) -", whose question opens with a dialogue dash. Each fails with
/// `LayoutJudge.isQuestionOverDateline` answering no: the question stays the last paragraph of
/// the story above, and the story it heads is lost into it.
@Suite("Questions over datelines")
struct QuestionOverDatelineTests {
    @Test func aTurkishQuestionOverAnAgencyDatelineIsItsHeadline() throws {
        let text = """
            Ankaralı odalar ortak bildiriyle ekonominin kötü bir dönemden geçtiğini vurguladı ve yönetenleri uyardı

            Şaron'un şimdiden "yol haritasına" itirazları var.

            Memleketimizi ilgilendiren her görüşmemin bilgisini sayın Genel Başkan'a ilettim.

            Bir Kurtuluş Savaşı'nda olduğumuzu söyledim Amerika'da, daha program başlamadan evvel.

            Genel kurul çağrısı yapılırsa Ulusoy'un seçime girip giremeyeceğine kim karar verir?

            ANKARA (AA) - Afganistan Dayanışma Partisi üyelerinin, başkent Kâbil'deki BM merkezinin önünde düzenledikleri protesto gösterisinde, gazeteci Pervez Kambahş'ın serbest bırakılmasını istendi.

            Türkiye Hemofili Derneği de bu kapsamda, 19 Nisan Pazartesi günü İş Sanat Kültür Merkezi'nde 14.00-19.00 saatleri arasında, bilimsel ve sosyal bir program düzenleyecek.
            """
        let stories = try BulletinParser().parse(text)
        #expect(
            stories.map(\.headline) == [
                "Ankaralı odalar ortak bildiriyle ekonominin kötü bir dönemden geçtiğini vurguladı ve yönetenleri uyardı",
                "Genel kurul çağrısı yapılırsa Ulusoy'un seçime girip giremeyeceğine kim karar verir?",
            ])
        #expect(stories.last?.dateline == "ANKARA")
    }

    @Test func aSpanishQuestionAfterADialogueDashIsItsHeadline() throws {
        let text = """
            Los activos aumentaron el 72%

            BBVA Portugal aumentó los beneficios el 91% en el 2000.

            Las ganancias de 1.527 millones de pesetas respondieron a un crecimiento homogéneo de todas las áreas de negocio.

            El volumen de clientes creció el 26% y el margen de explotación lo hizo en un 74,2%.

            Banco Urquijo ganó 4.103 millones el pasado año.

            Esta cifra supuso un alza del 18% con respecto al año anterior.

            - Se acuerdan ustedes de eso que se llamaba la voz de la conciencia?

            MADRID, 8 Mar. (EFE) - Pero también a un uso excesivo del teléfono y a una sobredosis de fármacos: probablemente éste sea el caso del protagonista de Dinero, la novela de Martin Amis, que se pasa medio libro discutiendo por teléfono y el otro medio hinchándose de drogas hasta que se le salen por las orejas.

            Aviones aterrizando o despegando, cristales rompiéndose sin motivo, trozos de hielo que alguien machaca sin cesar: ésos son algunos de los ruidos que los oídos de ese buen hombre recrean para él cada vez que intenta conciliar el sueño.
            """
        let stories = try BulletinParser().parse(text)
        #expect(
            stories.map(\.headline) == [
                "Los activos aumentaron el 72%", "- Se acuerdan ustedes de eso que se llamaba la voz de la conciencia?",
            ])
        #expect(stories.last?.dateline == "MADRID")
    }

    /// At the top of the file too (tuning file 0407 opens with that story).
    @Test func aQuestionOverADatelineAtTheTopIsItsHeadline() throws {
        let text = """
            - Se acuerdan ustedes de eso que se llamaba la voz de la conciencia?

            MADRID, 8 Mar. (EFE) - Pero también a un uso excesivo del teléfono y a una sobredosis de fármacos: probablemente éste sea el caso del protagonista de Dinero, la novela de Martin Amis, que se pasa medio libro discutiendo por teléfono y el otro medio hinchándose de drogas hasta que se le salen por las orejas.

            Aviones aterrizando o despegando, cristales rompiéndose sin motivo, trozos de hielo que alguien machaca sin cesar: ésos son algunos de los ruidos que los oídos de ese buen hombre recrean para él cada vez que intenta conciliar el sueño.
            """
        let stories = try BulletinParser().parse(text)
        #expect(stories.map(\.headline) == ["- Se acuerdan ustedes de eso que se llamaba la voz de la conciencia?"])
        #expect(stories.first?.dateline == "MADRID")
    }

    /// A question closing a story's text, with no dateline under it, stays its last paragraph.
    @Test(arguments: [
        "Genel kurul çağrısı yapılırsa Ulusoy'un seçime girip giremeyeceğine kim karar verir?",
        "- Se acuerdan ustedes de eso que se llamaba la voz de la conciencia?",
    ])
    func theShapeOfAQuestionThatMayHeadAStory(line: String) {
        #expect(LayoutJudge.isQuestionOverDateline(Array(line.utf8)[...]))
        #expect(!LayoutJudge.isQuestionOverDateline(Array((line.dropLast() + ".").utf8)[...]))
        #expect(!LayoutJudge.isQuestionOverDateline(Array((line + " Es así?").utf8)[...]))  // two sentences
    }
}
