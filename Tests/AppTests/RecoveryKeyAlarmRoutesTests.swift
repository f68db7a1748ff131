import App
import CaseStore
import Casework
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing
import WebTesting

/// The lead's key section on `/members` when the operator swapped the office's recovery key in
/// the database.
@Suite struct RecoveryKeyAlarmRoutesTests {
    @Test func aSwappedRecoveryKeyShowsTheAlarmAndRefusesTheRenewal() async throws {
        let (app, sqlite) = try await MemberTestApp.overSQLite()
        try await sqlite.database.writer.write { db in
            try db.execute(sql: "UPDATE office SET recovery_public_key = ?", arguments: [Data(BoxKeyPair().publicKey.bytes)])
        }
        try await app.test { client in
            let cookie = try await client.pageSession(app.leadName, app.leadPassphrase)
            let page = try await client.page("/members?lang=de", cookie: cookie)
            #expect(page.text.contains("Schlüssel-Alarm") && page.text.contains("Der Wiederherstellungsschlüssel passt nicht"))
            let csrf = try #require(page.token(named: "csrf"))
            let renewed = try await client.memberPost(
                "/members/recovery-code?lang=de", [("csrf", csrf), ("confirm", "yes")], cookie: cookie)
            #expect(renewed.status == .conflict && !renewed.text.contains(#"id="recovery-code""#))
            let alarms = try await app.store.auditEntries(chain: app.office.id, from: 1, limit: 100)
                .filter { $0.event.action == "integrity.alarm" }.map(\.event.subject)
            #expect(alarms.contains("recovery_key"))
        }
    }
}
