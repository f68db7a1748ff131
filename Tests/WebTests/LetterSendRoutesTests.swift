import Casework
import Foundation
import HummingbirdTesting
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// Letters as sent: the draft offers only the paragraphs of the case's legal field; the
/// counsellor edits it as text and saves it as sent, which is refused while a placeholder is
/// left, and afterwards sealed, dated and no longer editable.
@Suite struct LetterSendRoutesTests {
    @Test func aHousingLetterOffersCivilLawAndIsSavedAsSentOnceThePlaceholdersAreGone() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let caseID = try await CasePagesTests.report(client, app: app, narrative: "Wohnung wegen meines Namens nicht bekommen.")
            let cookie = try await client.pageSession("berater.koeln", CasePagesTests.passphrase)
            let csrf = try #require(try await client.page("/cases/\(caseID)?lang=de", cookie: cookie).token(named: "csrf"))
            #expect(
                try await client.memberPost(
                    "/cases/\(caseID)/classification?lang=de",
                    [
                        ("csrf", csrf), ("ground", "gegen_gefluechtete"),
                        ("area", "wohnen"),
                    ], cookie: cookie
                ).status == .seeOther)
            let made = try await client.memberPost(
                "/cases/\(caseID)/letter?lang=de", [("csrf", csrf), ("template", "beschwerdebrief")], cookie: cookie)
            let draftPath = String(try #require(made.headers[.location]).prefix { $0 != "?" })
            let draft = try await client.page(draftPath, cookie: cookie)
            #expect(draft.text.contains("Nach&nbsp;§&nbsp;19 AGG") || draft.text.contains("§&nbsp;19 AGG"), "the civil-law paragraph")
            #expect(!draft.text.contains("§&nbsp;7 Abs.&nbsp;1 AGG"), "no employment paragraph in a housing case")
            #expect(!draft.text.contains("Art.&nbsp;1 Abs.&nbsp;3"), "no public-law paragraph")

            let edit = try await client.page("\(draftPath)/edit?lang=de", cookie: cookie)
            #expect(edit.status == .ok && edit.text.contains("[["))
            let refused = try await client.memberPost(
                "\(draftPath)/sent?lang=de",
                [
                    ("csrf", csrf), ("text", "Sehr geehrte [[ Anrede ]],\n\nText."),
                    ("sentOn", Day(Date()).iso),
                ], cookie: cookie)
            #expect(refused.status == .unprocessableContent && refused.text.contains("placeholder is still in the letter"))
            #expect(refused.text.contains("Sehr geehrte [[ Anrede ]]"), "the text comes back as typed")
            let text =
                "Sehr geehrte Damen und Herren,\n\nwir schreiben Ihnen wegen <Wohnung> & Miete.\nZeile zwei.\n\nMit freundlichen Grüßen"
            let sent = try await client.memberPost(
                "\(draftPath)/sent?lang=de", [("csrf", csrf), ("text", text), ("sentOn", Day(Date()).iso)], cookie: cookie)
            #expect(sent.status == .seeOther)
            let sentPath = String(try #require(sent.headers[.location]).prefix { $0 != "?" })
            let letter = try await client.page(sentPath, cookie: cookie)
            #expect(letter.text.contains("wegen &lt;Wohnung&gt; &amp; Miete.<br>Zeile zwei.</p>"), "escaped, line breaks kept")
            let casePage = try await client.page("/cases/\(caseID)?lang=de", cookie: cookie)
            #expect(casePage.text.contains("versandt am \(PageTime(language: "de").day(Day(Date())))"))
            let again = try await client.page("\(sentPath)/edit?lang=de", cookie: cookie)
            #expect(again.status == .seeOther, "a sent letter is not edited")
            let resend = try await client.memberPost(
                "\(sentPath)/sent?lang=de", [("csrf", csrf), ("text", "Anders."), ("sentOn", Day(Date()).iso)],
                cookie: cookie)
            #expect(resend.status == .unprocessableContent)
        }
    }
}
