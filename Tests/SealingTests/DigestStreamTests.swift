import Testing

@testable import Sealing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("DigestStream: BLAKE2b fed in parts")
struct DigestStreamTests {
    @Test(arguments: [16, 32, 64])
    func equalsTheDigestOfTheJoinedParts(length: Int) {
        let parts: [[UInt8]] = [Array("sichtbar".utf8), [], [0, 1, 2, 255], [UInt8](repeating: 0xA5, count: 300)]
        var output = [UInt8](repeating: 0, count: length)
        output.withUnsafeMutableBytes { output in
            KeyedHash.digest(into: output) { stream in
                for part in parts { stream.update(part) }
                stream.update(bigEndian: 0x0102_0304_0506_0708)
            }
        }
        let joined: [UInt8] = parts.flatMap { $0 } + [1, 2, 3, 4, 5, 6, 7, 8]
        #expect(output == KeyedHash.digest(joined, length: length))
    }

    @Test func fieldsCarryTheirLength() {
        var withField = [UInt8](repeating: 0, count: 32)
        let bytes: [UInt8] = [9, 8, 7]
        withField.withUnsafeMutableBytes { output in
            KeyedHash.digest(into: output) { stream in
                bytes.withUnsafeBytes { stream.update(field: $0) }
            }
        }
        #expect(withField == KeyedHash.digest([0, 0, 0, 0, 0, 0, 0, 3, 9, 8, 7], length: 32))
    }

    @Test func borrowedComparisonIsExact() {
        let left: [UInt8] = [1, 2, 3]
        left.withUnsafeBytes { left in
            [UInt8]([1, 2, 3]).withUnsafeBytes { #expect(Sodium.constantTimeEqual(left, $0)) }
            [UInt8]([1, 2, 4]).withUnsafeBytes { #expect(!Sodium.constantTimeEqual(left, $0)) }
            [UInt8]([1, 2]).withUnsafeBytes { #expect(!Sodium.constantTimeEqual(left, $0)) }
        }
    }
}

@Suite("PassphraseHashingPool: hashing yields to everything else")
struct PassphraseHashingPoolPriorityTests {
    /// Workers run under SCHED_IDLE (5), or at the fallback nice value where that is refused.
    @Test func workersRunAtIdlePriority() async throws {
        let pool = PassphraseHashingPool(workers: 1, queueLimit: 2, maximumWait: .seconds(5), niceness: 10)
        let (policy, niceness) = try await pool.run { () -> (Int32, Int32) in
            #if canImport(Glibc)
                return (sched_getscheduler(0), getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))
            #else
                return (5, 10)
            #endif
        }
        #expect(policy == 5 || niceness == 10, "policy \(policy), nice \(niceness)")
    }
}
