import Foundation
import SichtbarTesting
import Testing

@testable import SichtbarCore
@testable import Workflow

/// Every event of Policies/workflow.yaml in a case of every legal field, against deadlines
/// worked out by hand from the statutes (docs/deadlines.md cites each). The event happens on
/// Tuesday 2026-03-31, a month's last day, so month ends are in play:
/// - 7 days → Tue 2026-04-07 (Easter Monday is 6 April);
/// - 3 weeks → Tue 2026-04-21 (§ 188 Abs. 2 BGB: the weekday of the event);
/// - 1 month → 30 April (§ 188 Abs. 3 BGB: April has no 31st), a Thursday;
/// - 2 months → 31 May, a Sunday → Mon 2026-06-01 (§ 193 BGB; Whit Monday is 25 May);
/// - 3 months → Tue 2026-06-30;
/// - 1 year → Wed 2027-03-31.
/// A new event or field without a row here fails the test: someone must work its deadlines out.
@Suite("Deadline matrix: every event × legal field against the statutes")
struct DeadlineMatrixTests {
    typealias Expected = [String: [String: String]]  // field → rule → due day

    static let eventDay = "2026-03-31"
    static let fields = ["beratung", "beschaeftigung", "zivilrecht", "oeffentliches_recht", "strafrecht", "datenschutz"]
    static let always = ["beratung", "datenschutz"]

    /// The deadlines each event starts, by field; a field not named starts nothing. The
    /// always-fields (beratung, datenschutz) belong to every case, so their rules start in each.
    static let table: [String: Expected] = [
        // Erste Rückmeldung: the office's own standard, 7 days.
        "eingang": everyField(["erste_rueckmeldung": "2026-04-07"]),
        "erstkontakt_erfolgt": [:],
        // § 15 Abs. 4 AGG: two months from the rejection's receipt.
        "ablehnung_zugegangen": ["beschaeftigung": ["agg_15_4": "2026-06-01"]],
        // § 15 Abs. 4 AGG: two months from the (last) harassment known.
        "letzte_belaestigung": ["beschaeftigung": ["agg_15_4": "2026-06-01"]],
        // § 4 KSchG: three weeks for the action; § 15 Abs. 4 AGG for compensation, two months.
        "kuendigung_zugegangen": ["beschaeftigung": ["kschg_4": "2026-04-21", "agg_15_4": "2026-06-01"]],
        // § 61b Abs. 1 ArbGG: three months after the written claim — in employment only. In a
        // civil case the claim meets § 21 Abs. 5 AGG and starts nothing (§ 195 BGB: three years).
        "anspruch_geltend_gemacht": ["beschaeftigung": ["arbgg_61b": "2026-06-30"]],
        // § 21 Abs. 5 AGG: two months.
        "benachteiligung_bekannt": ["zivilrecht": ["agg_21_5": "2026-06-01"]],
        "klage_erhoben": [:],
        // §§ 70, 74 VwGO: one month.
        "bescheid_zugegangen": ["oeffentliches_recht": ["vwgo_74": "2026-04-30"]],
        // § 58 Abs. 2 VwGO, § 66 Abs. 2 SGG: one year.
        "bescheid_ohne_belehrung_zugegangen": ["oeffentliches_recht": ["vwgo_58": "2027-03-31"]],
        // § 84 Abs. 1 SGG: one month.
        "sozialbescheid_zugegangen": ["oeffentliches_recht": ["sgg_84": "2026-04-30"]],
        "widerspruch_erhoben": [:],
        // § 74 Abs. 1 VwGO, § 87 Abs. 2 SGG: one month after the decision on the objection.
        "widerspruchsbescheid_zugegangen": ["oeffentliches_recht": ["klage_nach_widerspruch": "2026-04-30"]],
        // § 77b Abs. 1, 2 StGB: three months from knowing offence and offender.
        "tat_und_taeter_bekannt": ["strafrecht": ["stgb_77b": "2026-06-30"]],
        "strafantrag_gestellt": [:],
        // Art. 12 Abs. 3 DSGVO: one month (Regulation 1182/71 counts as the BGB does here).
        "loeschung_verlangt": everyField(["dsgvo_12_3": "2026-04-30"]),
        "auskunft_verlangt": everyField(["dsgvo_12_3_auskunft": "2026-04-30"]),
        "auskunft_erteilt": [:],
        "loeschung_erledigt": [:],
        "loeschung_zurueckgenommen": [:],
    ]

