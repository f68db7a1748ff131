import Casework
import Foundation
import Hummingbird
import Members
import SichtbarCore

extension CaseAPI {
    /// Runs one change of a case from a JSON body; answers 204.
    func changeRoute<Body: Decodable>(
        _ request: Request, _ context: AppRequestContext, _ type: Body.Type,
        _ body: @escaping (Session, EntityID, Body) async throws -> Void
    ) async throws -> Response {
        let session = try context.requireMember()
        let id = try Self.caseID(context)
        let decoded = try await RequestBody.json(Body.self, from: request)
        try await body(session, id, decoded)
        return Response(status: .noContent)
    }

    struct TextBody: Decodable { let text: String }

    @Sendable func addNote(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await changeRoute(request, context, TextBody.self) { session, id, body in
            try await casework.addNote(body.text, to: id, by: session)
        }
    }

    @Sendable func sendMessage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await changeRoute(request, context, TextBody.self) { session, id, body in
            try await casework.sendMessage(body.text, to: id, by: session)
        }
    }

    @Sendable func addContact(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await changeRoute(request, context, ContactLogEntry.self) { session, id, body in
            try await casework.addContact(body, to: id, by: session)
        }
    }

    @Sendable func classify(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            let codes: [String: [String]]
            let flags: [String]?
            let region: String?
        }
        return try await changeRoute(request, context, Body.self) { session, id, body in
            try await casework.classify(id, codes: body.codes, flags: body.flags ?? [], region: body.region, by: session)
        }
    }

    @Sendable func describe(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            let title: String
            let persons: [AffectedPerson]
        }
        return try await changeRoute(request, context, Body.self) { session, id, body in
            try await casework.describe(title: body.title, persons: body.persons, on: id, by: session)
        }
    }

    @Sendable func addParty(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let id = try Self.caseID(context)
        struct Body: Decodable {
            let name: String
            let role: String
        }
        let body = try await RequestBody.json(Body.self, from: request)
        guard let role = CaseParty.Role(rawValue: body.role) else {
            throw APIError(.unprocessableContent, code: "validation_failed", message: "role is gegenseite or dritte", field: "role")
        }
        let partyID = try await casework.addParty(name: body.name, role: role, to: id, by: session)
        struct Created: Encodable { let id: String }
        return try JSONResponse.make(.created, Created(id: partyID.hex))
    }

    @Sendable func addDocument(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let id = try Self.caseID(context)
        struct Body: Decodable {
            let type: String
            let scope: [String]
            let counterpart: String?
            let signedOn: Day
            let note: String?
        }
        let body = try await RequestBody.json(Body.self, from: request)
        let documentID = try await casework.addDocument(
            DocumentInput(
                type: body.type, scope: body.scope, counterpart: body.counterpart,
                signedOn: body.signedOn, note: body.note), to: id, by: session)
        struct Created: Encodable { let id: String }
        return try JSONResponse.make(.created, Created(id: documentID.hex))
    }

    @Sendable func revokeDocument(_ request: Request, context: AppRequestContext) async throws -> Response {
        let document = try Self.caseID(context, "document")
        struct Body: Decodable { let on: Day }
        return try await changeRoute(request, context, Body.self) { session, id, body in
            try await casework.revokeDocument(document, on: body.on, in: id, by: session)
        }
    }

    @Sendable func assign(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Assignee: Decodable {
            let username: String
            let role: CaseAssignment.Role
        }
        struct Body: Decodable { let assignees: [Assignee] }
        return try await changeRoute(request, context, Body.self) { session, id, body in
            try await casework.assign(body.assignees.map { (username: $0.username, role: $0.role) }, to: id, by: session)
        }
    }

    @Sendable func setDeadline(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            let rule: String?
            let label: String?
            let due: Day
            let reason: String?
            let owner: String?
        }
        return try await changeRoute(request, context, Body.self) { session, id, body in
            try await casework.setDeadline(
                rule: body.rule, label: body.label ?? "", due: body.due, reason: body.reason, owner: body.owner,
                on: id, by: session)
        }
    }

    @Sendable func markMissed(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable { let reason: String }
        let rule = context.parameters.get("deadline") ?? ""
        return try await changeRoute(request, context, Body.self) { session, id, body in
            try await casework.markMissed(rule: rule, reason: body.reason, on: id, by: session)
        }
    }

    @Sendable func completeDeadline(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let id = try Self.caseID(context)
        let deadline = try Self.caseID(context, "deadline")
        try await casework.completeDeadline(deadline, on: id, by: session)
        return Response(status: .noContent)
    }

    @Sendable func recordEvent(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable {
            let event: String
            let on: Day
        }
        return try await changeRoute(request, context, Body.self) { session, id, body in
            try await casework.recordEvent(body.event, on: body.on, to: id, by: session)
        }
    }

    @Sendable func markReporterRead(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let id = try Self.caseID(context)
        try await casework.markReporterRead(id, by: session)
        return Response(status: .noContent)
    }

    @Sendable func setLegalFields(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Body: Decodable { let fields: [String]? }
        return try await changeRoute(request, context, Body.self) { session, id, body in
            try await casework.setLegalFields(body.fields, on: id, by: session)
        }
    }
}

/// What `POST /api/v1/cases` takes: a case, or with kind `kontakt_ohne_akte` a tally.
struct NewCaseBody: Decodable {
    let kind: String
    let channel: String
    let title: String?
    let persons: [AffectedPerson]?
    let contact: ContactLogEntry?
    let note: String?
    let ground: String?
    let referral: String?
}
