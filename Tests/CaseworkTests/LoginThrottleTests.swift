import Foundation
import Synchronization
import Testing
@testable import Casework

/// Counts what concurrent attempts got from the throttle.
final class LoginOutcomes: Sendable {
    private let state = Mutex<(admitted: Int, refused: Int)>((0, 0))
    func admit() { state.withLock { $0.admitted += 1 } }
    func refuse() { state.withLock { $0.refused += 1 } }
    var admitted: Int { state.withLock { $0.admitted } }
    var refused: Int { state.withLock { $0.refused } }
}

@Suite("LoginThrottle: one attempt per username at a time, failures counted before the hash, delays, per-address buckets")
struct LoginThrottleTests {
    static func policy(base: Duration = .milliseconds(100), maximum: Duration = .milliseconds(1000),
                       forgetAfter: Duration = .seconds(60), addressFailures: Int = 1000) -> AccessPolicy {
        var policy = AccessPolicy()
        policy.baseDelay = base
        policy.maximumDelay = maximum
        policy.forgetFailuresAfter = forgetAfter
        policy.addressFailures = addressFailures
        return policy
    }

    /// One attempt that fails after `hash` (standing in for Argon2id), or is refused.
    static func failingAttempt(_ throttle: LoginThrottle, _ username: String, address: String? = nil,
                               hash: Duration = .milliseconds(50), outcomes: LoginOutcomes) async {
        do {
            let attempt = try await throttle.begin(username, address: address)
            outcomes.admit()
            try? await Task.sleep(for: hash)
            await throttle.finish(attempt, succeeded: false)
        } catch {
            #expect(error as? AccessError == .throttled)
            outcomes.refuse()
        }
    }

    static func within(_ value: Duration, _ expected: Duration, tolerance: Duration = .milliseconds(40)) -> Bool {
        value <= expected && value >= expected - tolerance
    }

    @Test func delaysDoubleUpToTheCapAndRunFromTheLastFailure() async throws {
        let throttle = LoginThrottle(policy: Self.policy(base: .milliseconds(100), maximum: .milliseconds(800)))
        #expect(await throttle.delay(for: "margarete") == .zero)
        var seen: [Duration] = []
        for _ in 0..<5 {
            let attempt = try await throttle.begin("margarete")
            await throttle.finish(attempt, succeeded: false)
            seen.append(await throttle.delay(for: "margarete"))
        }
        // What is left of each delay right after the failure: at most all of it, more than half
        // (which tells each step from the one before).
        for (value, expected) in zip(seen, [100, 200, 400, 800, 800, 800].map { Duration.milliseconds($0) }) {
            #expect(Self.within(value, expected, tolerance: expected / 2), "\(seen)")
        }
    }

    @Test func anAttemptCountsAsFailedBeforeItsHashRunsAndSuccessClearsIt() async throws {
        let throttle = LoginThrottle(policy: Self.policy(base: .seconds(5), maximum: .seconds(5)))
        let attempt = try await throttle.begin("margarete")
        // The hash has not run yet, and the attempt already counts: a crash or a hung hash here
        // leaves the failure behind.
        #expect(await throttle.delay(for: "margarete") > .seconds(4))
        await throttle.finish(attempt, succeeded: true)
        #expect(await throttle.delay(for: "margarete") == .zero, "a success clears the count")
    }

    @Test func usernamesAreComparedWithoutCaseAndOthersAreUnaffected() async throws {
        let throttle = LoginThrottle(policy: Self.policy(base: .seconds(5), maximum: .seconds(5)))
        await throttle.finish(try await throttle.begin("Margarete"), succeeded: false)
        #expect(await throttle.delay(for: "MARGARETE") > .seconds(4))
        #expect(await throttle.delay(for: "jonas") == .zero)
    }

    @Test func aSecondAttemptWaitsForTheFirstAndProceedsAfterItsSuccess() async throws {
        let throttle = LoginThrottle(policy: Self.policy(base: .milliseconds(500)))
        let first = try await throttle.begin("margarete")
        let outcomes = LoginOutcomes()
        let second = Task {
            let attempt = try await throttle.begin("margarete")
            outcomes.admit()
            await throttle.finish(attempt, succeeded: true)
        }
        try await Task.sleep(for: .milliseconds(150))
        #expect(outcomes.admitted == 0, "the second attempt waits while the first is checked")
        await throttle.finish(first, succeeded: true)
        try await second.value
        #expect(outcomes.admitted == 1)
    }

