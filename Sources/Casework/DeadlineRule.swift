/// A deadline that starts from a recorded event and is met by another (Policies/workflow.yaml).
public struct DeadlineRule: Sendable, Equatable {
    public let code: String
    public let labels: [String: String]
    /// It starts on the latest of these events.
    public let from: [String]
    public let period: DeadlinePeriod
    /// Recorded on or after the start, one of these meets it.
    public let metBy: [String]
}
