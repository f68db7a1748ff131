import Foundation

/// The counselling workflow of `Policies/workflow.yaml`: steps, transitions, document gates,
/// events and deadlines. Loaded and checked once at start-up; the engine (`Workflow`) reads it.
public struct WorkflowPolicy: Sendable {
    /// The step a reporter's withdrawal of a worked case leads to, and from which the law's
    /// deletion deadline runs. The reporter side relies on this code.
    public static let deletionRequestedStep = "loeschung_beantragt"
    /// Events recorded without a case key: a report's arrival, a reporter's deletion request.
    public static let implicitEvents = ["eingang", "loeschung_verlangt"]

    public let version: String
    public let languages: [String]
    public let kinds: [LabelledCode]
    public let steps: [WorkflowStep]
    public let outcomes: [LabelledCode]
    public let documents: [DocumentType]
    public let interventions: [InterventionType]
    public let events: [WorkflowEventType]
    public let fields: [LegalField]
    public let requesters: [RequestOrigin]
    public let warnDays: Int
    public let deadlines: [DeadlineRule]
    public let transitions: [WorkflowTransition]

    public func step(_ code: String) -> WorkflowStep? { steps.first { $0.code == code } }
    public func kind(_ code: String) -> LabelledCode? { kinds.first { $0.code == code } }
    public func outcome(_ code: String) -> LabelledCode? { outcomes.first { $0.code == code } }
    public func document(_ code: String) -> DocumentType? { documents.first { $0.code == code } }
    public func intervention(_ code: String) -> InterventionType? { interventions.first { $0.code == code } }
    public func event(_ code: String) -> WorkflowEventType? { events.first { $0.code == code } }
    public func transition(named name: String) -> WorkflowTransition? { transitions.first { $0.name == name } }
    public func field(_ code: String) -> LegalField? { fields.first { $0.code == code } }
    public func requester(_ code: String) -> RequestOrigin? { requesters.first { $0.code == code } }

    /// The step new cases begin in.
    public var startStep: String { steps.first { $0.isStart }?.code ?? "eingegangen" }

    /// The transitions that lead out of `step` for a case of `kind`, in policy order.
    public func transitions(from step: String, kind: String) -> [WorkflowTransition] {
        transitions.filter { $0.from.contains(step) && $0.applies(to: kind) }
    }

    /// The one transition from `step` to `target` for `kind` (the policy check makes it unique).
    public func transition(from step: String, to target: String, kind: String) -> WorkflowTransition? {
        transitions.first { $0.from.contains(step) && $0.to == target && $0.applies(to: kind) }
    }
}
