import Foundation
import SichtbarTesting
import Testing

@testable import Members
@testable import Sealing
@testable import SichtbarCore

/// `Policies/access.yaml` of this repository, found from this file's own path.
private let accessPolicyURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CaseworkTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // the package
    .appendingPathComponent("Policies")
    .appendingPathComponent("access.yaml")

/// A valid access policy; each rejection test changes one line of it.
private let validLines = [
    "version: \"1\"",  // 1
    "session:",  // 2
    "  idle_minutes: 30",  // 3
    "  absolute_hours: 12",  // 4
    "login:",  // 5
    "  base_delay_ms: 250",  // 6
    "  max_delay_ms: 8000",  // 7
    "  forget_after_minutes: 15",  // 8
    "  hashing_workers: 2",  // 9
    "  hashing_queue: 32",  // 10
    "  hashing_max_wait_seconds: 10",  // 11
]

private let file = "inline-access.yaml"

/// The valid lines with line `number` (1-based) replaced by `replacement` (none to delete it).
private func policyText(replacing number: Int, with replacement: [String]) -> String {
    var lines = validLines
    lines.replaceSubrange((number - 1)...(number - 1), with: replacement)
    return lines.joined(separator: "\n") + "\n"
}

private func refusal(_ text: String) throws -> PolicyError {
    do {
        let policy = try AccessPolicy.parse(text, file: file)
        Issue.record("accepted: \(policy)")
        throw CancellationError()
    } catch let error as PolicyError {
        return error
    }
}

@Suite("AccessPolicy: session lifetimes and login throttling from Policies/access.yaml")
struct AccessPolicyTests {
    @Test func theShippedPolicyLoads() throws {
        let policy = try AccessPolicy.load(from: accessPolicyURL)
        #expect(policy.idleTimeout == .seconds(30 * 60))
        #expect(policy.absoluteLifetime == .seconds(12 * 3600))
        #expect(policy.baseDelay == .milliseconds(250))
        #expect(policy.maximumDelay == .milliseconds(8000))
        #expect(policy.forgetFailuresAfter == .seconds(15 * 60))
        #expect(policy.hashingWorkers == 2)
        #expect(policy.hashingQueue == 32)
        #expect(policy.hashingMaximumWait == .seconds(10))
        #expect(policy == AccessPolicy(), "the built-in defaults match the shipped file")
    }

    @Test func theInlinePolicyParses() throws {
        let policy = try AccessPolicy.parse(validLines.joined(separator: "\n"), file: file)
        #expect(policy == AccessPolicy())
        let changed = try AccessPolicy.parse(policyText(replacing: 3, with: ["  idle_minutes: 5"]), file: file)
        #expect(changed.idleTimeout == .seconds(300))
    }

    @Test func anUnreadableFileIsRefusedByName() throws {
        let missing = accessPolicyURL.deletingLastPathComponent().appendingPathComponent("no-such-access.yaml")
        let error = try #require(throws: PolicyError.self) { try AccessPolicy.load(from: missing) }
        #expect(error.file == missing.path)
        #expect(error.line == nil)
    }

    @Test func aMissingKeyNamesTheLineOfItsSection() throws {
        let error = try refusal(policyText(replacing: 7, with: []))  // no max_delay_ms
        #expect(error.file == file)
        #expect(error.line == 6, "the login mapping starts on line 6: \(error)")
        #expect(error.problem.contains("'max_delay_ms'"), "\(error)")
        #expect(error.problem.contains("login"), "\(error)")
    }

    @Test func aMissingSectionIsRefused() throws {
        let error = try refusal(["version: \"1\"", "session:", "  idle_minutes: 30", "  absolute_hours: 12"].joined(separator: "\n"))
        #expect(error.line == 1)
        #expect(error.problem.contains("'login'"), "\(error)")
    }

    @Test func aMissingVersionIsRefused() throws {
        let error = try refusal(policyText(replacing: 1, with: []))
        #expect(error.problem.contains("'version'"), "\(error)")
        #expect(error.line == 1)
    }

