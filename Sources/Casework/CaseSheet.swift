/// A case's current state beyond its plaintext step and kind: persons, documents, events and
/// deadlines, outcome. Sealed under the case key, one per case, replaced on every change; the
/// timeline keeps the history.
public struct CaseSheet: Sendable, Equatable, Codable {
    /// A short title the counsellors give the case ("Wohnungssuche, Absage Hausverwaltung").
    public var title: String
    public var persons: [AffectedPerson]
    public var outcome: String?
    public var closedOn: Day?
    public var events: [RecordedEvent]
    public var manualDeadlines: [ManualDeadline]
    public var documents: [CaseDocument]
    public var interventions: [InterventionRecord]

    public init(title: String = "", persons: [AffectedPerson] = [], outcome: String? = nil, closedOn: Day? = nil,
                events: [RecordedEvent] = [], manualDeadlines: [ManualDeadline] = [], documents: [CaseDocument] = [],
                interventions: [InterventionRecord] = []) {
        self.title = title
        self.persons = persons
        self.outcome = outcome
        self.closedOn = closedOn
        self.events = events
        self.manualDeadlines = manualDeadlines
        self.documents = documents
        self.interventions = interventions
    }

    public var concernsMinor: Bool { persons.contains(where: \.minor) }

    /// What the workflow engine reads, with the plaintext kind and step.
    public func state(kind: String, step: String) -> CaseState {
        CaseState(kind: kind, step: step, outcome: outcome, closedOn: closedOn, concernsMinor: concernsMinor, documents: documents)
    }
}
