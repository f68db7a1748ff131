import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Members
import NIOCore
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

@Suite struct MemberPagesTests {
    @Test func loginSetsTheHostOnlySessionCookieAndSendsLeadsToTheirMembers() async throws {
        let app = try await MemberPagesApp()
        try await app.enrolCounsellor("berater.eins")
        try await app.test { client in
            let response = try await client.sendLoginForm(MemberPagesApp.lead, MemberPagesApp.leadPassphrase)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/members?lang=en")
            let cookie = try #require(response.headers[.setCookie])
            let parts = cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(parts[0].hasPrefix("__Host-sichtbar-session=") && parts[0].count > "__Host-sichtbar-session=".count + 40)
            #expect(Set(parts.dropFirst()) == ["Path=/", "Secure", "HttpOnly", "SameSite=Strict"], "\(cookie)")

            let members = try await client.page("/members?lang=en", cookie: parts[0])
            #expect(members.status == .ok)
            #expect(members.headers[.cacheControl] == "no-store")
            #expect(members.text.contains("berater.eins"))
            #expect(!members.text.lowercased().contains("<script"))

            let counsellor = try await client.sendLoginForm("berater.eins", MemberPagesApp.counsellorPassphrase)
            #expect(counsellor.headers[.location] == "/cases?lang=en", "counsellors land on their cases")
        }
    }

    @Test func anUnknownUserAndAWrongPassphraseGetTheSameAnswer() async throws {
        let app = try await MemberPagesApp()
        try await app.test { client in
            let unknown = try await client.sendLoginForm("niemand.hier", MemberPagesApp.leadPassphrase)
            let wrong = try await client.sendLoginForm(MemberPagesApp.lead, "Falsche-Passphrase-123")
            #expect(unknown.status == .unauthorized)
            #expect(wrong.status == .unauthorized)
            #expect(unknown.headers[.setCookie] == nil && wrong.headers[.setCookie] == nil)
            let unknownToken = try #require(unknown.token())
            let wrongToken = try #require(wrong.token())
            #expect(unknownToken != wrongToken, "every answer carries a fresh token")
            let unknownBody = unknown.text.replacingOccurrences(of: unknownToken, with: "TOKEN")
            let wrongBody = wrong.text.replacingOccurrences(of: wrongToken, with: "TOKEN")
            #expect(unknownBody == wrongBody)
            #expect(wrongBody.contains("The username or the passphrase is wrong."))
            #expect(!wrongBody.contains(MemberPagesApp.lead), "the username is not echoed")
        }
    }

    @Test func aLoginFormIsSentOnceAndNeverFromAnotherSite() async throws {
        let app = try await MemberPagesApp()
        try await app.test { client in
            let token = try #require(try await client.execute(uri: "/login", method: .get).token())
            let fields = [("token", token), ("username", MemberPagesApp.lead), ("passphrase", MemberPagesApp.leadPassphrase)]
            let crossSite = try await client.postForm("/login", fields, headers: [.secFetchSite: "cross-site"])
            #expect(crossSite.status == .forbidden)
            #expect(crossSite.headers[.setCookie] == nil)
            let first = try await client.postForm("/login", fields, headers: sameOrigin)
            #expect(first.status == .seeOther)
            let replayed = try await client.postForm("/login", fields, headers: sameOrigin)
            #expect(replayed.status == .badRequest)
            #expect(replayed.headers[.setCookie] == nil)
            let tokenless = try await client.postForm("/login", Array(fields.dropFirst()), headers: sameOrigin)
            #expect(tokenless.status == .badRequest)
        }
    }

