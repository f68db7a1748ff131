import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing
import WebTesting

@testable import Web

/// The counsellors' pages through the router: what a browser without JavaScript sees and sends.
@Suite struct CasePagesTests {
    static let passphrase = "Kompass-Rhein-Laterne-42"
    static let hostile = #"<script>alert("x")</script><img src=x onerror=alert(1)> & "Zitat""#

    /// A report through intake with `narrative`; returns its case id (as the lead's API list shows it).
    static func report(_ client: any TestClientProtocol, app: MemberTestApp, narrative: String) async throws -> String {
        let lead = try await client.login(app.leadName, app.leadPassphrase)
        return try await APICalls.report(client, lead: lead, narrative: narrative).1
    }

    /// The values of the hidden `from`/`to` fields of every transition form on a case page.
    static func offeredTargets(_ html: String) -> [String] {
        html.components(separatedBy: #"<input type="hidden" name="to" value=""#).dropFirst().compactMap {
            $0.split(separator: "\"").first.map(String.init)
        }
    }

    @Test func theCasePageShowsAHostileNarrativeAsTextAndOffersOnlyAllowedTransitions() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let escapedJSON = Self.hostile.replacingOccurrences(of: "\"", with: "\\\"")
            let caseID = try await Self.report(client, app: app, narrative: escapedJSON)
            let cookie = try await client.pageSession("berater.koeln", Self.passphrase)

            let list = try await client.page("/cases?lang=en&assigned=all", cookie: cookie)
            #expect(list.status == .ok)
            #expect(list.headers[.cacheControl] == "no-store")
            #expect(list.text.contains("/cases/\(caseID)?lang=en"))
            #expect(list.text.contains(#"class="badge soon""#), "the first response is due within the warning days")

