import Casework
import Foundation
import SichtbarCore
import Statistics
import Testing

@Suite("ε as exact fractions and the yearly privacy ledger")
struct PrivacyLedgerTests {
    private func epsilon(_ text: String) throws -> Epsilon { try #require(Epsilon(text)) }

    @Test func policyTextParsesToReducedFractions() throws {
        let cases: [(String, UInt64, UInt64)] = [
            ("0.5", 1, 2), ("1", 1, 1), ("1/3", 1, 3), ("2/6", 1, 3), ("0.125", 1, 8), ("10", 10, 1),
            ("0.000001", 1, 1_000_000), ("3/2", 3, 2), ("0.10", 1, 10), ("007", 7, 1), ("10/1", 10, 1),
        ]
        for (text, numerator, denominator) in cases {
            let value = try epsilon(text)
            #expect(value.numerator == numerator && value.denominator == denominator, "\(text)")
        }
        let refused = [
            "", "0", "0.0", "0/5", "-1", "-0.5", "1/0", "abc", " 1", "1 ", "1.", ".5", "0.0000001",
            "1/1000001", "11", "10.000001", "21/2", "1e-1", "½", "1/2/3", "0,5", "+1",
            "9999999999999999999", "1/99999999999999999999",
        ]
        for text in refused {
            #expect(Epsilon(text) == nil, "\(text)")
        }
        #expect(try epsilon("2/6").description == "1/3" && (try epsilon("4/2")).description == "2")
    }

    @Test func arithmeticIsExact() throws {
        let third = try epsilon("1/3")
        let half = try epsilon("1/2")
        #expect(half.adding(third) == Epsilon(numerator: 5, denominator: 6))
        #expect(half.subtracting(third) == Epsilon(numerator: 1, denominator: 6))
        #expect(third.subtracting(half) == nil)
        #expect(third.multiplied(by: 6) == Epsilon(numerator: 2, denominator: 1))
        #expect(third < half && half > third && third.adding(third)?.adding(third) == Epsilon(numerator: 1, denominator: 1))
        // Comparison cross-multiplies in 128 bits: no overflow near the 64-bit limit.
        let big = try #require(Epsilon(numerator: UInt64.max - 1, denominator: UInt64.max))
        let bigger = try #require(Epsilon(numerator: UInt64.max, denominator: UInt64.max - 1))
        #expect(big < bigger && !(bigger < big))
        #expect(big.adding(bigger) == nil)  // does not fit: reported, not rounded
        let data = try JSONEncoder().encode([third, half, Epsilon.zero])
        #expect(String(decoding: data, as: UTF8.self) == #"["1\/3","1\/2","0"]"#)
        #expect(try JSONDecoder().decode([Epsilon].self, from: data) == [third, half, .zero])
    }

    @Test func theYearlyCapIsEnforcedExactly() throws {
        let cap = try epsilon("1")
        let q1 = try #require(StatPeriod("2026-Q1"))
        let q2 = try #require(StatPeriod("2026-Q2"))
        let year = try #require(StatPeriod("2026"))
        let day = try #require(Day(iso: "2026-07-03"))
        var ledger = PrivacyLedger()
        #expect(ledger.admit(try epsilon("1/2"), year: 2026, cap: cap) == .admitted(remaining: try epsilon("1/2")))
        #expect(
            ledger.record(PrivacyLedgerEntry(releaseID: "r1", period: q1, epsilon: try epsilon("1/2"), day: day), cap: cap)
                == .admitted(remaining: try epsilon("1/2")))
        #expect(
            ledger.record(PrivacyLedgerEntry(releaseID: "r2", period: q2, epsilon: try epsilon("1/3"), day: day), cap: cap)
                == .admitted(remaining: try epsilon("1/6")))
        #expect(ledger.spent(year: 2026) == Epsilon(numerator: 5, denominator: 6))
        // 1/2 + 1/3 + 1/3 = 7/6 > 1: refused, and not recorded.
        guard
            case .refused(let reason) = ledger.record(
                PrivacyLedgerEntry(releaseID: "r3", period: year, epsilon: try epsilon("1/3"), day: day), cap: cap)
        else {
            Issue.record("the release past the cap was admitted")
            return
        }
        #expect(reason.contains("7/6") && reason.contains("cap of 1"))
        #expect(ledger.entries.count == 2)
        // Exactly up to the cap is allowed; then nothing more, not even a little.
        #expect(
            ledger.record(PrivacyLedgerEntry(releaseID: "r4", period: year, epsilon: try epsilon("1/6"), day: day), cap: cap)
                == .admitted(remaining: .zero))
        guard case .refused = ledger.admit(try epsilon("0.000001"), year: 2026, cap: cap) else {
            Issue.record("a spent budget admitted more")
            return
        }
        // A new year starts fresh; the year is the data's, not the day the release is made.
        let nextYear = try #require(StatPeriod("2027-Q1"))
        let january = try #require(Day(iso: "2027-01-15"))
        #expect(
            ledger.record(PrivacyLedgerEntry(releaseID: "r5", period: nextYear, epsilon: try epsilon("1/3"), day: january), cap: cap)
                == .admitted(remaining: try epsilon("2/3")))
        let lateRelease = PrivacyLedgerEntry(releaseID: "r6", period: year, epsilon: try epsilon("1/3"), day: january)
        guard case .refused = ledger.record(lateRelease, cap: cap) else {
            Issue.record("a 2026 release made in 2027 escaped 2026's cap")
            return
        }
        // A release is charged once.
        guard
            case .refused(let duplicate) = ledger.record(
                PrivacyLedgerEntry(releaseID: "r5", period: nextYear, epsilon: try epsilon("1/3"), day: january), cap: cap)
        else {
            Issue.record("a release id was recorded twice")
            return
        }
        #expect(duplicate.contains("already"))
        guard case .refused = ledger.admit(.zero, year: 2027, cap: cap) else {
            Issue.record("ε = 0 was admitted")
            return
        }
        // Persisted by others: it round-trips as JSON.
        let data = try JSONEncoder().encode(ledger)
        #expect(try JSONDecoder().decode(PrivacyLedger.self, from: data) == ledger)
        #expect(String(decoding: data, as: UTF8.self).contains(#""period":"2026-Q1""#))
    }
}
