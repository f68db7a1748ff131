import Foundation
import SichtbarTesting
import Testing

@testable import SichtbarCore
@testable import Workflow

/// Weekday anchors used in the hand-worked comments below (worked out from 2026-01-01, a Thursday,
/// by adding each month's length modulo 7):
/// 2026: 1 Jan Thu, 1 Feb Sun, 1 Mar Sun, 1 Apr Wed, 1 May Fri, 1 Jun Mon, 1 Sep Tue, 1 Oct Thu, 1 Nov Sun, 1 Dec Tue.
/// 2027: 1 Jan Fri, 1 Feb Mon, 1 Mar Mon, 1 Apr Thu, 1 May Sat, 1 Oct Fri, 1 Nov Mon, 1 Dec Wed.
@Suite("LegalCalendar: deadline ends under §§ 187, 188, 193 BGB with the public holidays of NRW")
struct LegalCalendarTests {
    /// A deterministic pseudo-random source (Knuth's MMIX LCG, high bits mixed down), so every run checks the same days.
    struct LCG: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    /// One hand-worked deadline: the event, the period, the end by § 188 alone and the end after § 193.
    struct DeadlineCase: Sendable, CustomTestStringConvertible {
        let event: String
        let period: DeadlinePeriod
        let unadjusted: String
        let end: String

        var testDescription: String { "\(event) + \(period) → \(unadjusted) → \(end)" }
    }

    let nrw = LegalCalendar.nrw

    static func day(_ text: String) throws -> Day {
        try #require(Day(iso: text), "not a day: \(text)")
    }

    /// Noon UTC of `day` in Foundation's Gregorian calendar: the independent oracle for weekdays and spans.
    static func foundationDate(_ day: Day, in calendar: Calendar) throws -> Date {
        try #require(calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)))
    }

