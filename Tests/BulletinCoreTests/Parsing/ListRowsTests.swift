import Testing

@testable import BulletinCore

/// A list typed one item a line with no blank line around it is one preformatted block of the
/// story it sits in, rows as typed, as a list with blank lines around it already is
/// (`ListRows`). The texts are cut from the independent parse corpus's tuning half
/// (Tests/ParseCorpus/independent/SOURCES.md).
@Suite("List rows")
struct ListRowsTests {
    let parser = BulletinParser()

    /// independent-tuning/0037 (BBC News, "Obama admits US gun laws are his 'biggest
    /// frustration'", via readability's test pages): one line a paragraph, the list's rows
    /// between two paragraphs. Without the rule each row is a paragraph of its own. (Where this
    /// excerpt's story ends is judged over the whole file, so only the list is asked about.)
    @Test func aListAmongLinesOfTextIsOneBlock() throws {
        let text = """
            Obama admits US gun laws are his 'biggest frustration'
            President Barack Obama tells the BBC his failure to pass "common sense gun safety laws" is the greatest frustration of his presidency.
            In a wide-ranging interview, President Obama also said:
            1) The UK must stay in the EU to have influence on the world stage
            2) He is confident the Iran nuclear deal will be passed by Congress
            3) Syria needs a political solution in order to defeat the Islamic State group
            Read the full transcript of his interview
            Mr Obama lands in Kenya later on Friday for his first visit since becoming president.
            """
        let stories = try parser.parse(text)
        #expect(stories.first?.headline == "Obama admits US gun laws are his 'biggest frustration'")
        #expect(
            stories.first?.paragraphs.last
                == "1) The UK must stay in the EU to have influence on the world stage\n"
                + "2) He is confident the Iran nuclear deal will be passed by Congress\n"
                + "3) Syria needs a political solution in order to defeat the Islamic State group")
    }

    /// independent-tuning/0069 (netzpolitik.org, "Die Cider Connection: Abmahnungen gegen
    /// Nutzer von Creative-Commons-Bildern"): a hard-wrapped file that indents its paragraphs.
    /// The rows are short, so without the rule the wrapper seems to have broken them and they
    /// are joined into one line.
    @Test func shortRowsInAWrappedFileAreNotJoined() throws {
        let text = """
            Die Cider Connection: Abmahnungen gegen Nutzer von Creative-Commons-Bildern

                iRights.info erscheinen die Forderungen und die Vorgehensweise der
            Abmahner als fragwürdig, sie knüpften jedoch an vermeidbare Fehler an.
            Wer Abmahnungen und Lizenzforderungen vermeiden will, sollte sich
            unbedingt an die Bedingungen der CC-Lizenzen halten. Diese sind:
            1) Nennung des Urhebers,
            2) Nennung des Titels, wenn vorhanden,
            3) Nennung der Lizenz genannt und Verlinkung auf diese.
                Hilfreich bei der Nutzung von Wikipedia-Bildern ist der
            Lizenzhinweisgenerator.
            """
        let stories = try parser.parse(text)
        #expect(stories.count == 1)
        #expect(
            stories.first?.paragraphs.contains(
                "1) Nennung des Urhebers,\n2) Nennung des Titels, wenn vorhanden,\n"
                    + "3) Nennung der Lizenz genannt und Verlinkung auf diese.") == true)
    }

    /// independent-tuning/0139 (eawag.ch, "Auf das erste Elektron kommt es an"): the file's
    /// separator "* * *" right under a list drawn with "* ". It is no item of the list: it
    /// ends the story, and the next one is a story of its own.
    @Test func aSeparatorUnderAListIsNoItem() throws {
        let text = """
            Auf das erste Elektron kommt es an

            Die Studie beschreibt nur einen kleinen Schritt in der mikrobiellen Atmung.

            Finanzierung / Kooperationen

            * Eawag
            * ETHZ
            * SNF
            * * *

            宇航员在太空中喝酒会怎么样？后果很严重

            翱翔于距地球数千公里的太空中，进入广袤漆黑的未知领域，是一项艰苦卓绝的工作。
            """
        let stories = try parser.parse(text)
        #expect(stories.count == 2)
        #expect(stories.first?.paragraphs.last == "* Eawag\n* ETHZ\n* SNF")
    }

    /// independent-tuning/0108 (searchlight.vc, "Make your social media shine bright like a
    /// diamond!"): numbered tips, each a paragraph typed on one line wider than any wrapper
    /// fills. They are paragraphs that open with a number, not rows of a list: without the
    /// width bound in `ListRows.isRow` the seven tips are one block.
    @Test func numberedParagraphsTypedOneALineStayParagraphs() throws {
        let text = """

            Published 29 April 2022
            We don’t experience the four seasons here in St. Vincent and the Grenadines but it doesn’t mean we can’t do spring cleaning! Spring cleaning means a deep clean of your home, but when it comes to your brand’s or company’s digital marketing strategies, it’s a chance to clean up your online profiles and check in with your marketing efforts. When it comes to social media, it means a deep dive into your social media channels and ensuring you hit your goals. Here are a few tips to get your social media shining:
            1. Bio: Make sure your bio is clear and simple covering who you work with and how you help them. Include results, expertise to position your brand as an expert. Add a call to action, whether it be to register or grabbing a freebie.
            2. Highlights: Go through and delete anything old/irrelevant. Now is the perfect time to update your cover images for a fresh look. Canva is a great option to help with the customization
            3. Profile pic: Does your profile need an update? Do you have new headshots to add? Update cover photos? To avoid confusing your audience, try not to update it too often but it is a good way to breathe new life into your profile.
            4. Perform CPR on old content: Look at your insights and how things have been performing for the last few months. If the results are not desirable, it’s time to change things up and try different ways to deliver content to your audience.
            5. Secure your accounts – Change password for your social media pages. Review the admin panel for member roles and access settings
            6. Set a goal or purpose for each network – Have a reason for using a social network- why is your brand on Facebook? Why are you on Instagram? Why are you on Tik Tok?
            7. Check on ‘Sleeping Accounts’ – Did you sign up on a social media platform but then just use it for a week? Sleeping accounts can look worse than not having an account at all . Either use the account regularly or delete it. Do an audit of all your social media properties and evaluate what is essential and what isn’t
            Candice Sealey is the Founder & Principal Consultant at Ignite! a Full-service Marketing & PR Consultancy that helps businesses/brands to stand out and communicate the right message to the right people at the right time through Strategy, Marketing, Media services and Design solutions. She is also a freelance content writer, advertising copywriter, voiceover talent, media personality. Follow us on FB & IG 784-432-2223. Email: [email protected]

            """
        let paragraphs = try parser.parse(text).flatMap(\.paragraphs)
        #expect(paragraphs.contains { $0.hasPrefix("1. Bio: Make sure your bio") && !$0.contains("\n") })
        #expect(paragraphs.contains { $0.hasPrefix("2. Highlights: Go through") && !$0.contains("\n") })
    }

    /// independent-tuning/0050 (womencantalksports.com, "Top 10 Women Talking Sports"): a
    /// crosshead with a figure over an item's name, "1. Christie Leigh Mueller", over the text
    /// about her. The item's number is no figure (`FigureRows.hasFigure`): without that, the two
    /// short lines are two rows of a figure table, one block.
    @Test func aListNumberIsNoFigure() throws {
        let text = """
            January 22, 2014
            A generally accepted myth: Men talk about sports, women don’t.
            Truth: 45% of NFL fans are female, 46% of MLB fans are female, 47% of MLS fans are female
            So the reality is WOMEN CAN TALK SPORTS, and lots of them do! In February, WCTS will begin a series highlighting the amazing women I encounter daily who are talking sports in their personal and professional lives. My hope is that by spotlighting this varied and vast group of women, you will also be encouraged to join in the conversation. Below is a list of my current favorite women talking sports on TV, twitter, online, and in their everyday lives.
            My Top 10 Women Talking Sports
            1. Christie Leigh Mueller
            Author of Gridiron Belles: A guide to Saturdays in Dixie Christie Leigh shares my passion for empowering women through sports knowledge. She is a world-changer, and it only took 1/2 a cup of coffee for me to become her biggest fan. Twitter: @gridironbelles
            2. Sam Ponder
            Sports broadcaster for ESPN and ABC Sports. She is married to NFL quarterback Christian Ponder. Her first post on her blog (ProThrityOne.com) Examining Truth and Twitter is a must read…like right now! Twitter: @sam_ponder
            3.Charlotte Jones Anderson
            Executive Vice President and Chief Brand Officer of the Dallas Cowboys. I had the opportunity to meet her this summer, and she is advocating for female fans at the highest levels within the NFL. She is a rockstar businesswoman, speaker, and sports fan. Twitter: @cjonesanderson
            4. Nicki Case Haulman
            """
        let stories = try parser.parse(text)
        let lines = stories.flatMap { [$0.headline] + $0.paragraphs }
        #expect(lines.contains("1. Christie Leigh Mueller"))
        #expect(!lines.contains { $0.contains("Talking Sports\n1. Christie") })
    }
}
