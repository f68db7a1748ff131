import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WebTesting

@testable import Web

/// The office's privacy notice, the consent it asks for, and where a report goes (issue 14, items 2 and 3).
@Suite struct PrivacyRoutesTests {
    /// Each office's notice names its controller, its DPO, the provisions of its own law and the
    /// supervisory authority that law assigns, and states the retention policy's periods.
    @Test func theNoticeFollowsTheOfficesLaw() async throws {
        let app = try await TestApp()
        let koeln = app.offices[0]
        let dortmund = app.offices[1]
        try await app.test { client in
            let catholic = try await client.execute(uri: "/privacy?lang=de&office=\(koeln.id.hex)", method: .get)
            #expect(catholic.status == .ok)
            for fact in [
                "Caritasverband Köln (Test)", "datenschutz@example.org", "§ 6 Abs. 1 lit. b und § 11 Abs. 2 KDG",
                "§ 48 KDG", "Katholisches Datenschutzzentrum", "https://www.katholisches-datenschutzzentrum.de",
                "bis 3 Monate nach ihrer Einordnung", "bis 3 Jahre nach dem Ende des Jahres", "höchstens 12 Monate",
                "href=\"tel:022100000\"",
            ] {
                #expect(catholic.text.contains(fact), "Köln's notice lacks \(fact)")
            }
            #expect(!catholic.text.contains("LDI NRW") && !catholic.text.contains("DSG-EKD"))
            let state = try await client.execute(uri: "/privacy?lang=en&office=\(dortmund.id.hex)", method: .get)
            for fact in [
                "AWO Dortmund (Test)", "Art. 6 Abs. 1 lit. a und Art. 9 Abs. 2 lit. a DSGVO", "Art. 7 Abs. 3 DSGVO",
                "Art. 77 DSGVO", "LDI NRW", "https://www.ldi.nrw.de", "How long we keep it",
            ] {
                #expect(state.text.contains(fact), "Dortmund's notice lacks \(fact)")
            }
            // The language chooser keeps the office.
            #expect(state.text.contains("/privacy?office=\(dortmund.id.hex)&amp;lang=ar"))
        }
    }

