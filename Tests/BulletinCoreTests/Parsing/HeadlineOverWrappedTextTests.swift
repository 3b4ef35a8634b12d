import Testing

@testable import BulletinCore

/// A headline set tight over its story's first wrapped line, where the first word under it would
/// not have fitted within the file's margin. The text is cut from the independent parse corpus's
/// tuning half (Tests/ParseCorpus/independent/SOURCES.md), paragraphs left out.
@Suite("Headline over wrapped text")
struct HeadlineOverWrappedTextTests {
    let parser = BulletinParser()

    /// independent-tuning/0062 (ledevoir.com, lopinion.fr), wrapped at 66 columns: "La fin des
    /// trottinettes en libre-service à Montréal" (51 columns) over its standfirst, whose first
    /// word "L’administration" would have made the line 68. Without the rule the headline and
    /// the standfirst were one paragraph, and the story under it had no headline of its own.
    @Test func aHeadlineAtTheTopOfAWrappedFileHeadsItsStory() throws {
        let text = """
            La fin des trottinettes en libre-service à Montréal
            L’administration Plante justifie sa décision par le taux élevé de
            délinquance chez les utilisateurs.

            Par Jeanne Corriveau

            Publié le 19/02/2020

            En raison du taux élevé de délinquance chez les utilisateurs des
            trottinettes en libre-service, l’administration de Valérie Plante
            a décidé de ne pas autoriser ces véhicules dans les rues de la
            ville en 2020.

            C’est ce qu’a annoncé Éric Alan Caldwell, responsable de la
            mobilité au comité exécutif, mercredi matin. Le bilan du
            projet-pilote mené l’an dernier fait état d’un taux important de
            délinquance chez les utilisateurs de trottinettes. Ainsi, huit
            véhicules sur dix étaient garés au mauvais endroit, a constaté la
            Ville, qui a dressé le bilan du projet-pilote.

            Les entreprises de trottinettes et de vélos en libre-service sans
            ancrage ont enregistré 365 000 déplacements entre le 21 juin et le
            15 novembre 2019, dont 61 % en trottinettes. Il a cependant été
            observé que seulement 20 % des trottinettes ont été stationnées
            dans les aires prévues à cet effet dans le règlement de la Ville.

            Éric Alan Caldwell estime que l’expérience a été un échec et que
            les entreprises Lime et Bird n’ont pas été en mesure d’encadrer le
            service efficacement. De plus, 333 constats d’infraction ont été
            donnés par le Service de police de la Ville de Montréal (SPVM)
            pour le non-respect du Code de la sécurité routière, dont 324
            concernant le port du casque.

            « Notre règlement n’a pas été respecté. Les opérateurs ne se sont
            pas assurés de le faire respecter. Donc, dans ces conditions, on
            doit tirer une conclusion : bien que cette micromobilité ait sa
            place dans une ville comme Montréal. […] Mais pour que ça
            fonctionne, ça ne doit pas nuire aux autres modes de mobilité
            durable et c’est ce qui est arrivé l’an passé », a dit M.
            Caldwell. « Avec un taux de délinquance de 80 % quant au respect
            de notre réglementation, il faut savoir en tirer un constat
            d’échec. C’est pour ça qu’en 2020, il n’y aura pas de trottinettes
            dans les rues de Montréal. »

            Le règlement de la Ville sera donc modifié. Les vélos en
            libre-service de Jump seront toutefois autorisés à Montréal cette
            année.


            Glyphosate: radiographie d’une intoxication collective
            Par L'Opinion

            Publié le 15/05/2019

            Un jugement ne fait pas une vérité scientifique. Les prétendus
            effets cancérogènes du glyphosate, utilisé depuis quarante ans,
            n’ont jamais été démontrés. Aucune agence sanitaire n’exige son
            interdiction. Le produit semble surtout nocif pour la rationalité

            A chaque civilisation, ses démons. La nôtre a le sien : le
            glyphosate. Comment cet herbicide en est-il venu à incarner le mal
            aux yeux de ses détracteurs, bien que la science démente ses
            supposés méfaits ? Un retour en arrière s’impose.

            """
        let stories = try parser.parse(text)
        #expect(
            stories.map(\.headline) == [
                "La fin des trottinettes en libre-service à Montréal",
                "Glyphosate: radiographie d’une intoxication collective",
            ])
        #expect(
            stories.first?.paragraphs.first
                == "L’administration Plante justifie sa décision par le taux élevé de délinquance chez les utilisateurs.")
    }

    /// independent-tuning/0147 (hertha-blog.de, xinhuanet.com), wrapped at 72 columns: under the
    /// "-ENDS-" that closes the Hertha story, the Xinhua headline "武汉的声音：有英勇的你，才有英雄的城！-新华网"
    /// over its first paragraph, a line without spaces that no wrapper could have set beside it.
    /// Without the rule the two were one paragraph, and the story had no headline of its own.
    @Test func aHeadlineUnderASeparatorHeadsItsStoryInAScriptWithoutCase() throws {
        let text = """
            Der Lange und die alte Dame
            Aktualisiert am 23.07.2017

            In diesem Sommer war Michael Preetz ganz vorne mit dabei. Kaum hatte die
            Liga auch offiziell ihren Meister gekürt, präsentierte der Manager des
            Berliner Sportclubs Hertha auch schon seinen ersten Neuzugang. Es sollte
            nicht der Einzige bleiben und obwohl Hertha aktuell mit Valentino Lazaro
            noch einmal nachzulegen scheint: Kein Bundesligist hatte seinen Kader in
            dieser Transferperiode so schnell zusammen, wie der Klub, dem Michael
            Preetz im sportlichen Bereich vorsteht.

            Spätstarter hat es mittlerweile also auch als Manager gepackt – und im
            Vergleich zu seiner Zeit als Spieler noch viel Zeit, um noch viel mehr
            richtige Entscheidungen zu treffen.

            Läuft (weiter) bei uns! Vladimir Darida hat verlängert und spielt auch
            in Zukunft mit der Fahne auf der Brust. #hahohe
            pic.twitter.com/GpnT4GvoXd

            — Michael Preetz (@michaelpreetz) July 21, 2017
            -ENDS-

            武汉的声音：有英勇的你，才有英雄的城！-新华网
            “妈妈，为什么还不能出去？”

            “宝贝，我们在打一场无声的战役，每个在家里不出去的人都是英雄哦！”

            “妈妈，什么时候才能回我们自己的家？

            “孩子，我们再等等，等到春暖花开，就可以回家了。”
            """
        let stories = try parser.parse(text)
        #expect(stories.map(\.headline) == ["Der Lange und die alte Dame", "武汉的声音：有英勇的你，才有英雄的城！-新华网"])
        #expect(stories.last?.paragraphs.first == "“妈妈，为什么还不能出去？”")
    }
}
