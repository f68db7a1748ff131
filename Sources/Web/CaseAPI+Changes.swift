import CaseContract
import Casework
import Members
import SichtbarCore

/// The changes of a case: each takes the session and the case id of the path, hands the decoded
/// body to `CaseworkService` (which checks role, office and assignment, and audits) and answers
/// `204`, or `201` with the new record's id.
extension CaseAPI {
    /// Runs one change of the case named by the path for the request's member.
    func change(_ caseID: String, _ body: (Session, EntityID) async throws -> Void) async throws {
        let session = try RequestScope.requireMember()
        try await body(session, try Self.caseID(caseID))
    }

    func classifyCase(_ input: Operations.ClassifyCase.Input) async throws -> Operations.ClassifyCase.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        try await change(input.path.id) { session, id in
            try await casework.classify(
                id, codes: body.codes.additionalProperties, flags: body.flags ?? [], region: body.region, by: session)
        }
        return .noContent(.init())
    }

    func describeCase(_ input: Operations.DescribeCase.Input) async throws -> Operations.DescribeCase.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        try await change(input.path.id) { session, id in
            try await casework.describe(title: body.title, persons: body.persons.map(Self.person), on: id, by: session)
        }
        return .noContent(.init())
    }

    func addCaseNote(_ input: Operations.AddCaseNote.Input) async throws -> Operations.AddCaseNote.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        try await change(input.path.id) { session, id in try await casework.addNote(body.text, to: id, by: session) }
        return .noContent(.init())
    }

    func sendCaseMessage(_ input: Operations.SendCaseMessage.Input) async throws -> Operations.SendCaseMessage.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        try await change(input.path.id) { session, id in try await casework.sendMessage(body.text, to: id, by: session) }
        return .noContent(.init())
    }

    func addCaseContact(_ input: Operations.AddCaseContact.Input) async throws -> Operations.AddCaseContact.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let contact = try Self.contact(body)
        try await change(input.path.id) { session, id in try await casework.addContact(contact, to: id, by: session) }
        return .noContent(.init())
    }

    func addCaseParty(_ input: Operations.AddCaseParty.Input) async throws -> Operations.AddCaseParty.Output {
        let session = try RequestScope.requireMember()
        let id = try Self.caseID(input.path.id)
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        guard let role = CaseParty.Role(rawValue: body.role) else {
            throw APIError(.unprocessableContent, code: "validation_failed", message: "role is gegenseite or dritte", field: "role")
        }
        let partyID = try await casework.addParty(name: body.name, role: role, to: id, by: session)
        return .created(.init(body: .json(.init(id: partyID.hex))))
    }

    func addCaseDocument(_ input: Operations.AddCaseDocument.Input) async throws -> Operations.AddCaseDocument.Output {
        let session = try RequestScope.requireMember()
        let id = try Self.caseID(input.path.id)
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let document = DocumentInput(
            type: body._type, scope: body.scope, counterpart: body.counterpart, signedOn: try Self.day(body.signedOn, "signedOn"),
            note: body.note)
        let documentID = try await casework.addDocument(document, to: id, by: session)
        return .created(.init(body: .json(.init(id: documentID.hex))))
    }

    func revokeCaseDocument(_ input: Operations.RevokeCaseDocument.Input) async throws -> Operations.RevokeCaseDocument.Output {
        let document = try Self.caseID(input.path.document)
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let day = try Self.day(body.on, "on")
        try await change(input.path.id) { session, id in try await casework.revokeDocument(document, on: day, in: id, by: session) }
        return .noContent(.init())
    }

    func assignCase(_ input: Operations.AssignCase.Input) async throws -> Operations.AssignCase.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let assignees = try body.assignees.enumerated().map { index, assignee in
            (username: assignee.username, role: try Self.code(CaseAssignment.Role.self, assignee.role.rawValue, "assignees[\(index)].role"))
        }
        try await change(input.path.id) { session, id in try await casework.assign(assignees, to: id, by: session) }
        return .noContent(.init())
    }

    func setCaseDeadline(_ input: Operations.SetCaseDeadline.Input) async throws -> Operations.SetCaseDeadline.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let due = try Self.day(body.due, "due")
        try await change(input.path.id) { session, id in
            try await casework.setDeadline(
                rule: body.rule, label: body.label ?? "", due: due, reason: body.reason, owner: body.owner, on: id, by: session)
        }
        return .noContent(.init())
    }

    func completeCaseDeadline(_ input: Operations.CompleteCaseDeadline.Input) async throws -> Operations.CompleteCaseDeadline.Output {
        try await change(input.path.id) { session, id in
            try await casework.completeDeadline(try Self.caseID(input.path.deadline), on: id, by: session)
        }
        return .noContent(.init())
    }

    /// The path names a legal deadline by its rule code, not by an id.
    func markCaseDeadlineMissed(_ input: Operations.MarkCaseDeadlineMissed.Input) async throws -> Operations.MarkCaseDeadlineMissed.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        try await change(input.path.id) { session, id in
            try await casework.markMissed(rule: input.path.deadline, reason: body.reason, on: id, by: session)
        }
        return .noContent(.init())
    }

    func recordCaseEvent(_ input: Operations.RecordCaseEvent.Input) async throws -> Operations.RecordCaseEvent.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let day = try Self.day(body.on, "on")
        try await change(input.path.id) { session, id in try await casework.recordEvent(body.event, on: day, to: id, by: session) }
        return .noContent(.init())
    }

    func markReporterRead(_ input: Operations.MarkReporterRead.Input) async throws -> Operations.MarkReporterRead.Output {
        try await change(input.path.id) { session, id in try await casework.markReporterRead(id, by: session) }
        return .noContent(.init())
    }

    func setCaseLegalFields(_ input: Operations.SetCaseLegalFields.Input) async throws -> Operations.SetCaseLegalFields.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        try await change(input.path.id) { session, id in try await casework.setLegalFields(body.fields, on: id, by: session) }
        return .noContent(.init())
    }
}
