import Synchronization
import Testing
@testable import Web

/// A clock the tests move by hand.
final class ManualClock: Sendable {
    let now = Mutex<Double>(1_800_000_000)
    func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
    var read: @Sendable () -> Double { { [self] in now.withLock { $0 } } }
}

@Suite struct FormTokensTests {
    @Test func aReportTokenIsGoodOnce() {
        let tokens = FormTokens()
        let token = tokens.issue(.report)
        #expect(tokens.redeem(token, for: .report) == .valid)
        #expect(tokens.redeem(token, for: .report) == .alreadyUsed)
    }

    @Test func aReadTokenMayBeReused() {
        let tokens = FormTokens()
        let token = tokens.issue(.mailboxRead)
        #expect(tokens.redeem(token, for: .mailboxRead) == .valid)
        #expect(tokens.redeem(token, for: .mailboxRead) == .valid)
    }

    @Test func aTokenServesOnlyItsPurposeAndItsServer() {
        let tokens = FormTokens()
        #expect(tokens.redeem(tokens.issue(.mailboxRead), for: .mailboxWithdraw) == .invalid)
        #expect(FormTokens().redeem(tokens.issue(.report), for: .report) == .invalid, "another key (a restart) refuses it")
        #expect(tokens.redeem("garbage", for: .report) == .invalid)
        #expect(tokens.redeem(nil, for: .report) == .invalid)
        var tampered = Array(tokens.issue(.report))
        tampered[3] = tampered[3] == "A" ? "B" : "A"
        #expect(tokens.redeem(String(tampered), for: .report) == .invalid)
    }

    @Test func aTokenExpiresAfterFourHours() {
        let clock = ManualClock()
        let tokens = FormTokens(now: clock.read)
        let token = tokens.issue(.report)
        clock.advance(FormTokens.lifetime + 1)
        #expect(tokens.redeem(token, for: .report) == .expired)
    }
}

@Suite struct RateLimiterTests {
    @Test func aBucketEmptiesAndRefills() {
        let clock = ManualClock()
        let limiter = RateLimiter(count: 3, per: 60, now: clock.read)
        #expect((0..<4).map { _ in limiter.allow("192.0.2.1") } == [true, true, true, false])
        #expect(limiter.allow("192.0.2.2"), "another address has its own bucket")
        clock.advance(20)
        #expect(limiter.allow("192.0.2.1"), "one request refilled after a third of the window")
        #expect(!limiter.allow("192.0.2.1"))
    }

    @Test func zeroTurnsTheCapOff() {
        let limiter = RateLimiter(count: 0, per: 60)
        #expect((0..<1000).allSatisfy { _ in limiter.allow("192.0.2.1") })
    }

    @Test func aNewDayForgetsEveryBucket() {
        let clock = ManualClock()
        let limiter = RateLimiter(count: 1, per: 86_400 * 30, now: clock.read)
        #expect(limiter.allow("192.0.2.1"))
        #expect(!limiter.allow("192.0.2.1"))
        clock.advance(86_400)
        #expect(limiter.allow("192.0.2.1"), "the daily key rotation drops yesterday's buckets")
    }
}
