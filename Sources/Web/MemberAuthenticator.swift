import Hummingbird
import HummingbirdAuth
import Members

/// Puts the member behind a request into its context, once, for the member routes it guards:
/// the bearer token on the JSON API, the session cookie on the pages (never the other way round,
/// so a page's cookie cannot drive the API from another site). A request with neither, or whose
/// session has ended, goes on without an identity: the API answers 401, a page sends to the login.
struct MemberAuthenticator: AuthenticatorMiddleware {
    typealias Context = AppRequestContext

    enum Source {
        case bearer
        case cookie
    }

    let members: MemberService
    let source: Source

    func authenticate(request: Request, context: Context) async throws -> MemberIdentity? {
        let token: String?
        switch source {
        case .bearer: token = request.headers.bearer.map { $0.token.trimmingCharacters(in: .whitespaces) }
        case .cookie: token = SessionCookie.token(in: request)
        }
        guard let token, let session = await members.session(token: token) else { return nil }
        return MemberIdentity(token: token, session: session)
    }
}
