import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Workflow

@testable import CaseStore

/// Two offices over one in-memory SQLite database (for the tests that read or change its rows;
/// the service tests run over the in-memory engine, `ServiceFixture`): office A with a lead and two counsellors, office B
/// with a counsellor, a Verband analyst; intake, member and casework services as the server wires them.
struct CaseworkFixture {
    static let passphrase = "Kaffee-Tasse-Ruhrpott-7"

    let database: AppDatabase
    let sqlite: SQLiteStores
    var store: SQLiteMemberStore { sqlite.members }
    let members: MemberService
    let casework: CaseworkService
    let reporter: ReporterService
    let officeA: Office
    let officeB: Office
    let clock: TestClock

    static func make(now: Date = Date(), letters: (any LetterComposer)? = nil, database file: AppDatabase? = nil) async throws
        -> CaseworkFixture
    {
        let database = try file ?? AppDatabase.inMemory()
        let clock = TestClock(now)
        let storeSeams = SQLiteStores(database: database, signer: SigningKeyPair(), today: { Day(clock.now) })
        let store = storeSeams.members
        var access = AccessPolicy()
        access.baseDelay = .zero
        let members = try MemberService(store: store, policy: access, rotationGrace: .zero)
        let policy = try WorkflowPolicy.load(from: Fixtures.root.appendingPathComponent("Policies/workflow.yaml"))
        let taxonomy = try Fixtures.taxonomy()
        let casework = CaseworkService(
            members: members, store: storeSeams.caseFiles, policy: policy, taxonomy: taxonomy, letters: letters,
            now: { clock.now })
        let reporter = ReporterService(
            store: storeSeams.reports, taxonomy: taxonomy, lookupKey: SecureBytes(randomCount: 32),
            deadlines: casework.deadlines, today: { Day(clock.now) })
        let keysA = try OfficeKeys.generate()
        let keysB = try OfficeKeys.generate()
        let officeA = try await database.createOffice(name: "Beratungsstelle A", profile: Fixtures.noticeProfile(), keys: keysA)
        let officeB = try await database.createOffice(name: "Beratungsstelle B", profile: Fixtures.noticeProfile(), keys: keysB)
        let secret = SecureBytes(utf8: passphrase)
        _ = try await database.createMember(username: "lead.a", role: .lead, office: officeA, keys: keysA, passphrase: secret)
        _ = try await database.createMember(username: "berater.a1", role: .counsellor, office: officeA, keys: keysA, passphrase: secret)
        _ = try await database.createMember(username: "berater.a2", role: .counsellor, office: officeA, keys: keysA, passphrase: secret)
        _ = try await database.createMember(username: "berater.b", role: .counsellor, office: officeB, keys: keysB, passphrase: secret)
        _ = try await store.createVerband(name: "Verband", analyst: "analyse", passphrase: secret)
        return CaseworkFixture(
            database: database, sqlite: storeSeams, members: members, casework: casework, reporter: reporter,
            officeA: officeA, officeB: officeB, clock: clock)
    }

    func login(_ username: String) async throws -> Session {
        try await members.login(username: username, passphrase: SecureBytes(utf8: Self.passphrase)).session
    }

    /// A report through intake to office A; returns its receipt and case id.
    func report(_ narrative: String = "Bei der Wohnungsbesichtigung wurde mir gesagt, man vermiete nicht an Ausländer.") async throws
        -> (Receipt, EntityID)
    {
        let receipt =
            (try await reporter.submit(
                ReportSubmission(
                    language: "de", narrative: narrative, grounds: ["rassistische_zuschreibung"],
                    area: "wohnen", contactWish: "mailbox", office: officeA.id.hex, consent: true))).receipt
        let lead = try await login("lead.a")
        let page = try await casework.list(CaseListFilter(limit: 100), for: lead)
        guard let newest = page.items.first(where: { item in item.channel == "online_formular" && item.step == "eingegangen" }) else {
            throw CaseFileStoreError.notFound
        }
        return (receipt, newest.id)
    }
}