    @Test(arguments: [
        (3, "  idle_minutes: 0", "idle_minutes"),
        (3, "  idle_minutes: 481", "idle_minutes"),
        (4, "  absolute_hours: 25", "absolute_hours"),
        (6, "  base_delay_ms: -1", "base_delay_ms"),
        (7, "  max_delay_ms: 60001", "max_delay_ms"),
        (8, "  forget_after_minutes: 0", "forget_after_minutes"),
        (9, "  hashing_workers: 9", "hashing_workers"),
        (10, "  hashing_queue: 1001", "hashing_queue"),
        (11, "  hashing_max_wait_seconds: 0", "hashing_max_wait_seconds"),
        (3, "  idle_minutes: soon", "idle_minutes"),
        (6, "  base_delay_ms: 2.5", "base_delay_ms"),
    ])
    func aValueOutOfRangeNamesItsLine(line: Int, replacement: String, key: String) throws {
        let error = try refusal(policyText(replacing: line, with: [replacement]))
        #expect(error.line == line, "\(error)")
        #expect(error.problem.contains(key), "\(error)")
        #expect(error.problem.contains("whole number"), "\(error)")
        #expect(error.description.hasPrefix("\(file):\(line):"), "\(error.description)")
    }

    @Test func anIdleTimeoutBeyondTheAbsoluteLifetimeIsRefused() throws {
        // 120 minutes idle, but every session ends after one hour.
        let text = policyText(replacing: 3, with: ["  idle_minutes: 120"]).replacingOccurrences(
            of: "absolute_hours: 12", with: "absolute_hours: 1")
        let error = try refusal(text)
        #expect(error.line == 3, "the session mapping starts on line 3: \(error)")
        #expect(error.problem.contains("idle_minutes") && error.problem.contains("absolute_hours"), "\(error)")
        // Equal is allowed.
        let equal = try AccessPolicy.parse(text.replacingOccurrences(of: "idle_minutes: 120", with: "idle_minutes: 60"), file: file)
        #expect(equal.idleTimeout == equal.absoluteLifetime)
    }

    @Test func brokenYAMLNamesItsLine() throws {
        let error = try refusal(policyText(replacing: 6, with: ["  base_delay_ms: [250"]))
        #expect(error.line != nil, "\(error)")
        #expect(error.problem.hasPrefix("YAML"), "\(error)")
    }

    // MARK: assignment and the per-address login bucket

    @Test func withoutAnAssignmentSectionOnlyLeadsAssign() throws {
        let policy = try AccessPolicy.parse(validLines.joined(separator: "\n"), file: file)
        #expect(policy.assigners == [.lead])
        #expect(try AccessPolicy.load(from: accessPolicyURL).assigners == [.lead], "the shipped file keeps leads only")
    }

    @Test func counsellorsMayBeAllowedToAssign() throws {
        let text = (validLines + ["assignment:", "  assign: [lead, counsellor]"]).joined(separator: "\n")
        #expect(try AccessPolicy.parse(text, file: file).assigners == [.lead, .counsellor])
    }

    @Test(arguments: [
        (["assignment:", "  assign: [lead, analyst]"], 13, "analyst"),
        (["assignment:", "  assign: [lead, chef]"], 13, "chef"),
        (["assignment:", "  assign: [counsellor]"], 13, "must name lead"),
        (["assignment:", "  assign: []"], 13, "must name lead"),
        (["assignment:", "  assign: lead"], 13, "list"),
        (["assignment:", "  who: [lead]"], 13, "'assign'"),
    ])
    func aBadAssignmentSettingNamesItsLine(extra: [String], line: Int, words: String) throws {
        let error = try refusal((validLines + extra).joined(separator: "\n"))
        #expect(error.file == file)
        #expect(error.line == line, "\(error)")
        #expect(error.problem.contains(words), "\(error)")
    }

    @Test func theAddressBucketIsReadWhenGivenAndCheckedForRange() throws {
        let text = (validLines + ["  address_failures: 5", "  address_window_minutes: 2"]).joined(separator: "\n")
        let policy = try AccessPolicy.parse(text, file: file)
        #expect(policy.addressFailures == 5)
        #expect(policy.addressWindow == .seconds(120))
        let error = try refusal((validLines + ["  address_failures: 0"]).joined(separator: "\n"))
        #expect(error.line == 12 && error.problem.contains("address_failures"), "\(error)")
    }
}

