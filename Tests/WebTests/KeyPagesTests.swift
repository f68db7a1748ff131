import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// The lead's key section on `/members`: fingerprints, the alarm, the Verband key confirmation and
/// the recovery code, shown once.
@Suite struct KeyPagesTests {
    @Test func aLeadSeesFingerprintsConfirmsTheVerbandKeyAndRenewsTheRecoveryCode() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        // A Verband that appears after the office: its key waits for the lead.
        let verband = try await app.store.createVerband(
            name: "Verband West", analyst: "analyse",
            passphrase: SecureBytes(utf8: "Statistik-Tabelle-Rhein-3"))
        try await app.test { client in
            let cookie = try await client.pageSession(app.leadName, app.leadPassphrase)
            let page = try await client.page("/members?lang=en", cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains(KeyFingerprint.of(app.office.publicKey)), "the office key's fingerprint")
            let counsellor = try #require(try await app.store.member(username: "berater.koeln"))
            #expect(page.text.contains(KeyFingerprint.of(counsellor.publicKey)))
            #expect(page.text.contains("none confirmed yet") && page.text.contains(KeyFingerprint.of(verband.publicKey)))
            #expect(!page.text.contains("Key alarm"))
            let csrf = try #require(page.token(named: "csrf"))

            let wrong = try await client.memberPost(
                "/members/keys/verband?lang=en", [("csrf", csrf), ("fingerprint", "0000 1111")], cookie: cookie)
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("does not match"))
            let right = try await client.memberPost(
                "/members/keys/verband?lang=en",
                [("csrf", csrf), ("fingerprint", KeyFingerprint.of(verband.publicKey))], cookie: cookie)
            #expect(right.status == .seeOther)
            let after = try await client.page("/members?lang=en", cookie: cookie)
            #expect(!after.text.contains("none confirmed yet") && !after.text.contains("verband-fingerprint"))

            let unconfirmed = try await client.memberPost("/members/recovery-code?lang=en", [("csrf", csrf)], cookie: cookie)
            #expect(unconfirmed.status == .unprocessableContent)
            let renewed = try await client.memberPost(
                "/members/recovery-code?lang=en", [("csrf", csrf), ("confirm", "yes")], cookie: cookie)
            #expect(renewed.status == .created)
            let code = try #require(renewed.text.range(of: #"id="recovery-code">"#).map { renewed.text[$0.upperBound...].prefix(32) })
            let parsed = try #require(RecoveryCode.parse(String(code.prefix { $0 != "<" })), "\(code)")
            #expect(try await app.store.recoveryKey(officeID: app.office.id) == (try parsed.keyPair().publicKey))
            #expect(
                try await app.members.recover(
                    officeID: app.office.id, code: parsed, username: "rita.neu",
                    passphrase: SecureBytes(utf8: "Neuer-Anfang-Leuchtturm-61")
                ).role == .lead)
            let again = try await client.page("/members?lang=en", cookie: cookie)
            #expect(!again.text.contains(#"id="recovery-code""#), "the code is shown once")

            // The counsellor reaches none of it.
            let counsellorCookie = try await client.pageSession("berater.koeln", "Kompass-Rhein-Laterne-42")
            let counsellorCSRF = try #require(try await client.page("/account?lang=en", cookie: counsellorCookie).token(named: "csrf"))
            let refused = try await client.memberPost(
                "/members/recovery-code?lang=en", [("csrf", counsellorCSRF), ("confirm", "yes")],
                cookie: counsellorCookie)
            #expect(refused.status == .notFound, "a counsellor's own valid form reaches no recovery code")
        }
    }
}
