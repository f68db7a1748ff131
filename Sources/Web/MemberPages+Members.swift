import Casework
import Foundation
import Hummingbird
import Members
import SichtbarCore

extension MemberPages {
    @Sendable func memberList(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberPage(request, context) { session, language in
            guard Self.managesMembers(session) else { throw AccessError.notFound }
            return try await membersPage(
                session, language, status: .ok,
                notice: confirmation(
                    request, language,
                    known: ["removed", "role", "revoked", "keys_confirmed", "verband_confirmed"]))
        }
    }

    /// Creates an invitation and shows its token on this answer only: the server keeps just its
    /// hash, and the answer is `no-store`, so it cannot be shown again.
    @Sendable func invite(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberForm(request, context) { session, language, form in
            guard Self.managesMembers(session) else { throw AccessError.notFound }
            // The session's CSRF token is good for every form; this one-time token makes a resent
            // form (reload, back button, a replayed request) create no second invitation.
            switch services.tokens.redeem(form["token"], for: .invite) {
            case .valid: break
            case .alreadyUsed:
                return notice(language, "invite_already_sent", status: .conflict, link: ("/members", "members_title"))
            case .expired, .invalid:
                return try await membersPage(session, language, status: .badRequest, error: language["members_error_form_expired"])
            }
            guard let role = MemberRole(rawValue: form["role"] ?? ""), Self.invitableRoles(for: session).contains(role) else {
                return try await membersPage(session, language, status: .unprocessableContent, error: language["members_error_role"])
            }
            let invitation = try await members.invite(role: role, by: session)
            return try await membersPage(
                session, language, status: .created,
                invitation: MembersView.Invitation(
                    token: invitation.token, role: language["role_\(role.rawValue)"],
                    expires: PageTime(language: language.code).time(invitation.expiresAt),
                    expiresISO: AuditEvent.timestamp(invitation.expiresAt)))
        }
    }

    @Sendable func revokeInvitation(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberForm(request, context) { session, language, form in
            try await members.revokeInvitation(reference: Self.trimmed(form, "reference"), by: session)
            return redirect("/members", language, done: "revoked")
        }
    }

    @Sendable func changeRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberForm(request, context) { session, language, form in
            guard let role = MemberRole(rawValue: form["role"] ?? ""), role != .analyst else {
                return try await membersPage(session, language, status: .unprocessableContent, error: language["members_error_role"])
            }
            do {
                try await members.changeRole(username: Self.trimmed(form, "username"), to: role, by: session)
            } catch is FieldError {
                return try await membersPage(
                    session, language, status: .unprocessableContent,
                    error: language["members_error_last_lead_role"])
            }
            return redirect("/members", language, done: "role")
        }
    }

    /// Removal starts the office key rotation at once (in the member service); the members
    /// page then shows how far it has come.
    @Sendable func removeMember(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberForm(request, context) { session, language, form in
            guard Self.managesMembers(session) else { throw AccessError.notFound }
            guard form["confirm"] == "yes" else {
                return try await membersPage(
                    session, language, status: .unprocessableContent,
                    error: language["members_error_confirm"])
            }
            do {
                try await members.remove(username: Self.trimmed(form, "username"), by: session)
            } catch is FieldError {
                return try await membersPage(
                    session, language, status: .unprocessableContent,
                    error: language["members_error_last_lead"])
            }
            return redirect("/members", language, done: "removed")
        }
    }

    /// Leads invite counsellors and leads of their office; analysts invite analysts.
    static func invitableRoles(for session: Session) -> [MemberRole] {
        session.isLead ? [.counsellor, .lead] : [.analyst]
    }

    /// The members page: the list with its forms, pending invitations, and for leads the state
    /// of the office key. `invitation` is the one just created, shown once.
    func membersPage(
        _ session: Session, _ language: Catalogue, status: HTTPResponse.Status, notice: String? = nil,
        error: String? = nil, invitation: MembersView.Invitation? = nil,
        recoveryCode: String? = nil
    ) async throws -> Response {
        let list = try await members.members(for: session)
        let pending = try await members.pendingInvitations(for: session)
        var office: MembersView.OfficeKeys?
        if session.isLead, let officeID = session.officeID {
            office = try await officeKeyState(session, officeID: officeID, language)
        }
        let page = MembersView(
            title: language["members_title"],
            members: list.sorted { $0.username < $1.username }.map { member in
                MembersView.Member(
                    username: member.username, role: language["role_\(member.role.rawValue)"],
                    isSelf: member.username == session.username, canChangeRole: session.isLead,
                    roleChoices: session.isLead ? Self.roleChoices([.counsellor, .lead], selected: member.role, language) : [])
            },
            inviteRoles: Self.roleChoices(Self.invitableRoles(for: session), selected: nil, language),
            inviteToken: services.tokens.issue(.invite),
            hasPending: !pending.isEmpty,
            pending: pending.sorted { $0.expiresAt < $1.expiresAt }.map { item in
                MembersView.Pending(
                    reference: item.reference, role: language["role_\(item.role.rawValue)"],
                    expires: PageTime(language: language.code).time(item.expiresAt), expiresISO: AuditEvent.timestamp(item.expiresAt))
            },
            office: office, notice: notice, error: error, invitation: invitation, recoveryCode: recoveryCode)
        return render("members", status: status, language: language, path: "/members", session: session, page: page)
    }

    /// The office key version and the running rotation, if any, with the cases it still has to
    /// re-seal: what a lead needs to know after a removal. Then the key check: fingerprints,
    /// alarms, and what waits for a lead's confirmation.
    private func officeKeyState(_ session: Session, officeID: EntityID, _ language: Catalogue) async throws -> MembersView.OfficeKeys {
        let keyVersion = String(try await members.store.office(id: officeID)?.keyVersion ?? 0)
        let rotation = try await members.rotationStatus(for: session).map { rotation in
            MembersView.Rotation(
                from: String(rotation.fromVersion), to: String(rotation.toVersion), remaining: String(rotation.remaining),
                startedAt: PageTime(language: language.code).time(rotation.startedAt), startedBy: rotation.startedBy,
                failure: rotation.failure)
        }
        let keys = (try? await members.keyGuard.keyReport(for: session)).map { Self.keyCheck($0, language) }
        return MembersView.OfficeKeys(keyVersion: keyVersion, rotation: rotation, keys: keys)
    }

    private static func roleChoices(_ roles: [MemberRole], selected: MemberRole?, _ language: Catalogue) -> [MembersView.RoleChoice] {
        roles.map { MembersView.RoleChoice(value: $0.rawValue, label: language["role_\($0.rawValue)"], selected: $0 == selected) }
    }
}
