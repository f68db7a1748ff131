import Casework
import Foundation
import Sealing
import Testing

@testable import Web

/// The German letter templates rendered with Mustache: every value escaped, every unknown value
/// a visible placeholder, and a page whose stylesheet its own policy allows.
@Suite struct LetterRendererTests {
    static let renderer: LetterRenderer? = try? LetterRenderer.load(directory: TestApp.root.appendingPathComponent("Templates/letters"))

    static let hostile = "<script>alert(1)</script> & \"quoted\" 'single'"

    @Test func theTemplatesOfTheFolderAreKnown() throws {
        let renderer = try #require(Self.renderer)
        #expect(renderer.templates == ["beschwerdebrief", "bitte_um_stellungnahme", "gedaechtnisprotokoll"])
        #expect(
            renderer.compose("nicht_da", values: LetterValues(officeName: "A", date: "1. Januar 2026", reference: "R", counsellor: "c"))
                == nil)
    }

    @Test func everyValueIsEscapedInEveryTemplate() throws {
        let renderer = try #require(Self.renderer)
        let values = LetterValues(
            officeName: Self.hostile, officeAddress: Self.hostile, officePhone: Self.hostile, officeEmail: Self.hostile,
            date: Self.hostile, place: Self.hostile, reference: Self.hostile, counterpart: Self.hostile,
            person: Self.hostile, counsellor: Self.hostile, incidentDate: Self.hostile)
        for template in renderer.templates {
            let html = try #require(renderer.compose(template, values: values))
            #expect(!html.contains("<script>"), "\(template)")
            #expect(!html.contains("\"quoted\""), "\(template)")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;"), "\(template)")
        }
    }

    @Test func unknownValuesLeaveTheirPlaceholders() throws {
        let renderer = try #require(Self.renderer)
        let values = LetterValues(
            officeName: "Beratung Köln", date: "22. November 2026", reference: "7KQ2-M9XD", counsellor: "berater.koeln")
        let html = try #require(renderer.compose("bitte_um_stellungnahme", values: values))
        for placeholder in [
            "[[ Ort ]]", "[[ Name der Gegenseite", "[[ Datum des Vorfalls ]]", "[[ Bezeichnung der ratsuchenden Person",
            "[[ Anlass in wenigen Worten",
        ] {
            #expect(html.contains(placeholder), "\(placeholder)")
        }
        #expect(!html.contains("<dt>Telefon</dt>"), "no phone, no phone line")
        #expect(html.contains("Unser Zeichen: 7KQ2-M9XD"))
        #expect(html.contains("Benutzerkonto: berater.koeln"))

        var known = values
        known.place = "Köln"
        known.officePhone = "0221 123"
        let filled = try #require(renderer.compose("bitte_um_stellungnahme", values: known))
        #expect(filled.contains("Köln, 22. November 2026"))
        #expect(filled.contains("<dd>0221 123</dd>"))
    }

    @Test func thePageAllowsExactlyItsOwnStylesheet() throws {
        let page = LetterPage.html(
            StoredLetter(template: "beschwerdebrief", html: "<article>Brief</article>", at: "2026-11-22T10:00:00Z"),
            reference: "7KQ2-M9XD")
        let start = try #require(page.range(of: "<style>"))
        let end = try #require(page.range(of: "</style>"))
        let style = String(page[start.upperBound..<end.lowerBound])
        let hash = "sha256-" + Data(FileDigest.sha256(Array(style.utf8))).base64EncodedString()
        #expect(LetterPage.contentSecurityPolicy.contains("style-src '\(hash)'"))
        #expect(!LetterPage.contentSecurityPolicy.contains("unsafe-inline"))
        #expect(page.contains("@media print"))
        #expect(page.contains("<article>Brief</article>"))
        #expect(page.contains("<title>7KQ2-M9XD – beschwerdebrief</title>"))
    }
}
