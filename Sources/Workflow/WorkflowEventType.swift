/// An event recorded on a case, from which deadlines start and by which they are met.
public struct WorkflowEventType: Sendable, Equatable {
    public let code: String
    public let labels: [String: String]
    /// A counsellor may record it by hand, with the day it happened.
    public let manual: Bool
    /// It happens once in a case (the first contact): a transition that records it again when the
    /// case has it already records nothing, so the history and the deadlines see it once.
    public let once: Bool

    public init(code: String, labels: [String: String], manual: Bool, once: Bool = false) {
        self.code = code
        self.labels = labels
        self.manual = manual
        self.once = once
    }
}