    static func everyField(_ rules: [String: String]) -> Expected {
        Dictionary(uniqueKeysWithValues: fields.map { ($0, rules) })
    }

    @Test func theTableCoversThePolicy() throws {
        let policy = try defaultWorkflow()
        #expect(Set(Self.table.keys) == Set(policy.events.map(\.code)), "every event of the policy has a row, and no row is stale")
        #expect(Set(Self.fields) == policy.allFieldCodes, "every legal field is a column")
        #expect(Set(Self.always) == policy.alwaysFieldCodes)
        // Every rule is expected somewhere, in its own field only.
        let expectedRules = Set(Self.table.values.flatMap { $0.values.flatMap(\.keys) })
        #expect(expectedRules == Set(policy.deadlines.map(\.code)))
    }

    @Test(arguments: fields)
    func everyEventInField(_ field: String) throws {
        let tracker = DeadlineTracker(policy: try defaultWorkflow())
        let caseFields = Set([field] + Self.always)
        for (event, byField) in Self.table {
            let found = tracker.deadlines(
                events: [RecordedEvent(code: event, on: try day(Self.eventDay))], manual: [],
                fields: caseFields, today: try day(Self.eventDay))
            let got = Dictionary(uniqueKeysWithValues: found.map { ($0.rule, $0.due.iso) })
            // Rules of the always-fields start in every case, whichever column this is.
            let expected = ([field] + Self.always).reduce(into: [String: String]()) { result, column in
                result.merge(byField[column] ?? [:]) { first, _ in first }
            }
            #expect(got == expected, "\(event) in a case of \(field)")
            #expect(found.allSatisfy { $0.state == .open || $0.state == .dueSoon })
        }
    }

    /// Each rule is met by each of its `met_by` events recorded on or after its start, and never
    /// by one recorded before; a rule never runs outside its field.
    @Test func everyRuleIsMetByItsEventsInItsField() throws {
        let policy = try defaultWorkflow()
        let tracker = DeadlineTracker(policy: policy)
        for rule in policy.deadlines {
            for start in rule.from {
                for meeting in rule.metBy {
                    let events = [
                        RecordedEvent(code: start, on: try day("2026-03-31")), RecordedEvent(code: meeting, on: try day("2026-04-02")),
                    ]
                    let inField = tracker.deadlines(events: events, manual: [], fields: [rule.field], today: try day("2026-04-03"))
                    #expect(inField.first { $0.rule == rule.code }?.state == .met, "\(rule.code): \(start) then \(meeting)")
                    let early = [
                        RecordedEvent(code: meeting, on: try day("2026-03-30")), RecordedEvent(code: start, on: try day("2026-03-31")),
                    ]
                    let notMet = tracker.deadlines(events: early, manual: [], fields: [rule.field], today: try day("2026-04-03"))
                    #expect(notMet.first { $0.rule == rule.code }?.state != .met, "\(rule.code): \(meeting) before \(start) meets nothing")
                }
                for other in policy.allFieldCodes.subtracting([rule.field]) {
                    let outside = tracker.deadlines(
                        events: [RecordedEvent(code: start, on: try day("2026-03-31"))], manual: [],
                        fields: [other], today: try day("2026-04-01"))
                    #expect(!outside.contains { $0.rule == rule.code }, "\(rule.code) runs in \(other)")
                }
            }
        }
    }

