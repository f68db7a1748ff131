import Casework
import Foundation
import Hummingbird
import HummingbirdAuth
import Members
import NIOCore
import Sealing
import SichtbarCore

/// The members' JSON API of CONTRACT.md: bearer tokens from `POST /api/v1/sessions`. Every
/// route checks the session's role and office in the member service.
struct MemberAPI {
    let services: WebServices
    let members: MemberService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("sessions", use: login)
        group.delete("sessions", use: logout)
        group.post("enrolment", use: enrol)
        group.post("invitations", use: invite)
        group.get("invitations", use: invitations)
        group.delete("invitations/:reference", use: revokeInvitation)
        group.get("members", use: listMembers)
        group.delete("members/:username", use: removeMember)
        group.patch("members/:username", use: changeRole)
        group.post("passphrase", use: changePassphrase)
        group.get("rotation", use: rotation)
        group.get("audit", use: audit)
        group.get("audit/checkpoint", use: checkpoint)
    }

    struct LoginRequest: Decodable {
        let username: String
        let passphrase: String
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await RequestBody.json(LoginRequest.self, from: request)
        let passphrase = try Self.passphrase(body.passphrase, field: "passphrase")
        let address = ClientAddress.resolve(request: request, context: context, trustedProxy: services.settings.trustedProxy)
        let (token, session) = try await members.login(username: body.username, passphrase: passphrase, from: address)
        struct Answer: Encodable {
            let token: String
            let role: String
            let office: String?
        }
        return try JSONResponse.make(.created, Answer(token: token, role: session.role.rawValue, office: session.officeID?.hex))
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

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let token = request.headers.bearer?.token.trimmingCharacters(in: .whitespaces) else { throw APIError.unauthorized }
        try await members.logout(token: token)
        return Response(status: .noContent)
    }

    struct EnrolRequest: Decodable {
        let invitation: String
        let username: String
        let passphrase: String
    }

    @Sendable func enrol(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await RequestBody.json(EnrolRequest.self, from: request)
        let passphrase = try Self.passphrase(body.passphrase, field: "passphrase")
        let (member, code) = try await members.enrolMember(invitation: body.invitation, username: body.username, passphrase: passphrase)
        struct Answer: Encodable {
            let username: String
            let role: String
            let office: String?
            let recoveryCode: String?
        }
        return try JSONResponse.make(
            .created,
            Answer(
                username: member.username, role: member.role.rawValue, office: member.officeID?.hex,
                recoveryCode: code?.formatted))
    }

    struct InviteRequest: Decodable { let role: String }

    @Sendable func invite(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let body = try await RequestBody.json(InviteRequest.self, from: request)
        guard let role = MemberRole(rawValue: body.role) else {
            throw APIError(.unprocessableContent, code: "unknown_code", message: "role is counsellor, lead or analyst", field: "role")
        }
        let invitation = try await members.invite(role: role, by: session)
        struct Answer: Encodable {
            let invitation: String
            let expires: String
        }
        return try JSONResponse.make(.created, Answer(invitation: invitation.token, expires: AuditEvent.timestamp(invitation.expiresAt)))
    }

    @Sendable func invitations(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let pending = try await members.pendingInvitations(for: session)
        struct Item: Encodable {
            let reference: String
            let role: String
            let expires: String
        }
        return try JSONResponse.make(
            .ok,
            [
                "invitations": pending.map {
                    Item(reference: $0.reference, role: $0.role.rawValue, expires: AuditEvent.timestamp($0.expiresAt))
                }
            ])
    }

    @Sendable func revokeInvitation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let reference = context.parameters.get("reference") ?? ""
        try await members.revokeInvitation(reference: reference, by: session)
        return Response(status: .noContent)
    }

    struct MemberItem: Encodable {
        let username: String
        let role: String
    }

    struct RotationItem: Encodable {
        let fromVersion: UInt32
        let toVersion: UInt32
        let remaining: Int
        let startedAt: String
        let startedBy: String

        init(_ state: KeyRotationState) {
            fromVersion = state.fromVersion
            toVersion = state.toVersion
            remaining = state.remaining
            startedAt = AuditEvent.timestamp(state.startedAt)
            startedBy = state.startedBy
        }
    }

    @Sendable func listMembers(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let list = try await members.members(for: session)
        let rotation = session.isLead ? try await members.rotationStatus(for: session) : nil
        struct Answer: Encodable {
            let members: [MemberItem]
            let rotation: RotationItem?
        }
        return try JSONResponse.make(
            .ok,
            Answer(
                members: list.map { MemberItem(username: $0.username, role: $0.role.rawValue) },
                rotation: rotation.map(RotationItem.init)))
    }

    @Sendable func removeMember(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let username = context.parameters.get("username") ?? ""
        try await members.remove(username: username, by: session)
        let rotation = session.isLead ? try await members.rotationStatus(for: session) : nil
        struct Answer: Encodable {
            let removed: String
            let rotation: RotationItem?
        }
        return try JSONResponse.make(.ok, Answer(removed: username, rotation: rotation.map(RotationItem.init)))
    }

    struct RoleRequest: Decodable { let role: String }

    @Sendable func changeRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let username = context.parameters.get("username") ?? ""
        let body = try await RequestBody.json(RoleRequest.self, from: request)
        guard let role = MemberRole(rawValue: body.role) else {
            throw APIError(.unprocessableContent, code: "unknown_code", message: "role is counsellor or lead", field: "role")
        }
        try await members.changeRole(username: username, to: role, by: session)
        return try JSONResponse.make(.ok, MemberItem(username: username, role: role.rawValue))
    }

    struct PassphraseRequest: Decodable {
        let current: String
        let new: String
    }

    @Sendable func changePassphrase(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let body = try await RequestBody.json(PassphraseRequest.self, from: request)
        let current = try Self.passphrase(body.current, field: "current")
        let new = try Self.passphrase(body.new, field: "new")
        let address = ClientAddress.resolve(request: request, context: context, trustedProxy: services.settings.trustedProxy)
        try await members.changePassphrase(for: session, current: current, new: new, from: address)
        return Response(status: .noContent)
    }

    @Sendable func rotation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let state = try await members.rotationStatus(for: session)
        struct Answer: Encodable { let rotation: RotationItem? }
        return try JSONResponse.make(.ok, Answer(rotation: state.map(RotationItem.init)))
    }

    struct EventItem: Encodable {
        let sequence: UInt64
        let at: String
        let actor: String
        let action: String
        let subject: String
        let hash: String
    }

    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        // The role first, so a bad query tells a non-lead nothing about the route.
        guard session.isLead, session.officeID != nil else { throw APIError(AccessError.notFound) }
        let from = try Self.auditQuery(request, "from", range: 1...UInt64(Int64.max), default: 1)
        let limit = Int(try Self.auditQuery(request, "limit", range: 1...500, default: 100))
        let subject = request.uri.queryParameters.get("case").map { String($0) }
        let entries =
            if let subject {
                try await members.auditEntries(for: session, subject: subject, limit: limit)
            } else {
                try await members.auditEntries(for: session, from: from, limit: limit)
            }
        let items = entries.map {
            EventItem(
                sequence: $0.sequence, at: $0.event.at, actor: $0.event.actor, action: $0.event.action,
                subject: $0.event.subject, hash: Data($0.hash).base64EncodedString())
        }
        struct Answer: Encodable {
            let events: [EventItem]
            let next: UInt64?
        }
        let next = subject == nil && entries.count >= min(max(limit, 1), 500) ? entries.last.map { $0.sequence + 1 } : nil
        return try JSONResponse.make(.ok, Answer(events: items, next: next))
    }

    /// A whole number query value within `range`, or 422 naming the field, as `/api/v1/cases` does.
    static func auditQuery(_ request: Request, _ name: String, range: ClosedRange<UInt64>, default value: UInt64) throws -> UInt64 {
        guard let text = request.uri.queryParameters.get(name) else { return value }
        guard let number = UInt64(text), range.contains(number) else {
            throw APIError(
                .unprocessableContent, code: "validation_failed",
                message: "\(name) is a whole number from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return number
    }

    @Sendable func checkpoint(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let checkpoint = try await members.checkpoint(for: session)
        return try JSONResponse.make(.ok, checkpoint)
    }
}
