import Casework
import Foundation
import GRDB
import Intake
import Members
import Sealing
import SichtbarCore

extension AppDatabase: StoreSetup {
    /// Stores a new office with its office secrets sealed to the recovery key; returns the office.
    public func createOffice(name: String, profile: OfficeProfile, keys: OfficeKeys) async throws -> Office {
        let office = Office(id: .random(), name: name, publicKey: keys.keyPair.publicKey, keyVersion: 1, profile: profile)
        let profileJSON = String(decoding: try JSONEncoder().encode(profile), as: UTF8.self)
        let seals = keys.seals(to: keys.recoveryPublicKey, recipientName: "recovery", version: office.keyVersion)
        try await writer.write { db in
            let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM office") ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO office (id, position, name, public_key, key_version, recovery_public_key, profile)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    office.id, position, name, Data(office.publicKey.bytes),
                    Int64(office.keyVersion), Data(keys.recoveryPublicKey.bytes), profileJSON,
                ])
            try Self.insert(seals, officeID: office.id, db)
            // The Verband key of this server at set-up is pinned; a later one waits for a lead.
            let verbandKey = try SQLiteMemberStore.verband(db)?.publicKey
            let manifest = KeyManifest(
                officeID: office.id, keyVersion: office.keyVersion, officePublicKey: office.publicKey,
                recoveryPublicKey: keys.recoveryPublicKey, members: [], verbandPublicKey: verbandKey)
            try SQLiteMemberStore.write(try SignedKeyManifest(manifest, secrets: keys.secrets), db)
        }
        return office
    }

    /// Stores a member with their seals and the office's manifest with them added.
    public func addMember(_ member: Member, seals: [OfficeKeySeal], secrets: OfficeSecrets) async throws {
        guard let officeID = member.officeID else { throw StoreError.notFound }
        try await writer.write { db in
            try MemberRow.insert(member, db)
            try Self.insert(seals, officeID: officeID, db)
            guard case .present(let current) = try SQLiteMemberStore.keyManifest(officeID: officeID, db) else {
                throw MemberStoreError.membersChanged
            }
            try SQLiteMemberStore.write(try SignedKeyManifest(current.manifest.with(member: member), secrets: secrets), db)
        }
    }

    public func member(username: String) async throws -> Member? {
        try await writer.read { db in try MemberRow.one(db, username: username) }
    }

    public func office(id: EntityID) async throws -> Office? {
        try await writer.read { db in try OfficeRow.one(db, id: id) }
    }

    public func offices() async throws -> [Office] {
        try await writer.read { db in try OfficeRow.all(db) }
    }

    public func updateProfile(officeID: EntityID, profile: OfficeProfile) async throws {
        let profileJSON = String(decoding: try JSONEncoder().encode(profile), as: UTF8.self)
        try await writer.write { db in
            try db.execute(sql: "UPDATE office SET profile = ? WHERE id = ?", arguments: [profileJSON, officeID])
        }
    }

    /// Makes `officeID` the one office that receives reports from regions no office serves; the
    /// mark moves from any office that had it. Throws `StoreError.notFound` for an unknown office.
    public func setFallbackOffice(_ officeID: EntityID) async throws {
        try await writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM office WHERE id = ?", arguments: [officeID]) != nil else {
                throw StoreError.notFound
            }
            try db.execute(sql: "UPDATE office SET is_fallback = 0 WHERE is_fallback = 1")
            try db.execute(sql: "UPDATE office SET is_fallback = 1 WHERE id = ?", arguments: [officeID])
        }
    }

    /// The office secret sealed to a recipient, for the current key version.
    public func seal(officeID: EntityID, recipient: String, purpose: OfficeKeySeal.Purpose) async throws -> [UInt8]? {
        try await writer.read { db in
            try
                (Data.fetchOne(
                    db,
                    sql: """
                        SELECT s.sealed FROM office_key_seal s JOIN office o ON o.id = s.office_id AND o.key_version = s.key_version
                        WHERE s.office_id = ? AND s.recipient = ? AND s.purpose = ?
                        """, arguments: [officeID, recipient, purpose.rawValue])).map { [UInt8]($0) }
        }
    }

    /// Stores a one-time invitation by the hash of its token; the token itself is never stored.
    public func createInvitation(_ invitation: Invitation, officeID: EntityID?, role: MemberRole) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO invitation (token_hash, office_id, role, expires_at, wrapped_secrets) VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    Data(invitation.tokenHash), officeID, role.rawValue,
                    Int64(invitation.expiresAt.timeIntervalSince1970), Data(invitation.wrappedSecrets),
                ])
        }
    }

    /// Counts per table, for the demo summary and tests.
    public func count(_ table: String) async throws -> Int {
        precondition(table.allSatisfy { $0.isLetter || $0 == "_" })
        return try await writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    static func insert(_ seals: [OfficeKeySeal], officeID: EntityID, _ db: Database) throws {
        for seal in seals {
            try db.execute(
                sql: """
                    INSERT INTO office_key_seal (office_id, key_version, recipient, purpose, sealed) VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    officeID, Int64(seal.keyVersion), seal.recipient, seal.purpose.rawValue,
                    Data(seal.sealed),
                ])
        }
    }
}
