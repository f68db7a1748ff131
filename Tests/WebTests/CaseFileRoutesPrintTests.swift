import Casework
import Foundation
import HummingbirdTesting
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// The printable case file: everything for the office's records; for the person's access
/// request only what is theirs, and of third parties only what is marked shareable. Audited.
@Suite struct CaseFilePrintTests {
    @Test func theAccessAnswerLeavesOutThirdPartiesAndInternalNotesUnlessShareable() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let caseID = try await CasePagesTests.report(client, app: app, narrative: "Die Vermieterin lehnte mich ab.")
            let cookie = try await client.pageSession("berater.koeln", CasePagesTests.passphrase)
            let csrf = try #require(try await client.page("/cases/\(caseID)?lang=de", cookie: cookie).token(named: "csrf"))
            func post(_ form: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await client.memberPost("/cases/\(caseID)/\(form)?lang=de", [("csrf", csrf)] + fields, cookie: cookie)
            }
            #expect(
                try await post("party", [("name", "Hausverwaltung Süd"), ("role", "gegenseite"), ("shareable", "yes")]).status == .seeOther)
            #expect(try await post("party", [("name", "Nachbarin Frau K."), ("role", "dritte")]).status == .seeOther)
            #expect(try await post("note", [("text", "Interne Einschätzung: Zeugin unsicher.")]).status == .seeOther)
            #expect(try await post("note", [("text", "Termin am Montag vereinbart."), ("shareable", "yes")]).status == .seeOther)
            #expect(
                try await post(
                    "document",
                    [
                        ("type", "schweigepflichtentbindung"), ("scope", "alle"), ("counterpart", "Nachbarin Frau K."),
                        ("signedOn", Day(Date()).iso),
                    ]
                ).status == .seeOther)

            let record = try await client.page("/cases/\(caseID)/print?lang=de&purpose=akte", cookie: cookie)
            #expect(record.status == .ok)
            for text in [
                "Hausverwaltung Süd", "Nachbarin Frau K.", "Interne Einschätzung", "Termin am Montag", "Die Vermieterin lehnte mich ab.",
            ] {
                #expect(record.text.contains(text), "the office's file has \(text)")
            }
            let access = try await client.page("/cases/\(caseID)/print?lang=de&purpose=auskunft", cookie: cookie)
            #expect(access.status == .ok)
            #expect(access.text.contains("Auskunft nach Art. 15 DSGVO") && access.text.contains("Die Vermieterin lehnte mich ab."))
            #expect(access.text.contains("Hausverwaltung Süd") && access.text.contains("Termin am Montag"), "shareable ones are in")
            #expect(
                !access.text.contains("Nachbarin") && !access.text.contains("Interne Einschätzung"),
                "third parties and internal notes are out")
            #expect(access.text.contains("[Angabe zu Dritten ausgelassen]"), "the document says a detail was left out")
            #expect(!access.text.contains("berater.koeln"), "no staff history")

            let lead = try await app.members.login(username: app.leadName, passphrase: SecureBytes(utf8: app.leadPassphrase)).session
            let audit = try await app.members.auditEntries(for: lead, subject: caseID, limit: 200).map(\.event)
            #expect(audit.contains { $0.action == "case.file_printed" && $0.subject == "\(caseID) akte" })
            #expect(audit.contains { $0.action == "case.file_printed" && $0.subject == "\(caseID) auskunft" })
        }
    }
}
