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
