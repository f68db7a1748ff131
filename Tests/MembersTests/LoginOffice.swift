import App
import Foundation
import Intake
import Sealing
import SichtbarTesting

@testable import Casework
@testable import Members
@testable import SichtbarCore
@testable import Workflow

/// One office over the in-memory engine with a lead and two counsellors, a member service made
/// with the given access policy, and the casework service over it.
struct LoginOffice {
    static let passphrase = "Kaffee-Tasse-Ruhrpott-7"

    let stores: Stores
    let members: MemberService
    let casework: CaseworkService
    let office: Office

    static func make(_ configure: (inout AccessPolicy) -> Void = { _ in }) async throws -> LoginOffice {
        let stores = Stores.inMemory(signer: SigningKeyPair())
        var access = AccessPolicy()
        access.baseDelay = .seconds(1)  // far longer than a stall of a loaded test machine
        configure(&access)
        let members = try MemberService(store: stores.members, policy: access, rotationGrace: .zero)
        let casework = CaseworkService(
            members: members, store: stores.caseFiles,
            policy: try defaultWorkflow(),
            taxonomy: try realTaxonomy())
        let keys = try OfficeKeys.generate()
        let office = try await stores.setup.createOffice(name: "Beratungsstelle Süd", profile: noticeProfile(), keys: keys)
        for (name, role) in [("lead.s", MemberRole.lead), ("berater.s1", .counsellor), ("berater.s2", .counsellor)] {
            try await stores.setup.createMember(
                username: name, role: role, office: office, keys: keys, passphrase: SecureBytes(utf8: passphrase))
        }
        return LoginOffice(stores: stores, members: members, casework: casework, office: office)
    }

    func login(_ username: String, _ passphrase: String = passphrase, from address: String? = nil) async throws -> (
        token: String, session: Session
    ) {
        try await members.login(username: username, passphrase: SecureBytes(utf8: passphrase), from: address)
    }

    /// Intake over the same engine, as a reporter reaches it.
    func reporter() throws -> ReporterService {
        ReporterService(store: stores.reports, taxonomy: try realTaxonomy(), lookupKey: SecureBytes(randomCount: 32))
    }

    func actions() async throws -> [String] {
        try await stores.members.auditEntries(chain: office.id, from: 1, limit: 1000).map(\.event.action)
    }

    /// Runs `count` attempts at once; returns how each ended (the error, or nil for success).
    func parallel(_ count: Int, _ attempt: @escaping @Sendable () async throws -> Void) async -> [(any Error)?] {
        await withTaskGroup(of: (any Error)?.self) { group in
            for _ in 0..<count {
                group.addTask {
                    do {
                        try await attempt()
                        return nil
                    } catch { return error }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }
}
