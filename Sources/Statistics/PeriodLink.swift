/// How a year's count of a unit relates to its quarters' counts of the same unit and key, as a
/// reader of the year and its quarters would use it (docs/disclosure-control.md, "A year and
/// its quarters").
public enum PeriodLink: Sendable, Equatable {
    /// A flow: every counted unit falls in exactly one quarter (the month a case arrived, the
    /// month it closed, the day of a tally), so the year's count is the sum of the quarters'.
    case sumOfQuarters
    /// A stock at the end of the period: the year ends when its fourth quarter ends, so the
    /// year's count is the fourth quarter's.
    case fourthQuarter
}
