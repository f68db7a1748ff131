import Foundation
import SichtbarCore

/// The workflow engine: a pure function of case state, request, policy, actor and clock. It
/// returns the new state and its audit events, or a rejection naming the rule; it stores nothing.
public struct Workflow: Sendable {
    public let policy: WorkflowPolicy

    public init(policy: WorkflowPolicy) {
        self.policy = policy
    }

    /// Decides `request` for the case `caseID` in `state`, taken by `actor` (a counsellor or lead) at `now`.
    public func decide(
        _ request: TransitionRequest, state: CaseState, caseID: EntityID, actor: String, role: MemberRole,
        at now: Date
    ) -> Result<WorkflowChange, WorkflowRejection> {
        let today = Day(now)
        guard request.from == state.step else { return .failure(.staleStep(current: state.step)) }
        guard let transition = policy.transition(from: state.step, to: request.to, kind: state.kind) else {
            let kindLabel = policy.kind(state.kind)?.code ?? state.kind
            return .failure(
                .transitionForbidden(rule: "the workflow has no way from '\(state.step)' to '\(request.to)' for a \(kindLabel)"))
        }
        if let refusal = permits(transition, state: state, role: role, on: today) { return .failure(refusal) }
        if let refusal = checkInputs(request, for: transition, state: state, on: today) { return .failure(refusal) }

        var next = state
        if transition.returnsToPrevious {
            // Taken back: the case stands where it stood, with its outcome and closing day.
            guard let previous = state.previous else { return .failure(Self.noPrevious(transition)) }
            next.step = previous.step
            next.outcome = previous.outcome
            next.closedOn = previous.closedOn
            next.previous = nil
            return .success(
                WorkflowChange(
                    transition: transition, state: next, recordedEvents: transition.records,
                    audit: [AuditEvent.member(actor, .caseTransitioned, "\(caseID.hex) \(transition.name)", at: now)]))
        }
        next.step = transition.to
        if let becomes = transition.becomes { next.kind = becomes }
        // A step that can be taken back remembers where the case stood.
        next.previous =
            policy.transitions.contains { $0.returnsToPrevious && $0.from.contains(transition.to) }
            ? PreviousState(step: state.step, outcome: state.outcome, closedOn: state.closedOn) : nil
        let target = policy.step(transition.to)
        if target?.isClosed == true {
            // From one closed step to another (abschluss → nachbereitung) the case stays closed
            // since its first closing, with its outcome.
            let wasClosed = policy.step(state.step)?.isClosed == true
            next.closedOn = wasClosed ? state.closedOn ?? today : today
            next.outcome = request.outcome ?? (wasClosed ? state.outcome : nil)
        } else {
            next.closedOn = nil
            next.outcome = nil
        }
        var subject = "\(caseID.hex) \(transition.name)"
        if let intervention = request.intervention, transition.needsIntervention { subject += " \(intervention)" }
        if let outcome = request.outcome, !transition.outcomes.isEmpty { subject += " \(outcome)" }
        let origin = transition.needsRequester ? request.requester.flatMap(policy.requester) : nil
        if let origin { subject += " \(origin.code)" }
        let audit = [AuditEvent.member(actor, transition.shreds ? .caseShredded : .caseTransitioned, subject, at: now)]
        return .success(
            WorkflowChange(
                transition: transition, state: next, recordedEvents: transition.records + (origin?.records ?? []),
                audit: audit))
    }

    /// The transitions `role` may take now from `state`, in policy order: what the case page
    /// offers. Document gates are checked on the request, since they depend on its intervention.
    public func available(for state: CaseState, role: MemberRole, at now: Date) -> [WorkflowTransition] {
        let today = Day(now)
        return policy.transitions(from: state.step, kind: state.kind).filter {
            permits($0, state: state, role: role, on: today) == nil && (!$0.returnsToPrevious || state.previous != nil)
        }
    }

    /// A step taken back where nobody recorded the step before (a reporter's withdrawal through
    /// the mailbox, made without the case key): only the reporter can take that back.
    static func noPrevious(_ transition: WorkflowTransition) -> WorkflowRejection {
        .transitionForbidden(
            rule:
                "transition '\(transition.name)' returns the case to the step it was in, but that step is not recorded (a reporter's withdrawal through the mailbox)"
        )
    }

