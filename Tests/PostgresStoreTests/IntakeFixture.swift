import Intake
import Sealing
import SichtbarCore

/// Sealed reports as intake makes them, with random bytes for what is sealed.
enum IntakeFixture {
    static func intake(officeID: EntityID, on day: Day, keyVersion: UInt32 = 1) -> SealedIntake {
        let id = EntityID.random()
        return SealedIntake(
            caseID: id, officeID: officeID, officeKeyVersion: keyVersion, sealedKeys: Sodium.randomBytes(80),
            lookupID: Sodium.randomBytes(16), wrappedMailboxKey: Sodium.randomBytes(72), step: "eingegangen", channel: "online_formular",
            receivedOn: day, nextDue: day.adding(days: 14),
            records: [SealedRecord(id: .random(), caseID: id, kind: .report, keyVersion: keyVersion, ciphertext: Sodium.randomBytes(512))],
            sealedTo: Sodium.randomBytes(16), authenticator: Sodium.randomBytes(32))
    }
}
