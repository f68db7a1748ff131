import SichtbarCore

/// Public holidays and the computation of deadline ends under §§ 187, 188, 193 BGB.
///
/// Counselling offices must tell people until when they can still act
/// (e.g. the two months of § 15 Abs. 4 AGG); a day too early costs them nothing,
/// a day too late costs them the claim, so every rule is implemented exactly.
public struct LegalCalendar: Sendable {
    /// A holiday on the same date every year, within `years`.
    struct FixedHoliday: Sendable {
        let month: Int
        let day: Int
        let name: String
        let years: ClosedRange<Int>
    }

    /// A holiday a fixed number of days from Easter Sunday.
    struct EasterHoliday: Sendable {
        let daysAfterEaster: Int
        let name: String
    }

    let fixed: [FixedHoliday]
    let movable: [EasterHoliday]

    /// The statutory public holidays of Nordrhein-Westfalen (§ 2 Feiertagsgesetz NW),
    /// plus the Reformationstag of 2017, a statutory holiday in every state that one year.
    ///
    /// These are today's holidays projected onto every year (Tag der Deutschen Einheit from 1990);
    /// earlier rules such as the Buß- und Bettag (in NRW until 1994) or 17 June (until 1990)
    /// are not modelled. Easter Sunday and Whit Sunday are Sundays, not statutory holidays here.
    public static let nrw = LegalCalendar(
        fixed: [
            FixedHoliday(month: 1, day: 1, name: "Neujahr", years: 1900...9999),
            FixedHoliday(month: 5, day: 1, name: "Tag der Arbeit", years: 1900...9999),
            FixedHoliday(month: 10, day: 3, name: "Tag der Deutschen Einheit", years: 1990...9999),
            FixedHoliday(month: 10, day: 31, name: "Reformationstag (einmalig)", years: 2017...2017),
            FixedHoliday(month: 11, day: 1, name: "Allerheiligen", years: 1900...9999),
            FixedHoliday(month: 12, day: 25, name: "1. Weihnachtstag", years: 1900...9999),
            FixedHoliday(month: 12, day: 26, name: "2. Weihnachtstag", years: 1900...9999),
        ],
        movable: [
            EasterHoliday(daysAfterEaster: -2, name: "Karfreitag"),
            EasterHoliday(daysAfterEaster: 1, name: "Ostermontag"),
            EasterHoliday(daysAfterEaster: 39, name: "Christi Himmelfahrt"),
            EasterHoliday(daysAfterEaster: 50, name: "Pfingstmontag"),
            EasterHoliday(daysAfterEaster: 60, name: "Fronleichnam"),
        ]
    )

    /// Easter Sunday of `year` by the Gregorian computus
    /// (the anonymous Gregorian algorithm as given by Meeus, Jones and Butcher).
    static func easterSunday(in year: Int) -> Day {
        let a = year % 19  // place in the 19-year lunar cycle
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3  // lunar correction
        let h = (19 * a + b - d - g + 15) % 30  // days from 21 March to the Paschal full moon, roughly
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7  // days from the full moon to the next Sunday
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        guard let easter = Day(year: year, month: month, day: day) else {
            preconditionFailure("no Easter Sunday for year \(year): only 1900–9999 are days")
        }
        return easter
    }

    /// The public holidays of `year`, sorted by day, with their German names.
    ///
    /// Two holidays can fall on one day (Christi Himmelfahrt on 1 May when Easter is on 23 March,
    /// as in 2008); both are listed then, ordered by name.
    public func holidays(in year: Int) -> [(day: Day, name: String)] {
        precondition((1900...9999).contains(year), "holidays are computed for 1900–9999 only, not \(year)")
        let easter = LegalCalendar.easterSunday(in: year)
        var result: [(day: Day, name: String)] = movable.map {
            (day: easter.adding(days: $0.daysAfterEaster), name: $0.name)
        }
        for holiday in fixed where holiday.years.contains(year) {
            if let day = Day(year: year, month: holiday.month, day: holiday.day) {
                result.append((day: day, name: holiday.name))
            }
        }
        return result.sorted { ($0.day, $0.name) < ($1.day, $1.name) }
    }

    /// Whether `day` is a public holiday (a Sunday that is no holiday is not one).
    public func isHoliday(_ day: Day) -> Bool {
        holidays(in: day.year).contains { $0.day == day }
    }

    /// Whether acts can be done on `day`: it is no Saturday, no Sunday and no holiday (§ 193 BGB).
    public func isWorkingDay(_ day: Day) -> Bool {
        day.weekday <= 5 && !isHoliday(day)
    }

    /// `day` itself if it is a working day, otherwise the first working day after it.
    public func nextWorkingDay(onOrAfter day: Day) -> Day {
        var candidate = day
        // Terminates: no year has more than four non-working days in a row (Karfreitag to Ostermontag).
        while !isWorkingDay(candidate) {
            candidate = candidate.adding(days: 1)
        }
        return candidate
    }

    /// § 188 BGB alone: the last day of a period that starts with an event on `event`
    /// (§ 187 Abs. 1: the event's day is not counted).
    ///
    /// Days: the event's day + n (§ 188 Abs. 1). Weeks, months, years: the day of the
    /// last week or month that corresponds to the event's day by name or number
    /// (§ 188 Abs. 2), or the last day of that month if it has no such number (Abs. 3).
    public func unadjustedEnd(of period: DeadlinePeriod, from event: Day) -> Day {
        precondition(period.count >= 0, "a legal period cannot be negative: \(period)")
        switch period {
        case .days(let count):
            return event.adding(days: count)
        case .weeks(let count):
            let (days, overflow) = count.multipliedReportingOverflow(by: 7)
            precondition(!overflow, "\(count) weeks are too many days")
            return event.adding(days: days)
        case .months(let count):
            return event.adding(months: count)
        case .years(let count):
            let (months, overflow) = count.multipliedReportingOverflow(by: 12)
            precondition(!overflow, "\(count) years are too many months")
            return event.adding(months: months)
        }
    }

    /// §§ 187 Abs. 1, 188, 193 BGB: the last day on which the act can still be done —
    /// the end by § 188, moved to the next working day if it falls on a Saturday,
    /// Sunday or public holiday in NRW.
    public func end(of period: DeadlinePeriod, from event: Day) -> Day {
        nextWorkingDay(onOrAfter: unadjustedEnd(of: period, from: event))
    }
}
