import MemberContract
import Members
import SichtbarCore

/// The office's members (a lead's; the Verband's analysts for an analyst), their roles, and the
/// key rotation a removal starts.
extension MemberAPI {
    func listMembers(_ input: Operations.ListMembers.Input) async throws -> Operations.ListMembers.Output {
        let session = try RequestScope.requireMember()
        let list = try await members.members(for: session)
        let rotation = session.isLead ? try await members.rotationStatus(for: session) : nil
        return .ok(
            .init(
                body: .json(
                    .init(
                        members: list.map { .init(username: $0.username, role: $0.role.rawValue) },
                        rotation: rotation.map(Self.rotation)))))
    }

    func removeMember(_ input: Operations.RemoveMember.Input) async throws -> Operations.RemoveMember.Output {
        let session = try RequestScope.requireMember()
        let username = input.path.username
        try await members.remove(username: username, by: session)
        let rotation = session.isLead ? try await members.rotationStatus(for: session) : nil
        return .ok(.init(body: .json(.init(removed: username, rotation: rotation.map(Self.rotation)))))
    }

    func changeRole(_ input: Operations.ChangeRole.Input) async throws -> Operations.ChangeRole.Output {
        let session = try RequestScope.requireMember()
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        // A plain string in the generated type (`typeOverrides`): an unknown role is answered here,
        // naming the field; a known one that is not counsellor or lead by the member service.
        guard let role = MemberRole(rawValue: body.role) else {
            throw APIError(.unprocessableContent, code: "unknown_code", message: "role is counsellor or lead", field: "role")
        }
        let username = input.path.username
        try await members.changeRole(username: username, to: role, by: session)
        return .ok(.init(body: .json(.init(username: username, role: role.rawValue))))
    }

    func rotationStatus(_ input: Operations.RotationStatus.Input) async throws -> Operations.RotationStatus.Output {
        let session = try RequestScope.requireMember()
        let state = try await members.rotationStatus(for: session)
        return .ok(.init(body: .json(.init(rotation: state.map(Self.rotation)))))
    }

    static func rotation(_ state: KeyRotationState) -> Components.Schemas.Rotation {
        Components.Schemas.Rotation(
            fromVersion: Int(state.fromVersion), toVersion: Int(state.toVersion), remaining: state.remaining,
            startedAt: state.startedAt, startedBy: state.startedBy)
    }
}
