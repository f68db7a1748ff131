import Casework
import Foundation
import Statistics
import Testing

@Suite("TableCounter: units, cohorts, Nennungen and margins against hand counts")
struct TableCounterTests {
    typealias F = StatisticsFixtures

    func count(
        _ name: String, _ facts: [CaseFacts], period: String = "2026",
        plain: TableCounter.PlainCounts = .init(kurzkontakte: 0, nichtKlassifiziert: 0)
    ) throws -> StatTable {
        let policy = try F.policy()
        let counter = TableCounter(vocabulary: try F.vocabulary())
        return counter.count(try #require(policy.table(name)), facts: facts, plain: plain, period: try #require(StatPeriod(period)))
    }

    func cell(_ table: StatTable, _ key: [String: String]) -> Int? {
        (table.cells + table.margins).first { $0.key == key }?.count
    }

    @Test func newClosedAndOpenCountTheRightCohorts() throws {
        let facts = [
            F.facts("2025-11"),  // arrived before: not new; open at the end of 2026
            F.facts("2025-12", closed: "2026-02", outcome: "erfolgreich"),  // closed in 2026
            F.facts("2026-03"),  // new, open
            F.facts("2026-05", kind: "meldung", closed: "2026-05", outcome: "dokumentiert"),
            F.facts("2026-12", closed: "2027-01"),  // new; closed after the period: open at its end
            F.facts("2027-01"),  // after the period: nowhere
        ]
        let new = try count("ueberblick", facts)
        #expect(cell(new, ["kind": "beratungsfall"]) == 2 && cell(new, ["kind": "meldung"]) == 1 && cell(new, [:]) == 3)
        #expect(cell(new, ["kind": "organisationsberatung"]) == 0, "zeros are listed")
        let closed = try count("abgeschlossene_faelle_nach_art", facts)
        #expect(cell(closed, [:]) == 2)
        let open = try count("offene_faelle_nach_art", facts)
        #expect(cell(open, [:]) == 3, "2025-11, 2026-03 and 2026-12 are open on 31 December 2026")
        let quarter = try count("ueberblick", facts, period: "2026-Q2")
        #expect(cell(quarter, [:]) == 1)
    }

    @Test func groundsAreNennungenAndSubtypesRollUpOnce() throws {
        let facts = [
            F.facts("2026-01", ground: ["antimuslimisch", "geschlecht_geschlechtsidentitaet"], area: "wohnen"),
            F.facts("2026-02", ground: ["antimuslimisch", "anti_schwarz"], area: "arbeit"),
            F.facts("2026-03", ground: ["antisemitismus"]),
            F.facts("2026-04"),
        ]
        let detail = try count("faelle_nach_merkmal", facts)
        #expect(!detail.additive && detail.multiValued == ["ground"])
        #expect(cell(detail, ["ground": "antimuslimisch"]) == 2 && cell(detail, ["ground": "anti_schwarz"]) == 1)
        #expect(cell(detail, ["ground": "keine_angabe"]) == 1)
        #expect(cell(detail, [:]) == 4, "the total counts cases, not Nennungen (5 + 1)")
        let crossed = try count("faelle_nach_merkmal_und_lebensbereich", facts)
        #expect(cell(crossed, ["ground_top": "rassistische_zuschreibung", "area_top": "wohnen"]) == 1)
        #expect(cell(crossed, ["ground_top": "rassistische_zuschreibung"]) == 2, "two subtypes of one case count once at the top")
        #expect(cell(crossed, ["area_top": "keine_angabe"]) == 2)
        #expect(cell(crossed, ["area_top": "wohnen"]) == 1, "a case with two grounds counts once in its area's margin")
        let vocabulary = try F.vocabulary()
        let grounds = vocabulary.codes(.facet("ground", topLevel: true))
        let areas = vocabulary.codes(.facet("area", topLevel: true))
        #expect(crossed.cells.count == grounds.count * areas.count, "every combination is listed, zeros included")
        #expect(crossed.margins.count == grounds.count + areas.count + 1)
        #expect(!grounds.contains("antimuslimisch") && grounds.contains("rassistische_zuschreibung") && grounds.last == "keine_angabe")
        #expect(crossed.cells.allSatisfy { $0.key.count == 2 } && crossed.margins.contains { $0.key.isEmpty })
    }

    @Test func regionsCountAtRegierungsbezirkAndUnknownCodesAreNotLost() throws {
        let facts = [
            F.facts("2026-01", area: "wohnen", region: "05111"),  // Düsseldorf → duesseldorf
            F.facts("2026-01", area: "wohnen", region: "05315"),  // Köln → koeln
            F.facts("2026-01", area: "nicht_im_katalog", region: "99999"),
        ]
        let table = try count("faelle_nach_lebensbereich_und_bezirk", facts)
        #expect(table.additive)
        #expect(cell(table, ["area_top": "wohnen", "regierungsbezirk": "duesseldorf"]) == 1)
        #expect(cell(table, ["area_top": "wohnen", "regierungsbezirk": "koeln"]) == 1)
        #expect(cell(table, ["area_top": "keine_angabe", "regierungsbezirk": "keine_angabe"]) == 1)
        #expect(table.cells.compactMap(\.count).reduce(0, +) == 3)
        #expect(!table.cells.contains { $0.key.values.contains("05111") }, "no Kreis appears")
    }

    @Test func plainCountsAndInterventions() throws {
        let contacts = try count("kurzkontakte", [], plain: .init(kurzkontakte: 17, nichtKlassifiziert: 4))
        #expect(contacts.cells == [StatCell(key: [:], count: 17)])
        let facts = [
            F.facts(
                "2026-01", closed: "2026-06", outcome: "erfolgreich",
                interventions: ["beschwerdebrief", "beschwerdebrief", "bitte_um_stellungnahme"])
        ]
        let table = try count("interventionen_und_ergebnis", facts)
        let letters = cell(table, ["intervention": "beschwerdebrief", "outcome": "erfolgreich"])
        #expect(letters == 1, "an intervention carried out twice is one Nennung")
    }
}
