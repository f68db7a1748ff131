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

    /// Paths of the member pages, which speak German or English only.
    static let memberPrefixes = ["/login", "/logout", "/enrol", "/account", "/cases", "/deadlines", "/members", "/audit",
                                 "/releases", "/received", "/statistics", "/report"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            guard Self.isPage(request.uri.path), let key = Self.notices[error.status] else { throw error }
            let member = Self.memberPrefixes.contains { request.uri.path == $0 || request.uri.path.hasPrefix($0 + "/") }
            let language = member ? pages.memberLanguage(of: request) : pages.language(of: request)
            return pages.render("notice", status: error.status, language: language, path: "/", settings: settings, values: [
                "title": language["\(key)_title"], "heading": language["\(key)_title"], "text": language["\(key)_text"],
                "linkURL": "/?lang=\(language.code)", "linkText": language["back_to_form"],
            ])
        }
    }

    static func isPage(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path == "/api" || path == "/healthz" || path == "/openapi.yaml" || path.hasPrefix("/static/"))
    }
}
