import CaseContract
import Casework
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime
import SichtbarCore
import Workflow

/// The counsellors' case routes of CONTRACT.md (`/api/v1/cases…`, `/api/v1/office/team-access`)
/// behind the interface generated from Templates/api/openapi.yaml: bearer sessions, every call
/// through `CaseworkService`, which checks role, office and assignment and audits. The session
/// comes from the request scope (`RequestScope.requireMember()`); refusals are answered by
/// `DomainErrorMiddleware` on the group. A case's scans and letters are `CaseFileAPI`.
struct CaseAPI: APIProtocol {
    let casework: CaseworkService

    /// Operations of the document that take no request body, which `JSONBodyGate` lets through.
    static let bodyless: Set<String> = [Operations.CompleteCaseDeadline.id, Operations.MarkReporterRead.id]

    /// Registers the generated routes on `group`, which carries
    /// `DomainErrorMiddleware`, the bearer `MemberAuthenticator` and `RequestScopeMiddleware`.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        do {
            try registerHandlers(
                on: group, configuration: ReporterAPI.configuration,
                middlewares: [
                    AcceptIgnoring(), BareQueryKeys(), MemberRequired(), CasePathIDs(), JSONBodyGate(bodyless: Self.bodyless),
                ])
        } catch {
            // Only an unusable server URL throws, and the default one (`/`) is fixed.
            preconditionFailure("the case API's routes could not be registered: \(error)")
        }
    }

    /// An id of the path (the case's, a document's, a letter's); nil when the text cannot be one.
    static func pathID(_ context: AppRequestContext, _ name: String = "id") -> EntityID? {
        context.parameters.get(name).flatMap { EntityID(hex: $0) }
    }

    /// The case id of the path; an id that cannot be one is as unknown as any other.
    static func caseID(_ context: AppRequestContext, _ name: String = "id") throws -> EntityID {
        guard let id = pathID(context, name) else { throw APIError.notFound }
        return id
    }

    /// An id of a generated route's path; text that cannot be one is as unknown as any other id.
    static func caseID(_ text: String) throws -> EntityID {
        guard let id = EntityID(hex: text) else { throw APIError.notFound }
        return id
    }

    func listCases(_ input: Operations.ListCases.Input) async throws -> Operations.ListCases.Output {
        let session = try RequestScope.requireMember()
        let page = try await casework.list(try Self.filter(input.query), for: session)
        return .ok(.init(body: .json(.init(cases: try page.items.map(Self.listed), next: page.next?.token))))
    }

    func createCase(_ input: Operations.CreateCase.Input) async throws -> Operations.CreateCase.Output {
        let session = try RequestScope.requireMember()
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        if body.kind == "kontakt_ohne_akte" {
            try await casework.recordTally(channel: body.channel, ground: body.ground, referral: body.referral, by: session)
            return .created(.init(body: .json(.init(counted: true))))
        }
        let input = NewCaseInput(
            kind: body.kind, channel: body.channel, title: body.title ?? "",
            persons: (body.persons ?? []).map(Self.person), contact: try body.contact.map { try Self.contact($0, at: "contact") },
            note: body.note)
        let id = try await casework.create(input, by: session)
        return .created(.init(body: .json(.init(id: id.hex, reference: CaseReference.of(id)))))
    }

    func openCase(_ input: Operations.OpenCase.Input) async throws -> Operations.OpenCase.Output {
        let session = try RequestScope.requireMember()
        let view = try await casework.open(try Self.caseID(input.path.id), for: session)
        return .ok(.init(body: .json(try Self.opened(view, policy: casework.policy))))
    }

    func transitionCase(_ input: Operations.TransitionCase.Input) async throws -> Operations.TransitionCase.Output {
        let session = try RequestScope.requireMember()
        let id = try Self.caseID(input.path.id)
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let request = TransitionRequest(
            from: body.from, to: body.to, intervention: body.intervention, counterpart: body.counterpart, outcome: body.outcome,
            reason: body.reason, requester: body.requester, confirmed: body.confirmed)
        let state = try await casework.transition(id, request, by: session)
        return .ok(.init(body: .json(.init(step: state.step, kind: state.kind))))
    }

    func setTeamAccess(_ input: Operations.SetTeamAccess.Input) async throws -> Operations.SetTeamAccess.Output {
        let session = try RequestScope.requireMember()
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        try await casework.setTeamAccess(body.open, by: session)
        return .noContent(.init())
    }
}
