import App
import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore
import Workflow

/// Two offices over one engine: office A with a lead and two counsellors, office B with a
/// counsellor, a Verband analyst; intake, member and casework services wired as `AppServices.make`
/// wires them, the stores' day and the services' now from one `TestClock`. Service tests run it
/// over the in-memory engine (`ServiceFixture.make`); the tests that read or tamper with SQLite
/// rows run the same fixture over `Stores.sqlite`.
public struct ServiceFixture<Engine: Sendable>: Sendable {
    public static var passphrase: String { "Kaffee-Tasse-Ruhrpott-7" }

    /// The engine itself, for what only it offers (the in-memory state, the SQLite database).
    public let engine: Engine
    public let stores: Stores
    /// The server key: audit heads and releases.
    public let signer: SigningKeyPair
    public let members: MemberService
    public let casework: CaseworkService
    public let reporter: ReporterService
    public let officeA: Office
    public let officeB: Office
    public let clock: TestClock

    /// - Parameters:
    ///   - engine: the engine over the fixture's server key and day.
    ///   - stores: its store seams (`Stores.init` of the engine).
    public static func make(
        now: Date = Date(), letters: (any LetterComposer)? = nil,
        engine makeEngine: (SigningKeyPair, @escaping @Sendable () -> Day) throws -> Engine, stores: (Engine) -> Stores
    ) async throws -> ServiceFixture {
        let clock = TestClock(now)
        let signer = SigningKeyPair()
        let engine = try makeEngine(signer, { clock.today })
        let stores = stores(engine)
        var access = AccessPolicy()
        access.baseDelay = .zero
        // Every suite runs at once on two cores: a login may wait long for the hashing pool.
        access.hashingMaximumWait = .seconds(120)
        let members = try MemberService(store: stores.members, policy: access, rotationGrace: .zero)
        let taxonomy = try realTaxonomy()
        let casework = CaseworkService(
            members: members, store: stores.caseFiles, policy: try defaultWorkflow(), taxonomy: taxonomy, letters: letters,
            now: { clock.now })
        let reporter = ReporterService(
            store: stores.reports, taxonomy: taxonomy, lookupKey: SecureBytes(randomCount: 32), deadlines: casework.deadlines,
            today: { clock.today })
        let keysA = try OfficeKeys.generate()
        let keysB = try OfficeKeys.generate()
        let setup = stores.setup
        let officeA = try await setup.createOffice(name: "Beratungsstelle A", profile: noticeProfile(), keys: keysA)
        let officeB = try await setup.createOffice(name: "Beratungsstelle B", profile: noticeProfile(), keys: keysB)
        let secret = SecureBytes(utf8: passphrase)
        try await setup.createMember(username: "lead.a", role: .lead, office: officeA, keys: keysA, passphrase: secret)
        try await setup.createMember(username: "berater.a1", role: .counsellor, office: officeA, keys: keysA, passphrase: secret)
        try await setup.createMember(username: "berater.a2", role: .counsellor, office: officeA, keys: keysA, passphrase: secret)
        try await setup.createMember(username: "berater.b", role: .counsellor, office: officeB, keys: keysB, passphrase: secret)
        _ = try await stores.members.createVerband(name: "Verband", analyst: "analyse", passphrase: secret)
        return ServiceFixture(
            engine: engine, stores: stores, signer: signer, members: members, casework: casework, reporter: reporter,
            officeA: officeA, officeB: officeB, clock: clock)
    }

    public func login(_ username: String) async throws -> Session {
        try await members.login(username: username, passphrase: SecureBytes(utf8: Self.passphrase)).session
    }

    /// The office's audit events, oldest first.
    public func audit(_ office: EntityID? = nil, limit: Int = 1_000) async throws -> [AuditEvent] {
        try await stores.members.auditEntries(chain: office ?? officeA.id, from: 1, limit: limit).map(\.event)
    }

    /// A report through intake to office A; returns its receipt and case id.
    public func report(_ narrative: String = "Bei der Wohnungsbesichtigung wurde mir gesagt, man vermiete nicht an Ausländer.")
        async throws -> (Receipt, EntityID)
    {
        let receipt =
            (try await reporter.submit(
                ReportSubmission(
                    language: "de", narrative: narrative, grounds: ["rassistische_zuschreibung"],
                    area: "wohnen", contactWish: "mailbox", office: officeA.id.hex, consent: true))).receipt
        let lead = try await login("lead.a")
        let page = try await casework.list(CaseListFilter(limit: 100), for: lead)
        guard let newest = page.items.first(where: { item in item.channel == "online_formular" && item.step == "eingegangen" }) else {
            throw AccessError.notFound
        }
        return (receipt, newest.id)
    }
}
