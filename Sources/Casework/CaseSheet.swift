import SichtbarCore
import Workflow

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
    /// The legal fields a counsellor set by hand; nil: those of the classification.
    public var chosenFields: [String]?
    /// The legal fields the counsellor's classification implies, kept when it is saved. Nil only
    /// in a sheet from before fields existed: such a case keeps every rule until someone decides.
    public var classifiedFields: [String]?
    /// Legal deadlines marked missed (nil in sheets from before).
    public var missed: [MissedDeadline]?
    /// Where the case stood before a step that can be taken back (a deletion request).
    public var previous: PreviousState?
    /// The parties the case deals with (nil in sheets from before parties).
    public var parties: [CaseParty]?

    /// The party `text` names: a party's id (as the forms send it) or its name, compared as
    /// documents compare counterparts (case and runs of spaces aside).
    public func party(_ text: String) -> CaseParty? {
        let parties = parties ?? []
        if let id = EntityID(hex: text), let party = parties.first(where: { $0.id == id }) { return party }
        let wanted = CaseDocument.normalised(text)
        return parties.first { CaseDocument.normalised($0.name) == wanted && !wanted.isEmpty }
    }

    public init(
        title: String = "", persons: [AffectedPerson] = [], outcome: String? = nil, closedOn: Day? = nil,
        events: [RecordedEvent] = [], manualDeadlines: [ManualDeadline] = [], documents: [CaseDocument] = [],
        interventions: [InterventionRecord] = [], chosenFields: [String]? = nil, classifiedFields: [String]? = []
    ) {
        self.title = title
        self.persons = persons
        self.outcome = outcome
        self.closedOn = closedOn
        self.events = events
        self.manualDeadlines = manualDeadlines
        self.documents = documents
        self.interventions = interventions
        self.chosenFields = chosenFields
        self.classifiedFields = classifiedFields
    }

    /// The legal fields the case belongs to: those set by hand, else those of the
    /// classification, and always the fields every case has. A sheet from before fields existed
    /// (neither) keeps every field.
    public func legalFields(_ policy: WorkflowPolicy) -> Set<String> {
        guard let own = chosenFields ?? classifiedFields else { return policy.allFieldCodes }
        return Set(own).union(policy.alwaysFieldCodes)
    }

    public var concernsMinor: Bool { persons.contains(where: \.minor) }

    /// What the workflow engine reads, with the plaintext kind and step.
    public func state(kind: String, step: String) -> CaseState {
        var state = CaseState(
            kind: kind, step: step, outcome: outcome, closedOn: closedOn, concernsMinor: concernsMinor, documents: documents)
        state.previous = previous
        return state
    }
}