    @Test func aSecondAttemptAfterAFailureWaitsTheDelay() async throws {
        let throttle = LoginThrottle(policy: Self.policy(base: .milliseconds(300)))
        let first = try await throttle.begin("margarete")
        let started = ContinuousClock.now
        let second = Task { () -> Duration in
            let attempt = try await throttle.begin("margarete")
            let waited = ContinuousClock.now - started
            await throttle.finish(attempt, succeeded: false)
            return waited
        }
        try await Task.sleep(for: .milliseconds(100))
        await throttle.finish(first, succeeded: false)
        let waited = try await second.value
        #expect(waited >= .milliseconds(390), "100 ms for the first, then its 300 ms delay: \(waited)")
    }

    @Test func twentyParallelFailingAttemptsAreAdmittedAtMostTwice() async {
        // A delay far longer than any stall of a loaded test machine.
        let throttle = LoginThrottle(policy: Self.policy(base: .seconds(2), maximum: .seconds(2)))
        let outcomes = LoginOutcomes()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 { group.addTask { await Self.failingAttempt(throttle, "margarete", outcomes: outcomes) } }
        }
        // The first runs; the others wait for it and then for its delay; the first of them to
        // wake runs, everyone else finds the way blocked again and is refused.
        #expect(outcomes.admitted <= 2, "admitted \(outcomes.admitted)")
        #expect(outcomes.admitted >= 1)
        #expect(outcomes.admitted + outcomes.refused == 20)
        #expect(await throttle.refusals == outcomes.refused)
    }

    @Test func withoutADelayParallelAttemptsStillRunOneAtATime() async {
        let throttle = LoginThrottle(policy: Self.policy(base: .zero, maximum: .zero))
        let outcomes = LoginOutcomes()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask { await Self.failingAttempt(throttle, "margarete", hash: .seconds(1), outcomes: outcomes) }
            }
        }
        #expect(outcomes.admitted <= 2, "admitted \(outcomes.admitted)")
    }

    @Test func differentUsernamesDoNotWaitForEachOther() async {
        let throttle = LoginThrottle(policy: Self.policy())
        let outcomes = LoginOutcomes()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<10 { group.addTask { await Self.failingAttempt(throttle, "member\(index)", outcomes: outcomes) } }
        }
        #expect(outcomes.admitted == 10)
    }

    @Test func failuresAreForgottenAfterAWhile() async throws {
        let throttle = LoginThrottle(policy: Self.policy(base: .seconds(10), maximum: .seconds(10), forgetAfter: .seconds(2)))
        await throttle.finish(try await throttle.begin("margarete"), succeeded: false)
        #expect(await throttle.delay(for: "margarete") > .zero)
        try await Task.sleep(for: .milliseconds(2500))
        #expect(await throttle.delay(for: "margarete") == .zero)
    }

    // MARK: per-address bucket

    @Test func anAddressRunsOutOfFailuresAcrossUsernames() async throws {
        let throttle = LoginThrottle(policy: Self.policy(addressFailures: 3))
        for index in 0..<3 {
            await throttle.finish(try await throttle.begin("member\(index)", address: "203.0.113.7"), succeeded: false)
        }
        await #expect(throws: AccessError.throttled) { _ = try await throttle.begin("member9", address: "203.0.113.7") }
        let other = try await throttle.begin("member9", address: "203.0.113.8")
        await throttle.finish(other, succeeded: false)
        // The command line gives no address and is not bucketed.
        await throttle.finish(try await throttle.begin("member10"), succeeded: false)
    }

    @Test func successfulLoginsGiveTheirAttemptBack() async throws {
        let throttle = LoginThrottle(policy: Self.policy(addressFailures: 2))
        for index in 0..<10 {
            await throttle.finish(try await throttle.begin("member\(index)", address: "203.0.113.7"), succeeded: true)
        }
        await throttle.finish(try await throttle.begin("member10", address: "203.0.113.7"), succeeded: false)
        await throttle.finish(try await throttle.begin("member11", address: "203.0.113.7"), succeeded: false)
        await #expect(throws: AccessError.throttled) { _ = try await throttle.begin("member12", address: "203.0.113.7") }
    }

    @Test func anIPv6AddressIsBucketedByItsSlash64() async throws {
        let throttle = LoginThrottle(policy: Self.policy(addressFailures: 2))
        await throttle.finish(try await throttle.begin("a1", address: "2001:db8:1:2::1"), succeeded: false)
        await throttle.finish(try await throttle.begin("a2", address: "2001:db8:1:2:ffff:ffff:ffff:9"), succeeded: false)
        await #expect(throws: AccessError.throttled) { _ = try await throttle.begin("a3", address: "2001:0db8:0001:0002::77") }
        await throttle.finish(try await throttle.begin("a4", address: "2001:db8:1:3::1"), succeeded: false)
    }

    @Test func aRefusalByTheUsernameGateCostsTheAddressNothing() async throws {
        let throttle = LoginThrottle(policy: Self.policy(base: .seconds(600), maximum: .seconds(600), addressFailures: 2))
        let first = try await throttle.begin("margarete", address: "203.0.113.7")
        await throttle.finish(first, succeeded: false)
        // The next attempt for margarete would wait 10 minutes; cancelling its wait makes it give up.
        let waiting = Task { try await throttle.begin("margarete", address: "203.0.113.7") }
        try await Task.sleep(for: .milliseconds(50))
        waiting.cancel()
        await #expect(throws: AccessError.throttled) { _ = try await waiting.value }
        // One failure spent; the refusal gave its attempt back, so one more remains.
        await throttle.finish(try await throttle.begin("jonas", address: "203.0.113.7"), succeeded: false)
        await #expect(throws: AccessError.throttled) { _ = try await throttle.begin("lena", address: "203.0.113.7") }
    }
}

