import Casework
import Foundation
import SichtbarCore
import SichtbarTesting
import Testing

/// The retention rules as a pure function: each kind's day, its edges at month ends, leap days
/// and the turn of the year, the earliest rule winning, and the legal hold.
@Suite struct RetentionScheduleTests {
    let schedule = RetentionSchedule(policy: RetentionPolicy())
    let office = EntityID.random()

    func day(_ iso: String) -> Day { Day(iso: iso)! }

    func candidate(
        kind: String, step: String = "erstkontakt", received: String = "2025-01-10", classified: String? = nil,
        closed: String? = nil, requested: String? = nil, hold: Bool = false
    ) -> RetentionCandidate {
        RetentionCandidate(
            id: .random(), officeID: office, kind: kind, step: step, receivedOn: day(received),
            classifiedOn: classified.map(day), closedOn: closed.map(day), deletionRequestedOn: requested.map(day), legalHold: hold)
    }

    @Test(arguments: [
        // A Meldung goes three months after its first classification; a shorter month ends the period early (§ 188 (3) BGB).
        ("2025-03-14", "2025-06-14"), ("2025-11-30", "2026-02-28"), ("2023-11-30", "2024-02-29"), ("2024-02-29", "2024-05-29"),
        ("2025-12-31", "2026-03-31"),
    ])
    func aClassifiedReportGoesThreeMonthsLater(classified: String, goes: String) {
        let due = schedule.due(candidate(kind: "meldung", classified: classified))
        #expect(due?.kind == .report)
        #expect(due?.goesOn == day(goes))
        #expect(due?.isDue(on: day(goes)) == true)
        #expect(due?.isDue(on: day(goes).adding(days: -1)) == false)
    }

    @Test(arguments: [
        ("2024-02-29", "2024-08-29", "2025-02-28"), ("2025-01-31", "2025-07-31", "2026-01-31"), ("2025-08-31", "2026-02-28", "2026-08-31"),
    ])
    func anUnclassifiedReportIsFlaggedAfterSixMonthsAndGoesAfterTwelve(received: String, flagged: String, goes: String) {
        let due = schedule.due(candidate(kind: "meldung", step: "eingegangen", received: received))
        #expect(due?.kind == .unclassified)
        #expect(due?.flaggedOn == day(flagged))
        #expect(due?.goesOn == day(goes))
    }

    @Test(arguments: ["beratungsfall", "organisationsberatung"])
    func aClosedCaseGoesAtTheEndOfTheThirdYearAfterItsClosingYear(kind: String) {
        for closed in ["2023-01-01", "2023-12-31"] {
            let due = schedule.due(candidate(kind: kind, step: "abschluss", closed: closed))
            #expect(due?.kind == .closedCase)
            #expect(due?.goesOn == day("2027-01-01"), "closed \(closed): the limitation period ends 2026-12-31")
            #expect(due?.isDue(on: day("2026-12-31")) == false)
        }
    }

    @Test func anOpenCounsellingCaseNeverGoesByItself() {
        #expect(schedule.due(candidate(kind: "beratungsfall", step: "intervention")) == nil)
        #expect(
            schedule.due(candidate(kind: "organisationsberatung", step: "sachverhaltsklaerung", classified: "2020-01-01")) == nil,
            "an open counselling case goes neither for its classification nor for its age")
    }

    @Test func aDeletionRequestIsCarriedOutWithinItsMonth() {
        let due = schedule.due(candidate(kind: "beratungsfall", step: "loeschung_beantragt", requested: "2025-01-31"))
        #expect(due?.kind == .deletionRequest)
        #expect(due?.goesOn == day("2025-02-28"), "a month from 31 January ends on the last day of February")
        let report = schedule.due(
            candidate(kind: "meldung", step: "loeschung_beantragt", classified: "2025-01-02", requested: "2025-03-01"))
        #expect(report?.kind == .deletionRequest, "the request's month ends before the report's three months")
        #expect(report?.goesOn == day("2025-04-01"))
    }

    @Test func theEarliestRuleWins() {
        // Classified long ago, deletion requested today: the report's period is over first.
        let due = schedule.due(candidate(kind: "meldung", step: "loeschung_beantragt", classified: "2025-01-02", requested: "2025-06-01"))
        #expect(due?.kind == .report)
        #expect(due?.goesOn == day("2025-04-02"))
        // A closed case with a deletion request late in the year: the turn of the year comes first.
        let closed = schedule.due(
            candidate(kind: "beratungsfall", step: "loeschung_beantragt", closed: "2022-05-01", requested: "2025-12-20"))
        #expect(closed?.kind == .closedCase)
        #expect(closed?.goesOn == day("2026-01-01"))
    }

    @Test func aLegalHoldSuspendsEveryRule() {
        for held in [
            candidate(kind: "meldung", classified: "2020-01-01", hold: true),
            candidate(kind: "beratungsfall", step: "abschluss", closed: "2015-01-01", hold: true),
            candidate(kind: "beratungsfall", step: "loeschung_beantragt", requested: "2020-01-01", hold: true),
        ] {
            let due = schedule.due(held)
            #expect(due?.held == true)
            #expect(due?.isDue(on: day("2030-01-01")) == false)
        }
    }

    @Test func longerPeriodsFromThePolicyAreApplied() throws {
        let policy = try RetentionPolicy.parse(
            """
            version: "2"
            report_months_after_classification: 6
            closed_case_years: 10
            unclassified: {flag_months: 2, delete_months: 3}
            deletion_request_months: 1
            """, file: "retention.yaml")
        let longer = RetentionSchedule(policy: policy)
        #expect(longer.due(candidate(kind: "meldung", classified: "2025-08-31"))?.goesOn == day("2026-02-28"))
        #expect(longer.due(candidate(kind: "beratungsfall", step: "abschluss", closed: "2025-07-01"))?.goesOn == day("2036-01-01"))
        #expect(longer.due(candidate(kind: "meldung", step: "eingegangen", received: "2025-11-30"))?.goesOn == day("2026-02-28"))
    }

    @Test func aPolicyThatWouldDeleteBeforeWarningIsRefused() {
        #expect(throws: PolicyError.self) {
            try RetentionPolicy.parse(
                """
                version: "1"
                report_months_after_classification: 3
                closed_case_years: 3
                unclassified: {flag_months: 12, delete_months: 6}
                deletion_request_months: 1
                """, file: "retention.yaml")
        }
    }
}
