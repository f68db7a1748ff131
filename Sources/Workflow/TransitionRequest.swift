/// A counsellor's request to move a case: the step it starts from (a stale one is refused) and
/// the step it goes to, with the inputs the transition may need.
public struct TransitionRequest: Sendable, Equatable, Codable {
    public let from: String
    public let to: String
    public var intervention: String?
    public var counterpart: String?
    public var outcome: String?
    /// Why (closing without intervention, keeping a case the reporter asked to delete). Sealed, never audited.
    public var reason: String?
    /// Who asked, for a transition that needs it (a deletion request): a code of `requesters`.
    public var requester: String?
    /// The explicit confirmation a destructive transition needs.
    public var confirmed: Bool?

    public init(
        from: String, to: String, intervention: String? = nil, counterpart: String? = nil, outcome: String? = nil,
        reason: String? = nil, requester: String? = nil, confirmed: Bool? = nil
    ) {
        self.from = from
        self.to = to
        self.intervention = intervention
        self.counterpart = counterpart
        self.outcome = outcome
        self.reason = reason
        self.requester = requester
        self.confirmed = confirmed
    }
}
