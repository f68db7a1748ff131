import Sealing
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

    @Test func everyTokenIsGoodOnce() {
        let tokens = FormTokens()
        for purpose in [FormTokens.Purpose.mailboxRead, .mailboxMessage, .mailboxWithdraw, .login, .enrol, .invite] {
            let token = tokens.issue(purpose)
            #expect(tokens.redeem(token, for: purpose) == .valid)
            #expect(tokens.redeem(token, for: purpose) == .alreadyUsed, "\(purpose)")
        }
    }

    @Test func aTokenCarriesTheHourAndLivesThreeToFourHours() {
        let clock = ManualClock()
        clock.advance(3599)
        let tokens = FormTokens(now: clock.read)
        // Both issued in the last second of an hour.
        let first = tokens.issue(.report)
        let second = tokens.issue(.report)
        clock.advance(3 * 3600)
        #expect(tokens.redeem(first, for: .report) == .valid, "the last second of the third hour after: still good")
        clock.advance(1)
        #expect(tokens.redeem(second, for: .report) == .expired, "the fourth hour after: expired")
        let message = Base64URL.decode(String(second.prefix { $0 != "." })) ?? []
        let issued = message[16..<24].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(issued == 500_000, "the hour number, not the second: \(issued)")
    }

    @Test func spentTokensAreBoundedWithoutReopeningAny() {
        let clock = ManualClock()
        let tokens = FormTokens(capacity: 100, now: clock.read)
        let first = (0..<100).map { _ in tokens.issue(.report) }
        #expect(first.allSatisfy { tokens.redeem($0, for: .report) == .valid })
        #expect(tokens.spentCount == 100)
        let sameHour = tokens.issue(.report)
        #expect(tokens.redeem(sameHour, for: .report) == .expired, "full with this hour's tokens: refused, nothing forgotten")
        clock.advance(3600)
        let next = tokens.issue(.report)
        #expect(tokens.redeem(next, for: .report) == .valid, "the oldest hour is dropped to make room")
        #expect(tokens.spentCount <= 100)
        #expect(first.allSatisfy { tokens.redeem($0, for: .report) == .expired }, "a dropped hour's tokens are expired, not reusable")
        #expect(tokens.redeem(next, for: .report) == .alreadyUsed)
    }

    @Test func spentTokensAreDroppedByTheHourOnATimer() {
        let clock = ManualClock()
        let tokens = FormTokens(now: clock.read)
        for _ in 0..<10 { _ = tokens.redeem(tokens.issue(.report), for: .report) }
        clock.advance(3 * 3600)
        tokens.prune()
        #expect(tokens.spentCount == 10, "still within their lifetime")
        clock.advance(3600)
        tokens.prune()
        #expect(tokens.spentCount == 0)
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

    @Test func anIPv6ClientIsCountedByItsSlash64() {
        let limiter = RateLimiter(count: 2, per: 3600)
        #expect(limiter.allow("2001:db8:1:2::1"))
        #expect(limiter.allow("2001:db8:1:2:ffff:ffff:ffff:ffff"))
        #expect(!limiter.allow("2001:0db8:0001:0002:0:0:0:abcd"), "a third address of the same /64 shares its bucket")
        #expect(limiter.allow("2001:db8:1:3::1"), "the next /64 has its own")
        #expect(limiter.allow("192.0.2.7"))
        #expect(limiter.allow("::ffff:192.0.2.7"))
        #expect(!limiter.allow("192.0.2.7"), "an IPv4-mapped address counts as the IPv4 address")
    }

    @Test func theLimitKeys() {
        #expect(ClientAddress.limitKey("2001:db8:1:2::1") == "20010db800010002::/64")
        #expect(ClientAddress.limitKey("[2001:db8:1:2::1]") == "20010db800010002::/64")
        #expect(ClientAddress.limitKey("fe80::1%eth0") == "fe80000000000000::/64")
        #expect(ClientAddress.limitKey("::ffff:10.0.0.1") == "10.0.0.1")
        #expect(ClientAddress.limitKey("10.0.0.1") == "10.0.0.1")
        #expect(ClientAddress.limitKey("unknown") == "unknown")
    }

    @Test func theBucketMapIsBounded() {
        let clock = ManualClock()
        let limiter = RateLimiter(count: 5, per: 3600, maxBuckets: 100, now: clock.read)
        for index in 0..<1000 {
            _ = limiter.allow("2001:db8:\(String(index, radix: 16))::1")
            clock.advance(0.001)
        }
        #expect(limiter.bucketCount <= 100)
    }

    @Test func refilledBucketsArePrunedOnATimer() {
        let clock = ManualClock()
        let limiter = RateLimiter(count: 3, per: 60, now: clock.read)
        for index in 0..<50 { _ = limiter.allow("192.0.2.\(index)") }
        #expect(limiter.bucketCount == 50)
        clock.advance(10)
        limiter.prune()
        #expect(limiter.bucketCount == 50, "not yet refilled")
        clock.advance(60)
        limiter.prune()
        #expect(limiter.bucketCount == 0, "refilled buckets carry nothing and are gone without any new request")
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
