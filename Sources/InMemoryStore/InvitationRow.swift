import Foundation
import Members
import SichtbarCore

/// An invitation (`invitation`): expiry in whole seconds, as SQLite keeps it, and who made it.
struct InvitationRow: Sendable {
    let tokenHash: [UInt8]
    let officeID: EntityID?
    let role: MemberRole
    let expiresAt: Int64
    let wrappedSecrets: [UInt8]
    let createdBy: EntityID?

    var stored: StoredInvitation {
        StoredInvitation(
            tokenHash: tokenHash, officeID: officeID, role: role, expiresAt: Date(timeIntervalSince1970: TimeInterval(expiresAt)),
            wrappedSecrets: wrappedSecrets)
    }

    /// `Int64(date.timeIntervalSince1970)`, as the SQLite engine binds instants.
    static func seconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970)
    }
}
