import Casework
import Foundation
import HummingbirdTesting
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// No one-click destruction on the case page: the deletion steps stand apart, ask who asked and
/// for a confirmation, refuse without them (keeping the case as it was), and a request can be
/// taken back to where the case stood.
@Suite struct DeletionRoutesTests {
    @Test func aDeletionRequestNeedsWhoAndAConfirmationAndCanBeTakenBack() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let caseID = try await CasePagesTests.report(client, app: app, narrative: "Ich wurde beim Einlass abgewiesen.")
            let cookie = try await client.pageSession("berater.koeln", CasePagesTests.passphrase)
            var page = try await client.page("/cases/\(caseID)?lang=de", cookie: cookie)
            let csrf = try #require(page.token(named: "csrf"))
            func post(_ fields: [(String, String)]) async throws -> TestResponse {
                try await client.memberPost("/cases/\(caseID)/transition?lang=de", [("csrf", csrf)] + fields, cookie: cookie)
            }
            // The deletion request stands apart, after the other ways, with the three origins and a required confirmation.
            let destructive = try #require(page.text.components(separatedBy: #"class="transition destructive""#).dropFirst().first)
            #expect(destructive.contains(#"name="requester" value="postfach" required"#))
            #expect(destructive.contains("Vorschlag der Beratungsstelle (kein Antrag der Person)"))
            #expect(destructive.contains(#"<input type="checkbox" name="confirm" value="yes" required>"#))
            #expect(destructive.contains(#"class="danger""#))
            let normal = try #require(page.text.components(separatedBy: #"class="transition destructive""#).first)
            #expect(!normal.contains("loeschung_beantragt"), "no deletion among the ordinary steps")

            #expect(try await post([("from", "eingegangen"), ("to", "erstkontakt")]).status == .seeOther)
            let request = [("from", "erstkontakt"), ("to", "loeschung_beantragt")]
            let unconfirmed = try await post(request + [("requester", "vorschlag_stelle")])
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(unconfirmed.text.contains("Bestätigung"))
            let nobody = try await post(request + [("confirm", "yes")])
            #expect(nobody.status == .unprocessableContent)
            #expect(nobody.text.contains("Wer hat die Löschung verlangt"))
            let lead = try await app.members.login(username: app.leadName, passphrase: SecureBytes(utf8: app.leadPassphrase)).session
            let id = try #require(EntityID(hex: caseID))
            #expect(try await app.casework.open(id, for: lead).step == "erstkontakt", "nothing changed")

            #expect(try await post(request + [("requester", "vorschlag_stelle"), ("confirm", "yes")]).status == .seeOther)
            var view = try await app.casework.open(id, for: lead)
            #expect(view.step == "loeschung_beantragt")
            #expect(!view.deadlines.contains { $0.rule == "dsgvo_12_3" }, "an office proposal starts no Art. 12 (3) month")
            page = try await client.page("/cases/\(caseID)?lang=de", cookie: cookie)
            #expect(page.text.contains("Zurücknehmen, zurück zu: Erstkontakt"))
            #expect(page.text.contains("Vorschlag der Beratungsstelle (kein Antrag der Person)"), "the history says who asked")
            let shredUnconfirmed = try await post([("from", "loeschung_beantragt"), ("to", "geloescht")])
            #expect(shredUnconfirmed.status == .unprocessableContent)

            #expect(try await post([("from", "loeschung_beantragt"), ("to", "previous")]).status == .seeOther)
            view = try await app.casework.open(id, for: lead)
            #expect(view.step == "erstkontakt")
            #expect(view.timeline.contains { $0.transition?.from == "loeschung_beantragt" && $0.transition?.to == "erstkontakt" })
        }
    }
}
