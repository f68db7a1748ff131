import Logging
import Testing

@testable import Web

/// The per-address connection cap behind the public listener (issue 13, item 9); the listener
/// itself is tried on the real binary in ConnectionEndToEndTests.
@Suite struct ConnectionLimiterTests {
    @Test func anAddressHoldsAtMostItsCapAndGetsPlacesBack() {
        let capture = LogCapture()
        let limiter = ConnectionLimiter(settings: ConnectionSettings(perAddress: 3), logger: capture.logger())
        var held: [[UInt8]] = []
        for _ in 0..<3 {
            guard case .counted(let hashed) = limiter.admit("203.0.113.9") else {
                Issue.record("not counted")
                return
            }
            held.append(hashed)
        }
        #expect(limiter.admit("203.0.113.9") == .refused)
        #expect(limiter.admit("2001:db8:5:6::1") != .refused, "another address has its own places")
        limiter.release(held[0])
        #expect(limiter.admit("203.0.113.9") != .refused, "a closed connection gives its place back")
        #expect(held.allSatisfy { $0 != Array("203.0.113.9".utf8) && $0.count == 16 }, "counted under a keyed hash")
        #expect(capture.all.count == 1, "the first refusal is logged at once: \(capture.all)")
        #expect(capture.all.allSatisfy { !$0.contains("203.0.113") }, "without the address")
    }

    @Test func ipv6IsCountedByItsSlash64AndTheProxyIsNotCounted() {
        let limiter = ConnectionLimiter(
            settings: ConnectionSettings(perAddress: 2, trustedProxy: "127.0.0.1"),
            logger: LogCapture().logger())
        #expect(limiter.admit("2001:db8:1:2::1") != .refused)
        #expect(limiter.admit("2001:db8:1:2::ffff") != .refused)
        #expect(limiter.admit("2001:db8:1:2:abcd::9") == .refused)
        for _ in 0..<10 { #expect(limiter.admit("127.0.0.1") == .uncounted) }
        #expect(limiter.admit(nil) == .uncounted)
        #expect(
            ConnectionLimiter(settings: ConnectionSettings(perAddress: 0), logger: LogCapture().logger()).admit("192.0.2.1") == .uncounted)
    }

    @Test func refusalsAreCountedAndReportedOncePerCall() {
        let capture = LogCapture()
        let limiter = ConnectionLimiter(settings: ConnectionSettings(perAddress: 1), logger: capture.logger())
        _ = limiter.admit("192.0.2.1")
        for _ in 0..<500 { _ = limiter.admit("192.0.2.1") }
        limiter.reportRefusals()
        #expect(capture.all.count == 2, "one line at once, one with the count: \(capture.all)")
        #expect(capture.all.last?.contains("500") == true)
        limiter.reportRefusals()
        #expect(capture.all.count == 2, "a quiet minute logs nothing")
        _ = limiter.admit("192.0.2.1")
        #expect(capture.all.count == 3, "after a quiet minute the next refusal is logged at once")
    }
}
