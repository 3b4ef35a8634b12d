import Testing

@testable import BulletinCore

/// Chinese and Japanese paragraphs in a file that marks its paragraphs by indenting their first
/// lines. Their sentences end with full-width marks (。！？, through a closing ” or 」), and
/// they are written without spaces, so a line's "first word" is the whole line and the fit
/// test that finds typed breaks never passes. The text is cut from the independent parse
/// corpus's tuning half (Tests/ParseCorpus/independent/SOURCES.md): independent-tuning/0088,
/// Xinhua (`XinhuaWuhanText`) and Guangming Online "宇航员在太空中喝酒会怎么样？…" (via
/// readability's test pages), beside diaadia.com.pa "¡Exclusividad! Ulpiano Vergara …",
/// indented by two, wrapped at 78.
@Suite("Han paragraphs in indented files")
struct HanIndentedParagraphTests {
    /// Without 。 as a sentence's end, every line after the dialogue joined the next one: an
    /// indented line over another at the same indent ends its paragraph where its sentence ends.
    @Test func aFullWidthFullStopEndsAnIndentedParagraph() throws {
        let stories = try BulletinParser().parse(XinhuaWuhanText.story)
        #expect(stories.map(\.headline) == [XinhuaWuhanText.headline])
        #expect(stories.first?.paragraphs.count == 6)
        #expect(stories.first?.paragraphs.last?.hasPrefix("即便日常已改变了模样") == true)
    }

    /// A caption with no closing mark ("图注：…不正确的") over the next paragraph, both at the
    /// indent, in a file whose Latin stories show a 78-column wrap: the paragraph under it
    /// opens with a Han character, before which a wrapper could have broken the caption's
    /// line, so the break was typed. The wrapped "(Daniel" over "Huot)表示…" stays one paragraph.
    @Test func anIndentedLineOverAHanLineIsAParagraphOfItsOwn() throws {
        let text = """
            宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网

              美国宇航局约翰逊航天中心发言人丹尼尔·霍特(Daniel
            Huot)表示：“国际空间站上的宇航员不允许喝酒。在国际空间站上，酒精和其它挥发性化合物的使用受到控制，因为它们的挥发物可能对该站的水回收系统产生影响。”
              为此，国际空间站上的宇航员甚至没有被提供含有酒精的产品，例如漱口水、香水或须后水。如果在国际空间站上饮酒狂欢，溢出的啤酒也可能存在损坏设备的风险。
              图注：测试表明，有关人在高空中喝酒更容易醉的传言是不正确的
              然后是责任的问题。我们不允许汽车司机或飞机飞行员喝醉后驾驶，所以并不奇怪同样的规则适用于国际空间站上的宇航员。毕竟国际空间站的造价高达1500亿美元，而且在接近真空的太空中其运行速度达到了每小时27680公里。
            — — —
            ¡Exclusividad! Ulpiano Vergara ahora será una marca registrada

              Así mismo, el ministro invitó a todos los emprendedores a registrar sus
            marcas, el nombre de su negocio como marca, para su uso exclusivo, de la misma
            forma que lo ha hecho el tipiquero; de esa manera aseguró se protegen sus
            inversiones y obras.
              Cabe destacar que durante el trámite, Ulpiano estuvo acompañado por su hija,
            Dania María Vergara.

            """
        let stories = try BulletinParser().parse(text)
        #expect(stories.count == 2)
        #expect(
            stories.first?.paragraphs.map { String($0.prefix(12)) } == [
                "美国宇航局约翰逊航天中心", "为此，国际空间站上的宇航", "图注：测试表明，有关人在", "然后是责任的问题。我们不",
            ])
    }
}
