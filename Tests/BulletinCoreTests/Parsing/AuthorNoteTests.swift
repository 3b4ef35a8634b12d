import Testing

@testable import BulletinCore

/// A note on the author closing a story, over the file's wider gap before the next story. The
/// text is cut from the independent parse corpus's tuning half (Tests/ParseCorpus/independent/
/// SOURCES.md), paragraphs left out.
@Suite("Author notes")
struct AuthorNoteTests {
    let parser = BulletinParser()

    /// independent-tuning/0138 (cbp.gov, iab.com, mluk.brandenburg.de, diario.mx): paragraphs
    /// one blank line apart, stories two. "About the author / Scott Cunningham / Senior Vice
    /// President …" ends the IAB story. Without the rule the line under the name headed a story
    /// of its own, and the Brandenburg headline after the gap was read as its standfirst: the
    /// Brandenburg story was lost in it.
    @Test func theLineUnderAClosingNameOverTheWiderGapEndsTheStory() throws {
        let text = """
            VESSEL RETURNING TO PUERTO RICO FROM ST. THOMAS WITH 475 POUNDS OF COCAINE INTERCEPTED BY FEDERAL AGENTS, CBP SAYS

            Updated 10 May 2022

            AMO found Sunday 475 pounds of cocaine concealed inside a vessel being removed from the water in Las Croabas. By U.S. CUSTOMS AND BORDER PROTECTION

            U.S. Customs and Border Protection (CBP) Air and Marine Operations (AMO) found Sunday 475 pounds (215.5 kilos) of cocaine concealed inside a vessel being removed from the water in Las Croabas, Customs and Border Protection announced Tuesday. The estimated value is $4.3 million.


            GETTING LEAN WITH DIGITAL AD UX

            Updated 15 October 2015

            We messed up. As technologists, tasked with delivering content and services to users, we lost track of the user experience.

            That is user experience.

            IAB Tech Lab Members can join the IAB Tech Lab Ad Blocking Working Group, please email adblocking@iab.com for more information.

            Read more about ad blocking here.

            About the author

            Scott Cunningham

            Senior Vice President of Technology and Ad Operations at IAB, and General Manager of the IAB Tech Lab


            LAND ZAHLTE RUND 1,4 MILLIONEN EURO ERLEGUNGSPRÄMIE FÜR WILDSCHWEINE IM JAGDJAHR 2020/2021

            Aktualisiert am 02.01.2022

            Potsdam – Zum Ende des Jagdjahres 2020/21 ist die landesweite allgemeine Erlegungsprämie für Schwarzwild ausgelaufen. In den drei Jahren ihrer Gültigkeit zahlte das Land Brandenburg insgesamt 3,3 Millionen Euro an die antragstellenden Jägerinnen und Jäger aus.

            Minister Axel Vogel: „Rückblickend wurde die allgemeine Erlegungsprämie für Schwarzwild von der Brandenburgischen Jägerschaft gut angenommen. Die Prämie konnte dazu beitragen, das Bewusstsein für die Notwendigkeit der verstärkten Schwarzwildbejagung zur Ausdünnung der hohen Bestände zu fördern. Ich danke den Jägerinnen und Jägern Brandenburgs für ihren wichtigen Beitrag im Rahmen der Prävention und Bekämpfung der Afrikanischen Schweinepest (ASP). Allerdings war die bisherige Ausgestaltung der Prämie in Ihrer Bezugnahme auf das Jagdjahr 2015/16 als Basis suboptimal. Die neu eingeführte Bachenprämie soll die Jägerinnen und Jäger dazu motivieren, die in der Vergangenheit nicht erreichten Streckenziele im Bereich der Bachen und Überläuferbachen zu realisieren, um so die Wildschweinpopulation weiter deutlich zu reduzieren.“

            Um die Jagdausübungsberechtigten bei der deutlichen Reduzierung der Schwarzwildbestände zu unterstützen, prämierte das Land Brandenburg drei Jahre lang die Erlegung jedes über dem Referenzwert der Schwarzwildstrecke von 2015/16 erlegten Wildschweins mit 50 Euro. Ziel war es damit, den entstandenen Mehraufwand auszugleichen und einen Anreiz zur verstärkten Bejagung zu schaffen.


            SENADOR REPUBLICANO CALIFICA A BIDEN DE

            Actualizado el 10/05/2022

            "Seamos honestos. Joe Biden no está bien. No es apto para el cargo", indicó el senador Rick Scott

            Washington.- El senador republicano Rick Scott calificó el martes al presidente de Estados Unidos, Joe Biden, de estar mentalmente "incapacitado" y dijo que debería dimitir, en un anticipo de la brutal campaña que se espera ante las elecciones legislativas de este año. Scott, que encabeza la organización de la campaña de los senadores republicanos, se ha convertido en un blanco clave del mensaje electoral del propio Biden, según el cual sus oponentes son extremistas, destacó AFP. "Seamos honestos. Joe Biden no está bien. No es apto para el cargo. Es incoherente y está incapacitado y confundido. No sabe dónde está la mitad del tiempo. Es incapaz de liderar y de desempeñar sus funciones", dijo Scott en un comunicado. "Todo el mundo lo sabe. Nadie quiere decirlo. Pero tenemos que hacerlo, por el bien del país. Joe Biden no puede hacer el trabajo", añadió el senador por Florida. Consultado por un periodista sobre la declaración de Scott, Biden sonrió y dijo: "Creo que el hombre tiene un problema". La afirmación de que Biden, de 79 años -la persona de mayor edad que ha sido presidente de Estados Unidos-, está senil ha sido una línea central de ataque por parte de los republicanos desde la fallida campaña de Donald Trump para la reelección en 2020. En un discurso el martes, Biden reiteró su advertencia de que un plan económico propuesto por Scott elevaría los impuestos a las personas de menores ingresos y pondría en duda la continuidad de la atención médica estatal para la población pobre y los ancianos. "Es la agenda ultra-MAGA", dijo el mandatario, en alusión a la marca Make America Great Again de Trump.
            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "VESSEL RETURNING TO PUERTO RICO FROM ST. THOMAS WITH 475 POUNDS OF COCAINE INTERCEPTED BY FEDERAL AGENTS, CBP SAYS",
                "GETTING LEAN WITH DIGITAL AD UX",
                "LAND ZAHLTE RUND 1,4 MILLIONEN EURO ERLEGUNGSPRÄMIE FÜR WILDSCHWEINE IM JAGDJAHR 2020/2021",
                "SENADOR REPUBLICANO CALIFICA A BIDEN DE",
            ])
        #expect(
            stories.dropFirst().first?.paragraphs.suffix(2) == [
                "Scott Cunningham",
                "Senior Vice President of Technology and Ad Operations at IAB, and General Manager of the IAB Tech Lab",
            ])
    }
}
