import SichtbarCore

/// One way from some steps to another, with what it needs and what it records.
public struct WorkflowTransition: Sendable, Equatable {
    public let name: String
    /// The steps it starts from, with `open` and `closed` already expanded.
    public let from: [String]
    public let to: String
    /// The kinds it applies to; nil for every kind.
    public let kinds: Set<String>?
    /// The kind the case becomes (a Meldung becoming a Beratungsfall).
    public let becomes: String?
    public let roles: Set<MemberRole>
    /// Needs an intervention code, and passes that intervention's document gate.
    public let needsIntervention: Bool
    /// One of these is required when not empty.
    public let outcomes: [String]
    public let needsReason: Bool
    /// Only within this many months of the day the case was closed.
    public let withinMonths: Int?
    /// Events it records on the day it is taken.
    public let records: [String]
    /// Taking it crypto-shreds the case.
    public let shreds: Bool
    /// The request names who asked (one of the policy's `requesters`), whose events it records.
    public var needsRequester = false
    /// Destructive: the request must carry an explicit confirmation, and pages set it apart.
    public var needsConfirmation = false
    /// The line in the policy file, for messages.
    public let line: Int?

    /// The target of a transition that takes a step back: the case returns to where it stood.
    public static let previousStep = "previous"

    /// It returns the case to the step it was in before (taking a deletion request back).
    public var returnsToPrevious: Bool { to == Self.previousStep }

    public func applies(to kind: String) -> Bool {
        kinds?.contains(kind) ?? true
    }
}
