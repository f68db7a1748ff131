import SichtbarCore

/// Where a case stood before a step that can be taken back (a deletion request): its step,
/// outcome and closing day, so that taking it back restores all three and the statistics count
/// the case as before.
public struct PreviousState: Sendable, Equatable, Codable {
    public let step: String
    public let outcome: String?
    public let closedOn: Day?

    public init(step: String, outcome: String?, closedOn: Day?) {
        self.step = step
        self.outcome = outcome
        self.closedOn = closedOn
    }
}
