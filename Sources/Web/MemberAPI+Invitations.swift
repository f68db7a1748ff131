import MemberContract
import Members
import SichtbarCore

/// Invitations: created by a lead (counsellors, leads) or an analyst (analysts), listed and revoked
/// by them; the member service checks who may.
extension MemberAPI {
    func invite(_ input: Operations.Invite.Input) async throws -> Operations.Invite.Output {
        let session = try RequestScope.requireMember()
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        // A plain string in the generated type (`typeOverrides`), so that an unknown role is
        // answered here, naming the field, and not by the decoder.
        guard let role = MemberRole(rawValue: body.role) else {
            throw APIError(.unprocessableContent, code: "unknown_code", message: "role is counsellor, lead or analyst", field: "role")
        }
        let invitation = try await members.invite(role: role, by: session)
        return .created(.init(body: .json(.init(invitation: invitation.token, expires: invitation.expiresAt))))
    }

    func listInvitations(_ input: Operations.ListInvitations.Input) async throws -> Operations.ListInvitations.Output {
        let session = try RequestScope.requireMember()
        let pending = try await members.pendingInvitations(for: session)
        return .ok(
            .init(
                body: .json(
                    .init(
                        invitations: pending.map {
                            .init(reference: $0.reference, role: $0.role.rawValue, expires: $0.expiresAt)
                        }))))
    }

    func revokeInvitation(_ input: Operations.RevokeInvitation.Input) async throws -> Operations.RevokeInvitation.Output {
        let session = try RequestScope.requireMember()
        try await members.revokeInvitation(reference: input.path.reference, by: session)
        return .noContent(.init())
    }
}
