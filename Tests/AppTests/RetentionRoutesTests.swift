import Casework
import Foundation
import GRDB
import HummingbirdTesting
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// `/retention` and the legal hold as a lead and a counsellor use them: an unclassified report on
/// the list with its day, the hold set on the case page moving it to the held list, lifted again,
/// both audited; counsellors find no retention page but may set the hold on a case they work.
@Suite struct RetentionRoutesTests {
    @Test func aLeadSeesWhatGoesNextAndAHoldKeepsACase() async throws {
        let (app, sqlite) = try await MemberTestApp.overSQLite()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let leadToken = try await client.login(app.leadName, app.leadPassphrase)
            let (_, caseID) = try await APICalls.report(client, lead: leadToken, narrative: "Beim Vermieter abgewiesen.")
            let id = try #require(EntityID(hex: caseID))
            // An unclassified report goes after twelve months: within 60 days only when it arrived long ago.
            try await sqlite.database.writer.write { db in
                try db.execute(
                    sql: "UPDATE case_file SET received_on = ? WHERE id = ?",
                    arguments: [Day(Date()).adding(months: -12).adding(days: 20).iso, Data(id.bytes)])
            }
            let cookie = try await client.pageSession(app.leadName, app.leadPassphrase)
            var page = try await client.page("/retention?lang=de", cookie: cookie)
            #expect(page.status == .ok)
            let reference = CaseReference.of(id)
            let going = try #require(page.text.components(separatedBy: "id=\"held-title\"").first)
            #expect(going.contains(">\(reference)</a>") && going.contains("Meldung ohne Klassifizierung"), "on the list of what goes")
            #expect(going.contains(PageTime(language: "de").day(Day(Date()).adding(days: 20))), "with its day")
            #expect(page.text.contains("Meldungen ohne Klassifizierung werden bald gelöscht: 1."), "flagged after six months")

            // The counsellor who works the case sets the hold on the case page.
            let counsellor = try await client.pageSession("berater.koeln", MemberTestApp.passphrase)
            #expect(
                try await client.page("/retention?lang=de", cookie: counsellor).status == .notFound, "counsellors have no retention page")
            let casePage = try await client.page("/cases/\(caseID)?lang=de", cookie: counsellor)
            #expect(casePage.text.contains("Löschsperre setzen"))
            let csrf = try #require(casePage.token(named: "csrf"))
            let set = try await client.memberPost(
                "/cases/\(caseID)/legal-hold?lang=de", [("csrf", csrf), ("hold", "on")], cookie: counsellor)
            #expect(set.headers[.location] == "/cases/\(caseID)?lang=de&done=case_legal-hold")
            #expect(try await client.page("/cases/\(caseID)?lang=de", cookie: counsellor).text.contains("Löschsperre: Gerichtsverfahren"))
            page = try await client.page("/retention?lang=de", cookie: cookie)
            let held = try #require(page.text.components(separatedBy: "id=\"held-title\"").last)
            #expect(held.contains(">\(reference)</a>"), "held, not going")
            #expect(!(page.text.components(separatedBy: "id=\"held-title\"").first ?? "").contains(">\(reference)</a>"))

            let lift = try await client.memberPost(
                "/cases/\(caseID)/legal-hold?lang=de", [("csrf", csrf), ("hold", "off")], cookie: counsellor)
            #expect(lift.status == .seeOther)
            let actions = try await sqlite.database.writer.read { db in
                try String.fetchAll(
                    db,
                    sql: "SELECT action FROM audit_event WHERE action LIKE 'case.legal_hold%' OR action = 'retention.viewed' ORDER BY seq")
            }
            #expect(actions == ["retention.viewed", "case.legal_hold_set", "retention.viewed", "case.legal_hold_lifted"])
        }
    }
}
