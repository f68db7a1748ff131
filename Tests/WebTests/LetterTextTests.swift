import Testing

@testable import Web

/// A draft's HTML as the text a counsellor edits: paragraphs apart, tags and comments gone,
/// entities read, placeholders kept.
@Suite struct LetterTextTests {
    @Test func paragraphsTagsEntitiesAndPlaceholders() {
        let html = """
            <article class="letter"><!-- a note --><p class="a">Nach&nbsp;§&nbsp;19 AGG &amp; mehr</p>
            <p>Erste Zeile<br>zweite <span class="placeholder">[[ Anrede ]]</span></p><ol><li>eins</li><li>zwei</li></ol></article>
            """
        let text = LetterText.plain(html)
        #expect(text == "Nach § 19 AGG & mehr\n\nErste Zeile\nzweite [[ Anrede ]]\n\neins\n\nzwei")
        #expect(!text.contains("<") && !text.contains("note"))
    }
}
