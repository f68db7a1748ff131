import SichtbarCore

/// Where a deadline stands on a given day.
public enum DeadlineState: String, Sendable, Codable, CaseIterable {
    case open = "offen"
    /// Within the policy's warning days of its end.
    case dueSoon = "bald_faellig"
    case overdue = "ueberfaellig"
    case met = "erledigt"
    /// Passed unmet and marked so with a reason: no longer counted as due.
    case missed = "versaeumt"

    /// Still to be acted on: neither met nor marked missed.
    public var isPending: Bool { self != .met && self != .missed }
}

/// One deadline of a case as the case page, the list and the deadlines overview show it.
public struct DeadlineStatus: Sendable, Equatable, Codable {
    /// The policy rule, or `manuell` for a deadline set by hand.
    public let rule: String
    /// For a deadline set by hand: what it is about.
    public let label: String?
    /// The event day it runs from (nil for one set by hand).
    public let start: Day?
    public let due: Day
    public let state: DeadlineState
    /// The end was set by hand instead of computed.
    public let overridden: Bool
    /// The id of the hand-set entry (own deadline or override), to mark it done or change it.
    public let manualID: EntityID?
    /// A Wiedervorlage's owner (nil: the counsellor in charge of the case).
    public var owner: String? = nil
    /// Why it was marked missed.
    public var missedReason: String? = nil

    /// A deadline of the law (not a Wiedervorlage set by hand).
    public var isLegal: Bool { rule != Self.manualRule }

    public static let manualRule = "manuell"
}