    /// Without an office the page lists the offices that take reports; an unknown office and
    /// one whose notice is incomplete answer 404 with that list, never a half notice.
    @Test func onlyCompleteNoticesAreShown() async throws {
        let app = try await TestApp()
        let essen = app.offices[2]
        #expect(!essen.profile.takesReports)
        try await app.test { client in
            let list = try await client.execute(uri: "/privacy?lang=de", method: .get)
            #expect(list.status == .ok)
            #expect(list.text.contains("Beratung Köln") && list.text.contains("Beratung Dortmund"))
            #expect(!list.text.contains("Beratung Essen"))
            for office in [essen.id.hex, "00000000000000000000000000000000", "nonsense"] {
                let refused = try await client.execute(uri: "/privacy?lang=de&office=\(office)", method: .get)
                #expect(refused.status == .notFound, "\(office)")
                #expect(!refused.text.contains("Rechtsgrundlage"))
            }
            // Nor is Essen offered anywhere else: form, office list, API.
            for path in ["/?lang=de", "/offices?lang=de", "/api/v1/offices"] {
                let page = try await client.execute(uri: path, method: .get).text
                #expect(!page.contains("Beratung Essen"), "\(path) offers an office without a privacy notice")
            }
            let refused = try await client.postJSON(
                "/api/v1/reports",
                #"""
                {"language": "de", "narrative": "x", "contactWish": "none", "consent": true, "office": "\#(essen.id.hex)"}
                """#)
            #expect(refused.status == .unprocessableContent)
            #expect(try refused.errorField("field") == "office")
        }
        #expect(await app.store.caseCount == 0)
    }

    /// The form shows the short layer and the consent box; the API and the form both refuse a
    /// report without consent with 422 naming `consent`, store nothing, and keep what was typed.
    @Test func withoutConsentNothingIsStored() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let form = try await client.execute(uri: "/?lang=de&office=\(app.offices[1].id.hex)", method: .get)
            #expect(form.text.contains("Datenschutz in Kürze"))
            #expect(form.text.contains("input type=\"checkbox\" name=\"consent\" value=\"yes\" required"))
            #expect(form.text.contains("href=\"/privacy?lang=de&amp;office=\(app.offices[1].id.hex)\""), "the chosen office's notice")
            #expect(form.text.contains("3 Monate nach ihrer Einordnung"))

            for body in [
                #"{"language": "de", "narrative": "Vorfall", "contactWish": "none"}"#,
                #"{"language": "de", "narrative": "Vorfall", "contactWish": "none", "consent": false}"#,
            ] {
                let answer = try await client.postJSON("/api/v1/reports", body)
                #expect(answer.status == .unprocessableContent)
                #expect(try answer.errorField("field") == "consent")
            }
            let token = try #require(form.token())
            let answer = try await client.postForm(
                "/receipt?lang=de",
                [
                    ("token", token), ("narrative", "Mein Vorfall ohne Häkchen"),
                    ("contactWish", "mailbox"),
                ],
                headers: [.secFetchSite: "same-origin"])
            #expect(answer.status == .unprocessableContent)
            #expect(answer.text.contains("Bitte kreuzen Sie die Einwilligung an"))
            #expect(answer.text.contains("Mein Vorfall ohne Häkchen"), "the text is kept")
            #expect(answer.text.contains("name=\"consent\" value=\"yes\" required aria-invalid=\"true\""))
        }
        #expect(await app.store.caseCount == 0)
    }

    /// A region no office serves is marked on the form, the fallback office is named, and the
    /// report goes there; the receipt page and the API answer name the office that received it.
    @Test func anUnservedRegionGoesToTheNamedFallback() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let form = try await client.execute(uri: "/?lang=en", method: .get)
            #expect(form.text.contains("If no office serves your region, your report goes to: Beratung Köln."))
            #expect(form.text.contains("Düsseldorf (no office here)"))
            #expect(!form.text.contains("Dortmund (no office here)"))
            let answer = try await client.postJSON(
                "/api/v1/reports",
                #"""
                {"language": "de", "narrative": "x", "region": "05111", "contactWish": "none", "consent": true}
                """#)
            #expect(answer.status == .created)
            let office = try #require(try answer.json()["office"] as? [String: Any])
            #expect(office["name"] as? String == "Beratung Köln")
            #expect(office["id"] as? String == app.offices[0].id.hex)

            let token = try #require(form.token())
            let page = try await client.postForm(
                "/receipt?lang=en",
                [
                    ("token", token), ("narrative", "In Düsseldorf"), ("region", "05111"),
                    ("contactWish", "mailbox"), ("consent", "yes"),
                ],
                headers: [.secFetchSite: "same-origin"])
            #expect(page.status == .created)
            #expect(page.text.contains("Your report has reached this office: Beratung Köln."))
            let served = try await client.postJSON(
                "/api/v1/reports",
                #"""
                {"language": "de", "narrative": "x", "region": "05913", "contactWish": "none", "consent": true}
                """#)
            #expect((try served.json()["office"] as? [String: Any])?["name"] as? String == "Beratung Dortmund")
        }
        #expect(await app.store.caseCount == 3)
    }

    @Test func placeholdersAreFilledInOnePass() throws {
        let catalogue = Catalogue(
            code: "de", name: "Deutsch", direction: "ltr",
            strings: ["x": "An {office} ({law}), {missing} bleibt"], taxonomyLabels: [:], hasMemberPages: false, review: "")
        #expect(catalogue.text("x", ["office": "Stelle {law}", "law": "KDG"]) == "An Stelle {law} (KDG), {missing} bleibt")
        let arabic = Catalogue(
            code: "ar", name: "العربية", direction: "rtl", strings: ["x": "في {office}."], taxonomyLabels: [:],
            hasMemberPages: false, review: "")
        #expect(arabic.text("x", ["office": "§ 8 KDG"]) == "في \u{2068}§ 8 KDG\u{2069}.", "a bidi isolate on a right-to-left page")
    }
}
