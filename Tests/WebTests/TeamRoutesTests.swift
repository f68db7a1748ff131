import Casework
import Foundation
import HummingbirdTesting
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// `/team` as a lead uses it: caseloads, a cover set and ended, a refusal that names the field;
/// counsellors find no such page.
@Suite struct TeamRoutesTests {
    @Test func aLeadSeesCaseloadsAndSetsAndEndsACover() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.addMember("berater.bonn")
        try await app.test { client in
            let leadToken = try await client.login(app.leadName, app.leadPassphrase)
            let (_, caseID) = try await APICalls.report(client, lead: leadToken, narrative: "Beim Vermieter abgewiesen.")
            let lead = try await app.members.login(username: app.leadName, passphrase: SecureBytes(utf8: app.leadPassphrase)).session
            try await app.casework.assign([("berater.koeln", .beratung)], to: try #require(EntityID(hex: caseID)), by: lead)
            try await app.casework.setTeamAccess(false, by: lead)
            let bonn = try await client.pageSession("berater.bonn", CasePagesTests.passphrase)
            #expect(try await client.page("/cases/\(caseID)?lang=de", cookie: bonn).status == .notFound, "not theirs, the team closed")
            let cookie = try await client.pageSession(app.leadName, app.leadPassphrase)
            var page = try await client.page("/team?lang=de", cookie: cookie)
            #expect(page.status == .ok)
            let row = try #require(page.text.components(separatedBy: "<tr><th scope=\"row\">berater.koeln").dropFirst().first)
            #expect(row.hasPrefix(#" <span class="muted">(Berater*in)</span></th><td>1</td>"#), "one open case: \(row.prefix(120))")
            let csrf = try #require(page.token(named: "csrf"))
            let until = Day(Date()).adding(days: 7)
            let refused = try await client.memberPost(
                "/team?lang=de",
                [
                    ("csrf", csrf), ("action", "set"), ("absent", "berater.koeln"),
                    ("cover", "berater.koeln"), ("until", until.iso),
                ], cookie: cookie)
            #expect(refused.status == .unprocessableContent && refused.text.contains("Vertretung"))
            let set = try await client.memberPost(
                "/team?lang=de",
                [
                    ("csrf", csrf), ("action", "set"), ("absent", "berater.koeln"),
                    ("cover", "berater.bonn"), ("until", until.iso),
                ], cookie: cookie)
            #expect(set.headers[.location] == "/team?lang=de&done=cover_set")
            page = try await client.page("/team?lang=de", cookie: cookie)
            #expect(page.text.contains("vertreten durch berater.bonn bis \(PageTime(language: "de").day(until))"))
            #expect(page.text.contains("vertritt berater.koeln"))
            // The cover finds the case in their list now.
            #expect(try await client.page("/cases/\(caseID)?lang=de", cookie: bonn).status == .ok)
            #expect(try await client.page("/team?lang=de", cookie: bonn).status == .notFound, "counsellors have no team page")

            let ended = try await client.memberPost(
                "/team?lang=de", [("csrf", csrf), ("action", "end"), ("absent", "berater.koeln")], cookie: cookie)
            #expect(ended.headers[.location] == "/team?lang=de&done=cover_ended")
            #expect(try await client.page("/cases/\(caseID)?lang=de", cookie: bonn).status == .notFound)
        }
    }
}
