/// An event recorded on a case, from which deadlines start and by which they are met.
public struct WorkflowEventType: Sendable, Equatable {
    public let code: String
    public let labels: [String: String]
    /// A counsellor may record it by hand, with the day it happened.
    public let manual: Bool
}
