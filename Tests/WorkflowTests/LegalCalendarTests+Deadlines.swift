import Foundation
import SichtbarTesting
import Testing

@testable import SichtbarCore
@testable import Workflow

extension LegalCalendarTests {
    // MARK: Deadlines

    @Test(arguments: [
        // § 15 Abs. 4 AGG, two months from receipt of the rejection: 3 Mar → 3 May, a Sunday
        // (1 May Friday + 2) → Monday 4 May.
        DeadlineCase(event: "2026-03-03", period: .months(2), unadjusted: "2026-05-03", end: "2026-05-04"),
        // Received 1 Mar → 1 May, a Friday but Tag der Arbeit → Sat 2 → Sun 3 → Monday 4 May.
        DeadlineCase(event: "2026-03-01", period: .months(2), unadjusted: "2026-05-01", end: "2026-05-04"),
        // § 61b ArbGG, three months from 28 Feb: the 28th, not "the last day of February" → 28 May,
        // a Thursday (1 May Fri + 27); Himmelfahrt is 14 May, Pfingstmontag 25 May, Fronleichnam 4 June: it stays.
        DeadlineCase(event: "2026-02-28", period: .months(3), unadjusted: "2026-05-28", end: "2026-05-28"),
        // 31 Jan + 1 month: February has no 31st → 28 Feb (§ 188 Abs. 3), a Saturday (1 Feb Sunday + 27)
        // → Sun 1 Mar → Monday 2 Mar.
        DeadlineCase(event: "2026-01-31", period: .months(1), unadjusted: "2026-02-28", end: "2026-03-02"),
        // 31 Jan + 2 months: March has a 31st → 31 Mar, a Tuesday (1 Mar Sunday + 30).
        DeadlineCase(event: "2026-01-31", period: .months(2), unadjusted: "2026-03-31", end: "2026-03-31"),
        // 31 Dec 2027 + 2 months → 29 Feb 2028 (leap year), a Tuesday (1 Jan 2028 Sat, 1 Feb Tue, + 28).
        DeadlineCase(event: "2027-12-31", period: .months(2), unadjusted: "2028-02-29", end: "2028-02-29"),
        // 31 Dec 2026 + 2 months → 28 Feb 2027, a Sunday (1 Feb 2027 Monday + 27) → Monday 1 Mar.
        DeadlineCase(event: "2026-12-31", period: .months(2), unadjusted: "2027-02-28", end: "2027-03-01"),
        // 31 Aug + 1 month → 30 Sep, a Wednesday (1 Sep Tuesday + 29).
        DeadlineCase(event: "2026-08-31", period: .months(1), unadjusted: "2026-09-30", end: "2026-09-30"),
        // 15 Jan + 2 months → 15 Mar, a Sunday (1 Mar Sunday + 14) → Monday 16 Mar.
        DeadlineCase(event: "2026-01-15", period: .months(2), unadjusted: "2026-03-15", end: "2026-03-16"),
        // Ends on Karfreitag, Fri 3 Apr → Sat 4 → Sun 5 (Easter) → Mon 6 (Ostermontag) → Tuesday 7 Apr.
        DeadlineCase(event: "2026-03-03", period: .months(1), unadjusted: "2026-04-03", end: "2026-04-07"),
        DeadlineCase(event: "2026-03-27", period: .days(7), unadjusted: "2026-04-03", end: "2026-04-07"),
        // Ends on Christi Himmelfahrt, Thu 14 May → Friday 15 May.
        DeadlineCase(event: "2026-04-14", period: .months(1), unadjusted: "2026-05-14", end: "2026-05-15"),
        // Ends on Pfingstmontag, Mon 25 May (11 May Monday + 2 weeks) → Tuesday 26 May.
        DeadlineCase(event: "2026-05-11", period: .weeks(2), unadjusted: "2026-05-25", end: "2026-05-26"),
        // Ends on Fronleichnam, Thu 4 Jun (1 Jun Monday + 3) → Friday 5 Jun.
        DeadlineCase(event: "2026-05-04", period: .months(1), unadjusted: "2026-06-04", end: "2026-06-05"),
        // Ends on Tag der Deutschen Einheit, Sat 3 Oct → Sun 4 → Monday 5 Oct.
        DeadlineCase(event: "2026-09-03", period: .months(1), unadjusted: "2026-10-03", end: "2026-10-05"),
        // Ends on Christmas Day, Fri 25 Dec → Sat 26 (2. Weihnachtstag) → Sun 27 → Monday 28 Dec.
        DeadlineCase(event: "2026-11-25", period: .months(1), unadjusted: "2026-12-25", end: "2026-12-28"),
        // Ends on Heiligabend, Thu 24 Dec (10 Dec Thursday + 2 weeks): no holiday, it stays.
        DeadlineCase(event: "2026-12-10", period: .weeks(2), unadjusted: "2026-12-24", end: "2026-12-24"),
        // Ends on Neujahr 2027, a Friday → Sat 2 → Sun 3 → Monday 4 Jan.
        DeadlineCase(event: "2026-12-01", period: .months(1), unadjusted: "2027-01-01", end: "2027-01-04"),
        // 14 days across the new year: 20 Dec + 11 = 31 Dec, + 3 = Sun 3 Jan 2027 → Monday 4 Jan.
        DeadlineCase(event: "2026-12-20", period: .days(14), unadjusted: "2027-01-03", end: "2027-01-04"),
        // Reformationstag 2017, Tue 31 Oct (17 Oct Tuesday + 2 weeks) → Wed 1 Nov Allerheiligen → Thursday 2 Nov.
        DeadlineCase(event: "2017-10-17", period: .weeks(2), unadjusted: "2017-10-31", end: "2017-11-02"),
        // 31 Oct 2018, a Wednesday, was no holiday in NRW: it stays.
        DeadlineCase(event: "2018-10-17", period: .weeks(2), unadjusted: "2018-10-31", end: "2018-10-31"),
        // 7 days from Saturday 21 Nov → Saturday 28 Nov → Sun 29 → Monday 30 Nov.
        DeadlineCase(event: "2026-11-21", period: .days(7), unadjusted: "2026-11-28", end: "2026-11-30"),
        // Zero days end on the event's day: Wednesday 4 Mar stays; Saturday 21 Nov moves to Monday 23 Nov.
        DeadlineCase(event: "2026-03-04", period: .days(0), unadjusted: "2026-03-04", end: "2026-03-04"),
        DeadlineCase(event: "2026-11-21", period: .days(0), unadjusted: "2026-11-21", end: "2026-11-23"),
        DeadlineCase(event: "2026-03-04", period: .months(0), unadjusted: "2026-03-04", end: "2026-03-04"),
        // Two weeks from Wednesday 4 Mar (1 Mar Sunday + 3) → Wednesday 18 Mar.
        DeadlineCase(event: "2026-03-04", period: .weeks(2), unadjusted: "2026-03-18", end: "2026-03-18"),
        // One week from Thu 22 Feb 2024 → Thursday 29 Feb, the leap day.
        DeadlineCase(event: "2024-02-22", period: .weeks(1), unadjusted: "2024-02-29", end: "2024-02-29"),
        // One year from the leap day: 2025 has no 29 Feb → 28 Feb 2025, a Friday (1 Feb 2025 Saturday + 27).
        DeadlineCase(event: "2024-02-29", period: .years(1), unadjusted: "2025-02-28", end: "2025-02-28"),
        // Four years from the leap day → 29 Feb 2028, a Tuesday.
        DeadlineCase(event: "2024-02-29", period: .years(4), unadjusted: "2028-02-29", end: "2028-02-29"),
        // Three years from Wed 4 Mar 2026 → 4 Mar 2029: 365 + 366 (29 Feb 2028) + 365 days move the weekday
        // by 1 + 2 + 1, Wednesday → Sunday → Monday 5 Mar 2029.
        DeadlineCase(event: "2026-03-04", period: .years(3), unadjusted: "2029-03-04", end: "2029-03-05"),
    ])
    func deadlineEnds(_ deadline: DeadlineCase) throws {
        let event = try Self.day(deadline.event)
        let unadjusted = nrw.unadjustedEnd(of: deadline.period, from: event)
        #expect(unadjusted == (try Self.day(deadline.unadjusted)))
        #expect(nrw.end(of: deadline.period, from: event) == (try Self.day(deadline.end)))
    }

