import Testing

@testable import BulletinCore

/// The line that opens a story where its shape alone does not make it a headline: after the
/// wider gap that a file puts between its stories. The texts are cut from the independent
/// parse corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md).
@Suite("Opening lines")
struct OpeningLineTests {
    let parser = BulletinParser()

    /// independent-tuning/0106 (elheraldo.hn, elnuevodia.com, paginasiete.bo): paragraphs on
    /// lines of their own, a blank line between stories; the question's story is headed by a
    /// byline and a time line, not by its text.
    @Test func aQuestionAfterAWiderGapOverABylineAndATimeLineHeadsAStory() throws {
        let text = """
            Policía anuncia coordinación con Carabineros para investigar otros casos de robo de vehículos
            En ese marco, el inspector general de la Policía, Álvaro Álvarez, ha garantizado la “transparencia” del proceso de investigación.
            Por Redacción Diario Pagina Siete
            Actualizado el 03/05/2022
            El inspector general de la Policía, Álvaro Álvarez, anunció la noche de este martes una coordinación con Carabineros.

            Líder de la organización Mujeres Populares denuncia intentos del PPD de silenciarla
            Por Gloria Ruiz Kuilan
            Actualizado el 11/05/2022
            Ada Álvarez Conde anticipó que renunciará a la presidencia de la organización Mujeres Populares.
            La presidenta de la organización denunció ayer que han impuesto mordazas al surgir polémicas.

            ¿Cuál sería el papel de “El Chapo” Guzmán en el juicio contra JOH?
            Por Redacción
            Actualizado el 26/04/2022
            TEGUCIGALPA, HONDURAS.- Tras la extradición del expresidente de Honduras, Juan Orlando Hernández, hacia Estados Unidos, han comenzado a sonar nombres.
            Ahora, una de las principales interrogantes es si el mexicano sería tomado en cuenta para declarar contra el exmandatario.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Policía anuncia coordinación con Carabineros para investigar otros casos de robo de vehículos",
                "Líder de la organización Mujeres Populares denuncia intentos del PPD de silenciarla",
                "¿Cuál sería el papel de “El Chapo” Guzmán en el juicio contra JOH?",
            ])
        #expect(stories.last?.byline == "Redacción")
    }

    /// tuning/0185 (Arabic press, see Tests/ParseCorpus/SOURCES.md): paragraphs on lines of
    /// their own, two blank lines between stories. A headline with its own wider gap above it
    /// and its credit line under it is marked by the file: the lone line in the stretch above
    /// ("-", the end of a story of page furniture) is not promoted over it.
    @Test func aHeadlineAfterItsOwnWiderGapIsNotSwallowedByTheLineAbove() throws {
        let text = """
            خادم الحرمين وولي عهده يهنئان رئيس وشعب تونس بذكرى إعلان الجمهورية
            بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، ببرقية تهنئة للرئيس الباجي قايد السبسي رئيس الجمهورية التونسية بمناسبة ذكرى إعلان الجمهورية لبلاده.
            وأعرب الملك باسمه واسم شعب وحكومة المملكة العربية السعودية، عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة للرئيس التونسي، ولحكومة وشعب الجمهورية التونسية الشقيق اطراد التقدم والازدهار. مشيدا بهذه المناسبة بتميز العلاقات الأخوية التي تربط بين البلدين والشعبين الشقيقين، التي يسعى الجميع لتعزيزها وتنميتها في جميع المجالات.


            140 طالبًا يدشنون موهبة جدة اليوم
            يدشن 140 طالبا من مختلف مدارس جدة اليوم السبت برنامج موهبة الثامن للمرحلة الابتدائية ضمن برامج مؤسسة الملك عبدالعزيز للموهبة والإبداع الصيفية على مستوى مناطق ومحافظات المملكة، ويستمر حتى 28 الشهر الجاري بثلاث فعاليات منوعة توزعت بين العلمية والمهارية والترفيهية تحت شعار «التعليم بالترفيه».
            وأكد رئيس برنامج موهبة الصيفي للمرحلة الابتدائية في دار الذكر محمد عمر باعيشرة، على حرص القائمين على البرنامج على تنمية قدرات الطلاب من خلال البرنامج المهاري، مشيرا إلى أن المسؤولين على البرامج الإثرائية في مؤسسة الملك عبدالعزيز للموهبة والإبداع حرصوا على تقديم البرنامج المهاري كمادة علمية ومطورة عن السنوات السابقة، لافتا إلى أن البرنامج يستمر 19 يوما يتمكن خلالها الطلاب من المشاركة في كافة الأنشطة والاستفادة من المتخصصين والمدربين المؤهلين الذين تعاقدت معهم إدارة البرنامج في العطلة الصيفية.


            ارتفاع ارباح تويوتا عالميا بنسبة 13% لعام 2013م
            Next Previous عكاظ اليوم ( الوكالات العالمية رويترز )
            -


            بارتوميو رئيساً لبرشلونة حتى 2021
            عين اليوم – برشلونة
            احتفظ جوزيب ماريا بارتوميو برئاسة نادي برشلونة الاسباني حتى العام 2021 وذلك على حساب منافسه الرئيسي والرئيس السابق خوان لابورتا في الانتخابات التي اجريت اليوم السبت، بعدما حصل على مجموع أصوات قارب 13 ألف صوت، مقابل 7716 صوت لخوان لابورتا.
            وشارك 40 ألفاً من أعضاء برشلونة البالغ عددهم 110 الآف في أحد أقل نسب المشاركة بانتخابات النادي الكاتالوني (43%) من إجمالي الأعضاء، وحصل بارتوميو على 54%، مقابل 33% للابورتا.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline).last == "بارتوميو رئيساً لبرشلونة حتى 2021")
        #expect(stories.last?.paragraphs.count == 3)
    }

    /// independent-tuning/0116 (tageswoche.ch, see Tests/ParseCorpus/independent/SOURCES.md):
    /// the file's first line holds two sentences, so its shape says paragraph; the time line
    /// under it says headline.
    @Test func aFirstLineOverATimeLineIsTheHeadlineThoughItHoldsTwoSentences() throws {
        let text = """
            Wir sind dann mal weg (und dieser Titel muss auch weg! Oder?)
            Aktualisiert am 16.11.2018
                Sportredaktor Samuel ist es nach etwas Dramatik. «Time to say goodbye …»,
            singt er halblaut, aber mit Leidenschaft hinter seinem Bildschirm.
                In ihren letzten Tagen wandelt sich die TagesWoche zum Loriot-Sketch.
            Alltag ad absurdum.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["Wir sind dann mal weg (und dieser Titel muss auch weg! Oder?)"])
        #expect(stories.first?.paragraphs.first == "Aktualisiert am 16.11.2018")
    }

    /// independent-tuning/0051 (rp.pl, eawag.ch): in the middle of a file, a two-sentence line
    /// set apart from the list above it and tight on the time line under it heads a story.
    @Test func aLineTightOnATimeLineAndApartFromTheTextAboveHeadsAStory() throws {
        let text = """
            Elektronentransfer mit UV-Licht sichtbar gemacht

            Die Studie beschreibt nur einen kleinen Schritt in der mikrobiellen Atmung. Doch er ist zentral in vielen Prozessen.

            * Eawag
            * ETHZ
            * SNF

            Unijne fundusze coraz bliżej. Sejm zagłosował "za"
            Aktualizacja: 05.05.2021

            – To jest moment fundamentalny. Nie ma miejsca na kłótnie. To jest przełomowy moment.

            Ostatecznie 290 posłów głosowało za rządowym projektem ustawy w tej sprawie, przeciwko było tylko 33.
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["Elektronentransfer mit UV-Licht sichtbar gemacht", "Unijne fundusze coraz bliżej. Sejm zagłosował \"za\""])
        #expect(stories.last?.paragraphs.count == 3)
    }

    /// independent-tuning/0096 (instyle.com, gofeminin.de, tmz.com): three blank lines between
    /// stories, one between paragraphs; a line ending in "..." after the wider gap trails off
    /// as a headline does, it closes no sentence.
    @Test func aLineEndingInThreeDotsAfterAWiderGapHeadsAStory() throws {
        let text = """
            Black Women Battling Breast Cancer Deserve More Wig Options, According to Coils to Locs Founder Dianne Austin

            When Dianne Austin decided to ditch her relaxer and transition back to her natural hair in 2011, she had no idea that four years later she would be hit with the heartbreaking news of a breast cancer diagnosis.

            That's why in 2019, she created Coils to Locs alongside natural hair blogger Pamela Shaddock.



            Sommer-Must-have Strohtasche! Darum lieben wir sie ...

            Auch wenn das Wetter mancherorts noch nicht so ganz nach Sommer aussieht, es wird in den nächsten Tagen bestimmt auch bei euch warm.

            Was so alles in eine XXL-Strohtasche passt

            Ein Strandtag steht bevor, und wir fragen uns: Habe ich die Sonnencreme eingepackt? Was kann ich als Lunch-Paket vorbereiten?



            Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!

            Lupita Nyong'o's now-famous Oscar dress -- adorned in pearls -- was stolen right out of her hotel room ... TMZ has learned.

            Our sources say Lupita told cops it was taken from her room sometime between 8 AM and 9 PM Wednesday ... while she was gone.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "Black Women Battling Breast Cancer Deserve More Wig Options, According to Coils to Locs Founder Dianne Austin",
                "Sommer-Must-have Strohtasche! Darum lieben wir sie ...", "Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!",
            ])
        #expect(stories[1].paragraphs.count == 3)
    }
}
