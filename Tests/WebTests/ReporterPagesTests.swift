import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WebTesting

@testable import Web

@Suite struct ReporterPagesTests {
    @Test(arguments: ["/", "/receipt", "/mailbox", "/offices", "/?lang=en", "/nonexistent"])
    func everyPageCarriesTheSecurityHeadersAndNoCookie(path: String) async throws {
        try await TestApp().test { client in
            let response = try await client.execute(uri: path, method: .get)
            let csp = try #require(response.headers[.contentSecurityPolicy])
            #expect(csp.contains("default-src 'none'"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(!csp.contains("unsafe-inline") && !csp.contains("script-src"))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[.referrerPolicyHeader] == "same-origin")
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[.setCookie] == nil)
        }
    }

    @Test func pagesWorkWithoutScriptAndOfferTheQuickExit() async throws {
        try await TestApp().test { client in
            for path in ["/", "/receipt", "/mailbox", "/offices"] {
                let page = try await client.execute(uri: path + "?lang=en", method: .get).text
                #expect(!page.lowercased().contains("<script"), "\(path) has a script")
                #expect(page.contains("class=\"quick-exit\""), "\(path) lacks the quick-exit link")
                #expect(page.contains("lang=\"en\""), "\(path) is not in English")
            }
            let german = try await client.execute(uri: "/", method: .get).text
            #expect(german.contains("Seite schnell verlassen"))
            #expect(german.contains("action=\"/receipt?lang=de\""), "the language stays in the URL")
        }
    }

    @Test func theReportFormGivesAReceiptOnceAndRefusesAResubmission() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let form = try await client.execute(uri: "/?lang=en", method: .get)
            let token = try #require(form.token())
            let fields = [
                ("token", token), ("narrative", "Refused at the door"), ("grounds", "antisemitismus"),
                ("grounds", "lebensalter"), ("contactWish", "mailbox"), ("consent", "yes"), ("region", "05913"),
            ]
            let answer = try await client.postForm("/receipt?lang=en", fields, headers: [.secFetchSite: "same-origin"])
            #expect(answer.status == .created)
            #expect(answer.text.contains("Nobody can recover the receipt"))
            #expect(answer.text.replacing(/<[^>]+>/, with: "").firstMatch(of: /[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}/) != nil)
            let groups = answer.text.matches(of: /<span class="group">([0-9A-HJKMNP-TV-Z]{4})<\/span>/).count
            #expect(groups == 5, "each group of four is kept on one line")
            let again = try await client.postForm("/receipt?lang=en", fields)
            #expect(again.status == .conflict)
        }
        #expect(await app.store.caseCount == 1)
    }

    @Test func crossSiteAndTokenlessFormsStoreNothing() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let token = try #require(try await client.execute(uri: "/", method: .get).token())
            let crossSite = try await client.postForm(
                "/receipt", [("token", token), ("narrative", "x"), ("contactWish", "mailbox"), ("consent", "yes")],
                headers: [.secFetchSite: "cross-site"])
            #expect(crossSite.status == .forbidden)
            let noToken = try await client.postForm("/receipt", [("narrative", "x"), ("contactWish", "mailbox"), ("consent", "yes")])
            #expect(noToken.status == .badRequest)
            #expect(noToken.text.contains("x</textarea>"), "the reporter's text is kept")
        }
        #expect(await app.store.caseCount == 0)
    }

    @Test func anInvalidFormIsShownAgainWithTheProblemAndTheText() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let token = try #require(try await client.execute(uri: "/?lang=en", method: .get).token())
            let response = try await client.postForm(
                "/receipt?lang=en",
                [
                    ("token", token), ("narrative", "My text"),
                    ("incidentDate", "2999-01-01"), ("contactWish", "mailbox"), ("consent", "yes"),
                ])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("role=\"alert\""))
            #expect(response.text.contains("The date of the incident is not valid"))
            #expect(response.text.contains("My text</textarea>"))
        }
        #expect(await app.store.caseCount == 0)
    }

    @Test func scriptInANarrativeIsShownAsText() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let created = try await client.postJSON(
                "/api/v1/reports",
                #"{"language": "de", "narrative": "<script>alert(1)</script><b>x</b>", "contactWish": "mailbox", "consent": true}"#)
            let receipt = try #require(try created.json()["receipt"] as? String)
            let token = try #require(try await client.execute(uri: "/mailbox", method: .get).token())
            let page = try await client.postForm("/mailbox", [("token", token), ("receipt", receipt), ("includeReport", "yes")])
            #expect(page.status == .ok)
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.text.contains("<script>alert(1)"))
        }
    }

    @Test func theMailboxPagesReadWriteAndWithdraw() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let created = try await client.postJSON(
                "/api/v1/reports", #"{"language": "de", "narrative": "n", "contactWish": "mailbox", "consent": true}"#)
            let receipt = try #require(try created.json()["receipt"] as? String)
            let readToken = try #require(try await client.execute(uri: "/mailbox?lang=en", method: .get).token())
            let opened = try await client.postForm("/mailbox?lang=en", [("token", readToken), ("receipt", receipt.lowercased())])
            #expect(opened.text.contains("Received – not yet worked on"))
            let sendToken = try #require(Self.token(in: opened.text, after: "/mailbox/messages"))
            let sent = try await client.postForm(
                "/mailbox/messages?lang=en", [("token", sendToken), ("receipt", receipt), ("text", "Hello office")])
            #expect(sent.status == .created)
            #expect(sent.text.contains("Hello office"))
            let withdrawToken = try #require(Self.token(in: sent.text, after: "/mailbox/withdraw"))
            let refused = try await client.postForm("/mailbox/withdraw?lang=en", [("token", withdrawToken), ("receipt", receipt)])
            #expect(refused.status == .unprocessableContent, "withdrawal needs the confirmation box")
            let secondToken = try #require(Self.token(in: refused.text, after: "/mailbox/withdraw"))
            let withdrawn = try await client.postForm(
                "/mailbox/withdraw?lang=en",
                [("token", secondToken), ("receipt", receipt), ("confirm", "yes")])
            #expect(withdrawn.text.contains("Your report has been deleted"))
            let freshToken = try #require(try await client.execute(uri: "/mailbox?lang=en", method: .get).token())
            let malformed = try await client.postForm("/mailbox?lang=en", [("token", freshToken), ("receipt", "nonsense")])
            #expect(malformed.status == .badRequest)
        }
        #expect(await app.store.caseCount == 0)
    }

    /// The mailbox explains the status in a line; once deletion is requested it offers no
    /// withdrawal any more, and says so.
    @Test func aDeletionRequestShowsItsStateInsteadOfTheWithdrawForm() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let created = try await client.postJSON(
                "/api/v1/reports", #"{"language": "en", "narrative": "n", "contactWish": "mailbox", "consent": true}"#)
            let receipt = try #require(try created.json()["receipt"] as? String)
            let readToken = try #require(try await client.execute(uri: "/mailbox?lang=en", method: .get).token())
            let opened = try await client.postForm("/mailbox?lang=en", [("token", readToken), ("receipt", receipt)])
            #expect(opened.text.contains("Your report has arrived. The office has not worked on it yet."))
            let withdrawToken = try #require(Self.token(in: opened.text, after: "/mailbox/withdraw"))
            let caseID = try #require(await app.store.allRecords().first?.caseID)
            await app.store.markTouched(caseID)
            let requested = try await client.postForm(
                "/mailbox/withdraw?lang=en",
                [("token", withdrawToken), ("receipt", receipt), ("confirm", "yes")])
            #expect(requested.status == .ok)
            let againToken = try #require(try await client.execute(uri: "/mailbox?lang=en", method: .get).token())
            let again = try await client.postForm("/mailbox?lang=en", [("token", againToken), ("receipt", receipt)])
            #expect(again.text.contains("Deletion of your report has been requested."))
            #expect(!again.text.contains("action=\"/mailbox/withdraw"), "nothing left to withdraw")
            #expect(again.text.contains("action=\"/mailbox/messages"), "the person can still write")
        }
        #expect(await app.store.caseCount == 1)
    }

    /// The token of the form whose action starts with `action`.
    static func token(in page: String, after action: String) -> String? {
        guard let form = page.range(of: "action=\"\(action)") else { return nil }
        let rest = page[form.upperBound...]
        guard let start = rest.range(of: "name=\"token\" value=\"") else { return nil }
        let value = rest[start.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }
}