    @Test func formsWithoutTheSessionsCSRFTokenAreRefusedAndChangeNothing() async throws {
        let app = try await MemberPagesApp()
        try await app.test { client in
            let cookie = try await client.pageSession(MemberPagesApp.lead, MemberPagesApp.leadPassphrase)
            let csrf = try await client.csrf(cookie: cookie)
            let missing = try await client.memberPost("/members/invite?lang=en", [("role", "counsellor")], cookie: cookie)
            // One character changed (a token starting with "x" once made this the valid token, 1 run in 64).
            let altered = (csrf.first == "x" ? "y" : "x") + csrf.dropFirst()
            let wrong = try await client.memberPost(
                "/members/invite?lang=en", [("csrf", altered), ("role", "counsellor")],
                cookie: cookie)
            let crossSite = try await client.memberPost(
                "/members/invite?lang=en", [("csrf", csrf), ("role", "counsellor")],
                cookie: cookie, site: "cross-site")
            for refused in [missing, wrong, crossSite] {
                #expect(refused.status == .forbidden)
                #expect(refused.element(id: "invitation-token") == nil)
            }
            #expect(try await app.pendingInvitations() == 0)

            // Another session's token is no better than a made-up one.
            let other = try await client.pageSession(MemberPagesApp.lead, MemberPagesApp.leadPassphrase)
            let otherCSRF = try await client.csrf(cookie: other)
            let foreign = try await client.memberPost(
                "/account/passphrase?lang=en",
                [
                    ("csrf", otherCSRF), ("current", MemberPagesApp.leadPassphrase),
                    ("new", "Neue-Passphrase-Nord-9"), ("repeat", "Neue-Passphrase-Nord-9"),
                ],
                cookie: cookie)
            #expect(foreign.status == .forbidden)
            let logout = try await client.memberPost("/logout?lang=en", [("csrf", otherCSRF)], cookie: cookie)
            #expect(logout.status == .forbidden)
            #expect(try await client.page("/account?lang=en", cookie: cookie).status == .ok, "the session survived")
            #expect(
                try await client.sendLoginForm(MemberPagesApp.lead, MemberPagesApp.leadPassphrase).status == .seeOther,
                "the passphrase is unchanged")

            let accepted = try await client.memberPost(
                "/members/invite?lang=en",
                [("csrf", csrf), ("token", try await client.inviteToken(cookie: cookie)), ("role", "counsellor")],
                cookie: cookie)
            #expect(accepted.status == .created)
            #expect(try await app.pendingInvitations() == 1)
        }
    }

    @Test func withoutASessionMemberPagesLeadToTheLogin() async throws {
        let app = try await MemberPagesApp()
        try await app.test { client in
            for path in ["/account", "/members", "/audit", "/audit/checkpoint"] {
                for cookie in [nil, "__Host-sichtbar-session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"] {
                    let response = try await client.page(path + "?lang=en", cookie: cookie)
                    #expect(response.status == .seeOther, "\(path)")
                    #expect(response.headers[.location] == "/login?lang=en")
                }
            }
            let post = try await client.memberPost("/members/invite", [("csrf", "x"), ("role", "lead")], cookie: nil)
            #expect(post.status == .seeOther)
            #expect(post.headers[.location] == "/login?lang=de")
            #expect(try await app.pendingInvitations() == 0)
        }
    }

    @Test func aCounsellorFindsNoMembersOrAuditPages() async throws {
        let app = try await MemberPagesApp()
        try await app.enrolCounsellor("berater.zwei")
        try await app.test { client in
            let cookie = try await client.pageSession("berater.zwei", MemberPagesApp.counsellorPassphrase)
            for path in ["/members", "/audit", "/audit/checkpoint"] {
                let response = try await client.page(path + "?lang=en", cookie: cookie)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.text.contains("This page does not exist"), "\(path)")
            }
            let csrf = try await client.csrf(cookie: cookie)
            let invite = try await client.memberPost("/members/invite?lang=en", [("csrf", csrf), ("role", "counsellor")], cookie: cookie)
            #expect(invite.status == .notFound)
            let remove = try await client.memberPost(
                "/members/remove?lang=en",
                [("csrf", csrf), ("username", MemberPagesApp.lead), ("confirm", "yes")], cookie: cookie)
            #expect(remove.status == .notFound)
            #expect(try await app.pendingInvitations() == 0)
            #expect(try await app.store.member(username: MemberPagesApp.lead) != nil)

            let account = try await client.page("/account?lang=en", cookie: cookie)
            #expect(account.status == .ok)
            #expect(account.text.contains("berater.zwei") && account.text.contains("Counsellor") && account.text.contains("Beratung Nord"))
            #expect(!account.text.contains("href=\"/members"), "no link to a page the role does not reach")
        }
    }

    @Test func anInvitationIsShownOnceAndEnrolsANewMemberThroughTheForm() async throws {
        let app = try await MemberPagesApp()
        try await app.test { client in
            let cookie = try await client.pageSession(MemberPagesApp.lead, MemberPagesApp.leadPassphrase)
            let csrf = try await client.csrf(cookie: cookie)
            let created = try await client.memberPost(
                "/members/invite?lang=en",
                [("csrf", csrf), ("token", try await client.inviteToken(cookie: cookie)), ("role", "counsellor")],
                cookie: cookie)
            #expect(created.status == .created)
            let invitation = try #require(created.element(id: "invitation-token"))
            #expect(invitation.count == 43)
            #expect(created.text.contains("Valid until"))
            #expect(created.text.contains("class=\"invitation-expires\""))

            let list = try await client.page("/members?lang=en", cookie: cookie)
            #expect(!list.text.contains(invitation), "the token is shown only once")
            #expect(list.text.contains("Pending invitations") && list.text.contains("Revoke"))

            // Enrolment: mismatched passphrases, then an unknown invitation, each naming its field.
            func enrol(_ token: String, _ passphrase: String, _ repeated: String) async throws -> TestResponse {
                let form = try await client.execute(uri: "/enrol?lang=en", method: .get)
                let formToken = try #require(form.token())
                return try await client.postForm(
                    "/enrol?lang=en",
                    [
                        ("token", formToken), ("invitation", token), ("username", "neu.beraterin"),
                        ("passphrase", passphrase), ("passphrase_repeat", repeated),
                    ],
                    headers: sameOrigin)
            }
            let mismatch = try await enrol(invitation, "Sonnenblumen-Feld-7", "Sonnenblumen-Feld-8")
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.text.contains("id=\"passphrase_repeat-error\""))
            #expect(mismatch.text.contains("The two new passphrases do not match."))
            #expect(!mismatch.text.contains("Sonnenblumen"), "passphrases are never echoed")
            let altered = (invitation.first == "A" ? "B" : "A") + invitation.dropFirst()
            let unknown = try await enrol(altered, "Sonnenblumen-Feld-7", "Sonnenblumen-Feld-7")
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("id=\"invitation-error\""))
            let weak = try await enrol(invitation, "kurz", "kurz")
            #expect(weak.status == .unprocessableContent)
            #expect(weak.text.contains("id=\"passphrase-error\""))

            let enrolled = try await enrol(invitation, "Sonnenblumen-Feld-7", "Sonnenblumen-Feld-7")
            #expect(enrolled.status == .created)
            #expect(enrolled.text.contains("Your account has been created"))
            #expect(enrolled.text.contains("neu.beraterin"))
            let again = try await enrol(invitation, "Sonnenblumen-Feld-7", "Sonnenblumen-Feld-7")
            #expect(again.status == .unprocessableContent, "an invitation works once")

            let members = try await client.page("/members?lang=en", cookie: cookie)
            #expect(members.text.contains("neu.beraterin"))
            #expect(members.text.contains("No pending invitations."))
            let login = try await client.sendLoginForm("neu.beraterin", "Sonnenblumen-Feld-7")
            #expect(login.headers[.location] == "/cases?lang=en")
        }
    }

    @Test func logoutEndsTheSessionAndDropsTheCookie() async throws {
        let app = try await MemberPagesApp()
        try await app.test { client in
            let cookie = try await client.pageSession(MemberPagesApp.lead, MemberPagesApp.leadPassphrase)
            let csrf = try await client.csrf(cookie: cookie)
            let logout = try await client.memberPost("/logout?lang=en", [("csrf", csrf)], cookie: cookie)
            #expect(logout.status == .seeOther)
            #expect(logout.headers[.location] == "/login?lang=en&done=logout")
            let cleared = try #require(logout.headers[.setCookie])
            #expect(cleared.hasPrefix("__Host-sichtbar-session=;") && cleared.contains("Max-Age=0") && cleared.contains("Secure"))
            let old = try await client.page("/account?lang=en", cookie: cookie)
            #expect(old.status == .seeOther)
            #expect(old.headers[.location] == "/login?lang=en")
            #expect(old.headers[.setCookie]?.contains("Max-Age=0") == true, "a cookie of an ended session is dropped")
            let loginPage = try await client.execute(uri: "/login?lang=en&done=logout", method: .get)
            #expect(loginPage.text.contains("You are logged out."))
            #expect(await app.members.sessions.count() == 0)
        }
    }

    @Test func thePassphraseChangesOnlyWithTheCurrentOneAndAMatchingRepeat() async throws {
        let app = try await MemberPagesApp()
        try await app.test { client in
            let cookie = try await client.pageSession(MemberPagesApp.lead, MemberPagesApp.leadPassphrase)
            let csrf = try await client.csrf(cookie: cookie)
            let next = "Wolkenkratzer-Emscher-5"
            func change(_ current: String, _ new: String, _ repeated: String) async throws -> TestResponse {
                try await client.memberPost(
                    "/account/passphrase?lang=en", [("csrf", csrf), ("current", current), ("new", new), ("repeat", repeated)],
                    cookie: cookie)
            }
            let wrongCurrent = try await change("Nicht-die-richtige-1", next, next)
            #expect(wrongCurrent.status == .unprocessableContent)
            #expect(wrongCurrent.text.contains("id=\"current-error\""))
            let mismatch = try await change(MemberPagesApp.leadPassphrase, next, next + "x")
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.text.contains("id=\"repeat-error\""))
            let weak = try await change(MemberPagesApp.leadPassphrase, "lead.nord-123456", "lead.nord-123456")
            #expect(weak.status == .unprocessableContent)
            #expect(weak.text.contains("id=\"new-error\""))
            let done = try await change(MemberPagesApp.leadPassphrase, next, next)
            #expect(done.status == .seeOther)
            #expect(done.headers[.location] == "/account?lang=en&done=passphrase")
            #expect(
                try await client.page("/account?lang=en&done=passphrase", cookie: cookie).text.contains("Your passphrase has been changed.")
            )
            #expect(try await client.sendLoginForm(MemberPagesApp.lead, MemberPagesApp.leadPassphrase).status == .unauthorized)
            #expect(try await client.sendLoginForm(MemberPagesApp.lead, next).status == .seeOther)
        }
    }

    @Test func removingAMemberStartsTheKeyRotationAndSaysSo() async throws {
        let app = try await MemberPagesApp()
        try await app.enrolCounsellor("berater.drei")
        try await app.test { client in
            let counsellor = try await client.pageSession("berater.drei", MemberPagesApp.counsellorPassphrase)
            let cookie = try await client.pageSession(MemberPagesApp.lead, MemberPagesApp.leadPassphrase)
            let csrf = try await client.csrf(cookie: cookie)
            let unconfirmed = try await client.memberPost(
                "/members/remove?lang=en", [("csrf", csrf), ("username", "berater.drei")],
                cookie: cookie)
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(try await app.store.member(username: "berater.drei") != nil)

            let lastLead = try await client.memberPost(
                "/members/role?lang=en",
                [
                    ("csrf", csrf), ("username", MemberPagesApp.lead),
                    ("role", "counsellor"),
                ], cookie: cookie)
            #expect(lastLead.status == .unprocessableContent)
            #expect(lastLead.text.contains("The last lead of an office cannot become a counsellor."))

            let removed = try await client.memberPost(
                "/members/remove?lang=en", [("csrf", csrf), ("username", "berater.drei"), ("confirm", "yes")],
                cookie: cookie)
            #expect(removed.status == .seeOther)
            #expect(removed.headers[.location] == "/members?lang=en&done=removed")
            let page = try await client.page("/members?lang=en&done=removed", cookie: cookie)
            #expect(page.text.contains("The key rotation has started."))
            #expect(page.text.contains("Key rotation running") || page.text.contains("No key rotation is running. Current key version:"))
            #expect(!page.text.contains(">berater.drei<"))
            #expect(try await client.page("/account?lang=en", cookie: counsellor).status == .seeOther, "the removed member's session ended")
        }
    }

    @Test func leadsPageThroughTheAuditTrailAndDownloadACheckpoint() async throws {
        let app = try await MemberPagesApp()
        try await app.test { client in
            let cookie = try await client.pageSession(MemberPagesApp.lead, MemberPagesApp.leadPassphrase)
            let audit = try await client.page("/audit?lang=en", cookie: cookie)
            #expect(audit.status == .ok)
            #expect(audit.text.contains("session.login") && audit.text.contains("audit.viewed"))
            #expect(audit.text.contains("href=\"/audit/checkpoint?lang=en\""))
            #expect(audit.text.contains("outside this server"))
            for _ in 0..<60 { _ = try await client.page("/audit?lang=en", cookie: cookie) }
            let newest = try await client.page("/audit?lang=en", cookie: cookie)
            #expect(newest.text.contains("rel=\"prev\""), "an older page exists")
            let oldest = try await client.page("/audit?lang=en&from=1", cookie: cookie)
            #expect(oldest.text.contains("<th scope=\"row\">1</th>"))
            #expect(oldest.text.contains("rel=\"next\""))

            let file = try await client.page("/audit/checkpoint?lang=en", cookie: cookie)
            #expect(file.status == .ok)
            let disposition = try #require(file.headers[.contentDisposition])
            #expect(disposition.hasPrefix("attachment; filename=\"sichtbar-checkpoint-") && disposition.hasSuffix(".json\""))
            let checkpoint = try JSONDecoder().decode(AuditCheckpoint.self, from: Data(file.text.utf8))
            #expect(checkpoint.chain == app.office.id.hex)
            #expect(checkpoint.head != nil && checkpoint.signingKey != nil)
        }
    }

    @Test func analystsManageTheVerbandsAnalystsButNoOfficeAndNoAudit() async throws {
        let app = try await MemberPagesApp()
        try await app.createVerband(analyst: "analyse.west", passphrase: "Statistik-Tabelle-Rhein-3")
        try await app.test { client in
            let login = try await client.sendLoginForm("analyse.west", "Statistik-Tabelle-Rhein-3")
            #expect(login.headers[.location] == "/account?lang=en")
            let cookie = try #require(login.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let account = try await client.page("/account?lang=en", cookie: cookie)
            #expect(account.text.contains("Verband West") && account.text.contains("Verband analyst"))
            let members = try await client.page("/members?lang=en", cookie: cookie)
            #expect(members.status == .ok)
            #expect(members.text.contains("analyse.west"))
            #expect(members.text.contains("<option value=\"analyst\">") && !members.text.contains("<option value=\"lead\">"))
            #expect(!members.text.contains("action=\"/members/role"), "analysts have no roles to change")
            #expect(!members.text.contains("class=\"key-state\""), "the Verband has no office key to rotate")
            #expect(try await client.page("/audit?lang=en", cookie: cookie).status == .notFound)
            let csrf = try await client.csrf(cookie: cookie)
            let refused = try await client.memberPost(
                "/members/invite?lang=en",
                [("csrf", csrf), ("token", try await client.inviteToken(cookie: cookie)), ("role", "lead")],
                cookie: cookie)
            #expect(refused.status == .unprocessableContent)
            let invited = try await client.memberPost(
                "/members/invite?lang=en",
                [("csrf", csrf), ("token", try await client.inviteToken(cookie: cookie)), ("role", "analyst")],
                cookie: cookie)
            #expect(invited.status == .created)
            #expect(invited.element(id: "invitation-token")?.count == 43)
        }
    }

    @Test(arguments: ["/login", "/enrol"])
    func theOpenPagesSpeakBothLanguagesAndSetNoCookie(path: String) async throws {
        let app = try await MemberPagesApp()
        try await app.test { client in
            let german = try await client.execute(uri: path, method: .get)
            #expect(german.status == .ok)
            #expect(german.text.contains("lang=\"de\"") && german.text.contains("Passphrase"))
            #expect(german.headers[.setCookie] == nil)
            #expect(german.headers[.cacheControl] == "no-store")
            let english = try await client.execute(uri: path + "?lang=en", method: .get)
            #expect(english.text.contains("lang=\"en\"") && english.text.contains("action=\"\(path)?lang=en\""))
            #expect(!english.text.lowercased().contains("<script"))
        }
    }
}
