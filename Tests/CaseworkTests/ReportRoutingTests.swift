import Testing
@testable import Casework

@Suite("ReportValidator routing: which office a report goes to")
struct ReportRoutingTests {
    let validator: ReportValidator
    let dortmund = makeOffice("Dortmund", regions: ["05913"])
    let koeln = makeOffice("Köln", regions: ["05315", "05316"])
    let today = Day(year: 2026, month: 7, day: 1)!

    init() throws {
        validator = ReportValidator(taxonomy: try realTaxonomy())
    }

    private func office(region: String?, chosen: String?, offices: [Office]) throws -> Office {
        let submission = ReportSubmission(language: "de", narrative: "Bericht", region: region, contactWish: "none", office: chosen)
        return try validator.validate(submission, offices: offices, today: today).office
    }

    @Test func anExplicitlyChosenOfficeWinsOverTheRegion() throws {
        #expect(try office(region: "05913", chosen: koeln.id.hex, offices: [dortmund, koeln]) == koeln)
        #expect(try office(region: "05315", chosen: dortmund.id.hex, offices: [dortmund, koeln]) == dortmund)
    }

    @Test func theChosenOfficeIDMayBeUpperCaseOrPadded() throws {
        #expect(try office(region: nil, chosen: " \(koeln.id.hex.uppercased()) ", offices: [dortmund, koeln]) == koeln)
    }

    @Test func withoutAChoiceTheOfficeServingTheRegionTakesIt() throws {
        #expect(try office(region: "05316", chosen: nil, offices: [dortmund, koeln]) == koeln)
        #expect(try office(region: "05913", chosen: nil, offices: [koeln, dortmund]) == dortmund)
        #expect(try office(region: "05315", chosen: "  ", offices: [dortmund, koeln]) == koeln)
    }

    @Test func aRegionNobodyServesGoesToTheFirstOffice() throws {
        #expect(try office(region: "05111", chosen: nil, offices: [dortmund, koeln]) == dortmund)
        #expect(try office(region: "05111", chosen: nil, offices: [koeln, dortmund]) == koeln)
    }

    @Test func noRegionGoesToTheFirstOffice() throws {
        #expect(try office(region: nil, chosen: nil, offices: [koeln, dortmund]) == koeln)
        #expect(try office(region: "", chosen: nil, offices: [dortmund, koeln]) == dortmund)
    }
}
