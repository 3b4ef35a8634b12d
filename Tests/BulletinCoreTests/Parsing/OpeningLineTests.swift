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
}
