/// An intervention (Beschwerdebrief, Begleitung, …) and the documents that make it lawful.
public struct InterventionType: Sendable, Equatable {
    public let code: String
    public let labels: [String: String]
    public let requires: [DocumentRequirement]
    /// Added when the case concerns a minor.
    public let requiresForMinors: [DocumentRequirement]

    /// Whether the intervention is aimed at someone, so a counterpart must be named.
    public var needsCounterpart: Bool {
        (requires + requiresForMinors).contains { $0.namesCounterpart }
    }
}
