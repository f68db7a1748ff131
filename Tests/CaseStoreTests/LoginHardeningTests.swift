import Foundation
import Sealing
import Testing

@testable import CaseStore
@testable import Casework
@testable import Members
@testable import SichtbarCore
@testable import Workflow

/// One office over an in-memory database with a lead and two counsellors, a member service made
/// with the given access policy, and the casework service over it.
private struct LoginOffice {
    static let passphrase = "Kaffee-Tasse-Ruhrpott-7"

    let database: AppDatabase
    let store: SQLiteMemberStore
    let members: MemberService
    let casework: CaseworkService
    let office: Office

    static func make(_ configure: (inout AccessPolicy) -> Void = { _ in }) async throws -> LoginOffice {
        let database = try AppDatabase.inMemory()
        let storeSeams = SQLiteStores(database: database, signer: SigningKeyPair())
        let store = storeSeams.members
        var access = AccessPolicy()
        access.baseDelay = .seconds(1)  // far longer than a stall of a loaded test machine
        configure(&access)
        let members = try MemberService(store: store, policy: access, rotationGrace: .zero)
        let casework = CaseworkService(
            members: members, store: storeSeams.caseFiles,
            policy: try WorkflowPolicy.load(from: Fixtures.root.appendingPathComponent("Policies/workflow.yaml")),
            taxonomy: try Fixtures.taxonomy())
        let keys = try OfficeKeys.generate()
        let office = try await database.createOffice(name: "Beratungsstelle Süd", profile: Fixtures.noticeProfile(), keys: keys)
        for (name, role) in [("lead.s", MemberRole.lead), ("berater.s1", .counsellor), ("berater.s2", .counsellor)] {
            _ = try await database.createMember(
                username: name, role: role, office: office, keys: keys, passphrase: SecureBytes(utf8: passphrase))
        }
        return LoginOffice(database: database, store: store, members: members, casework: casework, office: office)
    }

    func login(_ username: String, _ passphrase: String = passphrase, from address: String? = nil) async throws -> (
        token: String, session: Session
    ) {
        try await members.login(username: username, passphrase: SecureBytes(utf8: passphrase), from: address)
    }

