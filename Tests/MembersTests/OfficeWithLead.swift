import App
import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing
import Workflow

@testable import InMemoryStore

/// An office set up as `sichtbar init` does it: office keys, then a first lead whose key the
/// office secrets are sealed to; and a `MemberService` over the in-memory engine.
struct OfficeWithLead {
    static let leadName = "margarete"
    static let leadPassphrase = "Kaffee-Tasse-Ruhrpott-7"
    static let counsellorPassphrase = "Lindenblüten-Tee am Rhein"

    let database: InMemoryDatabase
    let stores: Stores
    let service: MemberService
    let casework: CaseworkService
    let signer: SigningKeyPair
    let office: Office
    let keys: OfficeKeys
    let lead: Member

    static func make() async throws -> OfficeWithLead {
        let signer = SigningKeyPair()
        let database = InMemoryDatabase(signer: signer)
        let stores = Stores(database)
        var policy = AccessPolicy()
        policy.baseDelay = .zero  // failed logins need not slow the tests down
        let service = try MemberService(store: stores.members, policy: policy, rotationGrace: .zero)
        let casework = CaseworkService(
            members: service, store: stores.caseFiles,
            policy: try defaultWorkflow(),
            taxonomy: try realTaxonomy())
        let keys = try OfficeKeys.generate()
        let office = try await stores.setup.createOffice(name: "Beratungsstelle Nord", profile: noticeProfile(), keys: keys)
        let (lead, _) = try await stores.setup.createMember(
            username: leadName, role: .lead, office: office, keys: keys,
            passphrase: SecureBytes(utf8: leadPassphrase))
        return OfficeWithLead(
            database: database, stores: stores, service: service, casework: casework, signer: signer, office: office, keys: keys, lead: lead
        )
    }

    /// The member store by its concrete type (`verifyChain`).
    var store: InMemoryMemberStore { database.memberStore }

    func login(_ username: String = leadName, _ passphrase: String = leadPassphrase) async throws -> Session {
        try await service.login(username: username, passphrase: SecureBytes(utf8: passphrase)).session
    }

    /// Invites and enrols a counsellor; returns the enrolled member.
    func enrolCounsellor(_ username: String, by lead: Session) async throws -> Member {
        let invitation = try await service.invite(role: .counsellor, by: lead)
        return try await service.enrol(
            invitation: invitation.token, username: username,
            passphrase: SecureBytes(utf8: Self.counsellorPassphrase))
    }

    /// Submits a report through intake as a reporter would; returns the new case's id.
    func submitReport(_ narrative: String) async throws -> EntityID {
        let before = Set(try await caseIDs())
        let reporter = ReporterService(store: stores.reports, taxonomy: try realTaxonomy(), lookupKey: SecureBytes(randomCount: 32))
        _ = try await reporter.submit(
            ReportSubmission(language: "de", narrative: narrative, grounds: ["antisemitismus"], contactWish: "mailbox", consent: true))
        return try #require(Set(try await caseIDs()).subtracting(before).first)
    }

    func caseIDs() async throws -> [EntityID] {
        try database.read { state in Array(state.cases.keys) }
    }

    func actions() async throws -> [String] {
        try await store.auditEntries(chain: office.id, from: 1, limit: 1000).map(\.event.action)
    }

    func verifyChain() async throws -> AuditVerdict {
        try await store.verifyChain(office.id, key: signer.publicKey)
    }
}
