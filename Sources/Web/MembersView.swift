/// The members page: the list with its forms, pending invitations, the invitation just created
/// (shown once), and for leads the state of the office key (`office`).
struct MembersView {
    struct RoleChoice {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Member {
        let username: String
        let role: String
        let isSelf: Bool
        let canChangeRole: Bool
        /// Empty for those who may not change roles.
        let roleChoices: [RoleChoice]
    }

    /// An invitation not yet used: a revoke form under its reference, never its token.
    struct Pending {
        let reference: String
        let role: String
        let expires: String
        let expiresISO: String
    }

    /// The invitation just created; its token is shown on this answer only.
    struct Invitation {
        let token: String
        let role: String
        let expires: String
        let expiresISO: String
    }

    /// A running office key rotation, with the cases it still has to re-seal.
    struct Rotation {
        let from: String
        let to: String
        let remaining: String
        let startedAt: String
        let startedBy: String
        let failure: String?
    }

    struct MemberKey {
        let username: String
        let fingerprint: String
        /// Whether the key manifest lists this key for the member.
        let listed: Bool
    }

    /// The key check: fingerprints, alarms, and what waits for a lead's confirmation.
    struct KeyCheck {
        let intact: Bool
        let problems: [String]
        let canConfirm: Bool
        let officeKey: String
        let recoveryKey: String
        let memberKeys: [MemberKey]
        let verbandPinned: String
        let verbandNeedsConfirmation: Bool
        let verbandServer: String?
    }

    /// What a lead needs to know about the office key.
    struct OfficeKeys {
        let keyVersion: String
        let rotation: Rotation?
        let keys: KeyCheck?
    }

    let title: String
    let members: [Member]
    let inviteRoles: [RoleChoice]
    let inviteToken: String
    let hasPending: Bool
    let pending: [Pending]
    let office: OfficeKeys?
    let notice: String?
    let error: String?
    let invitation: Invitation?
    let recoveryCode: String?
}
