import Casework
import Foundation
import Hummingbird
import Members
import SichtbarCore
import Workflow

/// The counsellors' case routes of CONTRACT.md (`/api/v1/cases…`): bearer sessions, every call
/// through `CaseworkService`, which checks role, office and assignment and audits.
struct CaseAPI {
    let members: MemberService
    let casework: CaseworkService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("cases", use: list)
        group.post("cases", use: create)
        group.get("cases/:id", use: open)
        group.put("cases/:id/classification", use: classify)
        group.put("cases/:id/description", use: describe)
        group.post("cases/:id/transitions", use: transition)
        group.post("cases/:id/notes", use: addNote)
        group.post("cases/:id/messages", use: sendMessage)
        group.post("cases/:id/contacts", use: addContact)
        group.post("cases/:id/parties", use: addParty)
        group.post("cases/:id/documents", use: addDocument)
        group.post("cases/:id/documents/:document/revocation", use: revokeDocument)
        group.post("cases/:id/assignees", use: assign)
        group.post("cases/:id/deadlines", use: setDeadline)
        group.post("cases/:id/deadlines/:deadline/done", use: completeDeadline)
        group.post("cases/:id/deadlines/:deadline/missed", use: markMissed)
        group.post("cases/:id/events", use: recordEvent)
        group.put("cases/:id/legal-fields", use: setLegalFields)
        group.post("cases/:id/reporter-read", use: markReporterRead)
        group.put("office/team-access", use: setTeamAccess)
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

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let filter = try Self.filter(request)
        let page = try await casework.list(filter, for: session)
        struct Answer: Encodable {
            let cases: [CaseListJSON]
            let next: String?
        }
        return try JSONResponse.make(.ok, Answer(cases: page.items.map(CaseListJSON.init), next: page.next?.token))
    }

    static func filter(_ request: Request) throws -> CaseListFilter {
        func value(_ name: String) -> String? { request.uri.queryParameters.get(name).map { String($0) }.flatMap { $0.isEmpty ? nil : $0 } }
        var filter = CaseListFilter(step: value("step"), query: value("q"), limit: 100)
        if let assigned = value("assigned") {
            guard let parsed = CaseListFilter.Assignment(rawValue: assigned) else {
                throw APIError(.unprocessableContent, code: "validation_failed", message: "assigned is mine or none", field: "assigned")
            }
            filter.assignment = parsed
        }
        if let due = value("due") {
            guard let parsed = CaseListFilter.Due(rawValue: due) else {
                throw APIError(.unprocessableContent, code: "validation_failed", message: "due is overdue or soon", field: "due")
            }
            filter.due = parsed
        }
        if let after = value("after") {
            guard let cursor = CaseCursor(token: after) else {
                throw APIError(
                    .unprocessableContent, code: "validation_failed", message: "after is not a cursor this server gave out", field: "after")
            }
            filter.after = cursor
        }
        if let sort = value("sort") {
            guard let parsed = CaseListFilter.Sort(rawValue: sort) else {
                throw APIError(.unprocessableContent, code: "validation_failed", message: "sort is received or urgency", field: "sort")
            }
            filter.sort = parsed
        }
        if let unread = value("unread") {
            guard unread == "true" || unread == "false" else {
                throw APIError(.unprocessableContent, code: "validation_failed", message: "unread is true or false", field: "unread")
            }
            filter.unread = unread == "true"
        }
        if let limit = value("limit") {
            guard let number = Int(limit), (1...100).contains(number) else {
                throw APIError(.unprocessableContent, code: "validation_failed", message: "limit is from 1 to 100", field: "limit")
            }
            filter.limit = number
        }
        return filter
    }

    @Sendable func open(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let id = try Self.caseID(context)
        let view = try await casework.open(id, for: session)
        return try JSONResponse.make(.ok, CaseJSON(view, policy: casework.policy))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let body = try await RequestBody.json(NewCaseBody.self, from: request)
        if body.kind == "kontakt_ohne_akte" {
            try await casework.recordTally(channel: body.channel, ground: body.ground, referral: body.referral, by: session)
            struct Counted: Encodable { let counted = true }
            return try JSONResponse.make(.created, Counted())
        }
        let id = try await casework.create(
            NewCaseInput(
                kind: body.kind, channel: body.channel, title: body.title ?? "", persons: body.persons ?? [],
                contact: body.contact, note: body.note), by: session)
        struct Created: Encodable {
            let id: String
            let reference: String
        }
        return try JSONResponse.make(.created, Created(id: id.hex, reference: CaseReference.of(id)))
    }

    @Sendable func transition(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let id = try Self.caseID(context)
        let body = try await RequestBody.json(TransitionRequest.self, from: request)
        let state = try await casework.transition(id, body, by: session)
        struct Moved: Encodable {
            let step: String
            let kind: String
        }
        return try JSONResponse.make(.ok, Moved(step: state.step, kind: state.kind))
    }

    @Sendable func setTeamAccess(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        struct Body: Decodable { let open: Bool }
        let body = try await RequestBody.json(Body.self, from: request)
        try await casework.setTeamAccess(body.open, by: session)
        return Response(status: .noContent)
    }
}