    @Test func nextWorkingDayChainsOverEaster() throws {
        // Karfreitag 3 Apr 2026 → Sat 4 → Sun 5 → Ostermontag 6 → Tuesday 7 Apr.
        #expect(nrw.nextWorkingDay(onOrAfter: try Self.day("2026-04-03")) == (try Self.day("2026-04-07")))
        // A working day is its own next working day.
        #expect(nrw.nextWorkingDay(onOrAfter: try Self.day("2026-04-07")) == (try Self.day("2026-04-07")))
        #expect(nrw.nextWorkingDay(onOrAfter: try Self.day("2026-03-03")) == (try Self.day("2026-03-03")))
    }

    @Test func nextWorkingDaySkipsOnlyNonWorkingDays() throws {
        var day = try Self.day("2024-01-01")
        let last = try Self.day("2030-12-31")
        var problems: [String] = []
        while day <= last {
            let next = nrw.nextWorkingDay(onOrAfter: day)
            let gap = day.days(until: next)
            let skipped = (0..<max(gap, 0)).map { day.adding(days: $0) }
            // Never more than Karfreitag, Saturday, Easter Sunday and Ostermontag in a row.
            if !nrw.isWorkingDay(next) || gap < 0 || gap > 4 || skipped.contains(where: nrw.isWorkingDay) {
                problems.append("\(day) → \(next)")
            }
            day = day.adding(days: 1)
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func periodsOfWeeksMonthsAndYearsKeepTheEventsDay() throws {
        var generator = LCG(state: 0xDEAD_F21)
        let start = try Self.day("1990-01-01").epochDay
        let stop = try Self.day("2100-12-31").epochDay
        for _ in 0..<2000 {
            let event = try #require(Day(epochDay: Int.random(in: start...stop, using: &generator)))
            let count = Int.random(in: 0...40, using: &generator)

            // Weeks: the same weekday, 7 × n days later.
            let weeksEnd = nrw.unadjustedEnd(of: .weeks(count), from: event)
            #expect(weeksEnd.weekday == event.weekday && event.days(until: weeksEnd) == 7 * count)

            // Months: n calendar months later, with the event's number or the month's last day.
            let monthsEnd = nrw.unadjustedEnd(of: .months(count), from: event)
            let monthsApart = (monthsEnd.year - event.year) * 12 + monthsEnd.month - event.month
            let expectedDay = min(event.day, Day.daysIn(month: monthsEnd.month, year: monthsEnd.year))
            #expect(monthsApart == count && monthsEnd.day == expectedDay, "\(event) + \(count) months → \(monthsEnd)")

            // Years: twelve months each.
            #expect(nrw.unadjustedEnd(of: .years(count), from: event) == event.adding(months: 12 * count))

            // § 193 only ever moves the end later, onto a working day.
            let end = nrw.end(of: .days(count), from: event)
            #expect(end >= event.adding(days: count) && nrw.isWorkingDay(end))
        }
    }
}
