import Casework
import Foundation
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing
import Workflow

@Suite("OfficeStatistics over the in-memory engine: a lead's tables for a closed period")
struct OfficeStatisticsTests {
    @Test func aClosedQuarterCountsClassifiedCasesTalliesAndUnclassifiedReports() async throws {
        // 2026-05-12: the second quarter, closed once July begins.
        let fixture = try await ServiceFixture.make(now: Date(timeIntervalSince1970: 1_778_580_000))
        let lead = try await fixture.login("lead.a")
        let counsellor = try await fixture.login("berater.a1")
        let service = fixture.casework
        var ids: [EntityID] = []
        for title in ["Fall 1", "Fall 2", "Fall 3"] {
            ids.append(
                try await service.create(
                    NewCaseInput(
                        kind: "beratungsfall", channel: "telefon", title: title, persons: [], contact: nil,
                        note: nil), by: counsellor))
        }
        try await service.classify(
            ids[0], codes: ["ground": ["antisemitismus"], "area": ["wohnen"]], flags: [], region: "05315", by: counsellor)
        try await service.classify(
            ids[1], codes: ["ground": ["antimuslimisch", "lebensalter"], "area": ["arbeit"]], flags: [], region: nil,
            by: counsellor)
        try await service.transition(ids[1], TransitionRequest(from: "eingegangen", to: "erstkontakt"), by: counsellor)
        try await service.transition(
            ids[1], TransitionRequest(from: "erstkontakt", to: "abschluss", outcome: "kurzberatung"), by: counsellor)
        _ = try await fixture.report()
        try await service.recordTally(channel: "telefon", ground: nil, referral: nil, by: counsellor)
        // Office B's classified case never shows in office A's tables.
        let other = try await fixture.login("berater.b")
        let foreign = try await service.create(
            NewCaseInput(
                kind: "beratungsfall", channel: "telefon", title: "B", persons: [], contact: nil,
                note: nil), by: other)
        try await service.classify(foreign, codes: ["ground": ["antisemitismus"]], flags: [], region: nil, by: other)

        let statistics = try fixture.officeStatistics()
        let quarter = try #require(StatPeriod("2026-Q2"))
        await #expect(
            throws: FieldError.invalid(field: "period", message: "2026-Q2 is not over yet; only closed quarters and years are released")
        ) {
            _ = try await statistics.tables(for: quarter, session: lead)
        }
        fixture.clock.advance(days: 60)
        await #expect(throws: AccessError.notFound, "counsellors do not release statistics") {
            _ = try await statistics.tables(for: quarter, session: counsellor)
        }
        let tables = try await statistics.tables(for: quarter, session: lead)
        #expect(Set(tables.map(\.name)) == Set(statistics.policy.tables(for: "quarterly").map(\.name)))
        func count(_ table: String, _ key: [String: String]) -> Int? {
            tables.first { $0.name == table }.flatMap { table in (table.cells + table.margins).first { $0.key == key }?.count }
        }
        #expect(count("ueberblick", [:]) == 2, "two of office A's cases are classified")
        #expect(count("ueberblick", ["kind": "beratungsfall"]) == 2)
        #expect(count("abgeschlossene_faelle_nach_art", [:]) == 1)
        #expect(count("faelle_nach_lebensbereich", ["area_top": "wohnen"]) == 1)
        #expect(
            count("faelle_nach_lebensbereich", ["area_top": "arbeit"]) == 1
                && count("faelle_nach_lebensbereich", ["area_top": "bildung"]) == 0)
        #expect(count("faelle_nach_merkmal", ["ground": "antisemitismus"]) == nil, "grounds are counted for the year only")
        #expect(count("kurzkontakte", [:]) == 1)
        #expect(count("nicht_klassifiziert", [:]) == 1, "the intake report nobody classified")
        let year = try await statistics.tables(for: try #require(StatPeriod("2025")), session: lead)
        #expect(year.count == statistics.policy.tables.count)
        #expect(year.first { $0.name == "ueberblick" }?.margins.first?.count == 0, "nothing arrived in 2025")
    }
}
