import Hummingbird
import MemberContract
import Members
import OpenAPIHummingbird
import OpenAPIRuntime
import Sealing

/// The members' JSON API of CONTRACT.md (bearer tokens from `POST /api/v1/sessions`), behind the
/// interface generated from Templates/api/openapi.yaml. Every route checks the session's role and
/// office in the member service. What the routes share is middleware: the member found by
/// `MemberAuthenticator` (`MemberRequired` answers 401 before the body is read), the client
/// address for the login throttle (`ThrottleAddress`), the body's media type and size
/// (`JSONBodyGate`) and the contract's error body (`DomainErrorMiddleware`, on the router group).
struct MemberAPI: APIProtocol {
    let services: WebServices
    let members: MemberService

    /// JSON as every other answer of this server: sorted keys, slashes unescaped, and times to the
    /// second in UTC as the audit chain writes them.
    static let configuration = Configuration(
        dateTranscoder: AuditTimestampTranscoder(), jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes])

    /// Registers the generated routes on `group`, which carries `DomainErrorMiddleware`,
    /// `MemberAuthenticator` (bearer) and `RequestScopeMiddleware`, in that order.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        do {
            try registerHandlers(
                on: group, configuration: Self.configuration,
                middlewares: [
                    AcceptIgnoring(), BareQueryKeys(), MemberRequired(open: Self.open),
                    ThrottleAddress(trustedProxy: services.settings.trustedProxy), JSONBodyGate(),
                ])
        } catch {
            // Only an unusable server URL throws, and the default one (`/`) is fixed.
            preconditionFailure("the members' API routes could not be registered: \(error)")
        }
    }

    /// The operations that take no bearer token: they are how a member gets one.
    static let open: Set<String> = [Operations.Login.id, Operations.Enrol.id]

    func login(_ input: Operations.Login.Input) async throws -> Operations.Login.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let passphrase = try Self.passphrase(body.passphrase, field: "passphrase")
        let (token, session) = try await members.login(
            username: body.username, passphrase: passphrase, from: ThrottleAddress.current)
        return .created(.init(body: .json(.init(token: token, role: session.role.rawValue, office: session.officeID?.hex))))
    }

    /// Passphrases are bounded before any hashing, whoever the username is.
    static func passphrase(_ text: String, field: String) throws -> SecureBytes {
        guard !text.isEmpty else {
            throw APIError(.unprocessableContent, code: "validation_failed", message: "\(field) is empty", field: field)
        }
        guard text.utf8.count <= 1024 else {
            throw APIError(.unprocessableContent, code: "validation_failed", message: "\(field) is longer than 1024 bytes", field: field)
        }
        return SecureBytes(utf8: text)
    }

    func logout(_ input: Operations.Logout.Input) async throws -> Operations.Logout.Output {
        try await members.logout(token: try RequestScope.requireToken())
        return .noContent(.init())
    }

    func enrol(_ input: Operations.Enrol.Input) async throws -> Operations.Enrol.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let passphrase = try Self.passphrase(body.passphrase, field: "passphrase")
        let (member, code) = try await members.enrolMember(
            invitation: body.invitation, username: body.username, passphrase: passphrase)
        return .created(
            .init(
                body: .json(
                    .init(
                        username: member.username, role: member.role.rawValue, office: member.officeID?.hex,
                        recoveryCode: code?.formatted))))
    }

    /// The current passphrase is checked like a login, against the same throttle: per username and
    /// per client address, so guessing it through a stolen session is limited as a login is.
    func changePassphrase(_ input: Operations.ChangePassphrase.Input) async throws -> Operations.ChangePassphrase.Output {
        let session = try RequestScope.requireMember()
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let current = try Self.passphrase(body.current, field: "current")
        let new = try Self.passphrase(body.new, field: "new")
        try await members.changePassphrase(for: session, current: current, new: new, from: ThrottleAddress.current)
        return .noContent(.init())
    }
}
