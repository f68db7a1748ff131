import CaseStore
import Casework
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SichtbarCore
import Testing
import WebTesting

/// A case the operator tampered with, through the routes: the API answers `409 case_integrity`
/// and the page a 409 notice, neither with anything of the case; the alarm is in the audit trail.
@Suite struct CaseIntegrityRoutesTests {
    @Test func aTamperedCaseAnswers409CaseIntegrityOnTheAPIAndThePage() async throws {
        let (app, sqlite) = try await MemberTestApp.overSQLite()
        let narrative = "Der Türsteher sagte, Leute wie ich kämen hier nicht rein."
        let caseID = try await app.test { client -> String in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let (_, caseID) = try await APICalls.report(client, lead: lead, narrative: narrative)
            let opened = try await client.json("/api/v1/cases/\(caseID)", .get, token: lead)
            #expect(opened.status == .ok)
            // The operator deletes the report: the authenticator intake wrote still lists it.
            let id = try #require(EntityID(hex: caseID))
            try await sqlite.database.writer.write { db in
                try db.execute(sql: "DELETE FROM record WHERE case_id = ? AND kind = 'report'", arguments: [Data(id.bytes)])
            }
            let refused = try await client.json("/api/v1/cases/\(caseID)", .get, token: lead)
            #expect(refused.status == .conflict)
            let body = String(buffer: refused.body)
            #expect(try APICalls.errorCode(refused) == "case_integrity", "\(body)")
            #expect(!body.contains("Türsteher"))

            let cookie = try await client.pageSession(app.leadName, app.leadPassphrase)
            let page = try await client.page("/cases/\(caseID)?lang=en", cookie: cookie)
            #expect(page.status == .conflict)
            #expect(page.text.contains("Case altered") && !page.text.contains("Türsteher"))
            return caseID
        }
        let alarms = try await app.store.auditEntries(chain: app.office.id, from: 1, limit: 500)
            .filter { $0.event.action == "integrity.alarm" }.map(\.event.subject)
        #expect(alarms == ["case \(caseID)", "case \(caseID)"], "one alarm per refused open (API, page)")
    }
}
