import SichtbarTesting
import Testing

@testable import Intake
@testable import SichtbarCore

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
        let submission = ReportSubmission(
            language: "de", narrative: "Bericht", region: region, contactWish: "none", office: chosen, consent: true)
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

    @Test func aRegionNobodyServesGoesToTheFallbackOffice() throws {
        let verband = makeOffice("Verband", fallback: true)
        #expect(try office(region: "05111", chosen: nil, offices: [dortmund, verband, koeln]) == verband)
        #expect(try office(region: nil, chosen: nil, offices: [koeln, verband]) == verband)
        #expect(try office(region: "", chosen: nil, offices: [verband, dortmund]) == verband)
    }

    /// Without a fallback, an unserved region is refused naming `office`, never sent to some office.
    @Test func withoutAFallbackAnUnservedRegionIsRefused() throws {
        for region in ["05111", nil] {
            let error = #expect(throws: FieldError.self) { try office(region: region, chosen: nil, offices: [dortmund, koeln]) }
            #expect(error?.field == "office")
        }
    }

    /// A single office is everyone's office: it is the fallback without being marked.
    @Test func aSingleOfficeTakesEveryRegion() throws {
        #expect(try office(region: "05111", chosen: nil, offices: [koeln]) == koeln)
        #expect(try office(region: nil, chosen: nil, offices: [koeln, makeOffice("Ohne Hinweise", notice: false)]) == koeln)
    }

    /// An office whose privacy notice lacks controller, law or DPO takes no report: not when
    /// chosen, not for its region, not as the fallback.
    @Test func anOfficeWithoutACompleteNoticeTakesNoReport() throws {
        let incomplete = makeOffice("Essen", regions: ["05113"], notice: false, fallback: true)
        let chosen = #expect(throws: FieldError.self) {
            try office(region: nil, chosen: incomplete.id.hex, offices: [incomplete, koeln, dortmund])
        }
        #expect(chosen?.field == "office")
        let byRegion = #expect(throws: FieldError.self) {
            try office(region: "05113", chosen: nil, offices: [incomplete, koeln, dortmund])
        }
        #expect(byRegion?.field == "office")
        let none = #expect(throws: FieldError.self) { try office(region: nil, chosen: nil, offices: [incomplete]) }
        #expect(none?.message.contains("privacy notice") == true)
        for gap in ["controller", "law", "dpo"] {
            var profile = koeln.profile
            switch gap {
            case "controller": profile.controller = " "
            case "law": profile.law = nil
            default: profile.dpo = nil
            }
            #expect(profile.noticeGaps == [gap])
            #expect(!profile.takesReports)
        }
    }

    /// Consent is required: absent or false, 422 naming `consent`, checked after the content.
    @Test func withoutConsentNothingIsAccepted() throws {
        for consent in [nil, false] as [Bool?] {
            let submission = ReportSubmission(
                language: "de", narrative: "Bericht", contactWish: "none", office: koeln.id.hex, consent: consent)
            let error = #expect(throws: FieldError.self) { try validator.validate(submission, offices: [koeln], today: today) }
            #expect(error?.field == "consent")
            #expect(error?.code == .validationFailed)
        }
        let emptyToo = ReportSubmission(language: "de", narrative: " ", contactWish: "none", consent: false)
        let first = #expect(throws: FieldError.self) { try validator.validate(emptyToo, offices: [koeln], today: today) }
        #expect(first?.field == "narrative", "the content's problems are named first")
    }
}
