import Casework
import Sealing
import Testing

@testable import CaseStore

@Suite struct OfficeAdministrationTests {
    @Test func officeSecretsOpenForTheLeadAndForTheRecoveryCode() async throws {
        let (database, _) = try Fixtures.database()
        let (office, keys) = try #require(try await Fixtures.withOffices(database, count: 1).first)
        let passphrase = SecureBytes(utf8: "a long enough passphrase")
        let (member, _) = try await database.createMember(
            username: "lead.one", role: .lead, office: office, keys: keys,
            passphrase: passphrase)

        let stored = try #require(try await database.member(username: "lead.one"))
        let unlocked = try stored.unlock(passphrase: passphrase)
        let sealed = try #require(try await database.seal(officeID: office.id, recipient: member.id.hex, purpose: .officeSecret))
        #expect(try SealedBox.open(sealed, with: unlocked).constantTimeEquals(keys.keyPair.secretKey))
        #expect(throws: SealingError.self) { try stored.unlock(passphrase: SecureBytes(utf8: "the wrong passphrase")) }

        let recovery = try #require(RecoveryCode.parse(keys.recoveryCode.formatted.lowercased()))
        let recoverySeal = try #require(try await database.seal(officeID: office.id, recipient: "recovery", purpose: .officeSecret))
        #expect(try SealedBox.open(recoverySeal, with: try recovery.keyPair()).constantTimeEquals(keys.keyPair.secretKey))
    }

    @Test func officesKeepTheirCreationOrder() async throws {
        let (database, _) = try Fixtures.database()
        let created = try await Fixtures.withOffices(database, count: 4).map(\.0.id)
        #expect(try await database.offices().map(\.id) == created)
    }
}
