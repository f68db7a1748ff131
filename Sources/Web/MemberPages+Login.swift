import Casework
import Foundation
import Hummingbird
import Intake
import Sealing
import SichtbarCore

extension MemberPages {
    @Sendable func loginForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.memberLanguage(of: request)
        if let (_, session) = currentSession(context) { return redirect(landing(session), language) }
        return loginPage(language, status: .ok, notice: confirmation(request, language, known: ["logout"]))
    }

    /// Checks the single-use form token first, so a replayed login form opens no session; then
    /// the member service, whose refusal of an unknown user and of a wrong passphrase is the same
    /// and costs the same, answered here by the same page.
    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.memberLanguage(of: request)
        let back = (path: "/login", label: "login_back")
        if Self.isCrossSite(request) { return notice(language, "cross_site_member", status: .forbidden, link: back) }
        let form = try await formFields(request)
        guard services.tokens.redeem(form["token"], for: .login) == .valid else {
            return loginPage(language, status: .badRequest, error: language["login_form_expired"])
        }
        // Usernames are lower case; a capital typed by habit is not a different person.
        let username = Self.trimmed(form, "username").lowercased()
        let passphrase = form["passphrase"] ?? ""
        // Bounded before any hashing; the answer depends on the input alone, never on who exists.
        guard !username.isEmpty, username.utf8.count <= 256, !passphrase.isEmpty, passphrase.utf8.count <= 1024 else {
            return loginPage(language, status: .unauthorized, error: language["login_failed"])
        }
        let previous = currentSession(context)
        do {
            let address = ClientAddress.resolve(request: request, context: context, trustedProxy: services.settings.trustedProxy)
            let (token, session) = try await members.login(username: username, passphrase: SecureBytes(utf8: passphrase), from: address)
            // A browser holds one session: the one it replaces ends now, not at its timeout.
            if let previous { try? await members.logout(token: previous.token) }
            return redirect(landing(session), language, cookie: SessionCookie.setting(token))
        } catch AccessError.unauthorized {
            return loginPage(language, status: .unauthorized, error: language["login_failed"])
        } catch AccessError.throttled {
            return loginPage(language, status: .tooManyRequests, error: language["login_throttled"])
        } catch let error as AccessError {
            return refusal(error, language, link: back)
        } catch is FieldError {
            return notice(language, "member_invalid", status: .unprocessableContent, link: back)
        } catch is StoreError {
            return notice(language, "member_unavailable", status: .serviceUnavailable, link: back)
        }
    }

    /// Ends the session and drops the cookie. Without a live session there is nothing to end,
    /// but the cookie is dropped all the same.
    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.memberLanguage(of: request)
        if Self.isCrossSite(request) { return notice(language, "cross_site_member", status: .forbidden) }
        guard let (token, session) = currentSession(context) else {
            return redirect("/login", language, cookie: SessionCookie.clearing)
        }
        let form = try await formFields(request)
        guard let csrf = form["csrf"], session.isValidCSRFToken(csrf) else {
            return notice(language, "csrf_refused", status: .forbidden)
        }
        // The registry closes the session before the store records the logout: a failed record
        // must not keep the member logged in, so its error ends here.
        try? await members.logout(token: token)
        return redirect("/login", language, done: "logout", cookie: SessionCookie.clearing)
    }

    /// The login form, always with a fresh single-use token. It never echoes the username, so
    /// the answer to a wrong passphrase and to an unknown user are the same bytes but the token.
    func loginPage(_ language: Catalogue, status: HTTPResponse.Status, error: String? = nil, notice: String? = nil) -> Response {
        let page = LoginView(title: language["login_title"], token: services.tokens.issue(.login), error: error, notice: notice)
        return render("login", status: status, language: language, path: "/login", session: nil, page: page)
    }
}
