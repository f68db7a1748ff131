import Foundation
import SichtbarTesting
import Synchronization
import Testing

@testable import Members
@testable import SichtbarCore

/// Counts what concurrent attempts got from the throttle, and how many were admitted at once.
final class LoginOutcomes: Sendable {
    private struct State {
        var admitted = 0
        var refused = 0
        var running = 0
        var mostAtOnce = 0
    }

    private let state = Mutex(State())
    func admit() {
        state.withLock {
            $0.admitted += 1
            $0.running += 1
            $0.mostAtOnce = max($0.mostAtOnce, $0.running)
        }
    }
    func done() { state.withLock { $0.running -= 1 } }
    func refuse() { state.withLock { $0.refused += 1 } }
    var admitted: Int { state.withLock { $0.admitted } }
    var refused: Int { state.withLock { $0.refused } }
    var mostAtOnce: Int { state.withLock { $0.mostAtOnce } }
}

/// A clock that moves only when told, so delays and forgetting do not depend on how busy the
/// test machine is.
final class ManualClock: Sendable {
    private let instant = Mutex(ContinuousClock.now)
    var now: ContinuousClock.Instant { instant.withLock { $0 } }
    func advance(by duration: Duration) { instant.withLock { $0 += duration } }
}

@Suite("LoginThrottle: one attempt per username at a time, failures counted before the hash, delays, per-address buckets")
struct LoginThrottleTests {
    static func policy(
        base: Duration = .milliseconds(100), maximum: Duration = .milliseconds(1000),
        forgetAfter: Duration = .seconds(3600), addressFailures: Int = 1000
    ) -> AccessPolicy {
        var policy = AccessPolicy()
        policy.baseDelay = base
        policy.maximumDelay = maximum
        policy.forgetFailuresAfter = forgetAfter
        policy.addressFailures = addressFailures
        return policy
    }

    static func throttle(_ policy: AccessPolicy, clock: ManualClock) -> LoginThrottle {
        LoginThrottle(policy: policy, now: { clock.now })
    }

    /// One attempt that fails after `hash` (standing in for Argon2id), or is refused.
    static func failingAttempt(
        _ throttle: LoginThrottle, _ username: String, address: String? = nil,
        hash: Duration = .milliseconds(50), outcomes: LoginOutcomes
    ) async {
        do {
            let attempt = try await throttle.begin(username, address: address)
            outcomes.admit()
            try? await Task.sleep(for: hash)
            outcomes.done()
            await throttle.finish(attempt, succeeded: false)
        } catch {
            #expect(error as? AccessError == .throttled)
            outcomes.refuse()
        }
    }

    @Test func delaysDoubleUpToTheCapAndRunFromTheLastFailure() async throws {
        let clock = ManualClock()
        let throttle = Self.throttle(Self.policy(base: .milliseconds(100), maximum: .milliseconds(800)), clock: clock)
        #expect(await throttle.delay(for: "margarete") == .zero)
        var seen: [Duration] = []
        for _ in 0..<6 {
            clock.advance(by: .seconds(1))  // past the last delay
            let attempt = try await throttle.begin("margarete")
            clock.advance(by: .milliseconds(30))  // the hash
            await throttle.finish(attempt, succeeded: false)
            seen.append(await throttle.delay(for: "margarete"))
        }
        #expect(seen == [100, 200, 400, 800, 800, 800].map { Duration.milliseconds($0) }, "counted from the end of the failure")
    }

    @Test func anAttemptCountsAsFailedBeforeItsHashRunsAndSuccessClearsIt() async throws {
        let clock = ManualClock()
        let throttle = Self.throttle(Self.policy(base: .seconds(5), maximum: .seconds(5)), clock: clock)
        let attempt = try await throttle.begin("margarete")
        // The hash has not run yet, and the attempt already counts: a crash or a hung hash here
        // leaves the failure behind.
        #expect(await throttle.failureCount(for: "margarete") == 1)
        #expect(await throttle.delay(for: "margarete") == .seconds(5))
        await throttle.finish(attempt, succeeded: true)
        #expect(await throttle.failureCount(for: "margarete") == 0, "a success clears the count")
        #expect(await throttle.delay(for: "margarete") == .zero)
    }

