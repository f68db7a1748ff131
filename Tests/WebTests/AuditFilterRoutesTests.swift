import Casework
import Foundation
import HummingbirdTesting
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// The audit page as a lead reads it: Berlin times in German, case subjects as links under their
/// reference, and filters by member, case and day.
@Suite struct AuditFilterRoutesTests {
    @Test func theAuditPageLinksCasesAndFiltersByMemberCaseAndDay() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let leadToken = try await client.login(app.leadName, app.leadPassphrase)
            let (_, caseID) = try await APICalls.report(client, lead: leadToken, narrative: "Beim Amt abgewiesen.")
            let id = try #require(EntityID(hex: caseID))
            let reference = CaseReference.of(id)
            let counsellor = try await client.pageSession("berater.koeln", CasePagesTests.passphrase)
            _ = try await client.page("/cases?lang=de&assigned=all", cookie: counsellor)
            let cookie = try await client.pageSession(app.leadName, app.leadPassphrase)
            _ = try await client.page("/cases/\(caseID)?lang=de", cookie: cookie)

            var page = try await client.page("/audit?lang=de", cookie: cookie)
            #expect(page.status == .ok)
            #expect(
                page.text.contains(#"<a href="/cases/\#(caseID)?lang=de"><code>\#(reference)</code></a>"#),
                "a case subject links to the case")
            let berlin = PageTime(language: "de").time(Date())
            #expect(page.text.contains(String(berlin.prefix(12))), "times in Berlin, written the German way: \(berlin)")

            page = try await client.page("/audit?lang=de&member=berater.koeln", cookie: cookie)
            let rows = page.text.components(separatedBy: "<tr><th scope=\"row\">").dropFirst()
            #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("<td>berater.koeln</td>") }, "only the member's events")

            page = try await client.page("/audit?lang=de&case=\(reference.prefix(4).lowercased())", cookie: cookie)
            let caseRows = page.text.components(separatedBy: "<tr><th scope=\"row\">").dropFirst()
            #expect(!caseRows.isEmpty && caseRows.allSatisfy { $0.contains(reference) }, "only the case's events, by a reference's start")
            #expect(caseRows.contains { $0.contains("case.viewed") })

            let today = Day(Date())
            page = try await client.page("/audit?lang=de&day=\(today.iso)", cookie: cookie)
            #expect(page.text.contains("case.viewed"))
            page = try await client.page("/audit?lang=de&day=\(today.adding(days: -3).iso)", cookie: cookie)
            #expect(!page.text.contains("<tr><th scope=\"row\">"), "nothing happened three days ago")

            page = try await client.page("/audit?lang=de&case=xy", cookie: cookie)
            #expect(page.status == .ok && page.text.contains("Das ist kein Aktenzeichen"))
        }
    }
}