    static var utcGregorian: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }

    /// Easter Sunday by Lichtenberg's form of Gauss's rule: a second, differently built computus as an oracle.
    static func gaussEaster(_ year: Int) -> (month: Int, day: Int) {
        let k = year / 100
        let m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25  // secular moon shift
        let s = 2 - (3 * k + 3) / 4  // secular sun shift
        let a = year % 19
        let d = (19 * a + m) % 30  // seed for the first full moon in spring
        let r = (d + a / 11) / 29  // calendrical correction
        let og = 21 + d - r  // Paschal full moon as a date in March
        let sz = 7 - (year + year / 4 + s) % 7  // first Sunday in March
        let oe = 7 - (og - sz) % 7  // distance from the full moon to Easter Sunday
        let os = og + oe  // Easter as a date in March (32 = 1 April)
        return os > 31 ? (4, os - 31) : (3, os)
    }

    // MARK: Easter

    // Hand check by the Gregorian Paschal full moon table for 1900–2199 (golden number G = year mod 19 + 1):
    // Easter is the first Sunday strictly after the Paschal full moon.
    @Test(arguments: [
        (2024, "2024-03-31"),  // G 11: full moon Mon 25 Mar → Sun 31 Mar
        (2025, "2025-04-20"),  // G 12: full moon 13 Apr is itself a Sunday → the next Sunday, 20 Apr
        (2026, "2026-04-05"),  // G 13: full moon Thu 2 Apr → Sun 5 Apr
        (2027, "2027-03-28"),  // G 14: full moon Mon 22 Mar → Sun 28 Mar
        (2028, "2028-04-16"),  // G 15: full moon Mon 10 Apr → Sun 16 Apr
        (2038, "2038-04-25"),  // G 6: full moon 18 Apr is a Sunday → 25 Apr, the latest possible
        (1943, "1943-04-25"),  // G 6: full moon 18 Apr is a Sunday → 25 Apr, the latest possible
        (2000, "2000-04-23"),  // G 6: full moon Tue 18 Apr → Sun 23 Apr
        (2019, "2019-04-21"),  // G 6: full moon Thu 18 Apr → Sun 21 Apr
        // G 6 again, but in 2200–2299 the solar equation (2200 is no leap year) moves every Paschal full moon
        // one day later: 18 Apr becomes 19 Apr, which the rules replace by the full moon 29 days earlier,
        // Sat 21 Mar → Sun 22 Mar, the earliest possible.
        (2285, "2285-03-22"),
        (2008, "2008-03-23"),  // G 14: full moon Sat 22 Mar → Sun 23 Mar (the year Himmelfahrt fell on 1 May)
    ])
    func easterSundayMatchesTheHandWorkedDate(year: Int, expected: String) throws {
        let easter = LegalCalendar.easterSunday(in: year)
        #expect(easter == (try Self.day(expected)))
        #expect(easter.weekday == 7)
    }

    @Test func easterAgreesWithGaussForEveryYearFrom1900To9999() throws {
        var disagreements: [Int] = []
        var outOfBounds: [Int] = []
        for year in 1900...9999 {
            let easter = LegalCalendar.easterSunday(in: year)
            let gauss = Self.gaussEaster(year)
            if easter.month != gauss.month || easter.day != gauss.day { disagreements.append(year) }
            // Easter is a Sunday between 22 March and 25 April.
            let inBounds =
                easter.weekday == 7
                && (easter.month, easter.day) >= (3, 22) && (easter.month, easter.day) <= (4, 25)
            if !inBounds { outOfBounds.append(year) }
        }
        #expect(disagreements.isEmpty, "Meeus and Gauss disagree on \(disagreements.prefix(10))")
        #expect(outOfBounds.isEmpty, "Easter not a Sunday in 22 Mar – 25 Apr in \(outOfBounds.prefix(10))")
    }

    // MARK: Holidays

    @Test func allHolidaysOf2026() throws {
        // Easter Sunday 5 April 2026; the movable holidays are counted from it.
        let expected: [(String, String)] = [
            ("2026-01-01", "Neujahr"),  // Thursday
            ("2026-04-03", "Karfreitag"),  // Easter − 2, Friday
            ("2026-04-06", "Ostermontag"),  // Easter + 1, Monday
            ("2026-05-01", "Tag der Arbeit"),  // Friday
            ("2026-05-14", "Christi Himmelfahrt"),  // Easter + 39: 5 Apr + 25 = 30 Apr, + 14 = 14 May, Thursday
            ("2026-05-25", "Pfingstmontag"),  // Easter + 50 = 14 May + 11, Monday
            ("2026-06-04", "Fronleichnam"),  // Easter + 60 = 25 May + 10, Thursday
            ("2026-10-03", "Tag der Deutschen Einheit"),  // Saturday
            ("2026-11-01", "Allerheiligen"),  // Sunday
            ("2026-12-25", "1. Weihnachtstag"),  // Friday
            ("2026-12-26", "2. Weihnachtstag"),  // Saturday
        ]
        let actual = nrw.holidays(in: 2026)
        #expect(actual.map(\.day.iso) == expected.map(\.0))
        #expect(actual.map(\.name) == expected.map(\.1))
    }

    @Test func allHolidaysOf2027() throws {
        // Easter Sunday 28 March 2027.
        let expected: [(String, String)] = [
            ("2027-01-01", "Neujahr"),  // Friday
            ("2027-03-26", "Karfreitag"),  // Easter − 2, Friday
            ("2027-03-29", "Ostermontag"),  // Easter + 1, Monday
            ("2027-05-01", "Tag der Arbeit"),  // Saturday
            ("2027-05-06", "Christi Himmelfahrt"),  // Easter + 39: 28 Mar + 3 = 31 Mar, + 30 = 30 Apr, + 6 = 6 May, Thursday
            ("2027-05-17", "Pfingstmontag"),  // Easter + 50 = 6 May + 11, Monday
            ("2027-05-27", "Fronleichnam"),  // Easter + 60 = 17 May + 10, Thursday
            ("2027-10-03", "Tag der Deutschen Einheit"),  // Sunday
            ("2027-11-01", "Allerheiligen"),  // Monday
            ("2027-12-25", "1. Weihnachtstag"),  // Saturday
            ("2027-12-26", "2. Weihnachtstag"),  // Sunday
        ]
        let actual = nrw.holidays(in: 2027)
        #expect(actual.map(\.day.iso) == expected.map(\.0))
        #expect(actual.map(\.name) == expected.map(\.1))
    }

    @Test func einheitFrom1990AndReformationstagOnlyIn2017() throws {
        let names1989 = nrw.holidays(in: 1989).map(\.name)
        #expect(names1989.count == 10)
        #expect(!names1989.contains("Tag der Deutschen Einheit"))
        #expect(!nrw.isHoliday(try Self.day("1989-10-03")))

        #expect(nrw.holidays(in: 1990).count == 11)
        #expect(nrw.isHoliday(try Self.day("1990-10-03")))

        let year2017 = nrw.holidays(in: 2017)
        #expect(year2017.count == 12)
        #expect(year2017.contains { $0.day.iso == "2017-10-31" && $0.name == "Reformationstag (einmalig)" })
        for year in [2016, 2018, 2026] {
            let reformation = try #require(Day(year: year, month: 10, day: 31))
            #expect(!nrw.isHoliday(reformation), "31 October \(year) is no holiday in NRW")
            #expect(nrw.holidays(in: year).count == 11)
        }
    }

    @Test func twoHolidaysOnOneDayAreBothListed() throws {
        // Easter 2008 was 23 March, so Christi Himmelfahrt (Easter + 39 = 23 Mar + 8 + 30 + 1) fell on 1 May.
        let mayDay = try Self.day("2008-05-01")
        let onMayDay = nrw.holidays(in: 2008).filter { $0.day == mayDay }.map(\.name)
        #expect(onMayDay == ["Christi Himmelfahrt", "Tag der Arbeit"])
        #expect(nrw.holidays(in: 2008).count == 11)
        #expect(nrw.isHoliday(mayDay))
    }

    @Test func everyYearsHolidaysAreSortedInTheirYearAndOnTheirWeekdays() {
        var problems: [String] = []
        for year in 1900...9999 {
            let holidays = nrw.holidays(in: year)
            if !zip(holidays, holidays.dropFirst()).allSatisfy({ $0.day <= $1.day }) { problems.append("\(year): unsorted") }
            if !holidays.allSatisfy({ $0.day.year == year }) { problems.append("\(year): a day of another year") }
            let expectedWeekday = ["Karfreitag": 5, "Ostermontag": 1, "Christi Himmelfahrt": 4, "Pfingstmontag": 1, "Fronleichnam": 4]
            for holiday in holidays {
                if let weekday = expectedWeekday[holiday.name], holiday.day.weekday != weekday {
                    problems.append("\(year): \(holiday.name) on weekday \(holiday.day.weekday)")
                }
            }
            let expectedCount = year == 2017 ? 12 : (year >= 1990 ? 11 : 10)
            if holidays.count != expectedCount { problems.append("\(year): \(holidays.count) holidays") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func holidaysAreNoWorkingDays() throws {
        for year in [2017, 2026, 2027] {
            for holiday in nrw.holidays(in: year) {
                #expect(nrw.isHoliday(holiday.day), "\(holiday.day) \(holiday.name)")
                #expect(!nrw.isWorkingDay(holiday.day), "\(holiday.day) \(holiday.name)")
            }
        }
    }

    @Test(arguments: [
        ("2026-11-21", false, false),  // Saturday (1 Nov Sunday + 20)
        ("2026-11-22", false, false),  // Sunday
        ("2026-04-05", false, false),  // Easter Sunday: a Sunday, no statutory holiday of its own in NRW
        ("2026-05-24", false, false),  // Whit Sunday: likewise
        ("2026-03-03", true, false),  // an ordinary Tuesday (1 Mar Sunday + 2)
        ("2026-12-24", true, false),  // Heiligabend, Thursday: no holiday
        ("2026-12-31", true, false),  // Silvester, Thursday: no holiday
        ("2025-10-31", true, false),  // Reformationstag, Friday: no holiday in NRW
        ("2026-11-18", true, false),  // Buß- und Bettag (Wednesday before 23 Nov): no holiday in NRW
        ("2026-04-03", false, true),  // Karfreitag, Friday
        ("2026-06-04", false, true),  // Fronleichnam, Thursday
        ("2026-10-03", false, true),  // Tag der Deutschen Einheit on a Saturday: both
    ])
    func workingDaysAndHolidays(text: String, working: Bool, holiday: Bool) throws {
        let day = try Self.day(text)
        #expect(nrw.isWorkingDay(day) == working)
        #expect(nrw.isHoliday(day) == holiday)
    }

    // MARK: Weekdays

    @Test(arguments: [
        ("2026-11-21", 6),  // Saturday: 1 Nov 2026 is a Sunday, + 20 days = + 6 weekdays
        ("2000-01-01", 6),  // Saturday
        ("2024-02-29", 4),  // Thursday: 1 Jan 2024 Monday, + 59 days = + 3 weekdays
        ("1970-01-01", 4),  // Thursday, the epoch
        ("1900-01-01", 1),  // Monday, the first day a Day can hold
        ("9999-12-31", 5),  // Friday, the last
        ("2026-03-04", 3),  // Wednesday
        ("2026-05-03", 7),  // Sunday
    ])
    func weekdayOfHandWorkedDays(text: String, weekday: Int) throws {
        #expect(try Self.day(text).weekday == weekday)
    }

    @Test func weekdayAgreesWithFoundationsCalendar() throws {
        let calendar = Self.utcGregorian
        var generator = LCG(state: 0x5EED_0001)
        var epochDays = (0..<4000).map { _ in Int.random(in: Day.epochDayRange, using: &generator) }
        epochDays += Array(20_000..<20_100)  // a contiguous run of days in 2024
        for epochDay in epochDays {
            let day = try #require(Day(epochDay: epochDay))
            // Foundation counts 1 = Sunday … 7 = Saturday; ISO counts 1 = Monday … 7 = Sunday.
            let foundationWeekday = calendar.component(.weekday, from: try Self.foundationDate(day, in: calendar))
            #expect(day.weekday == (foundationWeekday + 5) % 7 + 1, "\(day)")
        }
    }

    // MARK: Day arithmetic

    @Test(arguments: [
        ("2024-02-28", 1, "2024-02-29"),  // 2024 is a leap year
        ("2024-02-28", 2, "2024-03-01"),
        ("2023-02-28", 1, "2023-03-01"),  // 2023 is not
        ("1900-02-28", 1, "1900-03-01"),  // divisible by 100, not by 400: no leap year
        ("2000-02-28", 1, "2000-02-29"),  // divisible by 400: a leap year
        ("2026-12-31", 1, "2027-01-01"),
        ("2027-01-01", -1, "2026-12-31"),
        ("2024-03-01", -1, "2024-02-29"),
        ("2026-01-01", 365, "2027-01-01"),  // 2026 has 365 days
        ("2024-01-01", 366, "2025-01-01"),  // 2024 has 366
        ("2026-03-04", 0, "2026-03-04"),
        ("1970-01-01", -25_567, "1900-01-01"),  // 70 years with 17 leap days: 70 × 365 + 17
    ])
    func addingDays(start: String, days: Int, expected: String) throws {
        let from = try Self.day(start)
        let to = try Self.day(expected)
        #expect(from.adding(days: days) == to)
        #expect(to.adding(days: -days) == from)
        #expect(from.days(until: to) == days)
        #expect(to.days(until: from) == -days)
    }

    @Test func spansOfCenturies() throws {
        let y1900 = try Self.day("1900-01-01")
        let y2000 = try Self.day("2000-01-01")
        // 100 years, leap years 1904 … 1996 = 24 (1900 is none): 36 500 + 24.
        #expect(y1900.days(until: y2000) == 36_524)
        // A full 400-year Gregorian cycle: 146 000 + 97 leap days.
        #expect(y2000.days(until: try Self.day("2400-01-01")) == 146_097)
        // The whole range: 36 524 + 20 cycles − 1 day.
        #expect(y1900.days(until: try Self.day("9999-12-31")) == 2_958_463)
        #expect(try Self.day("1970-01-01").epochDay == 0)
    }

    @Test func everyDayFrom1900To9999FollowsItsPredecessor() throws {
        // An independent successor: count day, month and year by hand with daysIn(month:year:).
        var (year, month, dayOfMonth) = (1900, 1, 1)
        var previousWeekday = 0  // 1900-01-01 is a Monday, so its predecessor is a Sunday (7 ≡ 0)
        var mismatches = 0
        var firstMismatch: Int?
        for epochDay in Day.epochDayRange {
            let day = Day(epochDay: epochDay)
            let matches =
                day?.year == year && day?.month == month && day?.day == dayOfMonth
                && day?.epochDay == epochDay && day?.weekday == previousWeekday % 7 + 1
            if !matches {
                mismatches += 1
                if firstMismatch == nil { firstMismatch = epochDay }
            }
            previousWeekday = previousWeekday % 7 + 1
            dayOfMonth += 1
            if dayOfMonth > Day.daysIn(month: month, year: year) {
                dayOfMonth = 1
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
        }
        #expect(mismatches == 0, "first mismatch at epoch day \(String(describing: firstMismatch))")
        #expect((year, month, dayOfMonth) == (10_000, 1, 1), "the loop walked exactly 1900-01-01 … 9999-12-31")
        #expect(Day(epochDay: Day.epochDayRange.lowerBound - 1) == nil)
        #expect(Day(epochDay: Day.epochDayRange.upperBound + 1) == nil)
    }

    @Test func addingAndDaysUntilAreConsistentForRandomPairs() throws {
        var generator = LCG(state: 0xF21_57E2)
        for _ in 0..<3000 {
            let a = try #require(Day(epochDay: Int.random(in: Day.epochDayRange, using: &generator)))
            let b = try #require(Day(epochDay: Int.random(in: Day.epochDayRange, using: &generator)))
            let span = a.days(until: b)
            #expect(a.adding(days: span) == b, "\(a) → \(b)")
            #expect(b.adding(days: -span) == a, "\(b) → \(a)")
            #expect(b.days(until: a) == -span)
            #expect((span > 0) == (a < b) && (span == 0) == (a == b))
        }
    }

    @Test func daysUntilAgreesWithFoundationsCalendar() throws {
        let calendar = Self.utcGregorian
        var generator = LCG(state: 0xCA1E_DA2)
        for _ in 0..<2000 {
            let a = try #require(Day(epochDay: Int.random(in: Day.epochDayRange, using: &generator)))
            let b = try #require(Day(epochDay: Int.random(in: Day.epochDayRange, using: &generator)))
            let foundationSpan = calendar.dateComponents(
                [.day], from: try Self.foundationDate(a, in: calendar), to: try Self.foundationDate(b, in: calendar)
            ).day
            #expect(a.days(until: b) == foundationSpan, "\(a) → \(b)")
        }
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"),  // February 2026 has 28 days
        ("2024-01-31", 1, "2024-02-29"),  // February 2024 has 29
        ("2026-01-31", 2, "2026-03-31"),  // counted from the start, not month by month (which would give 28 Mar)
        ("2026-03-31", -1, "2026-02-28"),
        ("2026-01-15", -1, "2025-12-15"),
        ("2026-05-31", 1, "2026-06-30"),
        ("2026-08-31", 1, "2026-09-30"),
        ("2026-12-31", 2, "2027-02-28"),
        ("2027-12-31", 2, "2028-02-29"),  // 2028 is a leap year
        ("1900-01-31", 1, "1900-02-28"),  // 1900 is not
        ("2000-01-31", 1, "2000-02-29"),  // 2000 is
        ("2026-06-15", 120, "2036-06-15"),
        ("2026-06-15", -18, "2024-12-15"),
        ("2026-01-15", 0, "2026-01-15"),
    ])
    func addingMonthsClampsToTheLastDay(start: String, months: Int, expected: String) throws {
        #expect(try Self.day(start).adding(months: months) == (try Self.day(expected)))
    }

    @Test func leavingTheYears1900To9999StopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            guard let last = Day(year: 9999, month: 12, day: 31) else { return }
            _ = last.adding(days: 1)
        }
        await #expect(processExitsWith: .failure) {
            guard let first = Day(year: 1900, month: 1, day: 1) else { return }
            _ = first.adding(days: -1)
        }
        await #expect(processExitsWith: .failure) {
            guard let december = Day(year: 9999, month: 12, day: 1) else { return }
            _ = december.adding(months: 1)
        }
        await #expect(processExitsWith: .failure) {
            guard let day = Day(year: 2026, month: 3, day: 4) else { return }
            _ = LegalCalendar.nrw.end(of: .months(-1), from: day)
        }
    }

}
