import Casework
import Foundation
import HummingbirdTesting
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// Nothing a reporter writes goes unseen: a badge in the list and a count on top of it, the
/// newest message on top of the case page until marked read, the conversation in the history.
@Suite struct UnreadRoutesTests {
    @Test func aReporterMessageShowsUntilMarkedReadAndStaysInTheHistory() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let leadToken = try await client.login(app.leadName, app.leadPassphrase)
            let (receipt, caseID) = try await APICalls.report(client, lead: leadToken, narrative: "Absage wegen meines Kopftuchs.")
            let id = try #require(EntityID(hex: caseID))
            let lead = try await app.members.login(username: app.leadName, passphrase: SecureBytes(utf8: app.leadPassphrase)).session
            try await app.casework.assign([("berater.koeln", .beratung)], to: id, by: lead)
            let added = try await client.postJSON(
                "/api/v1/mailbox/messages", #"{"receipt": "\#(receipt)", "text": "Ich habe noch die E-Mail der Firma."}"#)
            #expect(added.status == .noContent || added.status == .ok || added.status == .created)

            let cookie = try await client.pageSession("berater.koeln", CasePagesTests.passphrase)
            // The list opens on the member's own cases, most urgent first, with the badge and the count on top.
            var list = try await client.page("/cases?lang=de", cookie: cookie)
            #expect(list.text.contains(#"<option value="mine" selected>"#))
            #expect(list.text.contains(#"<option value="urgency" selected>"#))
            #expect(list.text.contains(#"class="badge unread">Neue Nachricht"#))
            #expect(list.text.contains("Ungelesen von Ratsuchenden:") && list.text.contains("davon Ihre: 1"))
            let apiList = try APICalls.object(try await client.json("/api/v1/cases?unread=true", .get, token: leadToken))
            #expect((apiList["cases"] as? [[String: Any]])?.map { $0["unread"] as? Bool } == [true])

            var page = try await client.page("/cases/\(caseID)?lang=de", cookie: cookie)
            let top = try #require(page.text.components(separatedBy: #"id="next-steps""#).first)
            #expect(top.contains("Neue Nachricht der ratsuchenden Person") && top.contains("Ich habe noch die E-Mail der Firma."))
            let history = try #require(page.text.components(separatedBy: #"id="timeline""#).last)
            #expect(history.contains("Nachricht der ratsuchenden Person") && history.contains("Ich habe noch die E-Mail der Firma."))

            let csrf = try #require(page.token(named: "csrf"))
            let read = try await client.memberPost("/cases/\(caseID)/reporter-read?lang=de", [("csrf", csrf)], cookie: cookie)
            #expect(read.status == .seeOther)
            page = try await client.page("/cases/\(caseID)?lang=de", cookie: cookie)
            #expect(!page.text.contains("Neue Nachricht der ratsuchenden Person"))
            #expect(page.text.contains("Ich habe noch die E-Mail der Firma."), "still in the mailbox and the history")
            list = try await client.page("/cases?lang=de", cookie: cookie)
            #expect(
                !list.text.contains(#"class="badge unread""#),
                "\(list.text.components(separatedBy: "badge unread").dropFirst().first?.prefix(200) ?? "")")
            #expect(!list.text.contains("Ungelesen von Ratsuchenden:"))
            let audit = try await app.members.auditEntries(for: lead, subject: caseID, limit: 100).map(\.event.action)
            #expect(audit.contains("case.reporter_read"))

            // Another message sets it again; the API marks it read too.
            _ = try await client.postJSON("/api/v1/mailbox/messages", #"{"receipt": "\#(receipt)", "text": "Und noch etwas."}"#)
            #expect(try await app.casework.open(id, for: lead).reporterUnread)
            let apiRead = try await client.json("/api/v1/cases/\(caseID)/reporter-read", .post, token: leadToken)
            #expect(apiRead.status == .noContent)
            #expect(try await !app.casework.open(id, for: lead).reporterUnread)
        }
    }
}

/// The history reads as words: roles and names, kinds and channels, not stored codes.
@Suite struct ReadableHistoryTests {
    @Test func theHistoryShowsLabelsNotCodes() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.addMember("berater.bonn")
        try await app.test { client in
            let leadToken = try await client.login(app.leadName, app.leadPassphrase)
            let (_, caseID) = try await APICalls.report(client, lead: leadToken, narrative: "Im Laden nicht bedient.")
            let lead = try await app.members.login(username: app.leadName, passphrase: SecureBytes(utf8: app.leadPassphrase)).session
            try await app.casework.assign(
                [("berater.koeln", .beratung), ("berater.bonn", .coBeratung)], to: try #require(EntityID(hex: caseID)), by: lead)
            let cookie = try await client.pageSession("berater.koeln", CasePagesTests.passphrase)
            let page = try await client.page("/cases/\(caseID)?lang=de", cookie: cookie)
            let history = try #require(page.text.components(separatedBy: #"id="timeline""#).last)
            #expect(history.contains("Beratung: berater.koeln"), "\(history.prefix(600))")
            #expect(!history.contains("berater.koeln:beratung"))
        }
    }
}
