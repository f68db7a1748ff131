import Members
import Sealing
import SichtbarCore

/// Members and seals, with the constraints and cascades of their tables.
extension State {
    /// `username` is unique in SQLite's binary collation: byte for byte.
    func member(username: String) -> Member? {
        members.values.first { Binary.equal($0.username, username) }
    }

    /// The office's members (the Verband's analysts for nil), by username.
    func members(officeID: EntityID?) -> [Member] {
        members.values.filter { $0.officeID == officeID }.sorted { Binary.less($0.username, $1.username) }
    }

    func leadCount(officeID: EntityID) -> Int {
        members.values.count { $0.officeID == officeID && $0.role == .lead }
    }

    /// `INSERT INTO member`: the id and username unique, the office existing.
    mutating func insert(_ member: Member) throws {
        guard members[member.id] == nil else { throw InMemoryStoreError.constraint("member.id") }
        guard self.member(username: member.username) == nil else { throw InMemoryStoreError.constraint("member.username") }
        if let officeID = member.officeID, offices[officeID] == nil { throw InMemoryStoreError.constraint("member.office_id") }
        members[member.id] = member
    }

    /// `INSERT INTO office_key_seal`, one row a seal: the office existing, the key unique.
    mutating func insert(_ seals: [OfficeKeySeal], officeID: EntityID) throws {
        for seal in seals {
            let key = SealKey(officeID: officeID, version: seal.keyVersion, recipient: seal.recipient, purpose: seal.purpose)
            guard offices[officeID] != nil else { throw InMemoryStoreError.constraint("office_key_seal.office_id") }
            guard officeSeals[key] == nil else { throw InMemoryStoreError.constraint("office_key_seal primary key") }
            officeSeals[key] = seal.sealed
        }
    }

    /// `INSERT INTO verband_key_seal`: the member existing, one seal a member.
    mutating func insertVerbandSeal(_ sealed: [UInt8], memberID: EntityID) throws {
        guard members[memberID] != nil else { throw InMemoryStoreError.constraint("verband_key_seal.member_id") }
        guard verbandSeals[memberID] == nil else { throw InMemoryStoreError.constraint("verband_key_seal primary key") }
        verbandSeals[memberID] = sealed
    }

    /// `DELETE FROM member` and what cascades: the Verband seal, case assignments, covers by or
    /// for them, their notification address. Seals and invitations are the caller's to delete.
    /// Returns whether a member was deleted.
    @discardableResult
    mutating func deleteMember(_ id: EntityID) -> Bool {
        guard members.removeValue(forKey: id) != nil else { return false }
        verbandSeals[id] = nil
        for caseID in cases.keys where cases[caseID]?.assignees[id] != nil {
            cases[caseID]?.assignees[id] = nil
        }
        covers = covers.filter { absentID, cover in absentID != id && cover.coverID != id }
        notificationAddresses[id] = nil
        return true
    }

    mutating func deleteInvitations(createdBy memberID: EntityID) {
        invitations = invitations.filter { $0.value.createdBy != memberID }
    }

    mutating func deleteSeals(recipient: String) {
        officeSeals = officeSeals.filter { !Binary.equal($0.key.recipient, recipient) }
    }

    /// `INSERT INTO invitation`: a 32-byte hash, unique, of an existing office (or the Verband's).
    mutating func insert(_ invitation: InvitationRow) throws {
        guard invitation.tokenHash.count == 32 else { throw InMemoryStoreError.constraint("invitation.token_hash length") }
        guard invitations[invitation.tokenHash] == nil else { throw InMemoryStoreError.constraint("invitation.token_hash") }
        if let officeID = invitation.officeID, offices[officeID] == nil {
            throw InMemoryStoreError.constraint("invitation.office_id")
        }
        invitations[invitation.tokenHash] = invitation
    }

    /// The chain of an office, or the Verband's for nil (`SQLiteMemberStore.chain`).
    func chain(_ officeID: EntityID?) throws -> EntityID {
        if let officeID { return officeID }
        guard let verband else { throw MemberStoreError.invitationUnusable }
        return verband.id
    }
}
