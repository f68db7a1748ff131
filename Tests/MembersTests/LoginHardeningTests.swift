import Foundation
import Intake
import Sealing
import Testing

@testable import Casework
@testable import Members
@testable import SichtbarCore
@testable import Workflow

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
        let wrong = results.filter { ($0 as? FieldError)?.field == "current" }.count
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
        _ = try await office.reporter().submit(
            ReportSubmission(
                language: "de", narrative: "Beim Vorstellungsgespräch wurde ich wegen meines Kopftuchs abgelehnt.",
                grounds: ["antisemitismus"], contactWish: "mailbox", consent: true))
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
