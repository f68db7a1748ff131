import Casework
import Foundation
import Hummingbird
import Intake
import Members
import SichtbarCore

extension MemberPages {
    /// The live session behind the cookie, with its token (`MemberAuthenticator` put it into the
    /// context); nil when there is no cookie or the session has ended (logout, idle or absolute
    /// timeout, removal, restart).
    func currentSession(_ context: AppRequestContext) -> (token: String, session: Session)? {
        context.identity.map { ($0.token, $0.session) }
    }

    /// A member page reached by GET: without a session, to the login page; refusals of the
    /// member service become pages.
    func memberPage(
        _ request: Request, _ context: AppRequestContext,
        _ body: (Session, Catalogue) async throws -> Response
    ) async throws -> Response {
        let language = pages.memberLanguage(of: request)
        guard let (_, session) = currentSession(context) else { return toLogin(request, language) }
        return try await refusalsAsPages(language) { try await body(session, language) }
    }

    /// A member form: refused (403, nothing changed) when it comes from another site or lacks the
    /// session's CSRF token; without a session, to the login page. SameSite=Strict already keeps
    /// the cookie off cross-site requests; the token also covers browsers that ignore SameSite.
    func memberForm(
        _ request: Request, _ context: AppRequestContext,
        _ body: (Session, Catalogue, FormFields) async throws -> Response
    ) async throws -> Response {
        let language = pages.memberLanguage(of: request)
        if Self.isCrossSite(request) { return notice(language, "cross_site_member", status: .forbidden) }
        guard let (_, session) = currentSession(context) else { return toLogin(request, language) }
        let form = try await formFields(request)
        guard let csrf = form["csrf"], session.isValidCSRFToken(csrf) else {
            return notice(language, "csrf_refused", status: .forbidden)
        }
        return try await refusalsAsPages(language) { try await body(session, language, form) }
    }

    /// To the login page; a cookie whose session has ended is dropped on the way, so the browser
    /// stops sending a token that opens nothing.
    func toLogin(_ request: Request, _ language: Catalogue) -> Response {
        redirect("/login", language, cookie: SessionCookie.token(in: request) == nil ? nil : SessionCookie.clearing)
    }

    /// Runs a page's work, answering the member service's refusals and store failures with a
    /// page each. A refusal a page can explain next to a field is caught by the page itself.
    func refusalsAsPages(
        _ language: Catalogue, link: (path: String, label: String) = ("/account", "member_back_to_account"),
        _ body: () async throws -> Response
    ) async throws -> Response {
        do {
            return try await body()
        } catch let error as AccessError {
            return refusal(error, language, link: link)
        } catch is FieldError {
            return notice(language, "member_invalid", status: .unprocessableContent, link: link)
        } catch is StoreError {
            return notice(language, "member_unavailable", status: .serviceUnavailable, link: link)
        } catch is CaseIntegrityError {
            return notice(language, "case_integrity", status: .conflict, link: link)
        }
    }

    /// One page per refusal. A route the member's role does not reach answers 404 like a missing
    /// page, as the API does, so the pages do not tell which routes exist for other roles.
    func refusal(
        _ error: AccessError, _ language: Catalogue,
        link: (path: String, label: String) = ("/account", "member_back_to_account")
    ) -> Response {
        switch error {
        case .unauthorized:
            return redirect("/login", language)
        case .notFound:
            return notice(language, "not_found", status: .notFound, link: link)
        case .busy:
            return notice(language, "member_busy", status: .serviceUnavailable, link: link)
        case .throttled:
            return notice(language, "rate_limited", status: .tooManyRequests, link: link)
        case .keysUnavailable:
            return notice(language, "member_keys_unavailable", status: .serviceUnavailable, link: link)
        case .keyIntegrity:
            return notice(language, "member_key_integrity", status: .conflict, link: ("/members", "member_keys_link"))
        }
    }

    /// `Sec-Fetch-Site` other than same-origin or none (typed address, bookmark) means another
    /// site sent the form. Browsers that send no such header rely on the tokens alone.
    static func isCrossSite(_ request: Request) -> Bool {
        guard let site = request.headers[.secFetchSite] else { return false }
        return site != "same-origin" && site != "none"
    }

    func formFields(_ request: Request) async throws -> FormFields {
        let bytes = try await RequestBody.bytes(request, limit: WebSettings.maxFormBody)
        guard let form = FormFields(bytes) else {
            throw APIError(.badRequest, code: "bad_request", message: "the form is not valid UTF-8")
        }
        return form
    }

    /// A form value without surrounding white space; empty when absent.
    static func trimmed(_ form: FormFields, _ name: String) -> String {
        (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
