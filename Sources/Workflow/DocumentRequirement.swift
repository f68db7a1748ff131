/// A document an intervention needs before it may happen.
public struct DocumentRequirement: Sendable, Equatable {
    /// A document type code of the policy.
    public let document: String
    /// The document must name the intervention's counterpart.
    public let namesCounterpart: Bool
}