@Suite("AddressPrefix and LoginAddressBuckets: what the per-address login bucket keys on, and how it refills")
struct LoginAddressBucketTests {
    @Test func addressesAreReducedToWhatIdentifiesAClient() {
        #expect(AddressPrefix.bytes(of: "203.0.113.7") == [4, 203, 0, 113, 7])
        #expect(AddressPrefix.bytes(of: "::ffff:203.0.113.7") == [4, 203, 0, 113, 7], "IPv4-mapped is IPv4")
        let v6 = AddressPrefix.bytes(of: "2001:db8:1:2::1")
        #expect(v6 == [6, 0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 2])
        #expect(AddressPrefix.bytes(of: "2001:db8:1:2:aaaa:bbbb:cccc:dddd") == v6)
        #expect(AddressPrefix.bytes(of: "2001:db8:1:2::1%eth0") == v6, "a zone is not part of the address")
        #expect(AddressPrefix.bytes(of: "2001:db8:1:2::/64") == v6, "a prefix as the web layer may hand it over")
        #expect(AddressPrefix.bytes(of: "2001:db8:1:3::1") != v6)
        #expect(AddressPrefix.bytes(of: "unknown") == [0] + Array("unknown".utf8))
    }

    @Test func aBucketRefillsOverItsWindow() {
        var buckets = LoginAddressBuckets(failures: 2, window: .seconds(60), now: 1_000)
        #expect(buckets.take("203.0.113.7", now: 1_000) != nil)
        #expect(buckets.take("203.0.113.7", now: 1_000) != nil)
        #expect(buckets.take("203.0.113.7", now: 1_010) == nil, "a third of a token is not enough")
        #expect(buckets.take("203.0.113.7", now: 1_031) != nil, "half the window gives one back")
        #expect(buckets.take("203.0.113.7", now: 1_031) == nil)
    }

    @Test func theKeyAndTheBucketsAreDroppedEveryDay() {
        var buckets = LoginAddressBuckets(failures: 1, window: .seconds(3600), now: 86_400 * 3 + 100)
        let today = buckets.take("203.0.113.7", now: 86_400 * 3 + 100)
        #expect(today != nil)
        #expect(buckets.take("203.0.113.7", now: 86_400 * 3 + 200) == nil)
        let tomorrow = buckets.take("203.0.113.7", now: 86_400 * 4 + 1)
        #expect(tomorrow != nil, "a new day starts with full buckets")
        #expect(tomorrow != today, "under a new key, so the days cannot be linked")
        #expect(buckets.count == 1)
    }
}