/// A member whose wrapped secret is a placeholder: sessions never unwrap it, so no Argon2id runs.
private func placeholderMember(_ username: String, role: MemberRole = .counsellor) -> (Member, BoxKeyPair) {
    let keys = BoxKeyPair()
    let wrap = PassphraseWrap(salt: [UInt8](repeating: 0, count: 16), opsLimit: 2, memLimit: 67_108_864, sealed: [])
    return (
        Member(id: .random(), username: username, officeID: .random(), role: role, publicKey: keys.publicKey, wrappedSecret: wrap), keys
    )
}

private func session(_ username: String, role: MemberRole = .counsellor) -> Session {
    let (member, keys) = placeholderMember(username, role: role)
    return Session(member: member, keys: keys)
}

@Suite("SessionRegistry: bearer tokens, idle timeout and absolute lifetime")
struct SessionRegistryTests {
    static func policy(idle: Duration = .seconds(60), absolute: Duration = .seconds(120)) -> AccessPolicy {
        var policy = AccessPolicy()
        policy.idleTimeout = idle
        policy.absoluteLifetime = absolute
        return policy
    }

    @Test func openLookUpAndClose() async {
        let registry = SessionRegistry(policy: Self.policy())
        let margarete = session("margarete", role: .lead)
        let jonas = session("jonas")
        let token = await registry.open(margarete)
        let other = await registry.open(jonas)
        #expect(token != other)
        #expect(Base64URL.decode(token)?.count == 32)
        #expect(await registry.count() == 2)
        #expect(await registry.session(token: token) === margarete)
        #expect(await registry.session(token: other) === jonas)
        #expect(await registry.close(token: token) === margarete)
        #expect(await registry.session(token: token) == nil)
        #expect(await registry.close(token: token) == nil, "closing twice finds nothing")
        #expect(await registry.session(token: other) === jonas)
        #expect(await registry.count() == 1)
    }

    /// A second session of the member of `first`, as a second login opens it.
    func anotherSession(of first: Session) -> Session {
        Session(
            member: Member(
                id: first.memberID, username: first.username, officeID: first.officeID, role: first.role,
                publicKey: first.memberKeys.publicKey,
                wrappedSecret: placeholderMember("x").0.wrappedSecret), keys: first.memberKeys)
    }

