import Foundation
import SichtbarCore

/// An accepted transition: the new state and everything to record with it, in one write.
public struct WorkflowChange: Sendable, Equatable {
    public let transition: WorkflowTransition
    public let state: CaseState
    /// Events for deadlines, on the day of the transition.
    public let recordedEvents: [String]
    public let audit: [AuditEvent]
    /// The case is to be crypto-shredded.
    public var shreds: Bool { transition.shreds }
}
