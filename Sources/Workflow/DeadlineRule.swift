/// A deadline that starts from a recorded event and is met by another (Policies/workflow.yaml).
public struct DeadlineRule: Sendable, Equatable {
    public let code: String
    public let labels: [String: String]
    /// The legal field it belongs to: it starts only in cases of that field.
    public let field: String
    /// It starts on the latest of these events.
    public let from: [String]
    public let period: DeadlinePeriod
    /// Recorded on or after the start, one of these meets it.
    public let metBy: [String]
    /// An end on a weekend or holiday moves to the next working day (§ 193 BGB, § 222 ZPO); false
    /// where the law does not say so and the earlier day is the safe one (§ 77b StGB).
    public var shiftsOffHolidays: Bool = true
}
