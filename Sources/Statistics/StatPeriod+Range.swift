extension StatPeriod {
    /// The year or quarter whose first and last day are exactly `range`; nil for any other range.
    /// Disclosure control reads the period of a table from its days.
    public init?(range: Range) {
        let year = range.from.year
        for quarter in [nil, 1, 2, 3, 4] as [Int?] {
            if let period = StatPeriod(year: year, quarter: quarter), period.range == range {
                self = period
                return
            }
        }
        return nil
    }
}
