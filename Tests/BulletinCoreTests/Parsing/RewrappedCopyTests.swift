import Testing

@testable import BulletinCore

/// A story re-wrapped at 64 columns in a file whose other stories run their paragraphs on
/// unwrapped: its paragraphs of two lines were wrapped by the same hand as its longer ones, and
/// stay one paragraph each. The text is `make lang-eval`'s tuning file 0476 of the new part
/// (AnCora's Spanish news, Tests/LangCorpus/SOURCES.md), a "restyled" copy among others, as
/// the corpus script lays it out (the whole file: its unwrapped lines outnumber its wrapped
/// ones, so the file reads as unwrapped). Fails without `Segmenter.rewrapWidth`: each two-line block's
/// break reads as typed, and "Porque, a pesar de sus cientos de títulos, de victorias, de"
/// heads a story of its own.
@Suite("Re-wrapped copies in unwrapped files")
struct RewrappedCopyTests {
    @Test func twoLineParagraphsOfAWrappedStoryStayWhole() throws {
        let text = """
            Y lo consiguió

            El debate sobre el estado de la nación será la prueba de fuego para medir las posibilidades de Joaquín Almunia para convertirse en el candidato del PSOE a la presidencia del Gobierno.

            Si el secretario general de los socialistas obtiene éxito en su cara a cara con José María Aznar el 22 y 23 de este mes y evita el fracaso que Protagonizó Josep Borrell hace un año, su designación como candidato a la Moncloa estará prácticamente garantizada.

            Antes, no obstante, las urnas se habrán pronunciado el 13-J sobre las posibilidades de José Bono y de Rosa Díez para el mismo cargo.

            El presidente de Castilla-La Mancha comenzó ayer a modificar su discurso al introducir la posibilidad de asumir otras responsabilidades fuera de su comunidad.

            Bono aseguró que no descartaba presentarse como diputado al Congreso en el futuro, aunque matizó que no deseaba dejar de ser presidente de Castilla-La Mancha para ser candidato a la Moncloa.

            La patronal rechazó esta posibilidad

            La apertura de las sucursales bancarias los sábados se ha convertido en el elemento negociador que mantiene bloqueado el convenio colectivo del sector bancario.

            Así se comprobó en la reunión que mantuvieron ayer representantes de los sindicatos CCOO y UGT con la Asociación Española de Banca (AEB) para intentar avanzar en la redacción de un nuevo acuerdo laboral para el sector.

            Durante la hora y media que duró el encuentro, los representantes de UGT y de CCOO centraron sus peticiones en el cierre de los sábados, una reivindicación tradicional en el sector.

            Un portavoz de la AEB explicó que la prestación del servicio los sábados tiene un valor "estratégico" para la banca.

            Según las mismas fuentes, "los clientes valoran muy positivamente la oportunidad de realizar sus gestiones con los bancos el Sábado por la mañana", por lo que la patronal bancaria española aboga por la situación en las mismas condiciones que en la actualidad.

            (EFE)

            La vista no se celebró por falta de jueces

            MADRID, 17 Mar. (EFE) - El Consejo General del Poder Judicial (CGPJ) ha suspendido provisionalmente una orden de funcionamiento interno de la Audiencia de Barcelona dictada por su presidente, Francisco Javier Béjar, que el pasado mes de julio provocó la suspensión del juicio a un presunto violador por falta de jueces.

            El CGPJ abrió tres expedientes disciplinarios contra dos magistrados de la sala que debía juzgar al agresor sexual y contra el presidente de la Audiencia de Barcelona.

            La decisión del CGPJ responde al recurso presentado por el anterior presidente de la Audiencia de Barcelona, Gerard Thomas, contra la orden de Béjar, al considerar que provocaba la suspensión de juicios.

            La polémica orden sobre los criterios para cubrir las vacantes de magistrados indicaba que "en ningún caso" se designarían magistrados para completar ninguna plaza en casos de permisos, asistencia a cursos, funciones asociativas o supuestos similares, y señalaba que estas circunstancias deberían solventarse mediante "la adecuada coordinación interna del tribunal".

            A este criterio se acogió Béjar para no acceder a la petición de la Sección Séptima de buscar a un magistrado sustituto con el fin de evitar la suspensión de un juicio contra un presunto violador.

            (EFE)

            España es la auténtica dueña del Aquatic Centre

            Las quince medallas conseguidas por el equipo español en la quinta jornada de los Juegos de Sydney han certificado la actuación más completa en los Paralímpicos desde el comienzo la competición, que mantienen a los deportistas hispanos en la cúspide del medallero con cuarenta y cinco premios, sólo superados por el descollante papel del equipo anfitrión, Australia.

            Los ocho metales cosechados en el quinto día de competición consolidan a los nadadores españoles como los auténticos amos de una de las dos competiciones más carismáticas de la piscina olímpica.

            Nadie ha ganado más títulos sobre el agua que España: once oros, únicamente rebasado en el total de premios por los australianos.

            Anais García, Enrique Floriano, Oribe Richard, Sebastián Rodriguez, Ana García, Deborah Font, Samuel Soler y Maria Teresa Perales han engrandecido el papel español en natación.

            Oribe, con parálisis cerebral en 200 metros libres, Floriano, ciego parcial en 400 libres, Anais García, ciego total en 400 libre, Sebastián Rodríguez, parapléjico de 43 años en 200 libres, encendieron los compases del himno español desde lo alto del podio.

            Temer al Camp Nou es temer algo más que al entorno

            Si Van Gaal y, por copia, amistad, fidelidad, stock options o lo
            que sea, Núñez temen al Camp Nou, es porque algo no habrán hecho
            bien.

            Porque, a pesar de sus cientos de títulos, de victorias, de
            fichajes, de millones, no acaban de cautivar a la afición.

            Es temer miradas, pitos, pañuelos, broncas, descontentos,
            pancartas como aquella de "Maria Lluïsa emporta-te'l al cine".

            La mayor demostración de que están inquietos, de que Domingo
            García no las tiene todas consigo, no es que Van Gaal diga que
            hay una campaña mediática contra él (no hay peor campaña que sus
            cuatro derrotas consecutivas), sino el hecho de que ya han
            conseguido lo que querían: redactar las preguntas de Gol a Gol.

            Pues bien, ni siquiera ganando por goleada en la encuesta
            nocturna de TV-3, se sienten queridos, protegidos.

            He escrito algunas tonterías

            Antes de ellos los mejores guerreros del mundo, los hunos con dos cuernos tenían bastante.

            La más transcendente es la de Bellerofón y la Chimera en - El Oso Malayo -.

            Pocos se habrían atrevido con un tema tan metafísicamente imposible.

            La monarquía de Alfonso XIII a quien todos consideraban gafe por el numeral - - de los idus romanos - - se hundió por haberse atrevido a meter en la cárcel a personas tan inocentemente nobles como Fernando de los Ríos, tan genialmente líricas como Valle Inclán y tan poco peligrosas como yo.
            """
        let stories = try BulletinParser().parse(text)
        #expect(
            stories.map(\.headline) == [
                "Y lo consiguió", "La patronal rechazó esta posibilidad", "La vista no se celebró por falta de jueces",
                "España es la auténtica dueña del Aquatic Centre", "Temer al Camp Nou es temer algo más que al entorno",
                "He escrito algunas tonterías",
            ])
        #expect(stories.map(\.headline).firstIndex(of: "Temer al Camp Nou es temer algo más que al entorno").map { stories[$0].paragraphs.count } == 5)
    }
}