    /// Role and reopening window: the rules that do not depend on the request's inputs.
    func permits(_ transition: WorkflowTransition, state: CaseState, role: MemberRole, on today: Day) -> WorkflowRejection? {
        guard transition.roles.contains(role) else {
            let roles = transition.roles.map(\.rawValue).sorted().joined(separator: " or ")
            return .transitionForbidden(rule: "transition '\(transition.name)' may be taken by a \(roles) only")
        }
        if let months = transition.withinMonths {
            guard let closedOn = state.closedOn, today <= closedOn.adding(months: months) else {
                return .transitionForbidden(
                    rule:
                        "transition '\(transition.name)' reopens a case only within \(months) months of its closing; later it is a new case"
                )
            }
        }
        return nil
    }

    func checkInputs(_ request: TransitionRequest, for transition: WorkflowTransition, state: CaseState, on today: Day)
        -> WorkflowRejection?
    {
        if !transition.outcomes.isEmpty {
            guard let outcome = request.outcome, !outcome.isEmpty else {
                return .invalidInput(
                    field: "outcome",
                    problem: "transition '\(transition.name)' needs an outcome: one of \(transition.outcomes.joined(separator: ", "))")
            }
            guard transition.outcomes.contains(outcome) else {
                return .invalidInput(
                    field: "outcome",
                    problem:
                        "transition '\(transition.name)' takes the outcomes \(transition.outcomes.joined(separator: ", ")), not '\(outcome)'"
                )
            }
        } else if request.outcome != nil {
            return .invalidInput(field: "outcome", problem: "transition '\(transition.name)' records no outcome")
        }
        if transition.needsRequester {
            guard let code = request.requester, !code.isEmpty else {
                return .invalidInput(
                    field: "requester",
                    problem:
                        "transition '\(transition.name)' needs who asked: one of \(policy.requesters.map(\.code).joined(separator: ", "))")
            }
            guard policy.requester(code) != nil else {
                return .invalidInput(
                    field: "requester", problem: "'\(code)' is not one of \(policy.requesters.map(\.code).joined(separator: ", "))")
            }
        } else if request.requester != nil {
            return .invalidInput(field: "requester", problem: "transition '\(transition.name)' records no requester")
        }
        if transition.needsConfirmation && request.confirmed != true {
            return .invalidInput(
                field: "confirm", problem: "transition '\(transition.name)' leads to deleting the case: confirm it explicitly")
        }
        if transition.needsReason && (request.reason?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) {
            return .invalidInput(field: "reason", problem: "transition '\(transition.name)' needs a written reason")
        }
        guard transition.needsIntervention else {
            if request.intervention != nil {
                return .invalidInput(field: "intervention", problem: "transition '\(transition.name)' is not an intervention")
            }
            return nil
        }
        guard let code = request.intervention, !code.isEmpty else {
            return .invalidInput(
                field: "intervention",
                problem:
                    "transition '\(transition.name)' needs an intervention: one of \(policy.interventions.map(\.code).joined(separator: ", "))"
            )
        }
        guard let intervention = policy.intervention(code) else {
            return .invalidInput(field: "intervention", problem: "'\(code)' is not an intervention of the workflow policy")
        }
        let counterpart = request.counterpart?.trimmingCharacters(in: .whitespacesAndNewlines)
        if intervention.needsCounterpart && (counterpart?.isEmpty ?? true) {
            return .invalidInput(field: "counterpart", problem: "the intervention '\(code)' is aimed at someone: name the counterpart")
        }
        switch InterventionGate.check(
            intervention, counterpart: counterpart, documents: state.documents,
            concernsMinor: state.concernsMinor, on: today)
        {
        case .open:
            return nil
        case .missing(let requirement, let mismatches) where mismatches.isEmpty:
            return .documentMissing(
                document: requirement.document, intervention: code,
                counterpart: requirement.namesCounterpart ? counterpart : nil)
        case .missing(let requirement, let mismatches):
            return .documentUnfit(
                document: requirement.document, intervention: code,
                counterpart: requirement.namesCounterpart ? counterpart : nil, mismatches: mismatches)
        }
    }
}