    /// The reported case: a housing case (area wohnen) whose claim is asserted gets § 21 Abs. 5
    /// AGG met and no § 61b ArbGG; the same events in an employment case chain into it.
    @Test func aHousingClaimStartsNoLabourCourtDeadline() throws {
        let policy = try defaultWorkflow()
        let taxonomy = try Taxonomy.load(from: Repository.taxonomy)
        let tracker = DeadlineTracker(policy: policy)
        let housing = Set(policy.classifiedFields(areas: ["wohnen"], forms: [], taxonomy: taxonomy)).union(policy.alwaysFieldCodes)
        #expect(housing == ["zivilrecht", "beratung", "datenschutz"])
        let events = [
            RecordedEvent(code: "benachteiligung_bekannt", on: try day("2026-03-02")),
            RecordedEvent(code: "anspruch_geltend_gemacht", on: try day("2026-03-31")),
        ]
        let found = tracker.deadlines(events: events, manual: [], fields: housing, today: try day("2026-04-01"))
        #expect(found.map(\.rule) == ["agg_21_5"])
        #expect(found.first?.state == .met)
        let work = Set(policy.classifiedFields(areas: ["arbeitssuche"], forms: [], taxonomy: taxonomy)).union(policy.alwaysFieldCodes)
        let employment = tracker.deadlines(
            events: [
                RecordedEvent(code: "ablehnung_zugegangen", on: try day("2026-03-02")),
                RecordedEvent(code: "anspruch_geltend_gemacht", on: try day("2026-03-31")),
            ],
            manual: [], fields: work, today: try day("2026-04-01"))
        #expect(employment.map(\.rule).sorted() == ["agg_15_4", "arbgg_61b"])
    }

    /// The classification maps to fields: a child takes its parent's field unless named itself
    /// (Weiterbildung is civil, the rest of Bildung public), forms add criminal law.
    @Test func classificationImpliesFields() throws {
        let policy = try defaultWorkflow()
        let taxonomy = try Taxonomy.load(from: Repository.taxonomy)
        try policy.check(against: taxonomy)
        #expect(policy.classifiedFields(areas: ["schule"], forms: [], taxonomy: taxonomy) == ["oeffentliches_recht"])
        #expect(policy.classifiedFields(areas: ["weiterbildung"], forms: [], taxonomy: taxonomy) == ["zivilrecht"])
        #expect(
            policy.classifiedFields(areas: ["jobcenter"], forms: ["beleidigung"], taxonomy: taxonomy) == [
                "oeffentliches_recht", "strafrecht",
            ])
        #expect(policy.classifiedFields(areas: ["oeffentlicher_raum"], forms: ["bedrohung"], taxonomy: taxonomy) == [])
        #expect(policy.classifiedFields(areas: [], forms: [], taxonomy: taxonomy) == [])
        // A field naming an unknown taxonomy code is refused at start-up.
        let broken = try WorkflowPolicy.parse(
            try String(contentsOf: Repository.workflow, encoding: .utf8)
                .replacingOccurrences(of: "areas: [wohnen,", with: "areas: [wohnungen,"), file: "workflow.yaml")
        #expect(throws: PolicyError.self) { try broken.check(against: taxonomy) }
    }

    /// Events offered per field: an employment-only event is not offered in a housing case.
    @Test func manualEventsFollowTheFields() throws {
        let policy = try defaultWorkflow()
        let housing = policy.manualEvents(in: ["zivilrecht", "beratung", "datenschutz"]).map(\.code)
        #expect(housing.contains("benachteiligung_bekannt"))
        #expect(housing.contains("anspruch_geltend_gemacht"))
        #expect(!housing.contains("ablehnung_zugegangen"))
        #expect(!housing.contains("kuendigung_zugegangen"))
        #expect(!housing.contains("bescheid_zugegangen"))
        #expect(housing.contains("auskunft_verlangt"), "data protection belongs to every case")
    }

    func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }
}
