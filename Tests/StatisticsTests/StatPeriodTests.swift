import Casework
import Foundation
import SichtbarCore
import Statistics
import Testing

@Suite("StatPeriod: only years and quarters, closed ones released")
struct StatPeriodTests {
    @Test func yearsAndQuartersParse() throws {
        let year = try #require(StatPeriod("2026"))
        #expect(year.range.from.iso == "2026-01-01" && year.range.to.iso == "2026-12-31")
        #expect(year.months.count == 12 && year.months.first == "2026-01" && year.months.last == "2026-12")
        let third = try #require(StatPeriod("2026-Q3"))
        #expect(third.range.from.iso == "2026-07-01" && third.range.to.iso == "2026-09-30")
        #expect(third.months == ["2026-07", "2026-08", "2026-09"])
        #expect(third.description == "2026-Q3")
        for refused in ["", "26", "2026-Q5", "2026-Q0", "2026-03", "2026-01-01..2026-02-01", "1999", "2026-q1", "2026-Q1-"] {
            #expect(StatPeriod(refused) == nil, "\(refused)")
        }
    }

    @Test func onlyClosedPeriodsCount() throws {
        let third = try #require(StatPeriod("2026-Q3"))
        #expect(!third.isClosed(today: try #require(Day(iso: "2026-09-30"))))
        #expect(third.isClosed(today: try #require(Day(iso: "2026-10-01"))))
    }

    @Test func aTableRoundTripsInTheContractsForm() throws {
        let period = try #require(StatPeriod("2026")).range
        let table = StatTable(
            name: "faelle_nach_lebensbereich", unit: "neue_faelle", period: period, taxonomy: "1", dimensions: ["area"],
            cells: [
                StatCell(key: ["area": "wohnen"], count: 12),
                StatCell(key: ["area": "bildung"], count: nil, suppressed: true, primary: true),
            ],
            margins: [StatCell(key: [:], count: 40)])
        let json = try JSONEncoder().encode(table)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains(#""count":null"#) && text.contains(#""suppressed":true"#) && !text.contains("multiValued"))
        #expect(text.contains(#""from":"2026-01-01""#))
        #expect(try JSONDecoder().decode(StatTable.self, from: json) == table)
    }
}
