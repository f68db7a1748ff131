extension Day {
    static let germanMonths = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
        "November", "Dezember",
    ]

    /// "22. November 2026", as a German letter dates itself; written out, so no locale data is needed.
    public var germanLong: String {
        "\(day). \(Self.germanMonths[month - 1]) \(year)"
    }
}