    @Test func usernamesAreComparedWithoutCaseAndOthersAreUnaffected() async throws {
        let clock = ManualClock()
        let throttle = Self.throttle(Self.policy(base: .seconds(5), maximum: .seconds(5)), clock: clock)
        await throttle.finish(try await throttle.begin("Margarete"), succeeded: false)
        #expect(await throttle.delay(for: "MARGARETE") == .seconds(5))
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

    @Test func twentyParallelFailingAttemptsCostOneHashWhileTheDelayRuns() async throws {
        // Time stands still: the first attempt's delay never passes, so everyone else waits for
        // it until they give up (cancelled, as a client that closes the connection).
        let clock = ManualClock()
        let throttle = Self.throttle(Self.policy(base: .seconds(60), maximum: .seconds(60)), clock: clock)
        let outcomes = LoginOutcomes()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 { group.addTask { await Self.failingAttempt(throttle, "margarete", outcomes: outcomes) } }
            while outcomes.admitted == 0 { try? await Task.sleep(for: .milliseconds(20)) }
            try? await Task.sleep(for: .milliseconds(200))
            group.cancelAll()
        }
        #expect(outcomes.admitted == 1)
        #expect(outcomes.refused == 19)
        #expect(await throttle.refusals == 19)
        #expect(await throttle.failureCount(for: "margarete") == 1)
    }

    @Test func withoutADelayParallelAttemptsStillRunOneAtATime() async {
        let throttle = LoginThrottle(policy: Self.policy(base: .zero, maximum: .zero))
        let outcomes = LoginOutcomes()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 { group.addTask { await Self.failingAttempt(throttle, "margarete", outcomes: outcomes) } }
        }
        #expect(outcomes.mostAtOnce == 1, "never two hashes for one username at once")
        #expect(outcomes.refused >= 3, "at most 16 wait; the others are refused at once")
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
        let clock = ManualClock()
        let throttle = Self.throttle(Self.policy(base: .seconds(10), maximum: .seconds(10), forgetAfter: .seconds(60)), clock: clock)
        await throttle.finish(try await throttle.begin("margarete"), succeeded: false)
        clock.advance(by: .seconds(59))
        #expect(await throttle.failureCount(for: "margarete") == 1)
        clock.advance(by: .seconds(2))
        #expect(await throttle.failureCount(for: "margarete") == 0)
        #expect(await throttle.delay(for: "margarete") == .zero)
    }

    // MARK: per-address bucket

    @Test func anAddressRunsOutOfFailuresAcrossUsernames() async throws {
        let throttle = LoginThrottle(policy: Self.policy(addressFailures: 3), wallClock: { 1_000_000 })
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
        let throttle = LoginThrottle(policy: Self.policy(addressFailures: 2), wallClock: { 1_000_000 })
        for index in 0..<10 {
            await throttle.finish(try await throttle.begin("member\(index)", address: "203.0.113.7"), succeeded: true)
        }
        await throttle.finish(try await throttle.begin("member10", address: "203.0.113.7"), succeeded: false)
        await throttle.finish(try await throttle.begin("member11", address: "203.0.113.7"), succeeded: false)
        await #expect(throws: AccessError.throttled) { _ = try await throttle.begin("member12", address: "203.0.113.7") }
    }

    @Test func anIPv6AddressIsBucketedByItsSlash64() async throws {
        let throttle = LoginThrottle(policy: Self.policy(addressFailures: 2), wallClock: { 1_000_000 })
        await throttle.finish(try await throttle.begin("a1", address: "2001:db8:1:2::1"), succeeded: false)
        await throttle.finish(try await throttle.begin("a2", address: "2001:db8:1:2:ffff:ffff:ffff:9"), succeeded: false)
        await #expect(throws: AccessError.throttled) { _ = try await throttle.begin("a3", address: "2001:0db8:0001:0002::77") }
        await throttle.finish(try await throttle.begin("a4", address: "2001:db8:1:3::1"), succeeded: false)
    }

    @Test func aRefusalByTheUsernameGateCostsTheAddressNothing() async throws {
        let clock = ManualClock()
        let throttle = LoginThrottle(
            policy: Self.policy(base: .seconds(600), maximum: .seconds(600), addressFailures: 2),
            now: { clock.now }, wallClock: { 1_000_000 })
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
