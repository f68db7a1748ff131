import Foundation
import SichtbarTesting
import Testing

@testable import Workflow

/// The default deadline rules against dates worked out by hand (§§ 187, 188, 193 BGB, NRW holidays).
@Suite("DeadlineTracker: the default rules against hand-worked dates")
struct DeadlineTrackerTests {
    let tracker: DeadlineTracker

    init() throws {
        tracker = DeadlineTracker(policy: try defaultWorkflow())
    }

    /// In a case of every legal field unless `fields` names them (the field rules have their own matrix test).
    func status(
        _ rule: String, _ events: [(String, String)], manual: [ManualDeadline] = [], fields: Set<String>? = nil,
        today: String
    ) -> DeadlineStatus? {
        tracker.deadlines(
            events: events.map { RecordedEvent(code: $0.0, on: day($0.1)) }, manual: manual,
            fields: fields ?? tracker.policy.allFieldCodes, today: day(today)
        )
        .first { $0.rule == rule }
    }

    @Test func firstResponseSevenDaysAfterIntake() throws {
        // Received Sat 2026-11-21; + 7 days = Sat 2026-11-28 → Monday 2026-11-30 (§ 193).
        let first = try #require(status("erste_rueckmeldung", [("eingang", "2026-11-21")], today: "2026-11-23"))
        #expect(first.due == day("2026-11-30"))
        #expect(first.state == .dueSoon)
        #expect(first.start == day("2026-11-21"))
        let met = try #require(
            status(
                "erste_rueckmeldung", [("eingang", "2026-11-21"), ("erstkontakt_erfolgt", "2026-11-24")],
                today: "2026-12-10"))
        #expect(met.state == .met)
        let late = try #require(status("erste_rueckmeldung", [("eingang", "2026-11-21")], today: "2026-12-01"))
        #expect(late.state == .overdue)
        #expect(
            status("erste_rueckmeldung", [("eingang", "2026-11-21")], today: "2026-11-30")?.state == .dueSoon,
            "the last day itself is still in time")
    }

    @Test func agg15ChainsIntoArbgg61b() throws {
        // Rejection received Tue 2026-03-03: two months → Sun 2026-05-03 → Mon 2026-05-04.
        let claim = try #require(status("agg_15_4", [("ablehnung_zugegangen", "2026-03-03")], today: "2026-03-10"))
        #expect(claim.due == day("2026-05-04"))
        #expect(claim.state == .open)
        #expect(
            status("arbgg_61b", [("ablehnung_zugegangen", "2026-03-03")], today: "2026-03-10") == nil,
            "§ 61b ArbGG runs only once the claim is sent")
        // Claim sent Thu 2026-04-30: § 15 met; § 61b three months → Thu 2026-07-30, a working day.
        let events = [("ablehnung_zugegangen", "2026-03-03"), ("anspruch_geltend_gemacht", "2026-04-30")]
        #expect(status("agg_15_4", events, today: "2026-05-10")?.state == .met)
        let suit = try #require(status("arbgg_61b", events, today: "2026-07-20"))
        #expect(suit.due == day("2026-07-30"))
        #expect(suit.state == .dueSoon)
        #expect(status("arbgg_61b", events + [("klage_erhoben", "2026-07-29")], today: "2026-08-20")?.state == .met)
    }

    @Test func theLatestStartingEventCounts() throws {
        // Harassment on 2026-01-10 and again on 2026-02-20: two months from the last → 2026-04-20 (Monday).
        let harassment = try #require(
            status(
                "agg_15_4", [("letzte_belaestigung", "2026-01-10"), ("letzte_belaestigung", "2026-02-20")],
                today: "2026-03-01"))
        #expect(harassment.due == day("2026-04-20"))
        // A claim sent before the newest start does not meet it.
        let stale = status(
            "agg_15_4", [("anspruch_geltend_gemacht", "2026-01-15"), ("letzte_belaestigung", "2026-02-20")],
            today: "2026-03-01")
        #expect(stale?.state == .open)
    }

    @Test func monthEndsAndHolidays() throws {
        // Objection period (§ 84 SGG, one month) from Sat 2026-01-31 → 2026-02-28 (Saturday) → Mon 2026-03-02.
        #expect(status("sgg_84", [("sozialbescheid_zugegangen", "2026-01-31")], today: "2026-02-01")?.due == day("2026-03-02"))
        // § 74 VwGO, one month from Tue 2026-03-03 → Fri 2026-04-03, Karfreitag → Tue 2026-04-07 after Easter Monday.
        #expect(status("vwgo_74", [("bescheid_zugegangen", "2026-03-03")], today: "2026-03-04")?.due == day("2026-04-07"))
        // § 77b StGB, three months from Sat 2026-02-28 → Thu 2026-05-28 (no holiday: Pfingstmontag is 25 May).
        #expect(status("stgb_77b", [("tat_und_taeter_bekannt", "2026-02-28")], today: "2026-03-01")?.due == day("2026-05-28"))
        // § 77b StGB from Sat 2026-03-07 → Sun 2026-06-07, and it stays there: whether § 43 Abs. 2 StPO
        // moves a complaint period is disputed, so the earlier day is the one shown.
        #expect(status("stgb_77b", [("tat_und_taeter_bekannt", "2026-03-07")], today: "2026-03-08")?.due == day("2026-06-07"))
        // The same Sunday end of a § 74 VwGO month (from Thu 2026-05-07 → Sun 2026-06-07) moves to Monday.
        #expect(status("vwgo_74", [("bescheid_zugegangen", "2026-05-07")], today: "2026-05-08")?.due == day("2026-06-08"))
        // Art. 12(3) DSGVO, one month from Wed 2026-11-25 → Fri 2026-12-25, Christmas → Mon 2026-12-28.
        #expect(status("dsgvo_12_3", [("loeschung_verlangt", "2026-11-25")], today: "2026-11-26")?.due == day("2026-12-28"))
        // § 58 Abs. 2 VwGO, a year from Thu 2024-02-29 → 2025-02-28, a Friday.
        #expect(status("vwgo_58", [("bescheid_ohne_belehrung_zugegangen", "2024-02-29")], today: "2024-03-01")?.due == day("2025-02-28"))
    }

    @Test func overridesAndOwnDeadlines() throws {
        let override = ManualDeadline(rule: "agg_15_4", label: "", due: day("2026-04-24"), reason: "Zugang erst später nachgewiesen")
        let overridden = try #require(status("agg_15_4", [("ablehnung_zugegangen", "2026-03-03")], manual: [override], today: "2026-04-01"))
        #expect(overridden.due == day("2026-04-24"))
        #expect(overridden.overridden)
        #expect(overridden.manualID == override.id)

        let wiedervorlage = ManualDeadline(rule: nil, label: "Wiedervorlage: Antwort der Schule", due: day("2026-12-01"), reason: nil)
        let all = tracker.deadlines(
            events: [RecordedEvent(code: "eingang", on: day("2026-11-21"))], manual: [wiedervorlage],
            fields: tracker.policy.allFieldCodes, today: day("2026-11-21"))
        #expect(all.map(\.rule) == ["erste_rueckmeldung", "manuell"], "sorted by end")
        #expect(all[1].label == "Wiedervorlage: Antwort der Schule")
        #expect(all[1].state == .dueSoon)
        var done = wiedervorlage
        done.done = true
        #expect(tracker.nextDue(events: [], manual: [done], fields: [], today: day("2026-11-21")) == nil)
        #expect(
            tracker.nextDue(
                events: [RecordedEvent(code: "eingang", on: day("2026-11-21"))], manual: [wiedervorlage],
                fields: tracker.policy.alwaysFieldCodes, today: day("2026-11-21")) == day("2026-11-30"))
    }

    @Test func warningsStartFourteenDaysBefore() throws {
        // Due Mon 2026-05-04: on 2026-04-19 it is 15 days away (open), on 2026-04-20 fourteen (due soon).
        #expect(status("agg_15_4", [("ablehnung_zugegangen", "2026-03-03")], today: "2026-04-19")?.state == .open)
        #expect(status("agg_15_4", [("ablehnung_zugegangen", "2026-03-03")], today: "2026-04-20")?.state == .dueSoon)
        #expect(status("agg_15_4", [("ablehnung_zugegangen", "2026-03-03")], today: "2026-05-05")?.state == .overdue)
    }
}
