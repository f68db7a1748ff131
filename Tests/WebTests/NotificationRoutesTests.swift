import Casework
import Foundation
import HummingbirdTesting
import Testing
import WebTesting

@testable import Web

/// The member's own notification address on `/account`: saved, refused with the field named when
/// malformed (nothing stored), removed; analysts are not offered it. `/healthz` names failing
/// notifications while still answering 200.
@Suite struct NotificationRoutesTests {
    @Test func aCounsellorSetsAndRemovesTheirAddress() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let cookie = try await client.pageSession("berater.koeln", CasePagesTests.passphrase)
            var page = try await client.page("/account?lang=de", cookie: cookie)
            #expect(page.text.contains("Benachrichtigung per E-Mail"))
            let csrf = try #require(page.token(named: "csrf"))
            let refused = try await client.memberPost(
                "/account/notify?lang=de", [("csrf", csrf), ("notify", "carla@ada koeln.de")], cookie: cookie)
            #expect(refused.status == .unprocessableContent)
            #expect(
                refused.text.contains("aria-invalid=\"true\"") && refused.text.contains("value=\"carla@ada koeln.de\""),
                "the field is named and keeps the input")
            let member = try #require(try await app.store.member(username: "berater.koeln"))
            #expect(try await app.stores.notifications.notificationAddress(memberID: member.id) == nil, "nothing stored")

            let saved = try await client.memberPost(
                "/account/notify?lang=de", [("csrf", csrf), ("notify", "carla@ada-koeln.de")], cookie: cookie)
            #expect(saved.headers[.location] == "/account?lang=de&done=notify")
            page = try await client.page("/account?lang=de&done=notify", cookie: cookie)
            #expect(page.text.contains("value=\"carla@ada-koeln.de\"") && page.text.contains("Die Benachrichtigung ist gespeichert."))
            #expect(try await app.stores.notifications.notificationAddress(memberID: member.id)?.value == "carla@ada-koeln.de")
            _ = try await client.memberPost("/account/notify?lang=de", [("csrf", csrf), ("notify", "")], cookie: cookie)
            #expect(try await app.stores.notifications.notificationAddress(memberID: member.id) == nil)
        }
    }

    @Test func analystsAreNotOfferedIt() async throws {
        let app = try await MemberTestApp()
        try await app.createVerband(analyst: "analyse", passphrase: "Analyse-Karte-Tisch-42")
        try await app.test { client in
            let cookie = try await client.pageSession("analyse", "Analyse-Karte-Tisch-42")
            let page = try await client.page("/account?lang=de", cookie: cookie)
            #expect(page.status == .ok && !page.text.contains("Benachrichtigung per E-Mail"))
            let csrf = try #require(page.token(named: "csrf"))
            let post = try await client.memberPost("/account/notify?lang=de", [("csrf", csrf), ("notify", "a@b.de")], cookie: cookie)
            #expect(post.status == .notFound)
        }
    }

    @Test func healthNamesFailingNotifications() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            var health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok && !health.text.contains("notifications"))
            app.notificationHealth.record(failing: 1)
            health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok, "reports are still taken")
            #expect(health.text.contains("\"notifications\":\"failing\""), "\(health.text)")
            #expect(!health.text.contains("75"), "no detail of the failure leaves the server")
        }
    }
}
