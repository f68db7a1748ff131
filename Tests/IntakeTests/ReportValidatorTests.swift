import SichtbarTesting
import Testing

@testable import Intake
@testable import Sealing
@testable import SichtbarCore

@Suite("ReportValidator: what a submitted report must satisfy")
struct ReportValidatorTests {
    let validator: ReportValidator
    let offices: [Office]
    let today = Day(year: 2026, month: 7, day: 1)!

    init() throws {
        validator = ReportValidator(taxonomy: try realTaxonomy())
        offices = [makeOffice("Dortmund", regions: ["05913", "05915"]), makeOffice("Köln", regions: ["05315"], fallback: true)]
    }

    /// A report that passes every check; tests change one field of it.
    static func valid() -> ReportSubmission {
        ReportSubmission(
            language: "de", narrative: "Die Wohnung wurde mir wegen meines Namens verweigert.",
            incidentDate: "2026-06-01", learnedDate: "2026-06-03",
            grounds: ["antisemitismus", "antimuslimisch"], area: "wohnen", region: "05913", role: "betroffen",
            contactWish: "mailbox", consent: true)
    }

    /// The failure `submission` is refused with; records an issue when it passes.
    private func failure(_ submission: ReportSubmission, sourceLocation: SourceLocation = #_sourceLocation) -> FieldError? {
        do throws(FieldError) {
            _ = try validator.validate(submission, offices: offices, today: today)
            Issue.record("the report was accepted", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    private func expectFailure(
        _ change: (inout ReportSubmission) -> Void, code: FieldError.Code, field: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var submission = Self.valid()
        change(&submission)
        guard let failure = failure(submission, sourceLocation: sourceLocation) else { return }
        #expect(failure.code == code, "\(failure.message)", sourceLocation: sourceLocation)
        #expect(failure.field == field, "\(failure.message)", sourceLocation: sourceLocation)
        #expect(!failure.message.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func aValidReportPasses() throws {
        let report = try validator.validate(Self.valid(), offices: offices, today: today)
        let content = report.content
        #expect(content.language == "de")
        #expect(content.narrative == "Die Wohnung wurde mir wegen meines Namens verweigert.")
        #expect(content.incidentDate == Day(iso: "2026-06-01"))
        #expect(content.learnedDate == Day(iso: "2026-06-03"))
        #expect(content.grounds == ["antisemitismus", "antimuslimisch"])
        #expect(content.area == "wohnen")
        #expect(content.region == "05913")
        #expect(content.role == "betroffen")
        #expect(content.contactWish == .mailbox)
        #expect(content.submittedOn == today)
        #expect(report.contact == nil)
        #expect(report.office == offices[0])
    }

    @Test func aMinimalReportPasses() throws {
        let report = try validator.validate(
            ReportSubmission(language: "en", narrative: "x", contactWish: "none", consent: true),
            offices: offices, today: today)
        #expect(report.content.grounds == [])
        #expect(report.content.incidentDate == nil)
        #expect(report.content.region == nil)
        #expect(report.content.contactWish == ContactWish.none)
    }

    @Test func theNarrativeIsTrimmedAndRepeatedGroundsKeptOnce() throws {
        var submission = Self.valid()
        submission.narrative = "  \n Text mit Rand \t\n"
        submission.grounds = ["antisemitismus", "lebensalter", "antisemitismus"]
        let report = try validator.validate(submission, offices: offices, today: today)
        #expect(report.content.narrative == "Text mit Rand")
        #expect(report.content.grounds == ["antisemitismus", "lebensalter"])
    }

    @Test func datesOnTheSameDayAndTodayPass() throws {
        var submission = Self.valid()
        submission.incidentDate = "2026-07-01"
        submission.learnedDate = "2026-07-01"
        let report = try validator.validate(submission, offices: offices, today: today)
        #expect(report.content.incidentDate == today)
    }

    @Test(arguments: ["fr", "DE", "", "de-DE"])
    func anUnknownLanguageIsAnUnknownCode(language: String) {
        expectFailure({ $0.language = language }, code: .unknownCode, field: "language")
    }

    @Test(arguments: ["", "   ", "\n\t \r\n"])
    func anEmptyNarrativeFails(narrative: String) {
        expectFailure({ $0.narrative = narrative }, code: .validationFailed, field: "narrative")
    }

    @Test func aNarrativeOf20001CharactersIsTooLarge() {
        expectFailure({ $0.narrative = String(repeating: "a", count: 20_001) }, code: .tooLarge, field: "narrative")
        expectFailure({ $0.narrative = String(repeating: "ä", count: 20_001) }, code: .tooLarge, field: "narrative")
    }

    @Test func aNarrativeOf20000CharactersPasses() throws {
        var submission = Self.valid()
        submission.narrative = String(repeating: "ä", count: 20_000)
        #expect(try validator.validate(submission, offices: offices, today: today).content.narrative.count == 20_000)
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "01.06.2026", "2026-6-1", "gestern"])
    func anInvalidDateFails(date: String) {
        expectFailure({ $0.incidentDate = date }, code: .validationFailed, field: "incidentDate")
        expectFailure({ $0.learnedDate = date }, code: .validationFailed, field: "learnedDate")
    }

    @Test func aDateInTheFutureFails() {
        expectFailure({ $0.incidentDate = "2026-07-02" }, code: .validationFailed, field: "incidentDate")
        expectFailure({ $0.learnedDate = "2027-01-01" }, code: .validationFailed, field: "learnedDate")
    }

    @Test func learningOfAnIncidentBeforeItHappenedFails() {
        expectFailure(
            {
                $0.incidentDate = "2026-06-10"
                $0.learnedDate = "2026-06-09"
            },
            code: .validationFailed, field: "learnedDate")
    }

    @Test(arguments: ["rassismus", "wohnen", "Antisemitismus", ""])
    func anUnknownGroundIsAnUnknownCode(ground: String) {
        expectFailure({ $0.grounds = ["antisemitismus", ground] }, code: .unknownCode, field: "grounds")
    }

    /// The form offers every ground, so as many as the taxonomy has may come; more cannot be honest.
    @Test func moreGroundsThanTheTaxonomyHasAreTooLarge() throws {
        let count = try #require(validator.taxonomy.facet("ground")?.codes.count)
        #expect(count > 12)
        expectFailure({ $0.grounds = Array(repeating: "antisemitismus", count: count + 1) }, code: .tooLarge, field: "grounds")
    }

    @Test(arguments: ["wohnung", "antisemitismus"])
    func anUnknownAreaIsAnUnknownCode(area: String) {
        expectFailure({ $0.area = area }, code: .unknownCode, field: "area")
    }

    @Test func anUnknownRoleIsAnUnknownCode() {
        expectFailure({ $0.role = "taeter" }, code: .unknownCode, field: "role")
    }

    @Test(arguments: ["05000", "5913", "Dortmund", "09162"])
    func anUnknownRegionIsAnUnknownCode(region: String) {
        expectFailure({ $0.region = region }, code: .unknownCode, field: "region")
    }

    @Test(arguments: ["email", "Mailbox", ""])
    func anUnknownContactWishIsAnUnknownCode(wish: String) {
        expectFailure({ $0.contactWish = wish }, code: .unknownCode, field: "contactWish")
    }

    @Test func wishingForContactWithoutContactDetailsFails() {
        expectFailure(
            {
                $0.contactWish = "contact"
                $0.contact = nil
            }, code: .validationFailed, field: "contact")
        expectFailure(
            {
                $0.contactWish = "contact"
                $0.contact = "   "
            }, code: .validationFailed, field: "contact")
    }

    @Test func contactDetailsAreKeptWhenContactIsWished() throws {
        var submission = Self.valid()
        submission.contactWish = "contact"
        submission.contact = "  Tel. 0231 123456  "
        let report = try validator.validate(submission, offices: offices, today: today)
        #expect(report.contact == "Tel. 0231 123456")
        #expect(report.content.contactWish == .contact)
    }

    @Test(arguments: ["mailbox", "none"])
    func contactDetailsWithoutTheWishForContactFail(wish: String) {
        expectFailure(
            {
                $0.contactWish = wish
                $0.contact = "mail@example.org"
            }, code: .validationFailed, field: "contact")
    }

    @Test func overlongContactDetailsAreTooLarge() {
        expectFailure(
            {
                $0.contactWish = "contact"
                $0.contact = String(repeating: "x", count: 501)
            },
            code: .tooLarge, field: "contact")
    }

    @Test(arguments: ["\u{0007}", "\u{0000}", "\u{001B}[31m", "\u{007F}", "\u{0085}"])
    func aControlCharacterInTheNarrativeFails(control: String) {
        expectFailure({ $0.narrative = "Erst\(control)dann" }, code: .validationFailed, field: "narrative")
    }

    @Test func aControlCharacterInTheContactFails() {
        expectFailure(
            {
                $0.contactWish = "contact"
                $0.contact = "Tel.\u{0008}0231"
            }, code: .validationFailed, field: "contact")
    }

    @Test func lineBreaksAndTabsAreAllowedInTheNarrative() throws {
        var submission = Self.valid()
        submission.narrative = "Erste Zeile\nzweite\r\nmit\tTab"
        #expect(try validator.validate(submission, offices: offices, today: today).content.narrative == "Erste Zeile\nzweite\r\nmit\tTab")
    }

    @Test func anUnknownOfficeIDIsAnUnknownCode() {
        expectFailure({ $0.office = EntityID.random().hex }, code: .unknownCode, field: "office")
        expectFailure({ $0.office = "not-an-id" }, code: .unknownCode, field: "office")
    }

    @Test func withoutAnyOfficeTheReportCannotBeRouted() {
        do throws(FieldError) {
            _ = try validator.validate(Self.valid(), offices: [], today: today)
            Issue.record("a report was accepted with no office to take it")
        } catch {
            #expect(error.field == "office")
        }
    }
}