            let page = try await client.page("/cases/\(caseID)?lang=en", cookie: cookie)
            #expect(page.status == .ok)
            #expect(!page.text.contains("<script>alert"), "the narrative is not markup")
            #expect(!page.text.contains("<img src=x"))
            #expect(page.text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
            #expect(page.text.contains("&amp; &quot;Zitat&quot;"))
            let view = try await app.casework.open(
                try #require(EntityID(hex: caseID)),
                for: try await app.members.login(
                    username: "berater.koeln",
                    passphrase: SecureBytes(utf8: Self.passphrase)
                ).session)
            #expect(Self.offeredTargets(page.text).sorted() == view.transitions.map(\.to).sorted())
            #expect(!Self.offeredTargets(page.text).contains("intervention"), "no intervention straight from eingegangen")
        }
    }

    @Test func formsMoveTheCaseAndRefusalsShowTheRuleWithoutChangingIt() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let caseID = try await Self.report(client, app: app, narrative: "Beim Einlass abgewiesen.")
            let cookie = try await client.pageSession("berater.koeln", Self.passphrase)
            let csrf = try #require(try await client.page("/cases/\(caseID)?lang=en", cookie: cookie).token(named: "csrf"))
            func post(_ form: String, _ fields: [(String, String)], site: String = "same-origin") async throws -> TestResponse {
                try await client.memberPost("/cases/\(caseID)/\(form)?lang=en", [("csrf", csrf)] + fields, cookie: cookie, site: site)
            }
            for (from, to) in [
                ("eingegangen", "erstkontakt"), ("erstkontakt", "sachverhaltsklaerung"), ("sachverhaltsklaerung", "auftragsklaerung"),
            ] {
                let moved = try await post("transition", [("from", from), ("to", to)])
                #expect(moved.status == .seeOther)
                #expect(moved.headers[.location] == "/cases/\(caseID)?lang=en&done=case_transition")
            }
            let letter = [
                ("from", "auftragsklaerung"), ("to", "intervention"), ("intervention", "beschwerdebrief"), ("counterpart", "Club Nord"),
            ]
            let notAParty = try await post("transition", letter)
            #expect(notAParty.status == .unprocessableContent && notAParty.text.contains("is not a party of this case"))
            #expect(try await post("party", [("name", "Club Nord"), ("role", "gegenseite")]).status == .seeOther)
            let refused = try await post("transition", letter)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains(#"role="alert""#) && refused.text.contains("Vollmacht") && refused.text.contains("Club Nord"))
            // The refused form comes back as it was sent: the intervention and the party still chosen.
            #expect(refused.text.contains(#"<option value="beschwerdebrief" selected>"#))
            #expect(
                refused.text.range(of: #"<option value="[0-9a-f]{32}" selected>Club Nord</option>"#, options: .regularExpression) != nil)
            let stale = try await post("transition", [("from", "eingegangen"), ("to", "kein_kontakt")])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("someone else moved it"))
            let badDate = try await post(
                "contact", [("on", "gestern"), ("minutes", "10"), ("mode", "telefon"), ("with", "x"), ("interpreting", "keine")])
            #expect(badDate.status == .unprocessableContent)
            let crossSite = try await post("note", [("text", "von fremder Seite")], site: "cross-site")
            #expect(crossSite.status == .forbidden)

            #expect(
                try await post(
                    "document",
                    [
                        ("type", "vollmacht"), ("scope", "beschwerdebrief"), ("counterpart", "Club Nord"),
                        ("signedOn", Day(Date()).iso),
                    ]
                ).status == .seeOther)
            #expect(try await post("transition", letter).status == .seeOther)
            #expect(
                try await post(
                    "contact",
                    [
                        ("on", Day(Date()).iso), ("minutes", "25"), ("mode", "persoenlich"), ("with", "Person A"),
                        ("interpreting", "dgs"),
                    ]
                ).status == .seeOther)
            #expect(try await post("note", [("text", "Antwort abwarten.")]).status == .seeOther)
            #expect(
                try await post(
                    "classification", [("ground", "behinderung_chronische_krankheit"), ("area", "freizeit"), ("region", "05315")]
                ).status == .seeOther)

            let page = try await client.page("/cases/\(caseID)?lang=en&done=case_classification", cookie: cookie)
            #expect(page.text.contains("The classification was saved."))
            #expect(page.text.contains(#"data-step="intervention""#))
            #expect(page.text.contains("German Sign Language (DGS)"))
            #expect(page.text.contains("Antwort abwarten."))
            #expect(!page.text.contains("von fremder Seite"), "the cross-site form changed nothing")
            let view = try await app.casework.open(
                try #require(EntityID(hex: caseID)),
                for: try await app.members.login(
                    username: app.leadName,
                    passphrase: SecureBytes(utf8: app.leadPassphrase)
                ).session)
            #expect(view.timeline.filter { $0.kind == .transition }.count == 4)
            #expect(view.counsellorClassification?.codes["ground"] == ["behinderung_chronische_krankheit"])
        }
    }

    @Test func aCaseOfAnotherOfficeOrClosedToTheTeamIsNotFound() async throws {
        let app = try await MemberTestApp()
        let otherKeys = try OfficeKeys.generate()
        let other = try await app.stores.setup.createOffice(name: "Beratung Dortmund", profile: OfficeProfile(), keys: otherKeys)
        try await app.addMember("berater.dortmund", office: other, keys: otherKeys)
        try await app.addMember("berater.zwei")
        try await app.createVerband(analyst: "analyse.verband", passphrase: Self.passphrase)
        try await app.test { client in
            let caseID = try await Self.report(client, app: app, narrative: "Ein Vorfall im Amt.")
            let missing = try await client.page(
                "/cases/\(EntityID.random().hex)?lang=en", cookie: try await client.pageSession(app.leadName, app.leadPassphrase))
            #expect(missing.status == .notFound)
            for username in ["berater.dortmund", "analyse.verband"] {
                let cookie = try await client.pageSession(username, Self.passphrase)
                let page = try await client.page("/cases/\(caseID)?lang=en", cookie: cookie)
                #expect(page.status == .notFound, "\(username)")
                #expect(!page.text.contains("Ein Vorfall im Amt."))
            }
            let analyst = try await client.pageSession("analyse.verband", Self.passphrase)
            #expect(try await client.page("/cases?lang=en", cookie: analyst).status == .notFound)
            #expect(try await client.page("/deadlines?lang=en", cookie: analyst).status == .notFound)

            let lead = try await client.login(app.leadName, app.leadPassphrase)
            #expect(try await client.json("/api/v1/office/team-access", .put, token: lead, #"{"open": false}"#).status == .noContent)
            let zwei = try await client.pageSession("berater.zwei", Self.passphrase)
            #expect(try await client.page("/cases/\(caseID)?lang=en", cookie: zwei).status == .notFound)
            #expect(!(try await client.page("/cases?lang=en", cookie: zwei).text.contains(caseID)))
        }
    }

    @Test func aPhoneCaseATallyAndTheDeadlinesOverview() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let cookie = try await client.pageSession("berater.koeln", Self.passphrase)
            let form = try await client.page("/cases/new?lang=en", cookie: cookie)
            #expect(form.status == .ok)
            let csrf = try #require(form.token(named: "csrf"))
            let refused = try await client.memberPost(
                "/cases/new?lang=en",
                [
                    ("csrf", csrf), ("kind", "akte"), ("channel", "telefon"),
                    ("title", "Bleibt im Formular"),
                ], cookie: cookie)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"value="Bleibt im Formular""#), "the form keeps what was typed")
            let created = try await client.memberPost(
                "/cases/new?lang=en",
                [
                    ("csrf", csrf), ("kind", "beratungsfall"), ("channel", "telefon"), ("title", "Ablehnung im Fitnessstudio"),
                    ("person", "Person A"),
                    ("contact-on", Day(Date()).iso), ("contact-minutes", "30"), ("contact-mode", "telefon"), ("contact-with", "Person A"),
                    ("contact-interpreting", "lautsprache"), ("contact-language", "Arabisch"),
                ], cookie: cookie)
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            #expect(location.hasPrefix("/cases/") && location.hasSuffix("done=case_created"))
            let page = try await client.page(location, cookie: cookie)
            #expect(page.text.contains("Ablehnung im Fitnessstudio") && page.text.contains("Arabisch"))

            let tally = try await client.memberPost(
                "/cases/tally?lang=en", [("csrf", csrf), ("channel", "email"), ("ground", "lebensalter")],
                cookie: cookie)
            #expect(tally.headers[.location] == "/cases?lang=en&done=tally")
            #expect(try await app.stores.caseFiles.tallies(officeID: app.office.id).map(\.count) == [1])

            let caseID = String(location.dropFirst("/cases/".count).prefix(32))
            let csrfCase = try #require(page.token(named: "csrf"))
            let soon = Day(Date()).adding(days: 3).iso
            #expect(
                try await client.memberPost(
                    "/cases/\(caseID)/deadline?lang=en", [("csrf", csrfCase), ("label", "Rückruf Studio"), ("due", soon)],
                    cookie: cookie
                ).status == .seeOther)
            let overview = try await client.page("/deadlines?lang=en", cookie: cookie)
            #expect(overview.status == .ok)
            #expect(overview.text.contains("Rückruf Studio") && overview.text.contains(soon))
        }
    }

    @Test func aScanFromTheFileInputAndALetterFromTheCasePage() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let (caseID, documentID) = try await CaseFileRoutesTests.caseWithDocument(
                client, token: lead, counterpart: "<b>Müller & Söhne</b>")
            let cookie = try await client.pageSession(app.leadName, app.leadPassphrase)
            let page = try await client.page("/cases/\(caseID)?lang=en", cookie: cookie)
            #expect(page.text.contains(#"enctype="multipart/form-data""#))
            let csrf = try #require(page.token(named: "csrf"))
            func upload(_ bytes: [UInt8], csrf: String) async throws -> TestResponse {
                let boundary = "----sichtbar-\(UUID().uuidString)"
                var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8)
                body += Array(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Scan Ayşe K.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                        .utf8)
                body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
                return try await client.execute(
                    uri: "/cases/\(caseID)/documents/\(documentID)/file?lang=en", method: .post,
                    headers: [
                        .cookie: cookie, .secFetchSite: "same-origin",
                        .contentType: "multipart/form-data; boundary=\(boundary)",
                    ],
                    body: ByteBuffer(bytes: body))
            }
            #expect(try await upload(SampleScan.jpeg(), csrf: "falsch").status == .forbidden)
            let refused = try await upload(Array("kein Bild".utf8), csrf: csrf)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"role="alert""#))
            let stored = try await upload(SampleScan.jpeg(), csrf: csrf)
            #expect(stored.status == .seeOther)
            #expect(stored.headers[.location] == "/cases/\(caseID)?lang=en&done=case_file")
            let after = try await client.page("/cases/\(caseID)?lang=en&done=case_file", cookie: cookie)
            #expect(after.text.contains(EntityID.hexString(FileDigest.sha256(SampleScan.jpeg(withEXIF: false)))))
            #expect(!after.text.contains("Ayşe"), "the file name is not kept")
            let download = try await client.page("/cases/\(caseID)/documents/\(documentID)/file?lang=en", cookie: cookie)
            #expect(Array(buffer: download.body) == SampleScan.jpeg(withEXIF: false))

            let letter = try await client.memberPost(
                "/cases/\(caseID)/letter?lang=en", [("csrf", csrf), ("template", "bitte_um_stellungnahme")],
                cookie: cookie)
            #expect(letter.status == .seeOther)
            let location = try #require(letter.headers[.location])
            #expect(location.hasPrefix("/cases/\(caseID)/letters/"))
            let printable = try await client.page(location, cookie: cookie)
            #expect(printable.status == .ok)
            #expect(printable.text.contains("&lt;b&gt;Müller &amp; Söhne&lt;/b&gt;") && !printable.text.contains("<b>Müller"))
            #expect(try await client.page("/cases/\(caseID)?lang=en", cookie: cookie).text.contains("Request for a statement"))
        }
    }
}
