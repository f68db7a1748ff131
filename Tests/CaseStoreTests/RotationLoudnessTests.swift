import Casework
import Foundation
import GRDB
import Members
import Sealing
import SichtbarCore
import Testing

@testable import CaseStore

/// A rotation that cannot finish is never silent: the store keeps why, health and metrics count
/// it, and the lead's rotation state carries the reason.
struct RotationLoudnessTests {
    /// An office with its lead, as `init` makes it, and the lead's session.
    static func office() async throws -> (AppDatabase, SQLiteMemberStore, Office, OfficeKeys, Session) {
        let database = try AppDatabase.inMemory()
        let storeSeams = SQLiteStores(database: database, signer: SigningKeyPair())
        let store = storeSeams.members
        let keys = try OfficeKeys.generate()
        let office = try await database.createOffice(name: "Nord", profile: OfficeProfile(), keys: keys)
        let (lead, leadKeys) = try await database.createMember(
            username: "lea.nord", role: .lead, office: office, keys: keys,
            passphrase: SecureBytes(utf8: "Kaffee-Tasse-Ruhrpott-7"))
        return (database, store, office, keys, Session(member: lead, keys: leadKeys, officeRoot: keys.secrets.rootFingerprint))
    }

    @Test func aFailedOrLongRotationIsCountedAndNamed() async throws {
        let (database, store, office, _, session) = try await Self.office()
        let service = try MemberService(store: store, policy: AccessPolicy(), rotationGrace: .seconds(3600))
        #expect(await database.stalledKeyRotations() == 0)

        _ = try await service.beginRotation(officeID: office.id, by: session)
        #expect(await database.stalledKeyRotations() == 0, "a rotation that just began is not stalled")
        try await store.recordRotationFailure(officeID: office.id, reason: "the disk is full")
        #expect(await database.stalledKeyRotations() == 1)
        #expect(try await service.rotationStatus(for: session)?.failure == "the disk is full")

        // One that has run for more than an hour counts too.
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE key_rotation SET failure = NULL, started_at = started_at - 7200")
        }
        #expect(await database.stalledKeyRotations() == 1)
    }

    @Test func aRemovalWhileARotationRunsAsksForAnother() async throws {
        let (database, store, office, keys, session) = try await Self.office()
        for name in ["cem.eins", "cem.zwei"] {
            _ = try await database.createMember(
                username: name, role: .counsellor, office: office, keys: keys,
                passphrase: SecureBytes(utf8: "Kaffee-Tasse-Ruhrpott-8"))
        }
        let service = try MemberService(store: store, policy: AccessPolicy(), rotationGrace: .zero)
        try await service.remove(username: "cem.eins", by: session, rotateInBackground: false)
        #expect(try await store.rotation(officeID: office.id)?.toVersion == 2)
        try await service.remove(username: "cem.zwei", by: session, rotateInBackground: false)
        #expect(try await store.rotationRequested(officeID: office.id), "the second removal came while version 2 rolled out")
        _ = try await service.rotateUntilSettled(officeID: office.id, by: session)
        #expect(try await store.office(id: office.id)?.keyVersion == 3)
        #expect(try await store.rotation(officeID: office.id) == nil)
        #expect(try await !store.rotationRequested(officeID: office.id))
    }
}
