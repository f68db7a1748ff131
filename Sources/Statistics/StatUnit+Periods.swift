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

extension StatUnit {
    /// The identity between a year and its quarters, or nil where there is none to model.
    /// `nicht_klassifiziert` counts the reports still unclassified when the release is computed,
    /// a state that changes as counsellors work: neither a sum nor the last quarter's count.
    public var periodLink: PeriodLink? {
        switch self {
        case .neueFaelle, .neueBeratungsfaelle, .meldungen, .abgeschlosseneFaelle, .kurzkontakte: .sumOfQuarters
        case .offeneFaelle: .fourthQuarter
        case .nichtKlassifiziert: nil
        }
    }
}
