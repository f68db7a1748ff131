import SichtbarCore

/// A legal deadline a counsellor marked *versäumt*: it passed without the act that meets it.
/// Kept with its start, so a new start (a second rejection) begins a deadline that is not missed.
public struct MissedDeadline: Sendable, Equatable, Codable {
    public let rule: String
    /// The start of the period that was missed.
    public let start: Day
    /// Why (the person decided against it, could not be reached, the office learned too late).
    public let reason: String
    public let by: String
    public let on: Day

    public init(rule: String, start: Day, reason: String, by: String, on: Day) {
        self.rule = rule
        self.start = start
        self.reason = reason
        self.by = by
        self.on = on
    }
}
