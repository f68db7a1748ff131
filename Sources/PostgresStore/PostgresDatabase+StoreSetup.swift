import Casework
import Foundation
import Intake
import Members
import PostgresNIO
import Sealing
import SichtbarCore

extension PostgresDatabase: StoreSetup {
    /// Stores a new office with its office secrets sealed to the recovery key and its first
    /// manifest; returns the office. Offices keep the order they were made in (`position`):
    /// the first takes reports nobody routed.
    public func createOffice(name: String, profile: OfficeProfile, keys: OfficeKeys) async throws -> Office {
        let office = Office(id: .random(), name: name, publicKey: keys.keyPair.publicKey, keyVersion: 1, profile: profile)
        let profileJSON = String(decoding: try JSONEncoder().encode(profile), as: UTF8.self)
        let seals = keys.seals(to: keys.recoveryPublicKey, recipientName: "recovery", version: office.keyVersion)
        try await write { session in
            try await session.lock(.offices)
            let position = try await session.count("SELECT coalesce(max(position), 0) + 1 FROM office")
            try await session.execute(
                """
                INSERT INTO office (id, position, name, public_key, key_version, recovery_public_key, profile)
                VALUES (\(office.id), \(position), \(name), \(bytes: office.publicKey.bytes), \(Int(office.keyVersion)),
                        \(bytes: keys.recoveryPublicKey.bytes), \(profileJSON))
                """)
            try await Self.insert(seals, officeID: office.id, session)
            // The Verband key of this server at set-up is pinned; a later one waits for a lead.
            let verbandKey = try await PostgresMemberStore.verband(session)?.publicKey
            let manifest = KeyManifest(
                officeID: office.id, keyVersion: office.keyVersion, officePublicKey: office.publicKey,
                recoveryPublicKey: keys.recoveryPublicKey, members: [], verbandPublicKey: verbandKey)
            try await PostgresMemberStore.write(try SignedKeyManifest(manifest, secrets: keys.secrets), session)
        }
        return office
    }

    /// Stores a member with their seals and the office's manifest with them added.
    public func addMember(_ member: Member, seals: [OfficeKeySeal], secrets: OfficeSecrets) async throws {
        guard let officeID = member.officeID else { throw StoreError.notFound }
        try await write { session in
            try await session.lock(.chain(officeID))
            try await MemberRow.insert(member, session)
            try await Self.insert(seals, officeID: officeID, session)
            guard case .present(let current) = try await PostgresMemberStore.keyManifest(officeID: officeID, session) else {
                throw MemberStoreError.membersChanged
            }
            try await PostgresMemberStore.write(try SignedKeyManifest(current.manifest.with(member: member), secrets: secrets), session)
        }
    }

    public func member(username: String) async throws -> Member? {
        try await read { session in try await MemberRow.one(session, username: username) }
    }

    public func office(id: EntityID) async throws -> Office? {
        try await read { session in try await OfficeRow.one(session, id: id) }
    }

    public func offices() async throws -> [Office] {
        try await read { session in try await OfficeRow.all(session) }
    }

    public func updateProfile(officeID: EntityID, profile: OfficeProfile) async throws {
        let profileJSON = String(decoding: try JSONEncoder().encode(profile), as: UTF8.self)
        try await write { session in
            try await session.execute("UPDATE office SET profile = \(profileJSON) WHERE id = \(officeID)")
        }
    }

    /// Makes `officeID` the one office that receives reports from regions no office serves; the
    /// mark moves from any office that had it. Throws `StoreError.notFound` for an unknown office.
    public func setFallbackOffice(_ officeID: EntityID) async throws {
        try await write { session in
            try await session.lock(.offices)
            guard try await session.one("SELECT 1 FROM office WHERE id = \(officeID)") != nil else { throw StoreError.notFound }
            try await session.execute("UPDATE office SET is_fallback = false WHERE is_fallback")
            try await session.execute("UPDATE office SET is_fallback = true WHERE id = \(officeID)")
        }
    }

    /// The office secret sealed to a recipient, for the current key version.
    public func seal(officeID: EntityID, recipient: String, purpose: OfficeKeySeal.Purpose) async throws -> [UInt8]? {
        try await read { session in
            try await session.one(
                """
                SELECT s.sealed FROM office_key_seal s JOIN office o ON o.id = s.office_id AND o.key_version = s.key_version
                WHERE s.office_id = \(officeID) AND s.recipient = \(recipient) AND s.purpose = \(purpose.rawValue)
                """
            )?.bytes(0)
        }
    }

    /// Stores a one-time invitation by the hash of its token; the token itself is never stored.
    public func createInvitation(_ invitation: Invitation, officeID: EntityID?, role: MemberRole) async throws {
        try await write { session in
            try await session.execute(
                """
                INSERT INTO invitation (token_hash, office_id, role, expires_at, wrapped_secrets)
                VALUES (\(bytes: invitation.tokenHash), \(officeID), \(role.rawValue), \(Int(invitation.expiresAt.timeIntervalSince1970)),
                        \(bytes: invitation.wrappedSecrets))
                """)
        }
    }

    /// Rows of a table, for the demo summary and tests.
    public func count(_ table: String) async throws -> Int {
        precondition(table.allSatisfy { $0.isLetter || $0 == "_" })
        return try await read { session in try await session.count(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)")) }
    }

    static func insert(_ seals: [OfficeKeySeal], officeID: EntityID, _ session: PostgresSession) async throws {
        guard !seals.isEmpty else { return }
        try await session.execute(
            """
            INSERT INTO office_key_seal (office_id, key_version, recipient, purpose, sealed)
            SELECT \(officeID), * FROM unnest(\(seals.map { Int($0.keyVersion) })::bigint[], \(seals.map(\.recipient))::text[],
                                              \(seals.map(\.purpose.rawValue))::text[], \(seals.map { ByteBuffer(bytes: $0.sealed) })::bytea[])
            """)
    }
}
