import CaseStore
import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Members
import NIOCore
import Sealing
import SichtbarCore
import Testing

@testable import Web

/// The member pages over a real `MemberService` on in-memory SQLite: one office with a lead,
/// failed logins not slowed down, rotations finishing without a grace period.
struct MemberPagesApp {
    static let lead = "lead.nord"
    static let leadPassphrase = "Kompass-Rhein-Laterne-42"
    static let counsellorPassphrase = "Lindenblüten-Tee am Rhein"

    let app: MemberTestApp
    var store: any MemberStore { app.store }
    var members: MemberService { app.members }
    var services: WebServices { app.services }
    var office: Office { app.office }

    init() async throws {
        app = try await MemberTestApp(officeName: "Beratung Nord", lead: Self.lead, leadPassphrase: Self.leadPassphrase)
    }

    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await app.test(body)
    }

    /// A counsellor enrolled through the service, as the command line would.
    func enrolCounsellor(_ username: String) async throws {
        let lead = try await members.login(username: Self.lead, passphrase: SecureBytes(utf8: Self.leadPassphrase))
        let invitation = try await members.invite(role: .counsellor, by: lead.session)
        try await members.enrol(invitation: invitation.token, username: username, passphrase: SecureBytes(utf8: Self.counsellorPassphrase))
        try await members.logout(token: lead.token)
    }

    func createVerband(analyst username: String, passphrase: String) async throws {
        try await app.createVerband(analyst: username, passphrase: passphrase)
    }

    func pendingInvitations() async throws -> Int {
        try await store.pendingInvitations(officeID: office.id, now: Date()).count
    }
}

let sameOrigin: HTTPFields = [.secFetchSite: "same-origin"]

extension TestClientProtocol {
    /// Sends the login form as a browser would: fetch it for its token, then post it.
    func sendLoginForm(_ username: String, _ passphrase: String, lang: String = "en") async throws -> TestResponse {
        let form = try await execute(uri: "/login?lang=\(lang)", method: .get)
        let token = try #require(form.token())
        return try await postForm(
            "/login?lang=\(lang)", [("token", token), ("username", username), ("passphrase", passphrase)],
            headers: sameOrigin)
    }

    /// Logs in through the form; returns the `Cookie` header value of the new session.
    func pageSession(_ username: String, _ passphrase: String) async throws -> String {
        let response = try await sendLoginForm(username, passphrase)
        #expect(response.status == .seeOther)
        let setCookie = try #require(response.headers[.setCookie])
        return try #require(setCookie.split(separator: ";").first.map(String.init))
    }

    func page(_ uri: String, cookie: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await execute(uri: uri, method: .get, headers: headers)
    }

    func memberPost(
        _ uri: String, _ fields: [(String, String)], cookie: String?,
        site: String = "same-origin"
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.secFetchSite: site]
        if let cookie { headers[.cookie] = cookie }
        return try await postForm(uri, fields, headers: headers)
    }

    /// The CSRF token of the session, read from a member page's logout form.
    func csrf(cookie: String) async throws -> String {
        try #require(try await page("/account?lang=en", cookie: cookie).token(named: "csrf"))
    }

    /// The one-time token of a fresh members page's invitation form.
    func inviteToken(cookie: String) async throws -> String {
        try #require(try await page("/members?lang=en", cookie: cookie).token(named: "token"))
    }
}

extension TestResponse {
    /// The text of the first element with `id`, for the one-time invitation token.
    func element(id: String) -> String? {
        guard let start = text.range(of: "id=\"\(id)\">") else { return nil }
        let rest = text[start.upperBound...]
        return rest.firstIndex(of: "<").map { String(rest[..<$0]) }
    }
}
