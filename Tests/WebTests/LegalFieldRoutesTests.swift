import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// The legal fields on the case page and through the API: only the case's events are offered,
/// a refused event names both sides, a field set by hand shows with its source.
@Suite struct LegalFieldRoutesTests {
    static let passphrase = CasePagesTests.passphrase

    @Test func theCasePageOffersTheFieldsEventsAndRefusesOthersByName() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let caseID = try await CasePagesTests.report(client, app: app, narrative: "Die Wohnung bekam ich wegen meines Namens nicht.")
            let cookie = try await client.pageSession("berater.koeln", Self.passphrase)
            var page = try await client.page("/cases/\(caseID)?lang=de", cookie: cookie)
            let csrf = try #require(page.token(named: "csrf"))
            func post(_ form: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await client.memberPost("/cases/\(caseID)/\(form)?lang=de", [("csrf", csrf)] + fields, cookie: cookie)
            }
            #expect(page.text.contains("Rechtsgebiete"))
            #expect(!page.text.contains(#"<option value="ablehnung_zugegangen">"#), "no employment event before a field")
            #expect(page.text.contains(#"<option value="auskunft_verlangt">"#), "the office's own duties are always there")

            // A refused event: 409, the case page again, both sides named, nothing recorded.
            let refused = try await post("event", [("event", "ablehnung_zugegangen"), ("on", Day(Date()).iso)])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("Beschäftigung (§ 15 AGG, ArbGG, KSchG)"))
            #expect(refused.text.contains("Beratungsstandard der Stelle, Datenschutz (Art. 12 DSGVO)"))

            #expect(try await post("classification", [("ground", "antimuslimisch"), ("area", "wohnen")]).status == .seeOther)
            page = try await client.page("/cases/\(caseID)?lang=de", cookie: cookie)
            #expect(page.text.contains("Zivilrecht (§ 21 AGG)") && page.text.contains("aus der Einordnung"))
            #expect(page.text.contains(#"<option value="benachteiligung_bekannt">"#))
            #expect(!page.text.contains(#"<option value="kuendigung_zugegangen">"#))
            #expect(!page.text.contains(#"<option value="arbgg_61b">"#), "no override of a rule outside the fields")

            // By hand, and back.
            #expect(try await post("fields", [("fields", "beschaeftigung"), ("fields", "zivilrecht")]).status == .seeOther)
            page = try await client.page("/cases/\(caseID)?lang=de", cookie: cookie)
            #expect(page.text.contains("von Hand gesetzt"))
            #expect(page.text.contains(#"<option value="kuendigung_zugegangen">"#))
            #expect(page.text.contains("Beschäftigung (§ 15 AGG, ArbGG, KSchG), Zivilrecht (§ 21 AGG)"), "the history names the fields")
            #expect(try await post("event", [("event", "kuendigung_zugegangen"), ("on", Day(Date()).iso)]).status == .seeOther)
            #expect(try await post("fields", [("follow", "yes")]).status == .seeOther)
            page = try await client.page("/cases/\(caseID)?lang=de", cookie: cookie)
            #expect(page.text.contains("aus der Einordnung"))
            #expect(!page.text.contains("§ 4 KSchG"), "the dismissal deadline left with the field")
            #expect(try await post("fields", [("fields", "familienrecht")]).status == .unprocessableContent)
        }
    }

    @Test func theAPIRefusesAnEventOutsideTheFieldsWith409() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let caseID = try await APICalls.report(client, lead: lead, narrative: "Beim Jobcenter herablassend behandelt.").1
            let response = try await client.execute(
                uri: "/api/v1/cases/\(caseID)/events", method: .post,
                headers: [.authorization: "Bearer \(lead)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"event":"tat_und_taeter_bekannt","on":"\#(Day(Date()).iso)"}"#))
            #expect(response.status == .conflict)
            let body = try #require(try APICalls.object(response)["error"] as? [String: Any])
            #expect(body["code"] as? String == "field_mismatch")
            #expect((body["message"] as? String)?.contains("strafrecht") == true)
            let json: HTTPFields = [.authorization: "Bearer \(lead)", .contentType: "application/json"]
            let set = try await client.execute(
                uri: "/api/v1/cases/\(caseID)/legal-fields", method: .put, headers: json,
                body: ByteBuffer(string: #"{"fields":["oeffentliches_recht","strafrecht"]}"#))
            #expect(set.status == .noContent)
            let again = try await client.execute(
                uri: "/api/v1/cases/\(caseID)/events", method: .post, headers: json,
                body: ByteBuffer(string: #"{"event":"tat_und_taeter_bekannt","on":"\#(Day(Date()).iso)"}"#))
            #expect(again.status == .noContent)
            let unknown = try await client.execute(
                uri: "/api/v1/cases/\(caseID)/legal-fields", method: .put, headers: json,
                body: ByteBuffer(string: #"{"fields":["familienrecht"]}"#))
            #expect(unknown.status == .unprocessableContent)
            let view = try await client.execute(uri: "/api/v1/cases/\(caseID)", method: .get, headers: json)
            #expect(String(buffer: view.body).contains("stgb_77b"))
        }
    }
}
