import SichtbarCore

/// A deadline a counsellor set by hand: a Wiedervorlage or any date to keep, or — with `rule` —
/// an override of a computed deadline's end (with the reason, audited).
public struct ManualDeadline: Sendable, Equatable, Codable {
    public let id: EntityID
    /// The policy rule it overrides; nil for a deadline of its own.
    public let rule: String?
    /// What it is about (for its own deadlines; a Wiedervorlage says why).
    public let label: String
    public let due: Day
    public let reason: String?
    public var done: Bool
    /// Who follows it up (a Wiedervorlage's owner); nil in entries from before owners, where the
    /// counsellor in charge of the case is.
    public var owner: String?

    public init(id: EntityID = .random(), rule: String?, label: String, due: Day, reason: String?, done: Bool = false, owner: String? = nil)
    {
        self.id = id
        self.rule = rule
        self.label = label
        self.due = due
        self.reason = reason
        self.done = done
        self.owner = owner
    }
}
