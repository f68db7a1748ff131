import Hummingbird

/// A page route never answers JSON: an unknown page (404), a method a page does not take (405),
/// a body too large (413) and too many requests (429) get a page in the visitor's language.
/// The API (`/api/`), `/healthz` and `/openapi.yaml` keep their JSON or YAML answers.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let pages: PageRenderer
    let settings: WebSettings

    /// The notice for each status a page may end in.
    static let notices: [HTTPResponse.Status: String] = [
        .notFound: "not_found", .methodNotAllowed: "method_not_allowed", .contentTooLarge: "too_large",
        .tooManyRequests: "rate_limited",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            guard Self.isPage(request.routePath), let key = Self.notices[error.status] else { throw error }
            var response = notice(key, error: error, request: request)
            if let refusal = error as? MethodNotAllowed { response.headers[.allow] = refusal.allowHeader }
            return response
        }
    }

    private func notice(_ key: String, error: any HTTPResponseError, request: Request) -> Response {
        // A member (with a session cookie) gets the member frame: the reporter frame's footer
        // says no cookie is set, which is not true for them.
        if SessionCookie.token(in: request) != nil {
            let language = pages.memberLanguage(of: request)
            return pages.render(
                "member_notice", status: error.status, language: language, path: "/account", settings: settings,
                page: pages.noticeView(language, key, link: ("/account", "member_back_to_account")))
        }
        let language = pages.language(of: request)
        return pages.render(
            "notice", status: error.status, language: language, path: "/", settings: settings,
            page: pages.noticeView(language, key, link: ("/", "back_to_form")))
    }

    static func isPage(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path == "/api" || path == "/healthz" || path == "/openapi.yaml" || path.hasPrefix("/static/"))
    }
}
