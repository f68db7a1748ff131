/// Calendar arithmetic on days, done on a count of days since 1970-01-01.
///
/// Foundation's `Calendar` is not used: these are pure civil dates without a
/// time of day, and going through instants and time zones would only add ways
/// to land on the wrong day (and cost far more).
extension Day {
    /// The first and last day a `Day` can hold, as days since 1970-01-01.
    static let epochDayRange: ClosedRange<Int> =
        Day.epochDay(year: 1900, month: 1, day: 1)...Day.epochDay(year: 9999, month: 12, day: 31)

    /// Days since 1970-01-01 of a proleptic Gregorian date
    /// (Howard Hinnant's `days_from_civil`, shifted so that years start on 1 March
    /// and the leap day is the last day of its year).
    static func epochDay(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400  // 0...399
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // 0...365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear  // 0...146096
        return era * 146_097 + dayOfEra - 719_468
    }

    /// This day as days since 1970-01-01.
    var epochDay: Int {
        Day.epochDay(year: year, month: month, day: day)
    }

    /// The day `epochDay` days after 1970-01-01 (Hinnant's `civil_from_days`);
    /// nil outside the years 1900–9999 that `Day` allows.
    init?(epochDay: Int) {
        guard Day.epochDayRange.contains(epochDay) else { return nil }
        let shifted = epochDay + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097  // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365  // 0...399
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // 0...365
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // 0...11, March first
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// The day `days` days later (earlier if negative).
    ///
    /// A result outside 1900–9999 is a programmer error and stops the process,
    /// as array indexing out of bounds does: no deadline reaches that far.
    public func adding(days: Int) -> Day {
        let (target, overflow) = epochDay.addingReportingOverflow(days)
        guard !overflow, let result = Day(epochDay: target) else {
            preconditionFailure("\(iso) + \(days) days lies outside the years 1900–9999")
        }
        return result
    }

    /// The day with the same number `months` months later (earlier if negative),
    /// or the last day of that month if it is shorter (31 January + 1 month = 28 or 29 February).
    ///
    /// Always counted from this day, never month by month: 31 January + 2 months is 31 March.
    public func adding(months: Int) -> Day {
        let (target, overflow) = (year * 12 + month - 1).addingReportingOverflow(months)
        // Floor division, so that negative totals cannot arise unnoticed; the range check rejects them anyway.
        let targetYear = target >= 0 ? target / 12 : (target - 11) / 12
        let targetMonth = target - targetYear * 12 + 1
        guard !overflow, (1900...9999).contains(targetYear),
            let result = Day(
                year: targetYear, month: targetMonth,
                day: Swift.min(day, Day.daysIn(month: targetMonth, year: targetYear)))
        else {
            preconditionFailure("\(iso) + \(months) months lies outside the years 1900–9999")
        }
        return result
    }

    /// How many days lie from this day to `other`: positive if `other` is later, negative if earlier.
    public func days(until other: Day) -> Int {
        other.epochDay - epochDay
    }

    /// The ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4); floor modulo keeps days before it right.
        let offset = (epochDay + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }
}
