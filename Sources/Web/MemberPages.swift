import Casework
import Foundation
import Hummingbird
import Members
import NIOCore

/// The members' pages: login, enrolment, the own account, the office's members and invitations,
/// and the audit trail. Like the reporter pages they work without JavaScript and keep the
/// language in the URL; unlike them they carry a session cookie (`SessionCookie`), every form
/// they post carries the session's CSRF token, and every refusal of the member service becomes a
/// page. The rules themselves (roles, offices, passphrases) live in `MemberService`; this type
/// only turns them into HTML, redirects and status codes.
struct MemberPages {
    let services: WebServices
    let members: MemberService
    var pages: PageRenderer { services.pages }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/login", use: loginForm)
        router.post("/login", use: login)
        router.post("/logout", use: logout)
        router.get("/enrol", use: enrolForm)
        router.post("/enrol", use: enrol)
        router.get("/account", use: account)
        router.post("/account/passphrase", use: changePassphrase)
        router.post("/account/notify", use: changeNotificationAddress)
        router.get("/members", use: memberList)
        router.post("/members/invite", use: invite)
        router.post("/members/revoke", use: revokeInvitation)
        router.post("/members/role", use: changeRole)
        router.post("/members/remove", use: removeMember)
        router.post("/members/keys/confirm", use: confirmKeys)
        router.post("/members/keys/verband", use: confirmVerbandKey)
        router.post("/members/recovery-code", use: renewRecoveryCode)
        router.get("/audit", use: audit)
        router.get("/audit/checkpoint", use: checkpoint)
    }

    /// Where a member lands after logging in: counsellors on their cases, leads on their
    /// office's members, analysts on their account.
    func landing(_ session: Session) -> String {
        if session.role == .counsellor { return "/cases" }
        return session.isLead ? "/members" : "/account"
    }

    /// Leads manage their office's members; analysts manage the Verband's analysts.
    static func managesMembers(_ session: Session) -> Bool {
        session.isLead || session.role == .analyst
    }

    // MARK: Rendering

    /// A member page: the page's view model over what the member header needs (who is logged in,
    /// which pages they reach, the CSRF token of the logout form).
    func render(
        _ template: String, status: HTTPResponse.Status = .ok, language: Catalogue, path: String,
        session: Session?, page: Any
    ) -> Response {
        let header = MemberHeader(
            current: [path.split(separator: "/").first.map(String.init) ?? "": true], csrf: session?.csrfToken,
            member: session.map {
                MemberHeader.Member(
                    username: $0.username, managesMembers: Self.managesMembers($0), isLead: $0.isLead, worksCases: $0.worksCases,
                    readsStatistics: $0.role == .analyst)
            })
        return pages.render(
            template, status: status, language: language, path: path, settings: services.settings, page: ViewLayers(page, header))
    }

    /// A 303 to a member page in the same language; `done` names a fixed confirmation of the
    /// catalogue (never user input), so nothing personal reaches a URL.
    func redirect(_ path: String, _ language: Catalogue, done: String? = nil, cookie: String? = nil) -> Response {
        var location = "\(path)?lang=\(language.code)"
        if let done { location += "&done=\(done)" }
        var headers: HTTPFields = [.location: location]
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .seeOther, headers: headers)
    }

    /// A short page for refusals and failures, with the member header and footer (the reporter
    /// notice says that no cookie is set, which is not true here).
    func notice(
        _ language: Catalogue, _ key: String, status: HTTPResponse.Status,
        link: (path: String, label: String) = ("/account", "member_back_to_account")
    ) -> Response {
        pages.render(
            "member_notice", status: status, language: language, path: link.path, settings: services.settings,
            page: pages.noticeView(language, key, link: link))
    }

    /// A confirmation named by `?done=` on a page reached by a redirect, if the page knows it.
    func confirmation(_ request: Request, _ language: Catalogue, known: [String]) -> String? {
        guard let done = request.uri.queryParameters["done"].map(String.init), known.contains(done) else { return nil }
        return language["done_\(done)"]
    }
}
