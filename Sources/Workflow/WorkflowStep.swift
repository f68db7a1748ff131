/// A step of the counselling workflow, as `Policies/workflow.yaml` defines it.
public struct WorkflowStep: Sendable, Equatable {
    public let code: String
    public let labels: [String: String]
    /// New cases begin here.
    public let isStart: Bool
    /// The counselling has ended; the case may be reopened within the policy's window.
    public let isClosed: Bool
    /// No way leads out (a deleted case).
    public let isFinal: Bool

    /// Neither closed nor final nor waiting for deletion: counselling is going on.
    public var isOpen: Bool { !isClosed && !isFinal && code != WorkflowPolicy.deletionRequestedStep }
}
