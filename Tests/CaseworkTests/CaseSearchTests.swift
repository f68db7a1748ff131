import Casework
import Foundation
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

@Suite("The case list searched by category code: the scan of sealed classifications")
struct CaseSearchTests {
    /// A phone case with `title`, recorded by `session`.
    static func phoneCase(_ title: String, service: CaseworkService, by session: Session) async throws -> EntityID {
        try await service.create(
            NewCaseInput(kind: "beratungsfall", channel: "telefon", title: title, persons: [], contact: nil, note: nil),
            by: session)
    }

    @Test func aCodeMatchesItselfNotALongerCodeAndFlagsAndRegionsCount() async throws {
        let fixture = try await ServiceFixture.make()
        let counsellor = try await fixture.login("berater.a1")
        let service = fixture.casework
        func record(_ title: String) async throws -> EntityID { try await Self.phoneCase(title, service: service, by: counsellor) }
        let parent = try await record("Arbeit")
        let child = try await record("Arbeitssuche")
        let flagged = try await record("Mehrdimensional")
        _ = try await record("Nicht eingeordnet")
        try await service.classify(parent, codes: ["area": ["arbeit"]], flags: [], region: nil, by: counsellor)
        try await service.classify(child, codes: ["area": ["arbeitssuche"]], flags: [], region: "05913", by: counsellor)
        try await service.classify(
            flagged, codes: ["ground": ["lebensalter", "sprache"]], flags: ["mehrdimensional"], region: nil,
            by: counsellor)

        func search(_ code: String, limit: Int = 50) async throws -> [EntityID] {
            try await service.list(CaseListFilter(query: code, limit: limit), for: counsellor).items.map(\.id)
        }
        #expect(Set(try await search("arbeit")) == [parent, child], "a parent brings its subtypes")
        #expect(try await search("arbeitssuche") == [child], "a quoted match: 'arbeitssuche' is not 'arbeit'")
        #expect(try await search("05913") == [child], "the region")
        #expect(try await search("mehrdimensional") == [flagged], "a flag")
        #expect(try await search("sprache") == [flagged], "the second code of a multi-valued facet")
        #expect(try await search("wohnen").isEmpty)
        // The matches come whole, with their titles, and page like the plain list.
        let page = try await service.list(CaseListFilter(query: "lebensalter", limit: 1), for: counsellor)
        #expect(page.items.map(\.title) == ["Mehrdimensional"])
    }

    @Test func aSearchPagesThroughMoreMatchesThanAPageHolds() async throws {
        let fixture = try await ServiceFixture.make()
        let counsellor = try await fixture.login("berater.a1")
        var classified: Set<EntityID> = []
        for index in 0..<7 {
            let id = try await fixture.casework.create(
                NewCaseInput(
                    kind: "meldung", channel: "email", title: "Fall \(index)", persons: [],
                    contact: nil, note: nil), by: counsellor)
            if index % 2 == 0 {
                try await fixture.casework.classify(id, codes: ["ground": ["antisemitismus"]], flags: [], region: nil, by: counsellor)
                classified.insert(id)
            }
        }
        var seen: [EntityID] = []
        var cursor: CaseCursor?
        repeat {
            let page = try await fixture.casework.list(CaseListFilter(query: "antisemitismus", after: cursor, limit: 2), for: counsellor)
            seen += page.items.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(seen.count == classified.count && Set(seen) == classified)
    }

    /// The hint's own example, labels in any spelling, and a word of the sealed titles.
    @Test func labelsAndTitlesAreFoundToo() async throws {
        let fixture = try await ServiceFixture.make()
        let counsellor = try await fixture.login("berater.a1")
        let service = fixture.casework
        func record(_ title: String) async throws -> EntityID { try await Self.phoneCase(title, service: service, by: counsellor) }
        let disability = try await record("Rollstuhl im Bürgeramt")
        let housing = try await record("Absage Hausverwaltung Süd")
        let muslim = try await record("Kopftuch im Praktikum")
        try await service.classify(
            disability, codes: ["ground": ["behinderung_chronische_krankheit"], "area": ["sonstige_behoerde"]], flags: [],
            region: "05315", by: counsellor)
        try await service.classify(housing, codes: ["ground": ["lebensalter"], "area": ["wohnen"]], flags: [], region: nil, by: counsellor)
        try await service.classify(muslim, codes: ["ground": ["antimuslimisch"]], flags: [], region: nil, by: counsellor)
        func search(_ text: String) async throws -> Set<EntityID> {
            Set(try await service.list(CaseListFilter(query: text, limit: 50), for: counsellor).items.map(\.id))
        }
        #expect(try await search("behinderung") == [disability], "the hint's example: part of a label")
        #expect(try await search("Wohnen") == [housing], "a label as it is written")
        #expect(try await search("köln") == [disability], "a region by name")
        #expect(try await search("Koeln") == [disability], "umlaut spelt out")
        #expect(try await search("Rassistische Zuschreibung") == [muslim], "a parent's label brings its subtypes")
        #expect(try await search("hausverwaltung") == [housing], "no category: a word of the title")
        #expect(try await search("kopftuch") == [muslim])
        #expect(try await search("xyzzy").isEmpty)
        #expect(CaseSearch.reading("hausverwaltung", taxonomy: service.taxonomy) == .title("hausverwaltung"))
        #expect(CaseSearch.reading("Wohnen", taxonomy: service.taxonomy) == .categories(["wohnen"]))
    }
}