    func actions() async throws -> [String] {
        try await store.auditEntries(chain: office.id, from: 1, limit: 1000).map(\.event.action)
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

/// Hashes the throttle lets through for one username in `elapsed` (base 1 s, cap 8 s): the
/// first at once, each further one only after the doubling delay since the failure before it.
private func allowedHashes(within elapsed: Duration) -> Int {
    var (allowed, spent, delay) = (1, Duration.zero, Duration.seconds(1))
    while true {
        spent += min(delay, .seconds(8))
        guard spent <= elapsed else { return allowed }
        allowed += 1
        delay *= 2
    }
}

@Suite("Logins through MemberService: Argon2id spent per username, per address, on passphrase changes")
struct LoginHardeningTests {
    @Test func twentyParallelWrongLoginsCostNoMoreHashesThanTheThrottleAllows() async throws {
        let office = try await LoginOffice.make()
        let before = office.members.passphraseHashes
        let started = ContinuousClock.now
        let results = await office.parallel(20) { _ = try await office.login("berater.s1", "Falsche-Passphrase-12") }
        let elapsed = ContinuousClock.now - started
        let hashes = office.members.passphraseHashes - before
        // Without the throttle's admission all 20 ran an Argon2id hash each, at once (2 at most
        // within the first second or two here).
        #expect(hashes <= allowedHashes(within: elapsed), "\(hashes) hashes for 20 parallel attempts in \(elapsed)")
        #expect(results.allSatisfy { ($0 as? AccessError) == .unauthorized || ($0 as? AccessError) == .throttled })
        #expect(results.filter { ($0 as? AccessError) == .unauthorized }.count == hashes, "every hash was a failure answered 401")
        #expect(await office.members.throttledAttempts() == 20 - hashes)
    }

    @Test func anUnknownUsernameIsThrottledAlike() async throws {
        let office = try await LoginOffice.make()
        let before = office.members.passphraseHashes
        let started = ContinuousClock.now
        let results = await office.parallel(20) { _ = try await office.login("niemand.hier", "Falsche-Passphrase-12") }
        let hashes = office.members.passphraseHashes - before
        #expect(hashes <= allowedHashes(within: ContinuousClock.now - started))
        #expect(
            results.allSatisfy { ($0 as? AccessError) == .unauthorized || ($0 as? AccessError) == .throttled },
            "the same answers as for a member")
        #expect(results.filter { ($0 as? AccessError) == .unauthorized }.count == hashes)
    }

    @Test func theRightPassphraseStillWorksAfterTheDelay() async throws {
        let office = try await LoginOffice.make()
        await #expect(throws: AccessError.unauthorized) { _ = try await office.login("berater.s1", "Falsche-Passphrase-12") }
        let started = ContinuousClock.now
        _ = try await office.login("berater.s1")
        #expect(ContinuousClock.now - started >= .milliseconds(150), "it waited for the delay and was not locked out")
    }

    @Test func anAddressRunsOutOfFailedLoginsAcrossUsernames() async throws {
        let office = try await LoginOffice.make {
            $0.addressFailures = 3
            $0.baseDelay = .zero
        }
        for name in ["niemand.1", "niemand.2", "niemand.3"] {
            await #expect(throws: AccessError.unauthorized) {
                _ = try await office.login(name, "Falsche-Passphrase-12", from: "2001:db8:7:7::1")
            }
        }
        let before = office.members.passphraseHashes
        await #expect(throws: AccessError.throttled, "the same /64") {
            _ = try await office.login("lead.s", from: "2001:db8:7:7:abcd::2")
        }
        #expect(office.members.passphraseHashes == before, "refused before any hash")
        _ = try await office.login("lead.s", from: "2001:db8:7:8::1")
        _ = try await office.login("lead.s")
    }

    // MARK: passphrase changes

    @Test func aWrongCurrentPassphraseOnChangeIsAuditedAndThrottled() async throws {
        let office = try await LoginOffice.make()
        let (_, session) = try await office.login("berater.s1")
        let before = office.members.passphraseHashes
        let started = ContinuousClock.now
        let results = await office.parallel(10) {
            try await office.members.changePassphrase(
                for: session, current: SecureBytes(utf8: "Falsche-Passphrase-12"),
                new: SecureBytes(utf8: "Neue-Lange-Passphrase-8"))
        }
        let hashes = office.members.passphraseHashes - before
        #expect(
            hashes <= allowedHashes(within: ContinuousClock.now - started),
            "\(hashes) hashes for 10 parallel guesses through the change form")
        let wrong = results.filter { if case AccessError.invalid(field: "current", _)? = $0 as? AccessError { true } else { false } }.count
        #expect(wrong == hashes)
        #expect(results.filter { ($0 as? AccessError) == .throttled }.count == 10 - hashes)
        let failures = try await office.actions().filter { $0 == "member.passphrase_change_failed" }
        #expect(failures.count == wrong, "each wrong current passphrase is in the audit chain")
        // The guesses count against logins of the same username too.
        #expect(await office.members.throttle.failureCount(for: "berater.s1") == hashes)
    }

    @Test func aChangeEndsTheMembersOtherSessionsButNotItsOwn() async throws {
        let office = try await LoginOffice.make()
        let (phone, _) = try await office.login("berater.s1")
        let (desk, deskSession) = try await office.login("berater.s1")
        let (colleague, _) = try await office.login("berater.s2")
        try await office.members.changePassphrase(
            for: deskSession, current: SecureBytes(utf8: LoginOffice.passphrase),
            new: SecureBytes(utf8: "Neue-Lange-Passphrase-8"))
        #expect(await office.members.session(token: phone) == nil, "the other session ended")
        #expect(await office.members.session(token: desk) === deskSession, "the changing session lives on")
        #expect(await office.members.session(token: colleague) != nil, "other members are untouched")
        _ = try await office.login("berater.s1", "Neue-Lange-Passphrase-8")
        #expect(try await office.actions().contains("member.passphrase_changed"))
    }

    // MARK: assignment follows Policies/access.yaml

    fileprivate static func firstCase(_ office: LoginOffice) async throws -> EntityID {
        let (reporter, _) = try Fixtures.service(office.database)
        _ = try await reporter.submit(Fixtures.report("Beim Vorstellungsgespräch wurde ich wegen meines Kopftuchs abgelehnt."))
        let (_, lead) = try await office.login("lead.s")
        return try #require(try await office.casework.list(CaseListFilter(limit: 10), for: lead).items.first?.id)
    }

    @Test func byDefaultOnlyLeadsAssign() async throws {
        let office = try await LoginOffice.make()
        let caseID = try await Self.firstCase(office)
        let (_, counsellor) = try await office.login("berater.s1")
        _ = try await office.casework.open(caseID, for: counsellor)  // team access: the counsellor works the case
        #expect(!office.casework.mayAssign(counsellor))
        await #expect(throws: AccessError.notFound) {
            try await office.casework.assign([(username: "berater.s1", role: .beratung)], to: caseID, by: counsellor)
        }
        let (_, lead) = try await office.login("lead.s")
        #expect(office.casework.mayAssign(lead))
        try await office.casework.assign([(username: "berater.s1", role: .beratung)], to: caseID, by: lead)
        #expect(try await office.casework.open(caseID, for: lead).assignees.map(\.username) == ["berater.s1"])
    }

    @Test func anOfficeMayLetCounsellorsAssign() async throws {
        let office = try await LoginOffice.make { $0.assigners = [.lead, .counsellor] }
        let caseID = try await Self.firstCase(office)
        let (_, counsellor) = try await office.login("berater.s1")
        #expect(office.casework.mayAssign(counsellor))
        try await office.casework.assign(
            [(username: "berater.s2", role: .beratung), (username: "berater.s1", role: .vertretung)],
            to: caseID, by: counsellor)
        #expect(try await office.casework.open(caseID, for: counsellor).assignees.map(\.username) == ["berater.s2", "berater.s1"])
    }
}
