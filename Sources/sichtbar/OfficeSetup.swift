import Casework
import Foundation
import Members
import Sealing
import SichtbarCore

/// Creating offices and their first members, shared by `init`, `office add` and `demo`.
enum OfficeSetup {
    static func createOffice(_ setup: any StoreSetup, name: String, profile: OfficeProfile = OfficeProfile())
        async throws -> (Office, OfficeKeys)
    {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { throw CLIError.badInput("an office name has 1 to 200 characters") }
        let keys = try OfficeKeys.generate()
        return (try await setup.createOffice(name: trimmed, profile: profile, keys: keys), keys)
    }

    /// A member whose key pair is wrapped under `passphrase`, with the office secrets sealed to
    /// them; returns the member and the key pair (the demo opens its sessions with it).
    @discardableResult
    static func createMember(
        _ setup: any StoreSetup, members: any MemberStore, username: String, role: MemberRole, office: Office,
        keys: OfficeKeys, passphrase: SecureBytes
    ) async throws -> (Member, BoxKeyPair) {
        try checkUsername(username)
        guard try await members.member(username: username) == nil else {
            throw CLIError.badInput("the username \(username) is taken")
        }
        return try await setup.createMember(username: username, role: role, office: office, keys: keys, passphrase: passphrase)
    }

    /// A one-time invitation carrying the office secrets for the invited member.
    static func invite(_ setup: any StoreSetup, office: Office, keys: OfficeKeys, role: MemberRole) async throws -> Invitation {
        let invitation = try Invitation.issue(secrets: SecureBytes.concatenating([keys.keyPair.secretKey, keys.statisticsKey]))
        try await setup.createInvitation(invitation, officeID: office.id, role: role)
        return invitation
    }

    static func checkUsername(_ username: String) throws {
        let allowed = username.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_"
        }
        guard (3...64).contains(username.count), allowed else {
            throw CLIError.badInput("a username has 3 to 64 characters of a-z, 0-9, '.', '-' and '_'")
        }
    }
}
