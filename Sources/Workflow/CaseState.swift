import SichtbarCore

/// What the workflow engine needs to know of a case.
public struct CaseState: Sendable, Equatable {
    public var kind: String
    public var step: String
    /// The outcome recorded on closing, if any.
    public var outcome: String?
    /// The day the case entered a closed step; the reopening window counts from it.
    public var closedOn: Day?
    /// The case concerns a minor: interventions also need the Sorgeberechtigte's consent.
    public var concernsMinor: Bool
    public var documents: [CaseDocument]
    /// Where the case stood before a step that can be taken back; nil when there is none.
    public var previous: PreviousState?

    public init(
        kind: String, step: String, outcome: String? = nil, closedOn: Day? = nil, concernsMinor: Bool = false,
        documents: [CaseDocument] = []
    ) {
        self.kind = kind
        self.step = step
        self.outcome = outcome
        self.closedOn = closedOn
        self.concernsMinor = concernsMinor
        self.documents = documents
    }
}