    @Test func oneMemberMayHoldSeveralSessionsAndLosesThemAllAtOnce() async {
        let registry = SessionRegistry(policy: Self.policy())
        let first = session("margarete")
        let second = anotherSession(of: first)
        let keep = session("jonas")
        let tokens = [await registry.open(first), await registry.open(second)]
        let kept = await registry.open(keep)
        await registry.closeAll(memberID: first.memberID)
        for token in tokens { #expect(await registry.session(token: token) == nil) }
        #expect(await registry.session(token: kept) === keep)
    }

    @Test func allButOneSessionOfAMemberCanBeEnded() async {
        let registry = SessionRegistry(policy: Self.policy())
        let first = session("margarete")
        let second = anotherSession(of: first)
        let firstToken = await registry.open(first)
        let secondToken = await registry.open(second)
        await registry.closeAll(memberID: first.memberID, except: second)
        #expect(await registry.session(token: firstToken) == nil)
        #expect(await registry.session(token: secondToken) === second, "the kept session lives on")
    }

    @Test func badTokensFindNothing() async {
        let registry = SessionRegistry(policy: Self.policy())
        let token = await registry.open(session("margarete"))
        var flipped = Array(token)
        flipped[5] = flipped[5] == "A" ? "B" : "A"
        let unknown = Base64URL.encode(Sodium.randomBytes(32))
        let short = Base64URL.encode(Sodium.randomBytes(31))
        let long = Base64URL.encode(Sodium.randomBytes(33))
        for bad in ["", "not a token!", String(flipped), unknown, short, long, token + "A", String(token.dropLast())] {
            #expect(await registry.session(token: bad) == nil, "\(bad)")
            #expect(await registry.close(token: bad) == nil, "\(bad)")
        }
        #expect(await registry.session(token: token) != nil, "bad tokens leave the good one alone")
    }

    // These tests share two cores with Argon2id work in parallel tests, so any task may be held
    // up for a second or more: they check only what such delays cannot falsify.

    @Test func anIdleSessionEnds() async throws {
        let registry = SessionRegistry(policy: Self.policy(idle: .milliseconds(100), absolute: .seconds(60)))
        let token = await registry.open(session("margarete"))
        try await Task.sleep(for: .milliseconds(300))
        #expect(await registry.session(token: token) == nil)
        #expect(await registry.count() == 0, "an expired session is dropped when looked up")
    }

    @Test func aRequestRefreshesTheIdleTimer() async throws {
        // Generous margins and many attempts: the suite runs beside login-heavy tests that keep
        // both cores busy, and only a run that kept to its timing is judged.
        let idle = Duration.milliseconds(1_500)
        let registry = SessionRegistry(policy: Self.policy(idle: idle, absolute: .seconds(60)))
        for _ in 0..<20 {
            let margarete = session("margarete")
            let beforeOpen = ContinuousClock.now
            let token = await registry.open(margarete)
            let afterOpen = ContinuousClock.now
            try await Task.sleep(for: .milliseconds(900))
            let beforeFirst = ContinuousClock.now
            let first = await registry.session(token: token)
            let afterFirst = ContinuousClock.now
            try await Task.sleep(for: .milliseconds(900))
            let beforeSecond = ContinuousClock.now
            let second = await registry.session(token: token)
            let afterSecond = ContinuousClock.now
            // Only a run that kept to its timing shows anything: the first request within the idle
            // time of the opening, the second within that of the first but beyond that of the opening.
            guard afterFirst - beforeOpen < idle, afterSecond - beforeFirst < idle, beforeSecond - afterOpen > idle else { continue }
            #expect(first === margarete)
            #expect(second === margarete, "the first request refreshed the idle timer")
            return
        }
        Issue.record("the machine was too busy to time the idle timer in twenty attempts")
    }

    @Test func aBusySessionStillEndsAfterItsAbsoluteLifetime() async throws {
        let registry = SessionRegistry(policy: Self.policy(idle: .seconds(60), absolute: .milliseconds(500)))
        let opened = ContinuousClock.now
        let token = await registry.open(session("margarete"))
        var ended: ContinuousClock.Instant?
        // Checked at least once after any stall: a starved test task must not end the loop unasked.
        repeat {
            guard await registry.session(token: token) != nil else {
                ended = .now
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        } while ContinuousClock.now - opened < .seconds(30)
        if ended == nil, await registry.session(token: token) == nil { ended = .now }
        let end = try #require(ended, "the session outlived its absolute lifetime while in use")
        #expect(end - opened >= .milliseconds(500))
        #expect(await registry.session(token: token) == nil)
    }
}

@Suite("Session: CSRF tokens bound to one session")
struct SessionCSRFTests {
    @Test func aTokenIsValidForItsOwnSessionOnly() {
        let margarete = session("margarete")
        let jonas = session("jonas")
        let token = margarete.csrfToken
        #expect(token == margarete.csrfToken, "stable for the session's lifetime")
        #expect(margarete.isValidCSRFToken(token))
        #expect(!jonas.isValidCSRFToken(token))
        #expect(jonas.isValidCSRFToken(jonas.csrfToken))
        #expect(token != jonas.csrfToken)
        // A second session of the same member gets its own token.
        let again = Session(
            member: Member(
                id: margarete.memberID, username: margarete.username, officeID: margarete.officeID,
                role: margarete.role, publicKey: margarete.memberKeys.publicKey,
                wrappedSecret: placeholderMember("x").0.wrappedSecret), keys: margarete.memberKeys)
        #expect(!again.isValidCSRFToken(token))
    }

    @Test func malformedTokensAreRefused() {
        let margarete = session("margarete")
        let token = margarete.csrfToken
        for bad in ["", String(token.dropLast()), token + "A", token.uppercased() == token ? token.lowercased() : token.uppercased()] {
            #expect(!margarete.isValidCSRFToken(bad), "\(bad)")
        }
    }

    @Test func rolesDecideWhatASessionReaches() {
        #expect(session("a", role: .lead).isLead)
        #expect(session("a", role: .lead).worksCases)
        #expect(!session("a", role: .counsellor).isLead)
        #expect(session("a", role: .counsellor).worksCases)
        #expect(!session("a", role: .analyst).worksCases)
    }
}
